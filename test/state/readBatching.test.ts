/** PrismaStorage joins reads made in the same tick into one statement; each caller still gets only its keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaStorage } from '../../bot/state/prismaStorage.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.destroy());

describe('PrismaStorage read batching', () => {
  it('answers concurrent reads with their own keys, read in one statement', async () => {
    const storage = new PrismaStorage(db.prisma);
    await storage.write({ 'web/users/u1/': { language: { locale: 'sv' } }, 'web/conversations/c1/': { dialogState: { dialogStack: [] } } });
    let statements = 0;
    const original = db.prisma.$queryRawUnsafe.bind(db.prisma);
    (db.prisma as { $queryRawUnsafe: unknown }).$queryRawUnsafe = (...args: Parameters<typeof original>) => {
      statements++;
      return original(...args);
    };
    try {
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
    } finally {
      (db.prisma as { $queryRawUnsafe: unknown }).$queryRawUnsafe = original;
    }
  });
});
