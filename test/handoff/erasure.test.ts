/**
 * Live chats and call-back requests are personal data: "show my data" lists them, "delete my data"
 * leaves no row about the jobseeker in any table, and the retention job removes old ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { dumpAllTables, findNeedles, join, say, type Person } from '../privacy/helpers.js';
import { CoachClient, TUESDAY_10AM } from './helpers.js';

const fi = (key: string, args: Record<string, unknown> = {}) => String(translator.t('fi')(key, args));

let running: RunningApp;
const clock = new FixedClock(TUESDAY_10AM);

beforeAll(async () => {
  running = await startTestApp({ SEED_DEMO_DATA: 'true', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' }, { clock, manualJobs: true });
});
afterAll(async () => {
  await running?.stop();
});

const texts = (replies: Array<{ text?: string }>) => replies.map((r) => r.text ?? '');

describe('personal data of live chats', () => {
  it('shows the live chat and the call-back request, and erasure after a handoff leaves no row about the jobseeker', async () => {
    const prisma = running.app.db.prisma;
    const base = running.baseUrl;
    const maija: Person & { phone: string } = { userId: 'u-4c1d-maija', conversationId: 'c-77e2-maija', name: 'Maija Meikäläinen', locale: 'fi', phone: '040 765 4321' };
    const pekka: Person & { phone: string } = { userId: 'u-9a0f-pekka', conversationId: 'c-1b3c-pekka', name: 'Pekka Puupää', locale: 'fi', phone: '050 111 2233' };
    const ville = await CoachClient.issue(running.app, 'salo-ville', base);
    await ville.goLive(true);

    for (const p of [maija, pekka]) {
      await join(base, p);
      expect(texts(await say(base, p, 'Voinko jutella oikean ihmisen kanssa?'))).toContain(fi('handoff:municipality.prompt'));
      expect(texts(await say(base, p, 'Salo'))).toContain(fi('handoff:consent.prompt'));
      await say(base, p, 'Kyllä');
      await say(base, p, `Olen ${p.name}, numeroni on ${p.phone} ja asun Salossa`);
    }
    const queue = await ville.queue();
    expect(queue).toHaveLength(2);
    expect((await ville.call('POST', `/api/coach/handoffs/${queue[0].id}/accept`)).status).toBe(200);
    const chat = await ville.call<{ messages: Array<{ text: string }> }>('GET', `/api/coach/handoffs/${queue[0].id}`);
    // The coach reads the message as it was written.
    expect(chat.body.messages.map((m) => m.text)).toEqual(['Olen Maija Meikäläinen, numeroni on 040 765 4321 ja asun Salossa']);

    // Maija ends the chat, then asks for a call back.
    expect(texts(await say(base, maija, 'lopeta'))).toContain(fi('handoff:live.left'));
    await ville.goLive(false);
    // Salo was given earlier in this conversation, so it is not asked again.
    expect(texts(await say(base, maija, 'haluan puhua ihmisen kanssa'))).toContain(fi('handoff:none.prompt'));
    await say(base, maija, fi('handoff:offer.callback'));
    await say(base, maija, 'Maija Meikäläinen');
    await say(base, maija, '040 765 4321');
    expect(texts(await say(base, maija, 'iltapäivisin'))).toContain(fi('handoff:callback.saved', { name: 'Maija Meikäläinen', phone: '+358407654321', time: 'iltapäivisin' }));
    expect(await prisma.callbackRequest.count()).toBe(1);

    // Show my data: the chats and the request are listed.
    const shown = texts(await say(base, maija, 'näytä tietoni')).join('\n');
    expect(shown).toContain(fi('handoff:data.label'));

    const user = await prisma.user.findUniqueOrThrow({ where: { channelId_channelUserId: { channelId: 'test', channelUserId: maija.userId } } });
    // The live chat, and the second request that no coach could take.
    const statuses = (await prisma.handoff.findMany({ where: { userId: user.id }, select: { status: true } })).map((h) => h.status);
    expect(statuses.sort()).toEqual(['ended', 'unstaffed']);

    expect(texts(await say(base, maija, 'poista tietoni')).at(-1)).toMatch(/^Haluatko poistaa kaikki tietosi\?/);
    await say(base, maija, 'kyllä');
    await running.app.transcripts.flush();

    expect(await prisma.handoff.count({ where: { OR: [{ userId: user.id }, { conversationId: maija.conversationId }] } })).toBe(0);
    expect(await prisma.callbackRequest.count()).toBe(0);
    const leaks = findNeedles(await dumpAllTables(prisma), [maija.userId, maija.conversationId, user.id, 'Maija', 'Meikäläinen', '765 4321', '7654321', 'iltapäivisin']);
    expect(leaks).toEqual({});

    // Pekka's chat is untouched and still in the queue.
    expect((await ville.queue()).map((q) => q.id)).toEqual([queue[1].id]);
  });

  it('the retention job removes chats and call-back requests older than RETENTION_DAYS', async () => {
    const prisma = running.app.db.prisma;
    const old = new Date(clock.now().getTime() - 91 * 24 * 3600_000);
    await prisma.handoff.create({
      data: { channelId: 'test', conversationId: 'c-old', locale: 'fi', reason: 'asked', status: 'ended', conversationRef: {}, requestedAt: old, endedAt: old, messages: { create: [{ sender: 'jobseeker', text: 'vanha viesti', language: 'fi', createdAt: old }] } },
    });
    await prisma.callbackRequest.create({ data: { channelId: 'test', conversationId: 'c-old', name: 'Vanha Pyyntö', phone: '+358401112222', preferredTime: 'aamulla', locale: 'fi', createdAt: old } });
    await running.app.jobs.runOnce('handoff-retention');
    expect(await prisma.handoff.count({ where: { conversationId: 'c-old' } })).toBe(0);
    expect(await prisma.handoffMessage.count({ where: { text: 'vanha viesti' } })).toBe(0);
    expect(await prisma.callbackRequest.count({ where: { conversationId: 'c-old' } })).toBe(0);
  });
});
