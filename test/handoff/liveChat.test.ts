/**
 * Live chat with a coach end to end over real HTTP: the jobseeker in the web widget (Direct Line),
 * the coach through the coach API, one real app and database. The coach's messages reach the
 * widget as proactive messages; the jobseeker's reach the coach's poll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { botTexts, DirectLineClient } from '../webchat/directLineClient.js';
import { CoachClient, lead, TUESDAY_10AM, typingFromBot, untilBotSays } from './helpers.js';

const en = (key: string, args: Record<string, unknown> = {}) => String(translator.t('en')(key, args));

let running: RunningApp;
const clock = new FixedClock(TUESDAY_10AM);

beforeAll(async () => {
  running = await startTestApp({ SEED_DEMO_DATA: 'true', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' }, { clock, manualJobs: true });
});
afterAll(async () => {
  await running?.stop();
});

async function openWidget(locale: string): Promise<DirectLineClient> {
  const client = await DirectLineClient.open(running.baseUrl, locale);
  expect((await client.start(locale)).status).toBe(201);
  await client.untilBotAsks();
  return client;
}

describe('talking to a person in the widget', () => {
  it('queues the jobseeker after consent, lets a coach of their area accept, relays both ways with typing, and hands back to the bot when the coach ends', async () => {
    const karim = await CoachClient.issue(running.app, 'van-karim', running.baseUrl);
    const live = await karim.goLive();
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ switchedOn: true, inWorkingHours: true, available: true });

    const jobseeker = await openWidget('en');
    await jobseeker.say('Can I talk to a human?');
    expect(await untilBotSays(jobseeker, en('handoff:municipality.prompt'))).toContain(en('handoff:municipality.prompt'));
    await jobseeker.say('Vantaa');
    await untilBotSays(jobseeker, en('handoff:consent.prompt'));
    // Nothing is shared before the jobseeker agrees.
    expect(await karim.queue()).toEqual([]);
    await jobseeker.say('Yes');
    await untilBotSays(jobseeker, en('handoff:queue.joined', { place: 1, minutes: 8 }));

    // A message written while waiting is kept for the coach.
    await jobseeker.say('I need help with my CV, call me at 040 123 4567');
    await untilBotSays(jobseeker, lead(en('handoff:queue.saved')));

    const queue = await karim.queue();
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ locale: 'en', place: 1, languageName: 'englanti' });
    const id = queue[0].id;

    const accepted = await karim.call<{ status: string; translation: string; history: Array<{ text: string }>; messages: Array<{ text: string }> }>('POST', `/api/coach/handoffs/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');
    // Karim speaks English: no translation needed.
    expect(accepted.body.translation).toBe('same');
    // The conversation so far (stored, redacted) and the message as written.
    expect(accepted.body.history.map((h) => h.text)).toContain('Can I talk to a human?');
    expect(accepted.body.messages.map((m) => m.text)).toEqual(['I need help with my CV, call me at 040 123 4567']);
    await untilBotSays(jobseeker, en('handoff:live.joined', { name: 'Karim (demo)' }).slice(0, 5));

    // A second coach cannot take the same jobseeker.
    const again = await karim.call('POST', `/api/coach/handoffs/${id}/accept`);
    expect(again.status).toBe(409);

    // Jobseeker → coach: the bot stays silent.
    const before = jobseeker.watermark;
    await jobseeker.say('Is the CV workshop on Thursday?');
    const got = await karim.messagesUntil(id, (m) => m.some((x) => x.text === 'Is the CV workshop on Thursday?'), 1);
    expect(got.at(-1)).toMatchObject({ sender: 'jobseeker', machineTranslated: false });

    // A crisis: the bot gives the emergency numbers at once, and the coach reads the message too.
    await jobseeker.say('I want to kill myself');
    await untilBotSays(jobseeker, 'call the emergency number 112');
    await karim.messagesUntil(id, (m) => m.some((x) => x.text === 'I want to kill myself'), got.at(-1)!.seq);

    // Typing both ways.
    await jobseeker.send({ type: 'typing' });
    await expect.poll(async () => (await karim.call<{ jobseekerTyping: boolean }>('GET', `/api/coach/handoffs/${id}/messages?after=999999`)).body.jobseekerTyping, { timeout: 10_000 }).toBe(true);
    expect((await karim.call('POST', `/api/coach/handoffs/${id}/typing`)).status).toBe(204);
    const typing = await jobseeker.until((all) => typingFromBot(all));
    expect(typingFromBot(typing)).toBe(true);
    expect(botTexts(typing)).toEqual([]);

    // Coach → jobseeker, as a proactive message in the widget.
    const sent = await karim.call('POST', `/api/coach/handoffs/${id}/messages`, { text: 'Yes, Thursday at 10. Bring your CV.', language: 'en' });
    expect(sent.status).toBe(201);
    const relayed = await untilBotSays(jobseeker, 'Yes, Thursday at 10. Bring your CV.');
    expect(relayed).toContain(en('handoff:relay.plain', { name: 'Karim (demo)', text: 'Yes, Thursday at 10. Bring your CV.' }));
    expect(jobseeker.watermark).not.toBe(before);

    // The coach ends: the jobseeker is back with the bot.
    const ended = await karim.call<{ status: string }>('POST', `/api/coach/handoffs/${id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    await untilBotSays(jobseeker, en('handoff:live.coachEnded'));
    await jobseeker.say('menu');
    const menu = await jobseeker.untilBotAsks();
    expect(botTexts(menu).join('\n')).toContain(en('menu.prompt'));

    // The stored transcript holds the handoff, redacted; the live relay kept only the redacted text once it ended.
    const prisma = running.app.db.prisma;
    await running.app.transcripts.flush();
    const transcript = await prisma.transcriptMessage.findMany({ where: { conversationId: jobseeker.conversationId }, orderBy: { seq: 'asc' } });
    const texts = transcript.map((r) => r.text ?? '');
    expect(texts.some((t) => t.includes('I need help with my CV'))).toBe(true);
    expect(texts.join('\n')).not.toContain('040 123 4567');
    expect(texts.some((t) => t.includes('Yes, Thursday at 10. Bring your CV.'))).toBe(true);
    const stored = await prisma.handoffMessage.findMany({ where: { handoffId: id } });
    expect(stored.map((m) => m.text).join('\n')).not.toContain('040 123 4567');
  });

  it('keeps a Finnish chat open on "valikko" and "peruuta": the bot says how to end it, the coach never sees the words, and only "lopeta" ends it', async () => {
    const fi = (key: string, args: Record<string, unknown> = {}) => String(translator.t('fi')(key, args));
    const karim = await CoachClient.issue(running.app, 'van-karim', running.baseUrl);
    await karim.goLive();
    const jobseeker = await openWidget('fi');
    await jobseeker.say('Haluan puhua ihmisen kanssa');
    await untilBotSays(jobseeker, fi('handoff:municipality.prompt'));
    await jobseeker.say('Vantaa');
    await untilBotSays(jobseeker, fi('handoff:consent.prompt'));
    await jobseeker.say('Kyllä');
    await untilBotSays(jobseeker, lead(fi('handoff:queue.joined')));
    const [waiting] = await karim.queue();
    expect((await karim.call('POST', `/api/coach/handoffs/${waiting.id}/accept`)).status).toBe(200);
    await untilBotSays(jobseeker, lead(fi('handoff:live.joined')));

    for (const word of ['valikko', 'peruuta']) {
      await jobseeker.say(word);
      const replies = await untilBotSays(jobseeker, fi('handoff:live.howToEnd'));
      expect(replies.join('\n')).not.toContain(fi('menu.prompt'));
    }
    await jobseeker.say('Onko CV-paja torstaina?');
    const got = await karim.messagesUntil(waiting.id, (m) => m.some((x) => x.text === 'Onko CV-paja torstaina?'));
    // The commands were answered by the bot, not relayed to the coach.
    expect(got.map((m) => m.text)).toEqual(['Onko CV-paja torstaina?']);
    expect((await karim.call<{ status: string }>('GET', `/api/coach/handoffs/${waiting.id}`)).body.status).toBe('active');

    await jobseeker.say('lopeta');
    // Read to the end of the bot's turn (the follow-up question), so "valikko" is answered on its own.
    expect(botTexts(await jobseeker.untilBotAsks()).join('\n')).toContain(fi('handoff:live.left'));
    expect((await karim.call<{ status: string }>('GET', `/api/coach/handoffs/${waiting.id}`)).body.status).not.toBe('active');
    await jobseeker.say('valikko');
    expect(botTexts(await jobseeker.untilBotAsks()).join('\n')).toContain(fi('menu.prompt'));
  });

  it('keeps an Arabic jobseeker in the queue on "القائمة" and lets "توقف" leave it', async () => {
    const ar = (key: string, args: Record<string, unknown> = {}) => String(translator.t('ar')(key, args));
    const ville = await CoachClient.issue(running.app, 'salo-ville', running.baseUrl);
    await ville.goLive();
    const jobseeker = await openWidget('ar');
    await jobseeker.say('أريد التحدث مع موظف');
    await untilBotSays(jobseeker, ar('handoff:municipality.prompt'));
    await jobseeker.say('Salo');
    await untilBotSays(jobseeker, ar('handoff:consent.prompt'));
    await jobseeker.say('نعم');
    await untilBotSays(jobseeker, lead(ar('handoff:queue.joined')));
    await jobseeker.say('القائمة');
    await untilBotSays(jobseeker, ar('handoff:queue.howToLeave'));
    const [waiting] = await ville.queue();
    expect(waiting).toBeDefined();
    await jobseeker.say('توقف');
    await untilBotSays(jobseeker, ar('handoff:live.left'));
    expect(await ville.queue()).toEqual([]);
    await ville.goLive(false);
  });

  it('lets the jobseeker leave the queue with "stop", and moves the next one up', async () => {
    const ville = await CoachClient.issue(running.app, 'salo-ville', running.baseUrl);
    await ville.goLive();
    const first = await openWidget('en');
    const second = await openWidget('en');
    for (const [client, place] of [[first, 1], [second, 2]] as const) {
      await client.say('I want to talk to a real person');
      await untilBotSays(client, en('handoff:municipality.prompt'));
      await client.say('Salo');
      await untilBotSays(client, en('handoff:consent.prompt'));
      await client.say('Yes');
      await untilBotSays(client, en('handoff:queue.joined', { place, minutes: 8 * place }));
    }
    await first.say('stop');
    await untilBotSays(first, en('handoff:live.left'));
    await second.say('Still there?');
    await untilBotSays(second, en('handoff:queue.saved', { place: 1, minutes: 8 }));
    const queue = await ville.queue();
    expect(queue).toHaveLength(1);
    await ville.goLive(false);
  });
});
