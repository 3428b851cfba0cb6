/** Builds the Prisma client for the configured backend: embedded PGlite or PostgreSQL. */
import path from 'node:path';
import { PrismaClient } from '../../generated/prisma/client.js';
import { closeSharedPglite, pgliteAdapterFactory, pgRuntimeAdapter, sharedPglite } from './adapters.js';
import { applyMigrations, pendingMigrations } from './migrations.js';

export type { PrismaClient } from '../../generated/prisma/client.js';
export { Prisma } from '../../generated/prisma/client.js';

export interface DatabaseOptions {
  /** postgresql://… for PostgreSQL; undefined for embedded PGlite. */
  databaseUrl?: string;
  /** Folder for the embedded database. */
  dataDir: string;
  poolMax?: number;
}

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgresql';
  /** Migrations in prisma/migrations that the database hasn't applied. */
  pendingMigrations(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const prisma = new PrismaClient({ adapter: pgRuntimeAdapter(options.databaseUrl, options.poolMax) });
    return wrap(prisma, 'postgresql', async () => prisma.$disconnect());
  }
  const dir = path.resolve(options.dataDir, 'pglite');
  const pglite = sharedPglite(dir);
  await applyMigrations(pglite);
  const prisma = new PrismaClient({ adapter: pgliteAdapterFactory(pglite) as never });
  return wrap(prisma, 'pglite', async () => {
    await prisma.$disconnect();
    await closeSharedPglite(dir);
  });
}

function wrap(prisma: PrismaClient, kind: Database['kind'], close: () => Promise<void>): Database {
  let closed = false;
  return {
    prisma,
    kind,
    pendingMigrations: () => pendingMigrations((sql) => prisma.$queryRawUnsafe(sql)),
    ping: async () => {
      await prisma.$queryRawUnsafe('SELECT 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
