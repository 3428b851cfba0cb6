/**
 * Applies prisma/migrations at startup for the embedded database, recording each in Prisma's own
 * _prisma_migrations table so that `prisma migrate status` agrees. PostgreSQL uses `npm run db:deploy`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../kernel/paths.js';

const MIGRATIONS_DIR = projectPath('prisma', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The little a migration runner needs from a connection; PGlite and pg.Client both fit. */
export interface SqlExecutor {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function applyMigrations(db: SqlExecutor, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(CREATE_TABLE);
  const done = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(done.rows.map((r) => r.migration_name));
  const ran: string[] = [];
  for (const m of listMigrations(dir)) {
    if (applied.has(m.name)) continue;
    await db.exec('BEGIN');
    try {
      await db.exec(m.sql);
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [crypto.randomUUID(), m.checksum, m.name],
      );
      await db.exec('COMMIT');
    } catch (e) {
      await db.exec('ROLLBACK');
      throw e;
    }
    ran.push(m.name);
  }
  return ran;
}

/** Adapts a pg.Client (or pool client) to SqlExecutor; `exec` runs multi-statement scripts. */
export function pgExecutor(client: { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): SqlExecutor {
  return {
    exec: (sql) => client.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)) as { rows: T[] },
  };
}

/** Names of migrations in the folder that the database has not applied (used by /readyz). */
export async function pendingMigrations(
  query: (sql: string) => Promise<Array<{ migration_name: string }>>,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  let rows: Array<{ migration_name: string }> = [];
  try {
    rows = await query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
  } catch {
    rows = [];
  }
  const applied = new Set(rows.map((r) => r.migration_name));
  return listMigrations(dir).map((m) => m.name).filter((n) => !applied.has(n));
}
