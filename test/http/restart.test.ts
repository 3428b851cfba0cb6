import { afterAll, expect, it } from 'vitest';
import { activity, expectReplies } from '../support/app.js';
import { freshDatabaseLocation, type TestDatabaseLocation } from '../support/database.js';
import { startBotProcess, type BotProcess } from '../support/process.js';

let location: TestDatabaseLocation | undefined;
let bot: BotProcess | undefined;
afterAll(async () => {
  await bot?.stop();
  await location?.drop();
});

it('continues a dialog after the server process restarts, with state and transcript kept', async () => {
  location = await freshDatabaseLocation();
  const env = { DATA_DIR: location.dataDir, ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}) };

  bot = await startBotProcess(env);
  await expectReplies(bot.baseUrl, activity({ type: 'conversationUpdate', locale: 'en', membersAdded: [{ id: 'user-r' }] }, 'restart-1', 'user-r'));
  const picker = await expectReplies(bot.baseUrl, activity({ type: 'message', text: 'Change language', locale: 'en' }, 'restart-1', 'user-r'));
  expect(picker.map((r) => r.text)).toContain('Choose a language.');

  // SIGTERM: finish in-flight work, close the database, exit 0.
  expect(await bot.stop('SIGTERM')).toBe(0);
  // Message text never reaches the logs.
  expect(bot.output()).not.toContain('Change language');

  bot = await startBotProcess(env);
  const after = await expectReplies(bot.baseUrl, activity({ type: 'message', text: 'Svenska', locale: 'en' }, 'restart-1', 'user-r'));
  expect(after.map((r) => r.text)).toContain('Okej, vi fortsätter på svenska.');

  const health = await fetch(`${bot.baseUrl}/healthz`);
  expect(health.status).toBe(200);
  expect(await bot.stop('SIGINT')).toBe(0);
  bot = undefined;
}, 420_000);
