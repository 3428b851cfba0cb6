import { MemoryStorage, type Storage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlStorage } from '../../bot/state/sqlStorage.js';
import { openTestDatabase, postgresForSuite, type TestDatabase } from '../support/database.js';

// One contract, three implementations: the database storage, straight to PGlite and to
// PostgreSQL's pool, must behave exactly like MemoryStorage.
const havePostgres = await postgresForSuite('storage contract on PostgreSQL');
const backends = havePostgres ? (['pglite', 'postgresql'] as const) : (['pglite'] as const);
const databases: Partial<Record<'pglite' | 'postgresql', TestDatabase>> = {};
beforeAll(async () => {
  for (const backend of backends) databases[backend] = await openTestDatabase({ backend });
});
afterAll(async () => {
  await databases.pglite?.destroy();
  await databases.postgresql?.destroy();
});

function sqlStorage(backend: 'pglite' | 'postgresql'): Storage {
  const db = databases[backend];
  if (!db) throw new Error(`no ${backend} database for this run`);
  return new SqlStorage(db.sql);
}

const implementations: Array<[string, () => Storage]> = [
  ['MemoryStorage', () => new MemoryStorage()],
  ['SqlStorage on PGlite', () => sqlStorage('pglite')],
  ...(havePostgres ? [['SqlStorage on PostgreSQL', () => sqlStorage('postgresql')] as [string, () => Storage]] : []),
];

describe.each(implementations)('Storage contract: %s', (_name, make) => {
  let n = 0;
  const key = () => `contract/${_name}/${Date.now()}/${n++}`;

  it('reads nothing for missing keys', async () => {
    expect(await make().read([key(), key()])).toEqual({});
  });

  it('round-trips an item and gives it an eTag', async () => {
    const s = make();
    const k = key();
    await s.write({ [k]: { count: 1, nested: { list: ['a', 'ä', 'ب'] } } });
    const item = (await s.read([k]))[k];
    expect(item).toMatchObject({ count: 1, nested: { list: ['a', 'ä', 'ب'] } });
    expect(typeof item.eTag).toBe('string');
  });

  it('accepts a write with the current eTag and issues a new one', async () => {
    const s = make();
    const k = key();
    await s.write({ [k]: { v: 1 } });
    const first = (await s.read([k]))[k];
    await s.write({ [k]: { ...first, v: 2 } });
    const second = (await s.read([k]))[k];
    expect(second.v).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  it('rejects a stale eTag and keeps the newer data', async () => {
    const s = make();
    const k = key();
    await s.write({ [k]: { v: 1 } });
    const stale = (await s.read([k]))[k];
    await s.write({ [k]: { ...stale, v: 2 } });
    await expect(s.write({ [k]: { ...stale, v: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await s.read([k]))[k].v).toBe(2);
  });

  it('overwrites with "*" and with no eTag', async () => {
    const s = make();
    const k = key();
    await s.write({ [k]: { v: 1 } });
    await s.write({ [k]: { v: 2, eTag: '*' } });
    expect((await s.read([k]))[k].v).toBe(2);
    await s.write({ [k]: { v: 3 } });
    expect((await s.read([k]))[k].v).toBe(3);
  });

  it('writes a new key even when the item carries an eTag', async () => {
    const s = make();
    const k = key();
    await s.write({ [k]: { v: 1, eTag: 'from-elsewhere' } });
    expect((await s.read([k]))[k].v).toBe(1);
  });

  it('still writes the other keys of a batch with one conflict', async () => {
    const s = make();
    const [a, b] = [key(), key()];
    await s.write({ [a]: { v: 1 } });
    const stale = (await s.read([a]))[a];
    await s.write({ [a]: { ...stale, v: 2 } });
    await expect(s.write({ [a]: { ...stale, v: 9 }, [b]: { v: 1 } })).rejects.toThrow(/eTag conflict/);
    const items = await s.read([a, b]);
    expect(items[a].v).toBe(2);
    expect(items[b].v).toBe(1);
  });

  it('lets exactly one of many concurrent writers with the same eTag win', async () => {
    const s = make();
    const k = key();
    await s.write({ [k]: { v: 0 } });
    const base = (await s.read([k]))[k];
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => s.write({ [k]: { ...base, v: i + 1 } })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect((await s.read([k]))[k].v).toBe(winner + 1);
  });

  it('deletes keys', async () => {
    const s = make();
    const k = key();
    await s.write({ [k]: { v: 1 } });
    await s.delete([k]);
    expect(await s.read([k])).toEqual({});
  });
});

describe.each(backends)('two processes sharing one database (%s)', (backend) => {
  it('lets only one of two storages holding the same eTag write, and the other sees the winner', async () => {
    // Two SqlStorage objects stand for two bot processes: nothing is shared but the database.
    const a = sqlStorage(backend);
    const b = sqlStorage(backend);
    const k = `contract/shared/${backend}/${Date.now()}`;
    await a.write({ [k]: { turn: 1 } });
    const [seenByA, seenByB] = [(await a.read([k]))[k], (await b.read([k]))[k]];
    expect(seenByB.eTag).toBe(seenByA.eTag);
    await b.write({ [k]: { ...seenByB, turn: 2 } });
    await expect(a.write({ [k]: { ...seenByA, turn: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await a.read([k]))[k]).toMatchObject({ turn: 2 });
  });
});
