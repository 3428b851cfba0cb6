import 'dotenv/config';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { pgliteAdapterFactory, pgMigrationAdapterFactory, sharedPglite } from './bot/db/adapters.js';

const embedded = !process.env.DATABASE_URL;
const dataDir = path.resolve(process.env.DATA_DIR ?? './data', 'pglite');
// Prisma 6 requires the datasource url even with a driver adapter; any postgresql:// value will do
// for PGlite (without it the CLI fails with a misleading "binaries.prisma.sh ENOTFOUND").
if (embedded) process.env.DATABASE_URL = 'postgresql://embedded@localhost/pglite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema'),
  migrations: { path: path.join('prisma', 'migrations'), seed: 'node bot/launch.mjs prisma/seed.ts' },
  adapter: async () => {
    if (!embedded) return pgMigrationAdapterFactory(process.env.DATABASE_URL!) as never;
    const db = sharedPglite(dataDir);
    // The CLI never disposes the adapter; close PGlite once the command is done so its files are flushed.
    process.once('beforeExit', () => {
      if (!db.closed) db.close().catch(() => undefined);
    });
    return pgliteAdapterFactory(db) as never;
  },
});
