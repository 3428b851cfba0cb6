import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp();
});
afterAll(async () => {
  await running?.stop();
});

async function post(body: string, contentType = 'application/json') {
  return fetch(`${running.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('POST /api/messages with expectReplies', () => {
  it('welcomes a new user in their language with a privacy notice and a menu, and stores it all', async () => {
    const replies = await expectReplies(
      running.baseUrl,
      activity({ type: 'conversationUpdate', locale: 'en-US', membersAdded: [{ id: 'user-1' }, { id: 'bot' }] }, 'http-1'),
    );
    const texts = replies.map((r) => r.text);
    expect(texts[0]).toContain("I'm OMA-botti");
    expect(texts[0]).toContain('Salo');
    expect(texts.some((t) => t?.startsWith('Privacy:'))).toBe(true);
    const menu = replies.at(-1)!;
    expect(menu.text).toBe('How can I help?');
    expect(menu.suggestedActions?.actions.map((a) => a.title)).toEqual(expect.arrayContaining(['What can you do?', 'Change language']));

    const followUp = await expectReplies(running.baseUrl, activity({ type: 'message', text: 'What can you do?', locale: 'en-US' }, 'http-1'));
    expect(followUp[0].text).toMatch(/^You can choose a topic/);

    await running.app.transcripts.flush();
    const prisma = running.app.db.prisma;
    const rows = await prisma.transcriptMessage.findMany({ where: { conversationId: 'http-1' }, orderBy: { seq: 'asc' } });
    expect(rows[0]).toMatchObject({ direction: 'inbound', type: 'conversationUpdate' });
    expect(rows.filter((r) => r.direction === 'outbound' && r.type === 'message').map((r) => r.text)).toContain('How can I help?');
    expect(rows.some((r) => r.direction === 'inbound' && r.text === 'What can you do?')).toBe(true);
    const state = await prisma.botState.findMany();
    expect(state.some((s) => s.key.includes('http-1'))).toBe(true);
    const conversation = await prisma.conversation.findFirst({ where: { conversationId: 'http-1' }, include: { user: true } });
    expect(conversation?.user?.channelUserId).toBe('user-1');
  });

  it('uses Finnish when the channel gives no locale', async () => {
    const replies = await expectReplies(running.baseUrl, activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-fi' }] }, 'http-fi', 'user-fi'));
    expect(replies[0].text).toContain('Olen OMA-botti');
  });
});

describe('bad input', () => {
  it.each([
    ['malformed JSON', '{"type": "message",', 400],
    ['a JSON array', '[1,2,3]', 400],
    ['a missing type', JSON.stringify(activity({ text: 'hei' })), 400],
    ['an empty type', JSON.stringify(activity({ type: '' })), 400],
    ['a missing conversation', JSON.stringify({ type: 'message', text: 'hei' }), 400],
  ])('%s gets %i with a clear message', async (_name, body, status) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { message: string };
    expect(json.message.length).toBeGreaterThan(5);
    expect(JSON.stringify(json)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('refuses an oversize body with 413', async () => {
    const res = await post(JSON.stringify(activity({ type: 'message', text: 'x'.repeat(300 * 1024) })));
    expect(res.status).toBe(413);
  });

  it('accepts an unknown activity type without error', async () => {
    const res = await post(JSON.stringify({ ...activity({ type: 'somethingNew' }), deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
  });

  it('still answers after all of that', async () => {
    const health = await fetch(`${running.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const replies = await expectReplies(running.baseUrl, activity({ type: 'message', text: 'help', locale: 'en' }, 'http-after', 'user-after'));
    expect(replies.length).toBeGreaterThan(0);
  });
});
