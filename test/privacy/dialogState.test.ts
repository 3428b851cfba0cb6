/**
 * What the bot keeps of a conversation's words between turns: never an identity code (the bot
 * never needs one), not the question it answered, and the contact details typed for a booking
 * only until the booking is made or abandoned (ABANDONED_DIALOG_HOURS). Unanswered-question
 * records keep only redacted text, and the bot says exactly that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { MONDAY_8AM } from '../booking/helpers.js';
import { join, say, type Person } from './helpers.js';

const HETU = '131052-308T';
const HOUR = 3600_000;
const clock = new FixedClock(MONDAY_8AM);
const t = translator.t('en');
const s = (key: string) => String(t(key));
let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp({ SEED_DEMO_DATA: 'true', ABANDONED_DIALOG_HOURS: '24', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' }, { clock, manualJobs: true });
});
afterAll(async () => {
  await running?.stop();
});

async function stateOf(conversationId: string): Promise<string> {
  const rows = await running.app.db.prisma.botState.findMany({ where: { key: { contains: `/conversations/${conversationId}/` } } });
  expect(rows.length).toBeGreaterThan(0);
  return JSON.stringify(rows.map((r) => r.data));
}

describe('dialog state', () => {
  it('keeps no identity code and not the question, while the answer\'s follow-ups stay on screen', async () => {
    const base = running.baseUrl;
    const aino: Person = { userId: 'u-state-aino', conversationId: 'c-state-aino', name: 'Aino', locale: 'en-US' };
    await join(base, aino);
    const question = `What does the coach do? I am Aino Virtanen, my identity code is ${HETU}.`;
    const answer = await say(base, aino, question);
    expect(answer.length).toBeGreaterThan(0);
    const state = await stateOf(aino.conversationId);
    // The dialog is still open (its follow-ups are the next prompt)…
    expect(state).toContain('questionDialog');
    // …and holds neither the identity code nor the question.
    expect(state).not.toContain(HETU);
    expect(state).not.toContain('Aino Virtanen');

    // A message in another language waits on the language offer in the state: without the code.
    await say(base, aino, `Haluan varata ajan valmentajalle, henkilötunnukseni on ${HETU}`);
    expect(await stateOf(aino.conversationId)).not.toContain(HETU);

    // An unanswerable question is counted with its text redacted, and the bot says what it keeps.
    const unsure = await say(base, aino, `Can my cat Mirri ${HETU} come to the interview with me?`);
    const gaps = JSON.stringify(await running.app.db.prisma.knowledgeGap.findMany());
    expect(gaps).not.toContain(HETU);
    const saved = s('knowledge:notSure.saved');
    if (unsure.some((r) => r.text?.includes(saved))) expect(gaps).toContain('[id-code]');
    expect(saved).not.toMatch(/anonym/i);
    expect(saved).toContain('identity codes, phone numbers and email addresses are removed');
  });

  it('keeps a booking\'s contact details only until the booking is abandoned for ABANDONED_DIALOG_HOURS', async () => {
    const base = running.baseUrl;
    const sam: Person = { userId: 'u-state-sam', conversationId: 'c-state-sam', name: 'Sam', locale: 'en-US' };
    await join(base, sam);
    await say(base, sam, s('booking:menu.book'));
    await say(base, sam, s('booking:topic.benefits'));
    await say(base, sam, s('booking:mode.phone'));
    await say(base, sam, 'Salo');
    await say(base, sam, 'Monday, 07/12/2026, 10.30');
    await say(base, sam, 'Sam Smith');
    const asksEmail = await say(base, sam, '040 123 4567');
    expect(asksEmail.at(-1)?.text).toBe(s('booking:email.prompt'));
    // Mid-booking the details are in the state: the booking needs them at the end.
    expect(await stateOf(sam.conversationId)).toContain('Sam Smith');

    // The user goes away. A day later, not yet; after ABANDONED_DIALOG_HOURS, they are gone.
    clock.advance(23 * HOUR);
    expect(await running.app.jobs.runOnce('privacy-retention')).toBe(true);
    expect(await stateOf(sam.conversationId)).toContain('Sam Smith');
    clock.advance(2 * HOUR);
    expect(await running.app.jobs.runOnce('privacy-retention')).toBe(true);
    const after = await stateOf(sam.conversationId);
    expect(after).not.toContain('Sam Smith');
    expect(after).not.toMatch(/123 ?4567/);

    // The user comes back: the bot answers from the main menu, not from the abandoned booking.
    const back = await say(base, sam, 'What can you do?');
    expect(back.length).toBeGreaterThan(0);
    expect(back.map((r) => r.text).join('\n')).not.toContain(s('booking:email.prompt'));
  });
});
