/** Builds the Prisma client for the configured backend: embedded PGlite or PostgreSQL. */
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { closeSharedPglite, pgConfigFromUrl, pgliteAdapterFactory, sharedPglite } from './adapters.js';
import { applyMigrations, pendingMigrations } from './migrations.js';
import { seedFromTemplate } from './pgliteTemplate.js';
import { observedQuery, pgliteSqlClient, pgSqlClient, type SqlClient, type StatementObserver } from './sql.js';

export type { PrismaClient } from '../../generated/prisma/client.js';
export { Prisma } from '../../generated/prisma/client.js';
export type { SqlClient } from './sql.js';

export interface DatabaseOptions {
  /** postgresql://… for PostgreSQL; undefined for embedded PGlite. */
  databaseUrl?: string;
  /** Folder for the embedded database. */
  dataDir: string;
  poolMax?: number;
  /** Sees every statement before it goes out (tests count a turn's statements). */
  onStatement?: StatementObserver;
}

export interface Database {
  prisma: PrismaClient;
  /** The same database without Prisma, for the statements every turn makes. */
  sql: SqlClient;
  kind: 'pglite' | 'postgresql';
  /** Migrations in prisma/migrations that the database hasn't applied. */
  pendingMigrations(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // One pool for Prisma and the direct statements, so DB_POOL_MAX bounds the connections.
    const pool = new pg.Pool({ ...pgConfigFromUrl(options.databaseUrl), max: options.poolMax ?? 10 });
    // An idle connection the server ends (a restart, a failover, an administrator) is an 'error'
    // event on the pool; without a listener it would kill the process. The pool drops that client
    // and the next statement opens a new one; a query that fails still rejects to its caller.
    pool.on('error', () => {});
    const observer = options.onStatement;
    if (observer) {
      pool.on('connect', (client) => {
        const mutable = client as unknown as { query: (...args: unknown[]) => unknown };
        mutable.query = observedQuery(client.query.bind(client) as (...args: unknown[]) => unknown, observer);
      });
    }
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: false }) });
    return wrap(prisma, pgSqlClient(pool), async () => {
      await prisma.$disconnect();
      await pool.end();
    });
  }
  const dir = path.resolve(options.dataDir, 'pglite');
  // A new folder starts as a copy of the build's migrated cluster: creating one is most of a first start.
  seedFromTemplate(dir);
  const pglite = sharedPglite(dir);
  await applyMigrations(pglite);
  if (options.onStatement) observePglite(pglite, options.onStatement);
  const prisma = new PrismaClient({ adapter: pgliteAdapterFactory(pglite) as never });
  return wrap(prisma, pgliteSqlClient(pglite), async () => {
    await prisma.$disconnect();
    await closeSharedPglite(dir);
  });
}

function observePglite(db: PGlite, observer: StatementObserver): void {
  const mutable = db as unknown as Record<'query' | 'exec', (...args: unknown[]) => unknown>;
  for (const method of ['query', 'exec'] as const) {
    mutable[method] = observedQuery(mutable[method].bind(db), observer);
  }
}

function wrap(prisma: PrismaClient, sql: SqlClient, close: () => Promise<void>): Database {
  let closed = false;
  return {
    prisma,
    sql,
    kind: sql.kind,
    pendingMigrations: () => pendingMigrations(async (text) => (await sql.query<{ migration_name: string }>(text)).rows),
    ping: async () => {
      await sql.query('SELECT 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
