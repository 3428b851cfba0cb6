/**
 * A connection the PostgreSQL server ends while it sits idle in the pool (a restart, a failover,
 * an administrator) must not take the process down, and the next statement must still work.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgConfigFromUrl } from '../../bot/db/adapters.js';
import { openTestDatabase, postgresForSuite, type TestDatabase } from '../support/database.js';

const available = await postgresForSuite('pool error');

describe.skipIf(!available)('PostgreSQL pool: an idle connection ended by the server', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase({ backend: 'postgresql' });
  });
  afterAll(async () => db?.destroy());

  it('is dropped quietly and the next statement opens a new one', async () => {
    const first = await db.sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = first.rows[0].pid;
    const admin = new pg.Client(pgConfigFromUrl(db.location.databaseUrl!));
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    // Give the pool the moment it needs to see the ended connection.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await db.sql.query<{ one: number }>('SELECT 1 AS one');
    expect(next.rows[0].one).toBe(1);
  });
});
