/**
 * The self-hosted Direct Line 3.0 subset over real HTTP against the real server: every endpoint
 * Web Chat uses, token scope and expiry, bad input and floods, and the history after a reload.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import type { DirectLineChannel } from '../../bot/webchat/directLine.js';
import type { WebchatFeature } from '../../bot/webchat/feature.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { botTexts, DirectLineClient, jsonHeaders, type DlActivity } from './directLineClient.js';

function webchatOf(running: RunningApp): WebchatFeature & { channel: DirectLineChannel } {
  return { ...running.app.features.webchat, channel: running.app.features.webchatChannel.channel };
}

async function healthy(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/healthz`);
  expect(res.status).toBe(200);
}

describe('Direct Line endpoints', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ WEBCHAT_LONG_POLL_MS: '1500' });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('token endpoint issues a random token for a new conversation, never cached, hashed in the database', async () => {
    const res = await fetch(`${running.baseUrl}/api/webchat/token`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ locale: 'sv-FI' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const issued = (await res.json()) as { conversationId: string; token: string; expires_in: number; userId: string };
    expect(issued.conversationId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(issued.token.length).toBeGreaterThanOrEqual(40);
    expect(issued.expires_in).toBe(1800);
    const other = await DirectLineClient.open(running.baseUrl);
    expect(other.token).not.toBe(issued.token);
    expect(other.conversationId).not.toBe(issued.conversationId);

    const prisma = running.app.db.prisma;
    const conversation = await prisma.directLineConversation.findUnique({ where: { id: issued.conversationId }, include: { tokens: true } });
    expect(conversation?.locale).toBe('sv');
    expect(conversation?.tokens).toHaveLength(1);
    expect(conversation?.tokens[0].hash).not.toBe(issued.token);
    const everyToken = JSON.stringify(await prisma.directLineToken.findMany());
    expect(everyToken).not.toContain(issued.token);
  });

  it('starts the conversation, and the bot welcomes the user in the page language with suggested actions', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    const started = await dl.start('en-US');
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: dl.conversationId, token: dl.token });
    expect(started.body.expires_in).toBeGreaterThan(0);

    const welcome = await dl.untilBotAsks();
    const texts = botTexts(welcome);
    expect(texts[0]).toContain("I'm OMA-botti");
    expect(texts[0]).toContain('Salo');
    expect(texts.some((t) => t.startsWith('Privacy:'))).toBe(true);
    const menu = welcome.at(-1)!;
    expect(menu.text).toBe('How can I help?');
    expect(menu.suggestedActions?.actions.map((a) => a.title)).toEqual(expect.arrayContaining(['What can you do?', 'Change language']));
    for (const a of welcome) expect(a).toMatchObject({ channelId: 'directline', conversation: { id: dl.conversationId } });

    // Starting again (Web Chat reconnecting) does not welcome twice.
    const again = await dl.start('en-US');
    expect(again.status).toBe(200);
    const quiet = await dl.get();
    expect(quiet.status).toBe(200);
    expect(quiet.body.activities).toEqual([]);
    expect(quiet.body.watermark).toBe(dl.watermark);
  });

  it('POST activities returns {id}, echoes the user activity into the list, and the bot replies to it', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();

    const sent = await dl.send({ type: 'message', text: 'What can you do?', locale: 'en-US', channelData: { clientActivityID: 'client-1' } });
    expect(sent.status).toBe(200);
    expect(sent.body.id).toMatch(new RegExp(`^${dl.conversationId}\\|`));

    const after = await dl.until((all) => botTexts(all).some((t) => t.startsWith('You can choose a topic')));
    const echo = after.find((a) => a.id === sent.body.id);
    expect(echo).toMatchObject({ type: 'message', text: 'What can you do?', from: { id: dl.issued.userId, role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    const reply = after.find((a) => a.text?.startsWith('You can choose a topic'))!;
    expect(reply.replyToId).toBe(sent.body.id);
    expect(after.indexOf(echo!)).toBeLessThan(after.indexOf(reply));
  });

  it('a message sent again with the same clientActivityID (its answer was lost) is the same message: one echo, one turn', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();

    const message = { type: 'message', text: 'What can you do?', locale: 'en-US', channelData: { clientActivityID: 'resent-1' } };
    const first = await dl.send(message);
    const again = await dl.send(message);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    await dl.until((all) => botTexts(all).some((t) => t.startsWith('You can choose a topic')));
    await webchatOf(running).channel.drain(10_000);

    const history = (await dl.get('')).body.activities;
    expect(history.filter((a) => a.from.role === 'user' && a.text === 'What can you do?')).toHaveLength(1);
    expect(botTexts(history).filter((t) => t.startsWith('You can choose a topic'))).toHaveLength(1);
    const inbox = await running.app.db.prisma.directLineInbox.findMany({ where: { conversationId: dl.conversationId, clientActivityId: 'resent-1' } });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: first.body.id, attempts: 1, activity: null });
    expect(inbox[0].processedAt).not.toBeNull();

    // Another message with its own clientActivityID is a new one.
    const next = await dl.send({ ...message, channelData: { clientActivityID: 'resent-2' } });
    expect(next.status).toBe(200);
    expect(next.body.id).not.toBe(first.body.id);
  });

  it('GET activities holds the request until something new arrives (server-side long-poll)', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
    const hub = webchatOf(running).hub;

    const pending = dl.get();
    // The poll is parked on the server before anything is sent.
    for (let i = 0; i < 200 && hub.waiting(dl.conversationId) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(hub.waiting(dl.conversationId)).toBe(1);
    const sent = await dl.say('Change language', 'en-US');
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.body.activities.map((a) => a.id)).toContain(sent.body.id);
    expect(Number(answer.body.watermark)).toBeGreaterThan(Number(dl.watermark));

    // With nothing new, the poll answers an empty page at the same watermark when its time is up.
    dl.watermark = answer.body.watermark;
    await dl.until((all) => botTexts(all).length > 0);
    const idle = await dl.get();
    expect(idle.status).toBe(200);
    expect(idle.body).toEqual({ activities: [], watermark: dl.watermark });
  });

  it('tokens/refresh gives a new working token for the same conversation', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    const refreshed = await dl.refresh();
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    expect(refreshed.body.conversationId).toBe(dl.conversationId);
    expect(refreshed.body.token).not.toBe(dl.token);
    expect(refreshed.body.expires_in).toBe(1800);
    const fresh = new DirectLineClient(running.baseUrl, { ...dl.issued, token: refreshed.body.token });
    const welcome = await fresh.untilBotAsks();
    expect(botTexts(welcome)[0]).toContain("I'm OMA-botti");
  });

  it("a token grants exactly its own conversation: another conversation's gets 403", async () => {
    const alice = await DirectLineClient.open(running.baseUrl, 'en');
    const bob = await DirectLineClient.open(running.baseUrl, 'en');
    await alice.start();
    await bob.start();

    const read = await alice.get('', bob.token);
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({ error: 'Forbidden' });
    const write = await alice.send({ type: 'message', text: 'hei' }, bob.token);
    expect(write.status).toBe(403);
    const reconnect = await fetch(`${running.baseUrl}/v3/directline/conversations/${alice.conversationId}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(reconnect.status).toBe(403);

    // Nothing of Bob's reached Alice's list.
    const aliceList = await alice.untilBotAsks();
    expect(aliceList.every((a) => a.from.id !== bob.issued.userId)).toBe(true);
  });

  it('refuses requests without a token or with a made-up one', async () => {
    const dl = await DirectLineClient.open(running.baseUrl);
    const none = await fetch(`${running.baseUrl}/v3/directline/conversations/${dl.conversationId}/activities`);
    expect(none.status).toBe(401);
    const madeUp = await dl.get('', 'not-a-real-token');
    expect(madeUp.status).toBe(403);
    const start = await fetch(`${running.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: jsonHeaders('x'.repeat(43)), body: '{}' });
    expect(start.status).toBe(403);
    const refresh = await dl.refresh('nope');
    expect(refresh.status).toBe(403);
  });

  it('unknown conversations get 404 and bad watermarks 400', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start();
    await dl.untilBotAsks();
    for (const id of ['no-such-conversation', '../../etc/passwd', 'x'.repeat(200)]) {
      const res = await dl.get('', dl.token, id);
      expect(res.status, id).toBe(404);
      const send = await dl.send({ type: 'message', text: 'hei' }, dl.token, id);
      expect(send.status, id).toBe(404);
    }
    for (const watermark of ['abc', '-1', '1.5', '99999', '1e3', ' 1']) {
      const res = await dl.get(watermark);
      expect(res.status, watermark).toBe(400);
      expect(res.body.error).toBe('BadArgument');
    }
    const ok = await dl.get('0');
    expect(ok.status).toBe(200);
    expect(ok.body.activities.length).toBeGreaterThan(0);
  });

  it.each([
    ['no type', { text: 'hei' }],
    ['an unknown type', { type: 'invoke', name: 'x' }],
    ['text that is not a string', { type: 'message', text: { html: '<b>x</b>' } }],
    ['an empty message', { type: 'message', text: '   ' }],
    ['an attachment (uploads are off)', { type: 'message', text: 'cv', attachments: [{ contentType: 'application/pdf', contentUrl: 'http://x/cv.pdf' }] }],
    ['a value over 4 KB', { type: 'message', value: { blob: 'x'.repeat(5000) } }],
    ['a deeply nested value', { type: 'message', value: JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)) }],
    ['an event without a name', { type: 'event', value: 'sv' }],
    ['a bad locale', { type: 'message', text: 'hei', locale: '<script>' }],
    ['channelData that is not an object', { type: 'message', text: 'hei', channelData: 'x' }],
  ])('a malformed activity (%s) gets 400 with a clear message and nothing is stored', async (_name, body) => {
    const dl = await DirectLineClient.open(running.baseUrl);
    await dl.start();
    const res = await dl.send(body as Record<string, unknown>);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('BadArgument');
    expect(res.body.message).toMatch(/\w{3,}/);
    const stored = await running.app.db.prisma.directLineActivity.findMany({ where: { conversationId: dl.conversationId } });
    expect(stored.every((row) => (row.activity as { from?: { role?: string } }).from?.role === 'bot')).toBe(true);
  });

  it('malformed JSON gets 400 and an oversize body 413; the server keeps answering', async () => {
    const dl = await DirectLineClient.open(running.baseUrl);
    await dl.start();
    const url = `${running.baseUrl}/v3/directline/conversations/${dl.conversationId}/activities`;
    const broken = await fetch(url, { method: 'POST', headers: jsonHeaders(dl.token), body: '{"type": "message", "text": ' });
    expect(broken.status).toBe(400);
    const array = await fetch(url, { method: 'POST', headers: jsonHeaders(dl.token), body: '[1,2]' });
    expect(array.status).toBe(400);
    const huge = await fetch(url, { method: 'POST', headers: jsonHeaders(dl.token), body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }) });
    expect(huge.status).toBe(413);
    const body = (await huge.json()) as { message: string };
    expect(body.message).toMatch(/larger than/);
    await healthy(running.baseUrl);
    const works = await dl.say('What can you do?', 'en-US');
    expect(works.status).toBe(200);
  });

});

describe('token expiry (injected clock)', () => {
  let running: RunningApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    running = await startTestApp({ WEBCHAT_TOKEN_TTL_SECONDS: '120', WEBCHAT_LONG_POLL_MS: '500' }, { clock });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('an expired token is refused everywhere, including refresh, and a refreshed one keeps working', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    expect(dl.issued.expires_in).toBe(120);
    await dl.start('en-US');
    await dl.untilBotAsks();

    clock.advance(100_000);
    const refreshed = await dl.refresh();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.expires_in).toBe(120);

    clock.advance(21_000);
    const read = await dl.get('');
    expect(read.status).toBe(403);
    expect(read.body.error).toBe('TokenExpired');
    const write = await dl.say('hei');
    expect(write.status).toBe(403);
    expect((await dl.refresh()).status).toBe(403);
    expect((await dl.start()).status).toBe(403);

    const fresh = new DirectLineClient(running.baseUrl, { ...dl.issued, token: refreshed.body.token });
    const history = await fresh.get('');
    expect(history.status).toBe(200);
    expect(botTexts(history.body.activities)[0]).toContain("I'm OMA-botti");
  });
});

describe('token refresh (injected clock)', () => {
  let running: RunningApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    running = await startTestApp({ WEBCHAT_LONG_POLL_MS: '500' }, { clock, manualJobs: true });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('a refresh revokes the old token after a grace minute, refreshes per conversation are limited, and replaced tokens are deleted', async () => {
    const prisma = running.app.db.prisma;
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();

    const refreshed = await dl.refresh();
    expect(refreshed.status).toBe(200);
    const next = new DirectLineClient(running.baseUrl, { ...dl.issued, token: refreshed.body.token });
    // A poll already under way with the old token carries on for a moment…
    expect((await dl.get('')).status).toBe(200);
    // …and then the old token is revoked, while the new one keeps working.
    clock.advance(61_000);
    const old = await dl.get('');
    expect(old.status).toBe(403);
    expect((await dl.say('hei')).status).toBe(403);
    expect((await dl.refresh()).status).toBe(403);
    expect((await next.get('')).status).toBe(200);

    // One page token can no longer mint thousands: 10 tokens per conversation per 10 minutes.
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let latest = next;
    for (let i = 0; i < 20; i++) {
      const res = await latest.refresh();
      statuses.push(res.status);
      if (res.status === 200) latest = new DirectLineClient(running.baseUrl, { ...dl.issued, token: res.body.token });
      else retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(8);
    expect(statuses.slice(8).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(await prisma.directLineToken.count({ where: { conversationId: dl.conversationId } })).toBe(10);

    // The replaced tokens lapse a minute later and the per-minute job deletes them: one remains.
    clock.advance(61_000);
    expect(await running.app.jobs.runOnce('webchat-delivery-queue')).toBe(true);
    expect(await prisma.directLineToken.count({ where: { conversationId: dl.conversationId } })).toBe(1);
    expect((await latest.get('')).status).toBe(200);

    // Once the window has passed, the page may refresh again.
    clock.advance(Number(retryAfter) * 1000);
    expect((await latest.refresh()).status).toBe(200);
  });
});

describe('floods (injected clock, so the buckets refill only when the test says)', () => {
  let running: RunningApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    running = await startTestApp({ WEBCHAT_LONG_POLL_MS: '500' }, { clock });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('a flood of messages gets 429 with Retry-After, other conversations are unaffected, and it recovers', async () => {
    const flooder = await DirectLineClient.open(running.baseUrl, 'en');
    await flooder.start();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      const res = await flooder.say(`viesti ${i}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);

    const bystander = await DirectLineClient.open(running.baseUrl, 'en');
    await bystander.start();
    expect((await bystander.say('What can you do?')).status).toBe(200);
    await healthy(running.baseUrl);

    // The bucket refills at a message a second.
    clock.advance(Number(retryAfter) * 1000);
    expect((await flooder.say('vielä yksi')).status).toBe(200);
  });


  it('new conversations from one address get 429 with Retry-After from the token endpoint, and the server stays healthy', async () => {
    clock.advance(120_000);
    const before = await running.app.db.prisma.directLineConversation.count();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${running.baseUrl}/api/webchat/token`, { method: 'POST', headers: jsonHeaders(), body: '{}' });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    await healthy(running.baseUrl);
    expect(await running.app.db.prisma.directLineConversation.count()).toBe(before + 30);
    clock.advance(Number(retryAfter) * 1000);
    expect((await fetch(`${running.baseUrl}/api/webchat/token`, { method: 'POST', headers: jsonHeaders(), body: '{}' })).status).toBe(200);
  });

  it('idle conversations leave the in-memory caches', async () => {
    const webchat = webchatOf(running);
    clock.advance(120_000);
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start();
    await dl.untilBotAsks();
    expect(webchat.store.cachedTokens).toBeGreaterThan(0);
    await webchat.channel.drain(5000);
    expect(webchat.channel.queuedConversations).toBe(0);
    clock.advance(31_000);
    webchat.store.sweepCache();
    expect(webchat.store.cachedTokens).toBe(0);
    expect(webchat.hub.totalWaiting).toBe(0);
    // The token still works: the cache only saves lookups.
    expect((await dl.get()).status).toBe(200);
  });
});

describe('reload: the history comes back from the database', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ WEBCHAT_LONG_POLL_MS: '1000' });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('a reconnect with the stored id and token reads the whole conversation from the transcript, redacted', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
    const sent = await dl.say('My number is 040 123 4567 and mail maija.meikalainen@example.com', 'en-US');
    expect(sent.status).toBe(200);
    await dl.until((all) => all.some((a) => a.from.role === 'bot' && a.replyToId === sent.body.id));
    await webchatOf(running).channel.drain(10_000);

    // An hour on, the delivery queue has been pruned; the history lives in the transcript.
    await running.app.transcripts.flush();
    expect(await webchatOf(running).store.pruneDelivered(new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    expect(await running.app.db.prisma.directLineActivity.count({ where: { conversationId: dl.conversationId } })).toBe(0);

    // The page reloads: it reconnects with the id and token from sessionStorage and reads from ''.
    const refreshed = await dl.refresh();
    const reloaded = new DirectLineClient(running.baseUrl, { ...dl.issued, token: refreshed.body.token });
    const reconnect = await fetch(`${running.baseUrl}/v3/directline/conversations/${dl.conversationId}?watermark=`, { headers: { authorization: `Bearer ${reloaded.token}` } });
    expect(reconnect.status).toBe(200);
    const fromStart = (await reloaded.get('')).body;
    const history: DlActivity[] = fromStart.activities;
    // The watermark moves past the pruned queue, so the page does not read the history again.
    const { lastSeq } = (await running.app.db.prisma.directLineConversation.findUniqueOrThrow({ where: { id: dl.conversationId } }));
    expect(fromStart.watermark).toBe(String(lastSeq));

    expect(botTexts(history)[0]).toContain("I'm OMA-botti");
    const echo = history.find((a) => a.id === sent.body.id)!;
    expect(echo.text).toContain('[phone]');
    expect(echo.text).toContain('[email]');
    expect(JSON.stringify(history)).not.toContain('123 4567');
    expect(JSON.stringify(history)).not.toContain('meikalainen');
    expect(history.some((a) => a.replyToId === sent.body.id && a.from.role === 'bot')).toBe(true);

    // The transcript of the same conversation holds the same redacted text.
    await running.app.transcripts.flush();
    const transcript = await running.app.db.prisma.transcriptMessage.findMany({ where: { channelId: 'directline', conversationId: dl.conversationId }, orderBy: { seq: 'asc' } });
    const inbound = transcript.find((r) => r.direction === 'inbound' && r.type === 'message');
    expect(inbound?.text).toBe(echo.text);
    expect(JSON.stringify(transcript)).not.toContain('123 4567');

    // The conversation continues after the reload.
    reloaded.watermark = (await reloaded.get('')).body.watermark;
    const topic = history.filter((a) => a.from.role === 'bot' && a.suggestedActions).at(-1)!.suggestedActions!.actions[0];
    const next = await reloaded.say(topic.value, 'en-US');
    expect(next.status).toBe(200);
    const more = await reloaded.until((all) => all.some((a) => a.from.role === 'bot' && a.replyToId === next.body.id));
    expect(more.find((a) => a.id === next.body.id)?.text).toBe(topic.value);
    expect(botTexts(more).join('\n')).not.toMatch(/not sure I understood/);

    // A read from the start merges the transcript with what it does not have yet, without doubles.
    const merged = (await reloaded.get('')).body.activities;
    expect(new Set(merged.map((a) => a.id)).size).toBe(merged.length);
    expect(merged.map((a) => a.id)).toEqual(expect.arrayContaining([sent.body.id, next.body.id]));

    // One store: once the transcript is gone (retention, erasure), so is the history.
    await webchatOf(running).channel.drain(10_000);
    await running.app.transcripts.flush();
    await webchatOf(running).store.pruneDelivered(new Date(Date.now() + 60_000));
    await running.app.db.prisma.transcriptMessage.deleteMany({ where: { channelId: 'directline', conversationId: dl.conversationId } });
    expect((await reloaded.get('')).body.activities).toEqual([]);
  });

  it('erasing the conversation (privacy) removes its list and tokens; the page then gets 403/404', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
    const webchat = webchatOf(running);
    await webchat.personalData![0].erase({ conversationIds: [dl.conversationId] } as never);
    const prisma = running.app.db.prisma;
    expect(await prisma.directLineActivity.count({ where: { conversationId: dl.conversationId } })).toBe(0);
    expect(await prisma.directLineToken.count({ where: { conversationId: dl.conversationId } })).toBe(0);
    const read = await dl.get('');
    expect([403, 404]).toContain(read.status);
  });
});

describe.each([
  ['local mode', {}],
  [
    'production mode',
    {
      MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'dummy-secret-for-tests',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa',
    },
  ],
])('proactive messages to a widget conversation (%s)', (_mode, env: Record<string, string>) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ WEBCHAT_LONG_POLL_MS: '1000', ...env });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('reach the page through this process loopback serviceUrl, from the stored reference', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
    const row = await running.app.db.prisma.conversation.findFirst({ where: { channelId: 'directline', conversationId: dl.conversationId } });
    const reference = row!.reference as Record<string, unknown>;
    // As if another process had served the conversation last: its listener is not ours.
    const delivered = await running.app.infra.proactive.send({ ...reference, serviceUrl: 'http://127.0.0.1:9/oma-directline/' }, [
      { type: 'message', text: 'Reminder: your appointment is tomorrow at 10:00.' },
    ]);
    expect(delivered).toBe(true);
    const got = await dl.until((all) => botTexts(all).includes('Reminder: your appointment is tomorrow at 10:00.'));
    expect(got.at(-1)).toMatchObject({ from: { role: 'bot' }, conversation: { id: dl.conversationId } });
  });

  it('the loopback listener takes only signed calls in production mode', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start();
    await dl.untilBotAsks();
    const url = `${webchatOf(running).loopback.serviceUrl}v3/conversations/${dl.conversationId}/activities`;
    const body = JSON.stringify({ type: 'message', text: 'forged' });
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer forged' }, body });
    const production = running.app.config.production;
    expect(unsigned.status).toBe(production ? 401 : 200);
    expect(forged.status).toBe(401);
    if (production) {
      // Nothing was written: the next poll waits out its time and comes back empty.
      expect((await dl.get()).body.activities).toEqual([]);
    } else {
      expect(botTexts(await dl.until((all) => all.length > 0))).toEqual(['forged']);
    }
  });
});

describe('moving to Azure Bot Service Direct Line is configuration only', () => {
  let running: RunningApp;
  let azure: http.Server;
  let azureUrl: string;
  const calls: Array<{ url?: string; authorization?: string; body: string }> = [];
  const secret = 'azure-direct-line-secret-for-tests';

  beforeAll(async () => {
    // Azure's token endpoint, as far as the page's token request needs it.
    azure = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls.push({ url: req.url, authorization: req.headers.authorization, body });
        if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate' || req.headers.authorization !== `Bearer ${secret}`) {
          res.writeHead(403).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'AzureConv123', token: 'azure.jwt.token', expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => azure.listen(0, '127.0.0.1', resolve));
    azureUrl = `http://127.0.0.1:${(azure.address() as AddressInfo).port}/v3/directline`;
    running = await startTestApp({ WEBCHAT_DIRECT_LINE_SECRET: secret, WEBCHAT_DIRECT_LINE_URL: azureUrl });
  });
  afterAll(async () => {
    await running?.stop();
    await new Promise((resolve) => azure?.close(resolve));
  });

  it('the page gets an Azure token made with the secret on the server, and talks to Azure; the secret never reaches it', async () => {
    const res = await fetch(`${running.baseUrl}/api/webchat/token`, { method: 'POST', headers: jsonHeaders(), body: '{"locale":"fi"}' });
    expect(res.status).toBe(200);
    const issued = (await res.json()) as Record<string, unknown>;
    expect(issued).toMatchObject({ conversationId: 'AzureConv123', token: 'azure.jwt.token', expires_in: 3600 });
    expect(issued.userId).toMatch(/^dl_/);
    expect(JSON.stringify(issued)).not.toContain(secret);
    expect(JSON.parse(calls.at(-1)!.body)).toEqual({ user: { id: issued.userId } });
    expect(await running.app.db.prisma.directLineConversation.count()).toBe(0);

    const page = await fetch(`${running.baseUrl}/?lang=fi`);
    const html = await page.text();
    expect(html).not.toContain(secret);
    const settings = JSON.parse(/<script id="oma-settings" type="application\/json">(.*?)<\/script>/s.exec(html)![1]) as { domain: string };
    expect(settings.domain).toBe(azureUrl);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${new URL(azureUrl).origin}`);
  });

  it('an unreachable Direct Line gets a clear 503 with Retry-After, not a crash', async () => {
    await new Promise((resolve) => azure.close(resolve));
    azure.closeAllConnections();
    const res = await fetch(`${running.baseUrl}/api/webchat/token`, { method: 'POST', headers: jsonHeaders(), body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: string }).error).toBe('DirectLineUnavailable');
    await healthy(running.baseUrl);
  });
});
