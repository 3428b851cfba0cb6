/**
 * Live chat in the staff console over real HTTP: a signed-in coach switches "available for live
 * chat" on, sees the jobseeker waiting, accepts, reads and answers the chat, ends it, and handles a
 * call-back request; every form needs the session's CSRF token. The jobseeker is in the web widget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, systemClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { ConsoleClient, text } from '../staff/helpers.js';
import { DirectLineClient } from '../webchat/directLineClient.js';
import { TUESDAY_10AM, typingFromBot, untilBotSays } from './helpers.js';

const t = (locale: string, key: string, args: Record<string, unknown> = {}) => String(translator.t(locale)(key, args));
const fi = (key: string, args: Record<string, unknown> = {}) => t('fi', `handoff:console.${key}`, args);

let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp(
    { SEED_DEMO_DATA: 'true', PUBLIC_BASE_URL: 'http://127.0.0.1:9', STAFF_SIGNIN_PER_MINUTE: '200', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' },
    { clock: new FixedClock(TUESDAY_10AM), rateLimitClock: systemClock, manualJobs: true },
  );
}, 120_000);
afterAll(async () => {
  await running?.stop();
});

const section = (html: string) => {
  const m = /<section id="section-live-chat"[\s\S]*?<\/section>/.exec(html);
  if (!m) throw new Error('no live chat section on the page');
  return m[0];
};
const hiddenValue = (html: string, name: string) => {
  const m = new RegExp(`name="${name}" value="([^"]+)"`).exec(html);
  if (!m) throw new Error(`no ${name} on the page`);
  return m[1];
};

describe('live chat in the staff console', () => {
  it('a coach goes available, accepts a waiting jobseeker, chats, ends, and handles a call-back request', async () => {
    const ville = new ConsoleClient(running.baseUrl);
    await ville.signInWithLink((await running.app.features.staff.auth.createLink('test', 'ville.demo@example.org')).url);
    let page = await ville.open('/staff/availability');
    expect(page.status).toBe(200);
    expect(text(section(page.html))).toContain(fi('status.off'));
    const csrf = ConsoleClient.csrf(page.html);

    // No CSRF token, no change.
    expect((await ville.post('/staff/sections/live-chat/available', {})).status).toBe(403);
    expect((await ville.post('/staff/sections/live-chat/available', { _csrf: csrf })).status).toBe(303);
    page = await ville.open('/staff/availability');
    expect(text(section(page.html))).toContain(fi('status.available'));

    const jobseeker = await DirectLineClient.open(running.baseUrl, 'en');
    await jobseeker.start('en');
    await jobseeker.untilBotAsks();
    await jobseeker.say('I want to talk to a person');
    await untilBotSays(jobseeker, t('en', 'handoff:municipality.prompt'));
    await jobseeker.say('Salo');
    await untilBotSays(jobseeker, t('en', 'handoff:consent.prompt'));
    await jobseeker.say('Yes');
    await untilBotSays(jobseeker, t('en', 'handoff:queue.joined', { place: 1, minutes: 8 }));

    page = await ville.open('/staff/availability');
    expect(text(section(page.html))).toContain(fi('queue.entry', { place: 1, language: 'englanti', municipality: 'Salo', since: '10.00' }));
    const handoffId = hiddenValue(section(page.html), 'handoffId');
    expect((await ville.post('/staff/sections/live-chat/accept', { _csrf: csrf, handoffId })).status).toBe(303);
    await untilBotSays(jobseeker, t('en', 'handoff:live.joined', { name: 'Ville (demo)' }));

    await jobseeker.say('My number is 040 555 1234, can you call me?');
    await expect
      .poll(async () => text(section((await ville.open('/staff/availability')).html)), { timeout: 15_000 })
      .toContain('My number is 040 555 1234, can you call me?');
    page = await ville.open('/staff/availability');
    const chat = text(section(page.html));
    expect(chat).toContain(fi('chat.with', { language: 'englanti', municipality: 'Salo' }));
    // The conversation with the bot before the handoff is there too.
    expect(chat).toContain('I want to talk to a person');

    expect((await ville.post('/staff/sections/live-chat/send', { _csrf: csrf, handoffId, text: 'Hei! Soitan sinulle tänään.' })).status).toBe(303);
    await untilBotSays(jobseeker, 'Hei! Soitan sinulle tänään.');

    // What the page's script does: read new messages as JSON, signal typing and send, all with the session and the CSRF token.
    const json = { accept: 'application/json' };
    const read = await ville.request('GET', `/staff/sections/live-chat/data/messages?handoffId=${handoffId}&after=0`, undefined, json);
    expect(read.status).toBe(200);
    const answer = JSON.parse(read.html) as { status: string; after: number; html: string[] };
    expect(answer.status).toBe('active');
    expect(answer.html.map(text)).toEqual([expect.stringContaining('My number is 040 555 1234, can you call me?'), expect.stringContaining('Hei! Soitan sinulle tänään.')]);
    expect(answer.html[0]).toContain(fi('chat.jobseeker'));
    const later = JSON.parse((await ville.request('GET', `/staff/sections/live-chat/data/messages?handoffId=${handoffId}&after=${answer.after}`, undefined, json)).html) as { html: string[] };
    expect(later.html).toEqual([]);
    expect((await new ConsoleClient(running.baseUrl).request('GET', `/staff/sections/live-chat/data/messages?handoffId=${handoffId}`, undefined, json)).status).toBe(303);

    expect((await ville.request('POST', '/staff/sections/live-chat/typing', { handoffId }, json)).status).toBe(403);
    expect((await ville.request('POST', '/staff/sections/live-chat/typing', { _csrf: csrf, handoffId }, json)).status).toBe(204);
    expect(typingFromBot(await jobseeker.until(typingFromBot))).toBe(true);
    expect((await ville.request('POST', '/staff/sections/live-chat/send', { _csrf: csrf, handoffId, text: 'Missä kunnassa asut?' }, json)).status).toBe(204);
    await untilBotSays(jobseeker, 'Missä kunnassa asut?');

    expect((await ville.post('/staff/sections/live-chat/end', { _csrf: csrf, handoffId })).status).toBe(303);
    await untilBotSays(jobseeker, t('en', 'handoff:live.coachEnded'));
    page = await ville.open('/staff/availability');
    expect(text(section(page.html))).toContain(fi('chat.none'));

    // A call-back request of the area.
    await running.app.features.handoff.service.requestCallback({ channelId: 'test', conversationId: 'c-cb', name: 'Leena Lahtinen', phone: '040 222 3333', preferredTime: 'iltapäivällä', locale: 'fi', municipality: 'Salo', area: 'salo' });
    page = await ville.open('/staff/availability');
    expect(text(section(page.html))).toContain('Leena Lahtinen');
    expect(section(page.html)).toContain('href="tel:+358402223333"');
    const callbackId = hiddenValue(section(page.html), 'callbackId');
    expect((await ville.post('/staff/sections/live-chat/callback-done', { _csrf: csrf, callbackId })).status).toBe(303);
    page = await ville.open('/staff/availability');
    expect(text(section(page.html))).toContain(fi('callbacks.none'));

    expect((await ville.post('/staff/sections/live-chat/unavailable', { _csrf: csrf })).status).toBe(303);
    expect(text(section((await ville.open('/staff/availability')).html))).toContain(fi('status.off'));
  });
});
