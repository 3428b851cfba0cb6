/**
 * Answers that hand over to the other features' dialogs, in the real app over HTTP: the menu
 * entries the pilot, booking and privacy features register are found and started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectReplies, startTestApp, type BotReply, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';

const s = (locale: string, key: string) => String(translator.t(locale)(key));
const suggestions = (replies: BotReply[]) => replies.flatMap((r) => r.suggestedActions?.actions.map((a) => a.title) ?? []);

describe('answers that start another feature', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    await running?.stop();
  });

  const say = (text: string, locale: string, conversation: string) =>
    expectReplies(running.baseUrl, activity({ type: 'message', text, locale }, conversation, `user-${conversation}`));

  // The first thing each feature's dialog says (its own strings; the pilot has ended by 2026).
  it.each([
    ['fi', 'kuulunko kohderyhmään?', 'knowledge:actions.startEligibility', 'pilot:elig.q.municipalityNow'],
    ['en', 'book a meeting with my coach', 'knowledge:actions.startBooking', 'booking:topic.prompt'],
    ['sv', 'vad sparar boten om mig', 'knowledge:actions.startPrivacy', 'privacy:show.summary'],
  ])('%s "%s" offers %s first, and the button starts that dialog', async (locale, question, key, firstLine) => {
    const conversation = `handover-${locale}`;
    const answer = await say(question, locale, conversation);
    expect(suggestions(answer)[0]).toBe(s(locale, key));
    const started = await say(s(locale, key), locale, conversation);
    const expected = s(locale, firstLine).split('{{')[0];
    expect(started.some((r) => (r.text ?? '').startsWith(expected)), JSON.stringify(started.map((r) => r.text))).toBe(true);
  });
});
