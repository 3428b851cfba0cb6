/**
 * Time limit on turns: a turn that takes longer than TURN_TIMEOUT_MS (here: waiting for a slow
 * LLM served on loopback) gets its HTTP answer at the
 * limit (503 with Retry-After when the replies were to come in the response, 202 otherwise); the
 * turn still finishes in the background and the server stays healthy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';
import { completion, startChatModelServer, type ChatModelServer } from '../support/chatModelServer.js';

let running: RunningApp;
let llm: ChatModelServer;

beforeAll(async () => {
  // An OpenAI-compatible model that takes 600 ms to answer: questions take longer than the limit.
  const slow = completion('{"answer":"","articleIds":[],"inScope":false}');
  llm = await startChatModelServer(() => ({ ...slow, delayMs: 600 }));
  running = await startTestApp({
    TURN_TIMEOUT_MS: '200',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: llm.baseUrl,
  });
});
afterAll(async () => {
  await running?.stop();
  await llm?.close();
});

const QUESTION = 'What does the employment pilot mean for me?';

function post(body: Record<string, unknown>) {
  return fetch(`${running.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('turn time limit', () => {
  it('answers an expectReplies turn over the limit with 503 and Retry-After, and the turn still completes', async () => {
    const res = await post({ ...activity({ type: 'message', text: QUESTION, locale: 'en-US' }, 'slow-1'), deliveryMode: 'expectReplies' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(((await res.json()) as { error: string }).error).toBe('TurnTimeout');
    // The turn ran to the end: its reply is in the transcript.
    let replied = false;
    for (let i = 0; i < 100 && !replied; i++) {
      await running.app.transcripts.flush();
      replied = (await running.app.db.prisma.transcriptMessage.count({ where: { conversationId: 'slow-1', direction: 'outbound', type: 'message' } })) > 0;
      if (!replied) await new Promise((r) => setTimeout(r, 100));
    }
    expect(replied).toBe(true);
  });

  it('acknowledges a connector-path turn over the limit with 202', async () => {
    const res = await post(activity({ type: 'message', text: QUESTION, locale: 'en-US' }, 'slow-2'));
    expect(res.status).toBe(202);
  });

  it('stays healthy, and fast turns are answered as usual', async () => {
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    const replies = await expectReplies(running.baseUrl, activity({ type: 'message', text: 'help', locale: 'en-US' }, 'fast-1'));
    expect(replies[0].text).toMatch(/^You can choose a topic/);
  });
});
