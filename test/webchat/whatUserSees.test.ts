/**
 * What the widget's user sees is exactly what was said, by them and by the bot; redaction belongs
 * to the stored transcript and the logs. Over the real Direct Line endpoints, with a captured log.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { createLogger } from '../../bot/kernel/log.js';
import { SUPPORTED_LOCALES } from '../../bot/i18n/locales.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { MONDAY_8AM } from '../booking/helpers.js';
import { botTexts, DirectLineClient, type DlActivity } from './directLineClient.js';

const PHONE = '040 123 4567';
const EMAIL = 'sam.smith@example.fi';

const t = translator.t('en');
const s = (key: string, args?: Record<string, unknown>) => String(t(key, args));

let running: RunningApp;
let logs = '';
const clock = new FixedClock(MONDAY_8AM);

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  running = await startTestApp({ SEED_DEMO_DATA: 'true', WEBCHAT_LONG_POLL_MS: '500', LOG_LEVEL: 'debug' }, { clock, manualJobs: true, logger: createLogger('debug', stream) });
});
afterAll(async () => {
  await running?.stop();
});

/** Says something and reads until the bot has answered that message. */
async function ask(dl: DirectLineClient, text: string): Promise<{ echo: DlActivity; replies: string[] }> {
  const sent = await dl.say(text, 'en-US');
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const read = await dl.until((all) => all.some((a) => a.from.role === 'bot' && a.replyToId === sent.body.id) && all.some((a) => a.id === sent.body.id));
  await running.app.features.webchatChannel.channel.drain(10_000);
  const rest = (await dl.get()).body;
  dl.watermark = rest.watermark;
  const all = [...read, ...rest.activities];
  return { echo: all.find((a) => a.id === sent.body.id)!, replies: botTexts(all) };
}

describe('the live conversation is not redacted; the transcript and logs are', () => {
  it('a booking shows the phone and email in the user\'s own bubbles and in the summary', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
    await ask(dl, s('booking:menu.book'));
    await ask(dl, s('booking:topic.benefits'));
    await ask(dl, s('booking:mode.phone'));
    const slots = await ask(dl, 'Salo');
    expect(slots.replies).toContain(s('booking:slots.prompt'));
    await ask(dl, 'Monday 07/12/2026, 10:30');
    await ask(dl, 'Sam Smith');
    const phone = await ask(dl, PHONE);
    expect(phone.echo.text).toBe(PHONE);
    const email = await ask(dl, EMAIL);
    expect(email.echo.text).toBe(EMAIL);
    const summary = await ask(dl, `Call me on ${PHONE} or write to ${EMAIL}`);
    expect(summary.echo.text).toBe(`Call me on ${PHONE} or write to ${EMAIL}`);
    const text = summary.replies.join('\n');
    expect(text).toContain(PHONE);
    expect(text).toContain(EMAIL);
    expect(text).not.toMatch(/\[phone\]|\[email\]/);

    // The stored transcript and the logs hold neither.
    await running.app.transcripts.flush();
    const transcript = JSON.stringify(await running.app.db.prisma.transcriptMessage.findMany({ where: { conversationId: dl.conversationId } }));
    expect(transcript).toContain('[phone]');
    expect(transcript).not.toContain('123 4567');
    expect(transcript).not.toContain('sam.smith');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('123 4567');
    expect(logs).not.toContain('sam.smith');

    // A reload reads the redacted transcript.
    const history = (await dl.get('')).body.activities;
    expect(history.find((a) => a.id === phone.echo.id)?.text).toBe('[phone]');
    expect(JSON.stringify(history)).not.toContain('sam.smith');

    // The queue rows that carried the words as written go ten minutes after they were written.
    const prisma = running.app.db.prisma;
    expect(await prisma.directLineActivity.count({ where: { conversationId: dl.conversationId } })).toBeGreaterThan(0);
    clock.advance(9 * 60 * 1000);
    expect(await running.app.jobs.runOnce('webchat-delivery-queue')).toBe(true);
    expect(await prisma.directLineActivity.count({ where: { conversationId: dl.conversationId } })).toBeGreaterThan(0);
    clock.advance(2 * 60 * 1000);
    expect(await running.app.jobs.runOnce('webchat-delivery-queue')).toBe(true);
    expect(JSON.stringify(await prisma.directLineActivity.findMany({ where: { conversationId: dl.conversationId } }))).not.toContain('123 4567');
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))('the crisis reply in %s shows the crisis line\'s number in its text', async (locale) => {
    const dl = await DirectLineClient.open(running.baseUrl, locale);
    await dl.start(locale);
    await dl.untilBotAsks();
    const sent = await dl.say('I want to kill myself', locale);
    const read = await dl.until((all) => all.some((a) => a.from.role === 'bot' && a.replyToId === sent.body.id));
    const reply = read.find((a) => a.from.role === 'bot' && a.replyToId === sent.body.id)!;
    expect(reply.text).toContain('09 2525 0111');
    expect(reply.text).toContain('112');
    expect(reply.text).not.toContain('[phone]');
  });
});

describe('long input in the widget', () => {
  it('a 5,000-character message is accepted and answered politely in the user\'s language, and the chat goes on', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'fi');
    await dl.start('fi-FI');
    await dl.untilBotAsks();
    const sent = await dl.say('a'.repeat(5000), 'fi-FI');
    expect(sent.status).toBe(200);
    const read = await dl.until((all) => all.some((a) => a.from.role === 'bot' && a.replyToId === sent.body.id));
    expect(read.find((a) => a.id === sent.body.id)?.text).toHaveLength(5000);
    expect(botTexts(read)).toContain(String(translator.t('fi')('privacy:tooLong', { max: 4000 })));
    const next = await dl.say('Mitä osaat?', 'fi-FI');
    expect(next.status).toBe(200);
    expect(botTexts(await dl.until((all) => all.some((a) => a.from.role === 'bot' && a.replyToId === next.body.id))).join('\n')).toMatch(/aihe/);
  });
});
