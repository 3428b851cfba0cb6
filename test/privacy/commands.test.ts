/** "Show my data" and "delete my data" as typed commands, in every shipped locale, at any point. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/i18n/i18n.js';
import { SUPPORTED_LOCALES } from '../../bot/i18n/locales.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { join, say, type Person } from './helpers.js';

const translator = createTranslator();
let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await running?.stop();
});

function words(locale: string, key: string): string[] {
  return translator.t(locale)(key, { returnObjects: true }) as string[];
}

describe.each(SUPPORTED_LOCALES)('in %s', (locale) => {
  const t = translator.t(locale);

  it('every "show my data" phrase gives the summary in that language', async () => {
    for (const [i, phrase] of words(locale, 'privacy:commands.showData').entries()) {
      const p: Person = { userId: `u-cmd-show-${locale}-${i}`, conversationId: `c-cmd-show-${locale}-${i}`, name: 'X', locale };
      await join(running.baseUrl, p);
      await say(running.baseUrl, p, locale === 'fi-x-selko' ? 'selkosuomeksi' : 'menu');
      const replies = await say(running.baseUrl, p, phrase);
      const expected = String(t('privacy:show.summary', { lines: '' })).trim();
      expect(replies[0]?.text?.startsWith(expected), `"${phrase}" → ${replies[0]?.text}`).toBe(true);
    }
  });

  it('every "delete my data" phrase asks for confirmation, also in the middle of a task', async () => {
    for (const [i, phrase] of words(locale, 'privacy:commands.deleteData').entries()) {
      const p: Person = { userId: `u-cmd-del-${locale}-${i}`, conversationId: `c-cmd-del-${locale}-${i}`, name: 'X', locale };
      await join(running.baseUrl, p);
      if (locale === 'fi-x-selko') await say(running.baseUrl, p, 'selkosuomeksi');
      // Start the feedback dialog first: the command interrupts it.
      await say(running.baseUrl, p, String(t('privacy:menu.feedback')));
      const replies = await say(running.baseUrl, p, phrase);
      expect(replies.at(-1)?.text, `"${phrase}"`).toBe(String(t('privacy:delete.confirm')));
    }
  });
});
