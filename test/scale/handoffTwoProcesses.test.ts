/**
 * A live chat across two real bot processes on ONE fresh PostgreSQL database, as behind a load
 * balancer: the jobseeker's widget talks to process A, the coach's console to process B. Nothing
 * of the chat may live in one process's memory. Always PostgreSQL (two processes cannot share an
 * embedded PGlite folder).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoachRepository } from '../../bot/booking/coachRepository.js';
import { CoachTokenRepository } from '../../bot/coaches/coachTokenRepository.js';
import { CoachTokenService } from '../../bot/coaches/tokens.js';
import { openDatabase, type Database } from '../../bot/db/database.js';
import { systemClock } from '../../bot/kernel/clock.js';
import { freshDatabaseLocation, postgresForSuite, type TestDatabaseLocation } from '../support/database.js';
import { startBotProcess, type BotProcess } from '../support/process.js';
import { translator } from '../support/dialogs.js';
import { CoachClient, untilBotSays } from '../handoff/helpers.js';
import { botTexts, DirectLineClient } from '../webchat/directLineClient.js';

const reachable = await postgresForSuite('test/scale');
const en = (key: string, args: Record<string, unknown> = {}) => String(translator.t('en')(key, args));

/** Every day, all day: the test runs at whatever time the machine has. */
const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]));

describe.skipIf(!reachable)('a live chat across two bot processes on one PostgreSQL', () => {
  let location: TestDatabaseLocation;
  let a: BotProcess | undefined;
  let b: BotProcess | undefined;
  let db: Database;

  beforeAll(async () => {
    location = await freshDatabaseLocation({ backend: 'postgresql' });
    const env = { DATABASE_URL: location.databaseUrl!, DATA_DIR: location.dataDir, MUNICIPALITY_NAME: 'Salo', DB_POOL_MAX: '4', WEBCHAT_LONG_POLL_MS: '3000', SEED_DEMO_DATA: 'false' };
    [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
    db = await openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, poolMax: 2 });
  }, 420_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await location?.drop();
  });

  it('the jobseeker on process A and the coach on process B chat both ways, and the coach ending hands back to the bot on A', async () => {
    const coaches = new CoachRepository(db.prisma);
    await coaches.add('scale-coach', {
      name: 'Sanna Skaala',
      email: 'sanna@example.org',
      languages: ['fi', 'en'],
      area: 'salo',
      municipalities: ['Salo'],
      office: { street: 'Katu 1', postalCode: '24100', city: 'Salo' },
      weekly: ALWAYS,
    });
    const issued = await new CoachTokenService(new CoachTokenRepository(db.prisma), coaches, systemClock).issue('scale-coach', 'api');
    const coach = new CoachClient(b!.baseUrl, issued.token);
    expect((await coach.goLive(true)).body).toMatchObject({ available: true });

    const jobseeker = await DirectLineClient.open(a!.baseUrl, 'en');
    expect((await jobseeker.start('en')).status).toBe(201);
    await jobseeker.untilBotAsks();
    await jobseeker.say('I would like to talk to a person');
    await untilBotSays(jobseeker, en('handoff:municipality.prompt'));
    await jobseeker.say('Salo');
    await untilBotSays(jobseeker, en('handoff:consent.prompt'));
    await jobseeker.say('Yes');
    await untilBotSays(jobseeker, en('handoff:queue.joined', { place: 1, minutes: 8 }));

    // B sees A's queue and accepts; the notice reaches the widget polling A.
    const [waiting] = await coach.queue();
    expect(waiting).toBeDefined();
    expect((await coach.call('POST', `/api/coach/handoffs/${waiting.id}/accept`)).status).toBe(200);
    await untilBotSays(jobseeker, en('handoff:live.joined', { name: 'Sanna Skaala' }));

    // A → B.
    await jobseeker.say('Hello from process A');
    const got = await coach.messagesUntil(waiting.id, (m) => m.some((x) => x.text === 'Hello from process A'));
    expect(got.map((m) => m.sender)).toEqual(['jobseeker']);

    // B → A.
    expect((await coach.call('POST', `/api/coach/handoffs/${waiting.id}/messages`, { text: 'Hello from process B', language: 'en' })).status).toBe(201);
    await untilBotSays(jobseeker, en('handoff:relay.plain', { name: 'Sanna Skaala', text: 'Hello from process B' }));

    // B ends; A's next turn is the bot's again.
    expect((await coach.call('POST', `/api/coach/handoffs/${waiting.id}/end`)).status).toBe(200);
    await untilBotSays(jobseeker, en('handoff:live.coachEnded'));
    await jobseeker.say('menu');
    expect(botTexts(await jobseeker.untilBotAsks()).join('\n')).toContain(en('menu.prompt'));
    const row = await db.prisma.handoff.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(row).toMatchObject({ status: 'ended', endedBy: 'coach', coachId: 'scale-coach' });
    expect(row.firstCoachReplyAt).not.toBeNull();
  }, 120_000);
});
