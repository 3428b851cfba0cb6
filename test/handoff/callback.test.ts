/**
 * When no coach can take a live chat: the bot says when coaches work and offers a call-back request
 * (stored, and listed for the coaches of the area) or a booking; a queue that times out offers the
 * same. Over real HTTP (/api/messages with expectReplies) on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { activity, expectReplies, startTestApp, type BotReply, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { botTexts, DirectLineClient } from '../webchat/directLineClient.js';
import { CoachClient, SATURDAY_NOON, TUESDAY_10AM, untilBotSays } from './helpers.js';

const t = (locale: string, key: string, args: Record<string, unknown> = {}) => String(translator.t(locale)(key, args));

let running: RunningApp;
const clock = new FixedClock(SATURDAY_NOON);

beforeAll(async () => {
  running = await startTestApp({ SEED_DEMO_DATA: 'true', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', HANDOFF_QUEUE_TIMEOUT_MINUTES: '5' }, { clock, manualJobs: true });
});
afterAll(async () => {
  await running?.stop();
});

const texts = (replies: BotReply[]) => replies.map((r) => r.text ?? '');

function person(conversation: string, locale: string) {
  return (text: string) => expectReplies(running.baseUrl, activity({ type: 'message', text, locale }, conversation, `user-${conversation}`));
}

describe('nobody available', () => {
  it('says when coaches work, and stores a call-back request that the coaches of the area see', async () => {
    clock.set(SATURDAY_NOON);
    const say = person('callback-fi', 'fi');
    expect(texts(await say('Haluan puhua ihmisen kanssa'))).toContain(t('fi', 'handoff:municipality.prompt'));
    const none = await say('Salossa');
    // Saturday: the Salo coach is next at work on Monday at 9.00.
    expect(texts(none)).toContain(t('fi', 'handoff:none.later', { when: 'ma 14.12.2026 klo 9.00' }));
    expect(none.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toEqual([t('fi', 'handoff:offer.callback'), t('fi', 'handoff:offer.book'), t('fi', 'handoff:offer.menu')]);
    expect(texts(await say(t('fi', 'handoff:offer.callback')))).toContain(t('fi', 'handoff:callback.name'));
    expect(texts(await say('Maija Meikäläinen'))).toContain(t('fi', 'handoff:callback.phone'));
    expect(texts(await say('soita minulle'))).toContain(t('fi', 'handoff:callback.phoneRetry'));
    expect(texts(await say('040 123 4567'))).toContain(t('fi', 'handoff:callback.time'));
    const saved = await say('maanantaina aamupäivällä');
    expect(texts(saved)).toContain(t('fi', 'handoff:callback.saved', { name: 'Maija Meikäläinen', phone: '+358401234567', time: 'maanantaina aamupäivällä' }));
    // The request for a person is on record too, counted in the report as one no coach could take.
    const requests = await running.app.db.prisma.handoff.findMany({ where: { conversationId: 'callback-fi' } });
    expect(requests).toMatchObject([{ status: 'unstaffed', municipality: 'Salo', locale: 'fi', reason: 'asked' }]);

    const ville = await CoachClient.issue(running.app, 'salo-ville', running.baseUrl);
    const listed = await ville.call<{ callbacks: Array<Record<string, unknown>> }>('GET', '/api/coach/callbacks?status=open');
    expect(listed.status).toBe(200);
    expect(listed.body.callbacks).toHaveLength(1);
    expect(listed.body.callbacks[0]).toMatchObject({ name: 'Maija Meikäläinen', phone: '+358401234567', preferredTime: 'maanantaina aamupäivällä', municipality: 'Salo', status: 'open', languageName: 'suomi' });

    // A coach of another area does not see it.
    const karim = await CoachClient.issue(running.app, 'van-karim', running.baseUrl);
    expect((await karim.call<{ callbacks: unknown[] }>('GET', '/api/coach/callbacks')).body.callbacks).toEqual([]);
    expect((await karim.call('POST', `/api/coach/callbacks/${listed.body.callbacks[0].id as string}/done`)).status).toBe(403);

    const done = await ville.call('POST', `/api/coach/callbacks/${listed.body.callbacks[0].id as string}/done`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done' });
    expect((await ville.call<{ callbacks: unknown[] }>('GET', '/api/coach/callbacks?status=open')).body.callbacks).toEqual([]);
  });

  it('a coach whose switch is on outside working hours is not available', async () => {
    clock.set(SATURDAY_NOON);
    const ville = await CoachClient.issue(running.app, 'salo-ville', running.baseUrl);
    const status = await ville.goLive(true);
    expect(status.body).toMatchObject({ switchedOn: true, inWorkingHours: false, available: false });
    const say = person('callback-weekend', 'en');
    await say('talk to a person');
    const none = await say('Salo');
    expect(texts(none)).toContain(t('en', 'handoff:none.prompt'));
    expect(texts(await say(t('en', 'handoff:offer.menu'))).join('\n')).toContain(t('en', 'menu.prompt'));
    // Back to the menu without a call-back: the request for a person still counts.
    expect(await running.app.db.prisma.handoff.count({ where: { conversationId: 'callback-weekend', status: 'unstaffed' } })).toBe(1);
    await ville.goLive(false);
  });

  it('never leaves a waiting jobseeker in silence, and a queue timeout offers a call-back', async () => {
    clock.set(TUESDAY_10AM);
    const ville = await CoachClient.issue(running.app, 'salo-ville', running.baseUrl);
    await ville.goLive(true);
    const jobseeker = await DirectLineClient.open(running.baseUrl, 'sv');
    await jobseeker.start('sv');
    await jobseeker.untilBotAsks();
    await jobseeker.say('Jag vill prata med en människa');
    await untilBotSays(jobseeker, t('sv', 'handoff:municipality.prompt'));
    await jobseeker.say('Salo');
    await untilBotSays(jobseeker, t('sv', 'handoff:consent.prompt'));
    await jobseeker.say('Ja');
    await untilBotSays(jobseeker, t('sv', 'handoff:queue.joined', { place: 1, minutes: 8 }));

    // Two minutes on: the place again.
    clock.advance(2 * 60_000 + 1000);
    await running.app.jobs.runOnce('handoff-queue');
    await untilBotSays(jobseeker, t('sv', 'handoff:queue.still', { place: 1, minutes: 8 }));

    // Past the timeout: out of the queue, with the call-back offer; the answer starts the request.
    clock.advance(4 * 60_000);
    await running.app.jobs.runOnce('handoff-queue');
    const offer = await jobseeker.until((all) => botTexts(all).includes(t('sv', 'handoff:queue.timedOut')));
    const withButtons = offer.find((a) => a.text === t('sv', 'handoff:queue.timedOut'));
    expect(withButtons?.suggestedActions?.actions.map((a) => a.title)).toContain(t('sv', 'handoff:offer.callback'));
    expect(await ville.queue()).toEqual([]);
    await jobseeker.say(t('sv', 'handoff:offer.callback'));
    await untilBotSays(jobseeker, t('sv', 'handoff:callback.name'));
    await ville.goLive(false);

    const row = await running.app.db.prisma.handoff.findFirst({ where: { conversationId: jobseeker.conversationId } });
    expect(row).toMatchObject({ status: 'timed_out', endedBy: 'timeout' });
  });

  it('offers a person after two answers in a row the bot could not give', async () => {
    clock.set(SATURDAY_NOON);
    const say = person('fallback-en', 'en');
    const first = await say('What is the colour of the moon on Mars during a blizzard?');
    expect(texts(first).join('\n')).not.toContain(t('en', 'handoff:offer.afterFallback'));
    const second = await say('How many llamas live in Lapland?');
    expect(texts(second)).toContain(t('en', 'handoff:offer.afterFallback'));
    expect(texts(await say('Yes'))).toContain(t('en', 'handoff:municipality.prompt'));
  });

  it('offers nothing when the person says no after the fallbacks', async () => {
    clock.set(SATURDAY_NOON);
    const say = person('fallback-no', 'en');
    await say('What is the colour of the moon on Mars during a blizzard?');
    await say('How many llamas live in Lapland?');
    const no = await say('No');
    expect(texts(no)).toContain(t('en', 'handoff:offer.notNow'));
  });
});
