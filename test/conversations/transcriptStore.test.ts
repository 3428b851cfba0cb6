/** The transcript store's batched SQL insert keeps every field, in order, redacted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranscriptStore } from '../../bot/conversations/transcriptStore.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { redact } from '../../bot/kernel/redact.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.destroy());

describe('TranscriptStore', () => {
  it('stores inbound and outbound activities with their JSON parts and redacted text', async () => {
    const store = new TranscriptStore(db, silentLogger, (t) => redact(t).text);
    const conversation = { id: 'ts-1' };
    store.logActivity({ type: 'message', channelId: 'web', conversation, id: 'a1', from: { id: 'u1', role: 'user' }, text: 'soita 040 1234567', locale: 'fi', timestamp: new Date('2026-11-02T10:00:00.123Z'), value: { choice: 'booking' } } as never);
    store.logActivity({
      type: 'message',
      channelId: 'web',
      conversation,
      replyToId: 'a1',
      from: { id: 'bot', role: 'bot' },
      text: 'Valitse aika',
      timestamp: new Date('2026-11-02T10:00:00.456Z'),
      suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'ma 9.00', value: 'ma 9.00' }] },
      attachments: [{ contentType: 'text/plain', content: 'ä' }],
    } as never);
    store.logActivity({ type: 'typing', channelId: 'web', conversation, from: { id: 'bot', role: 'bot' }, timestamp: new Date('2026-11-02T10:00:00.500Z') } as never);
    await store.flush();
    const rows = await db.prisma.transcriptMessage.findMany({ where: { conversationId: 'ts-1' }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.direction, r.type])).toEqual([
      ['inbound', 'message'],
      ['outbound', 'message'],
      ['outbound', 'typing'],
    ]);
    expect(rows[0].text).not.toContain('1234567');
    expect(rows[0]).toMatchObject({ activityId: 'a1', fromId: 'u1', fromRole: 'user', locale: 'fi', value: { choice: 'booking' }, attachments: null });
    expect(rows[0].timestamp.toISOString()).toBe('2026-11-02T10:00:00.123Z');
    expect(rows[1]).toMatchObject({ replyToId: 'a1', text: 'Valitse aika', suggestedActions: { actions: [{ title: 'ma 9.00' }] }, attachments: [{ content: 'ä' }], value: null });
    expect(Math.abs(rows[2].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('writes a batch larger than one statement holds, in order', async () => {
    const store = new TranscriptStore(db, silentLogger);
    for (let i = 0; i < 450; i++) store.logActivity({ type: 'message', channelId: 'web', conversation: { id: 'ts-2' }, from: { id: 'u', role: 'user' }, text: `m${i}`, timestamp: new Date() } as never);
    await store.flush();
    const rows = await db.prisma.transcriptMessage.findMany({ where: { conversationId: 'ts-2' }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.text)).toEqual(Array.from({ length: 450 }, (_, i) => `m${i}`));
  });
});

describe('TranscriptStore with hostile rows (issue 17, finding 2)', () => {
  it("one conversation's NUL and invalid timestamps cost no other conversation a row", async () => {
    const store = new TranscriptStore(db, silentLogger, (t) => redact(t).text);
    for (let i = 0; i < 60; i++) {
      store.logActivity({ type: 'message', channelId: 'web', conversation: { id: 'victim' }, from: { id: 'v', role: 'user' }, text: `viesti ${i}`, timestamp: new Date() } as never);
      if (i % 10 === 0) {
        store.logActivity({ type: 'message', channelId: 'web', conversation: { id: 'attacker' }, from: { id: 'a\u0000', role: 'user' }, text: `x\u0000y\ud800`, value: { ['k\u0000']: 'v\udc00' }, timestamp: new Date('not a date') } as never);
        store.logActivity({ type: 'message', channelId: 'web', conversation: { id: 'attacker' }, from: { id: 'a', role: 'user' }, text: 'late', timestamp: '99999-01-01T00:00:00Z' } as never);
      }
    }
    await store.flush();
    const victim = await db.prisma.transcriptMessage.findMany({ where: { conversationId: 'victim' }, orderBy: { seq: 'asc' } });
    expect(victim.map((r) => r.text)).toEqual(Array.from({ length: 60 }, (_, i) => `viesti ${i}`));
    const attacker = await db.prisma.transcriptMessage.findMany({ where: { conversationId: 'attacker' }, orderBy: { seq: 'asc' } });
    expect(attacker).toHaveLength(12);
    expect(attacker[0]).toMatchObject({ text: 'xy\ufffd', fromId: 'a', value: { k: 'v\ufffd' } });
    // An unusable client timestamp is replaced by the server's.
    for (const row of attacker) expect(Math.abs(row.timestamp.getTime() - Date.now())).toBeLessThan(60_000);
    expect(store.rowsLost).toBe(0);
  });

  it('a row the database refuses is retried alone: only it is lost, and the loss is counted', async () => {
    // Stands in for any row the database refuses after normalisation.
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "TranscriptMessage" ADD CONSTRAINT test_refuse_poison CHECK ("text" IS DISTINCT FROM 'poison')`);
    try {
      const lost: number[] = [];
      const store = new TranscriptStore(db, silentLogger, (t) => t, (rows) => lost.push(rows));
      for (let i = 0; i < 30; i++) {
        store.logActivity({ type: 'message', channelId: 'web', conversation: { id: 'kept' }, from: { id: 'u', role: 'user' }, text: `m${i}`, timestamp: new Date() } as never);
        if (i === 15) store.logActivity({ type: 'message', channelId: 'web', conversation: { id: 'other' }, from: { id: 'o', role: 'user' }, text: 'poison', timestamp: new Date() } as never);
      }
      await store.flush();
      const rows = await db.prisma.transcriptMessage.findMany({ where: { conversationId: 'kept' }, orderBy: { seq: 'asc' } });
      expect(rows.map((r) => r.text)).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`));
      expect(await db.prisma.transcriptMessage.count({ where: { conversationId: 'other' } })).toBe(0);
      expect(store.rowsLost).toBe(1);
      expect(lost).toEqual([1]);
    } finally {
      await db.prisma.$executeRawUnsafe(`ALTER TABLE "TranscriptMessage" DROP CONSTRAINT test_refuse_poison`);
    }
  });
});
