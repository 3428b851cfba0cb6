/** SqlStorage joins reads made in the same tick into one statement; each caller still gets only its keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlStorage } from '../../bot/state/sqlStorage.js';
import type { SqlClient } from '../../bot/db/sql.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.destroy());

describe('SqlStorage read batching', () => {
  it('answers concurrent reads with their own keys, read in one statement', async () => {
    let statements = 0;
    let counting = false;
    const counted: SqlClient = {
      kind: db.sql.kind,
      query: <T>(text: string, params?: readonly unknown[]) => {
        if (counting && text.startsWith('SELECT')) statements++;
        return db.sql.query<T>(text, params);
      },
    };
    const storage = new SqlStorage(counted);
    await storage.write({ 'web/users/u1/': { language: { locale: 'sv' } }, 'web/conversations/c1/': { dialogState: { dialogStack: [] } } });
    counting = true;
    const [user, conversation, missing] = await Promise.all([storage.read(['web/users/u1/']), storage.read(['web/conversations/c1/']), storage.read(['web/users/nobody/'])]);
    expect(statements).toBe(1);
    expect(Object.keys(user)).toEqual(['web/users/u1/']);
    expect(user['web/users/u1/']).toMatchObject({ language: { locale: 'sv' } });
    expect(Object.keys(conversation)).toEqual(['web/conversations/c1/']);
    expect(missing).toEqual({});
    // A read after the batch went out is a new statement and sees a later write.
    await storage.write({ 'web/users/u1/': { language: { locale: 'fi' }, eTag: '*' } });
    expect((await storage.read(['web/users/u1/']))['web/users/u1/']).toMatchObject({ language: { locale: 'fi' } });
    expect(statements).toBe(2);
  });
});
