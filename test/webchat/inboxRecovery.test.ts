/**
 * A widget message accepted with 200 is never lost: the bot runs as a separate process, is killed
 * with SIGKILL while the turn waits for the language model (the model server holds its answer),
 * and a new process started on the same database runs that turn: the answer appears once, the
 * transcript holds the message and the answer once each, and the stored activity is done.
 */
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../bot/db/database.js';
import { completion, startChatModelServer, type ChatModelServer, type ChatReply } from '../support/chatModelServer.js';
import { freshDatabaseLocation, type TestDatabaseLocation } from '../support/database.js';
import { startBotProcess, type BotProcess } from '../support/process.js';
import { botTexts, DirectLineClient, type DlActivity } from './directLineClient.js';

const QUESTION = 'What does the coach do?';
const ANSWER = 'Your coach (OMA-valmentaja) helps you look for work and plan your studies.';
// Long enough that a loaded machine still renews it in time (renewal runs every third of it); short enough to wait out.
const LEASE_MS = 3000;

let location: TestDatabaseLocation | undefined;
let bot: BotProcess | undefined;
let llm: ChatModelServer | undefined;
afterAll(async () => {
  await bot?.stop('SIGKILL');
  await llm?.close();
  await location?.drop();
});

async function waitFor(what: string, check: () => boolean, deadlineMs = 120_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('an activity accepted before a kill -9 is run once by the next process', async () => {
  let reply: ChatReply = 'hang';
  llm = await startChatModelServer(() => reply);
  location = await freshDatabaseLocation();
  const env = {
    DATA_DIR: location.dataDir,
    ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}),
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: llm.baseUrl,
    WEBCHAT_INBOX_LEASE_MS: String(LEASE_MS),
    WEBCHAT_LONG_POLL_MS: '500',
  };

  bot = await startBotProcess(env);
  const first = await DirectLineClient.open(bot.baseUrl, 'en');
  await first.start('en-US');
  await first.untilBotAsks(60_000);

  const sent = await first.say(QUESTION, 'en-US');
  expect(sent.status).toBe(200);
  const id = sent.body.id!;
  // The turn is under way and waiting for the model, which holds its answer: kill the process now.
  await waitFor('the model request', () => llm!.requests.length === 1);
  await bot.stop('SIGKILL');
  bot = undefined;

  reply = completion(JSON.stringify({ answer: ANSWER, citations: ['coach'], inScope: true }));
  bot = await startBotProcess(env);
  const resumed = new DirectLineClient(bot.baseUrl, first.issued);
  resumed.watermark = first.watermark;
  // Read to the end of that turn: the answer, then the bot's follow-up with its suggestions.
  const answered = await resumed.until(
    (all) => all.some((a) => a.from.role === 'bot' && a.replyToId === id && a.type === 'message') && all.some((a) => a.from.role === 'bot' && (a.suggestedActions?.actions.length ?? 0) > 0),
    120_000,
  );
  expect(botTexts(answered).join('\n')).toContain(ANSWER);

  // Several leases later nothing has run it again.
  await new Promise((r) => setTimeout(r, 4 * LEASE_MS));
  const more = await resumed.get();
  expect(botTexts(more.body.activities)).toEqual([]);
  expect(llm.requests).toHaveLength(2);

  // The whole conversation as a reload shows it: the question and its answer once each.
  const history = (await resumed.get('')).body.activities;
  const asked = history.filter((a: DlActivity) => a.from.role === 'user' && a.text === QUESTION);
  expect(asked.map((a) => a.id)).toEqual([id]);
  expect(botTexts(history).filter((t) => t.includes(ANSWER))).toHaveLength(1);

  expect(await bot.stop('SIGTERM')).toBe(0);
  bot = undefined;
  const db = await openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, poolMax: 2 });
  try {
    const transcript = await db.prisma.transcriptMessage.findMany({ where: { conversationId: first.conversationId, type: 'message' } });
    expect(transcript.filter((m) => m.direction === 'inbound' && m.text === QUESTION)).toHaveLength(1);
    expect(transcript.filter((m) => m.direction === 'outbound' && (m.text ?? '').includes(ANSWER))).toHaveLength(1);
    const inbox = await db.prisma.directLineInbox.findMany({ where: { conversationId: first.conversationId } });
    const row = inbox.find((r) => r.id === id)!;
    expect(row.attempts).toBe(2);
    expect(row.processedAt).not.toBeNull();
    // Done: the user's words are no longer kept in the inbox.
    expect(row.activity).toBeNull();
    expect(inbox.every((r) => r.processedAt !== null)).toBe(true);
  } finally {
    await db.close();
  }
}, 600_000);
