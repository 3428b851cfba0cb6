/**
 * The one place tests get a database. TEST_DATABASE=postgresql runs every database-touching suite
 * on a fresh PostgreSQL database (TEST_POSTGRES_URL, default the local server); otherwise each gets
 * a fresh embedded PGlite folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../bot/db/database.js';
import { applyMigrations, pgExecutor } from '../../bot/db/migrations.js';
import { pgConfigFromUrl } from '../../bot/db/adapters.js';

export const testBackend: 'pglite' | 'postgresql' = process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'pglite';
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabaseLocation {
  /** Pass as DATABASE_URL (undefined means embedded). */
  databaseUrl?: string;
  /** Pass as DATA_DIR. */
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database location for this backend. */
export async function freshDatabaseLocation(options: { backend?: 'pglite' | 'postgresql' } = {}): Promise<TestDatabaseLocation> {
  const backend = options.backend ?? testBackend;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-test-'));
  if (backend === 'pglite') {
    return { dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `omabotti_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client(pgConfigFromUrl(adminUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  await applyMigrations(pgExecutor(client));
  await client.end();
  return {
    databaseUrl,
    dataDir,
    drop: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client(pgConfigFromUrl(adminUrl));
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestDatabase extends Database {
  location: TestDatabaseLocation;
  /** Closes the client and drops the database. */
  destroy(): Promise<void>;
}

export async function openTestDatabase(options: { backend?: 'pglite' | 'postgresql' } = {}): Promise<TestDatabase> {
  const location = await freshDatabaseLocation(options);
  const db = await openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, poolMax: 4 });
  return Object.assign(db, {
    location,
    destroy: async () => {
      await db.close();
      await location.drop();
    },
  });
}

/**
 * Whether the PostgreSQL server for the PostgreSQL-only suites answers. Under CI it must: a silent
 * skip there would hide the race tests, so an unreachable server fails the suite instead.
 */
export async function postgresForSuite(suite: string): Promise<boolean> {
  const client = new pg.Client({ ...pgConfigFromUrl(adminUrl), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    if (process.env.CI) throw new Error(`${suite}: PostgreSQL is not reachable at ${adminUrl}`);
    console.warn(`${suite} skipped: no PostgreSQL at ${adminUrl} (set TEST_POSTGRES_URL)`);
    return false;
  }
}
