/**
 * SIGTERM with widget tabs open: their long polls are answered and their keep-alive connections
 * closed, so the process exits within the 15 seconds the README gives it before a SIGKILL.
 */
import { afterAll, expect, it } from 'vitest';
import { freshDatabaseLocation, type TestDatabaseLocation } from '../support/database.js';
import { startBotProcess, type BotProcess } from '../support/process.js';
import { DirectLineClient } from '../webchat/directLineClient.js';

let location: TestDatabaseLocation | undefined;
let bot: BotProcess | undefined;
afterAll(async () => {
  await bot?.stop('SIGKILL');
  await location?.drop();
});

/** Polls like Web Chat does: a new GET 200 ms after each answer, on a keep-alive connection, until told to stop. */
function pollLikeAPage(dl: DirectLineClient, stop: { done: boolean }): Promise<void> {
  return (async () => {
    while (!stop.done) {
      try {
        const res = await dl.get();
        if (res.status === 200) dl.watermark = res.body.watermark;
      } catch {
        // The server went away: a page would retry.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
}

it('exits within 15 s of SIGTERM while pages hold long polls open', async () => {
  location = await freshDatabaseLocation();
  const env = { DATA_DIR: location.dataDir, WEBCHAT_LONG_POLL_MS: '15000', ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}) };
  bot = await startBotProcess(env);

  const pages = await Promise.all([0, 1, 2].map(() => DirectLineClient.open(bot!.baseUrl, 'en')));
  for (const dl of pages) {
    await dl.start('en-US');
    await dl.untilBotAsks();
  }
  const stop = { done: false };
  const polling = pages.map((dl) => pollLikeAPage(dl, stop));
  // Every page is now waiting in a long poll.
  await new Promise((r) => setTimeout(r, 1000));

  const exited = bot.stop('SIGTERM');
  const deadline = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000));
  const outcome = await Promise.race([exited, deadline]);
  stop.done = true;
  await Promise.all(polling);
  expect(outcome).toBe(0);
  bot = undefined;
}, 300_000);
