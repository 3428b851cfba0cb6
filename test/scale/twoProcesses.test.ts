/**
 * Two real bot processes on ONE fresh PostgreSQL database, as behind a load balancer: nothing a
 * conversation needs may live in one process's memory, and scheduled work must run once.
 * Always PostgreSQL (two processes cannot share an embedded PGlite folder).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoachRepository } from '../../bot/booking/coachRepository.js';
import { ConversationRepository } from '../../bot/conversations/conversationRepository.js';
import { openDatabase, type Database } from '../../bot/db/database.js';
import { systemClock } from '../../bot/kernel/clock.js';
import { activity, expectReplies } from '../support/app.js';
import { freshDatabaseLocation, postgresForSuite, type TestDatabaseLocation } from '../support/database.js';
import { startBotProcess, type BotProcess } from '../support/process.js';
import { botTexts, DirectLineClient } from '../webchat/directLineClient.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

// CI always has PostgreSQL (.ci/run makes sure); elsewhere the suite says why it skipped.
const reachable = await postgresForSuite('test/scale');

describe.skipIf(!reachable)('two bot processes on one PostgreSQL', () => {
  let location: TestDatabaseLocation;
  let env: Record<string, string>;
  let a: BotProcess | undefined;
  let b: BotProcess | undefined;
  let db: Database;

  beforeAll(async () => {
    location = await freshDatabaseLocation({ backend: 'postgresql' });
    env = { DATABASE_URL: location.databaseUrl!, DATA_DIR: location.dataDir, MUNICIPALITY_NAME: 'Salo', DB_POOL_MAX: '4', WEBCHAT_LONG_POLL_MS: '3000' };
    [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
    db = await openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, poolMax: 2 });
  }, 420_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await location?.drop();
  });

  it('continues a dialog started on process A on process B, and back, with state and history intact', async () => {
    const conv = 'scale-dialog-1';
    const user = 'scale-user-1';
    const welcome = await expectReplies(a!.baseUrl, activity({ type: 'conversationUpdate', locale: 'en', membersAdded: [{ id: user }] }, conv, user));
    expect(welcome.at(-1)?.text).toBe('How can I help?');
    const picker = await expectReplies(a!.baseUrl, activity({ type: 'message', text: 'Change language', locale: 'en' }, conv, user));
    expect(picker.map((r) => r.text)).toContain('Choose a language.');

    // The answer to A's question arrives at B: B resumes the waiting prompt from the shared state.
    const onB = await expectReplies(b!.baseUrl, activity({ type: 'message', text: 'Svenska', locale: 'en' }, conv, user));
    expect(onB.map((r) => r.text)).toContain('Okej, vi fortsätter på svenska.');

    // Back on A: the language B stored is the conversation's language now.
    const backOnA = await expectReplies(a!.baseUrl, activity({ type: 'message', text: 'help', locale: 'en' }, conv, user));
    expect(backOnA.length).toBeGreaterThan(0);
    expect(backOnA.map((r) => r.text).join('\n')).not.toMatch(/You can choose a topic/);

    // One history, in order, written by both processes (each flushes its own transcript batches, so
    // the rows reach the database in any order): as the coach's console and the data export read it.
    const history = new ConversationRepository(db, systemClock);
    await expect
      .poll(async () => (await history.transcript('test', conv)).filter((r) => r.direction === 'inbound').map((r) => r.text ?? r.type), { timeout: 10_000 })
      .toEqual(['conversationUpdate', 'Change language', 'Svenska', 'help']);
    const conversation = await db.prisma.conversation.findFirst({ where: { conversationId: conv }, include: { user: true } });
    expect(conversation?.user?.channelUserId).toBe(user);
    expect(conversation?.user?.locale).toBe('sv');
  });

  it('continues a Web Chat (Direct Line) conversation started on process A on process B, with state, history and pending activities intact', async () => {
    // The page opens and talks to A.
    const onA = await DirectLineClient.open(a!.baseUrl, 'en');
    expect((await onA.start('en')).status).toBe(201);
    expect(botTexts(await onA.untilBotAsks())).toContain('How can I help?');
    expect((await onA.say('Change language')).status).toBe(200);
    expect(botTexts(await onA.untilBotAsks())).toContain('Choose a language.');

    // The load balancer sends the next requests to B: same token, same watermark.
    const onB = new DirectLineClient(b!.baseUrl, onA.issued);
    onB.watermark = onA.watermark;
    const reconnect = await fetch(`${b!.baseUrl}/v3/directline/conversations/${onA.conversationId}?watermark=${onB.watermark}`, { headers: { authorization: `Bearer ${onA.token}` } });
    expect(reconnect.status).toBe(200);
    // B answers the picker A showed: the waiting prompt came from the shared dialog state.
    expect((await onB.say('Svenska')).status).toBe(200);
    const onBReplies = await onB.until((all) => botTexts(all).includes('Okej, vi fortsätter på svenska.') && all.some((x) => x.from.role === 'bot' && (x.suggestedActions?.actions.length ?? 0) > 0));
    expect(onBReplies.filter((x) => x.from.role === 'user').map((x) => x.text)).toEqual(['Svenska']);
    // B's turn is over once its transcript rows are written (after its state is saved).
    await expect
      .poll(async () => db.prisma.transcriptMessage.count({ where: { conversationId: onA.conversationId, direction: 'inbound', text: 'Svenska' } }), { timeout: 10_000 })
      .toBe(1);

    // Pending activities: A takes a message and answers it, the page has not fetched that yet,
    // and its next poll lands on B, which delivers A's echo and replies from the shared list.
    const viaA = new DirectLineClient(a!.baseUrl, onA.issued);
    expect((await viaA.say('menu')).status).toBe(200);
    const pending = await onB.until((all) => all.some((x) => x.from.role === 'user') && all.some((x) => x.from.role === 'bot' && (x.suggestedActions?.actions.length ?? 0) > 0));
    expect(pending[0]).toMatchObject({ type: 'message', text: 'menu', from: { role: 'user' } });
    // In Swedish: the language B stored is the one A used.
    expect(botTexts(pending).join('\n')).toMatch(/hjälpa/);
    expect(botTexts(pending).join('\n')).not.toMatch(/How can I help/);

    // The whole history, from either process, is one list in order with a gap-free watermark,
    // read once A's turn is in the transcript (a reload reads the transcript first).
    await expect
      .poll(async () => {
        const rows = await db.prisma.transcriptMessage.findMany({ where: { conversationId: onA.conversationId }, orderBy: [{ timestamp: 'asc' }, { seq: 'asc' }] });
        const menu = rows.findIndex((r) => r.direction === 'inbound' && r.text === 'menu');
        return menu >= 0 && rows.slice(menu + 1).some((r) => r.direction === 'outbound' && r.type === 'message');
      }, { timeout: 10_000 })
      .toBe(true);
    const [historyA, historyB] = await Promise.all([viaA.get(''), onB.get('')]);
    expect(historyB.status).toBe(200);
    expect(historyB.body).toEqual(historyA.body);
    const activities = historyB.body.activities;
    expect(activities.filter((x) => x.from.role === 'user').map((x) => x.text)).toEqual(['Change language', 'Svenska', 'menu']);
    expect(Number(historyB.body.watermark)).toBe(activities.length);
    expect(botTexts(activities)[0]).toContain("I'm OMA-botti");

    // A token refreshed on B works on A.
    const refreshed = await onB.refresh();
    expect(refreshed.status).toBe(200);
    expect((await viaA.get(historyB.body.watermark, refreshed.body.token)).status).toBe(200);

    // The transcript holds the turns of both processes. Each process writes its rows when its turn
    // ends, so row numbers interleave by write time; the activities' own timestamps keep the order.
    await expect
      .poll(async () => (await db.prisma.transcriptMessage.findMany({ where: { conversationId: onA.conversationId, direction: 'inbound', type: 'message' }, orderBy: [{ timestamp: 'asc' }, { seq: 'asc' }] })).map((r) => r.text), { timeout: 10_000 })
      .toEqual(['Change language', 'Svenska', 'menu']);
  }, 90_000);

  it('keeps many interleaved conversations apart when turns alternate between the processes', async () => {
    const convs = Array.from({ length: 6 }, (_, i) => `scale-many-${i}`);
    await Promise.all(
      convs.map(async (conv, i) => {
        const user = `scale-many-user-${i}`;
        const [first, second] = i % 2 === 0 ? [a!, b!] : [b!, a!];
        await expectReplies(first.baseUrl, activity({ type: 'conversationUpdate', locale: 'en', membersAdded: [{ id: user }] }, conv, user));
        await expectReplies(second.baseUrl, activity({ type: 'message', text: 'Change language', locale: 'en' }, conv, user));
        const done = await expectReplies(first.baseUrl, activity({ type: 'message', text: i % 3 === 0 ? 'Suomi' : 'English', locale: 'en' }, conv, user));
        expect(done.map((r) => r.text).join('\n')).toMatch(i % 3 === 0 ? /suome/i : /English/);
      }),
    );
    const users = await db.prisma.user.findMany({ where: { channelUserId: { startsWith: 'scale-many-user-' } }, orderBy: { channelUserId: 'asc' } });
    expect(users.map((u) => u.locale)).toEqual(convs.map((_, i) => (i % 3 === 0 ? 'fi' : 'en')));
  });

  it('both processes are ready and expose their own metrics', async () => {
    for (const p of [a!, b!]) {
      expect((await fetch(`${p.baseUrl}/readyz`)).status).toBe(200);
      const text = await (await fetch(`${p.baseUrl}/metrics`)).text();
      expect(text).toMatch(/^omabotti_turns_total\{channel="test",type="message"\} \d+$/m);
    }
  });
});

describe.skipIf(!reachable)('scheduled jobs in two processes on one PostgreSQL', () => {
  let location: TestDatabaseLocation;
  let queue: string;
  beforeAll(async () => {
    location = await freshDatabaseLocation({ backend: 'postgresql' });
    queue = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-lease-'));
    fs.mkdirSync(path.join(queue, 'due'));
  });
  afterAll(async () => {
    fs.rmSync(queue, { recursive: true, force: true });
    await location?.drop();
  });

  function startWorker(): { ready: Promise<void>; go(): void; done: Promise<{ pid: number; runs: number }> } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/scale/leaseWorker.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: location.databaseUrl!, DATA_DIR: location.dataDir, QUEUE_DIR: queue, RUN_FOR_MS: '3000' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        out += String(d);
        if (out.includes('ready\n')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited ${code} before ready: ${err}`)));
    });
    const done = new Promise<{ pid: number; runs: number }>((resolve, reject) => {
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`worker exited ${code}: ${err}`));
        resolve(JSON.parse(out.trim().split('\n').at(-1)!));
      });
    });
    return { ready, go: () => child.stdin!.end('go\n'), done };
  }

  it('delivers every due item exactly once, whichever process holds the lease', async () => {
    const workers = [startWorker(), startWorker()];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    // Items fall due while both processes are polling, as reminders do.
    const items = Array.from({ length: 40 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
    for (const item of items) {
      fs.writeFileSync(path.join(queue, 'due', item), '');
      await new Promise((r) => setTimeout(r, 25));
    }
    const results = await Promise.all(workers.map((w) => w.done));
    // Anything still due when they stopped would be delivered by the next run, not lost.
    const left = fs.readdirSync(path.join(queue, 'due'));
    const delivered = fs.readFileSync(path.join(queue, 'delivered.log'), 'utf8').trim().split('\n').map((l) => l.split(' ')[0]);
    expect([...delivered, ...left].sort()).toEqual(items);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(results.reduce((n, r) => n + r.runs, 0)).toBeGreaterThan(0);
  }, 60_000);
});

describe.skipIf(!reachable)('two processes racing for one booking slot on one PostgreSQL', () => {
  let location: TestDatabaseLocation;
  let db: Database;
  // Monday 7 December 2026, 08:00 in Helsinki; the slot is 11:15 that day.
  const NOW = '2026-12-07T06:00:00Z';
  const SLOT = '2026-12-07T09:15:00Z';
  beforeAll(async () => {
    location = await freshDatabaseLocation({ backend: 'postgresql' });
    db = await openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, poolMax: 2 });
    await new CoachRepository(db.prisma).upsertSeed([
      {
        id: 'race-coach',
        demo: true,
        name: 'Kaisa Kilpailija',
        email: 'kaisa@example.org',
        languages: ['fi'],
        area: 'salo',
        municipalities: ['Salo'],
        office: { street: 'Testikatu 1', postalCode: '24100', city: 'Salo', demoAddress: true },
        weekly: { mon: [{ start: '09:00', end: '12:00' }] },
        exceptions: [],
      },
    ]);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await location?.drop();
  });

  function startBooker(): { ready: Promise<void>; go(): void; done: Promise<{ pid: number; won: string[]; taken: number; other: string[] }> } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/scale/bookingWorker.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: location.databaseUrl!, DATA_DIR: location.dataDir, NOW, SLOT, COACH: 'race-coach', ATTEMPTS: '8' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        out += String(d);
        if (out.includes('ready\n')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`booker exited ${code} before ready: ${err}`)));
    });
    const done = new Promise<{ pid: number; won: string[]; taken: number; other: string[] }>((resolve, reject) => {
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`booker exited ${code}: ${err}`));
        resolve(JSON.parse(out.trim().split('\n').at(-1)!));
      });
    });
    return { ready, go: () => child.stdin!.end('go\n'), done };
  }

  it('makes exactly one booking when both processes confirm the same slot at once', async () => {
    const bookers = [startBooker(), startBooker()];
    await Promise.all(bookers.map((b) => b.ready));
    for (const b of bookers) b.go();
    const results = await Promise.all(bookers.map((b) => b.done));
    expect(results.flatMap((r) => r.other)).toEqual([]);
    const won = results.flatMap((r) => r.won);
    expect(won).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.taken, 0)).toBe(15);

    const rows = await db.prisma.appointment.findMany({ where: { coachId: 'race-coach' } });
    expect(rows.map((r) => [r.id, r.status, r.startsAt.toISOString()])).toEqual([[won[0], 'booked', new Date(SLOT).toISOString()]]);
    // Only the winner's notifications were written; the losers' transactions left nothing.
    const outbox = await db.prisma.outboxMessage.findMany();
    expect(outbox.length).toBeGreaterThan(0);
    expect(new Set(outbox.map((m) => m.appointmentId))).toEqual(new Set([won[0]]));
  }, 90_000);
});

