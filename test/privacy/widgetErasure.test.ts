/**
 * "Delete my data" from the web widget: the confirmation still reaches the user through the
 * widget's own Direct Line conversation, and moments later that conversation is gone too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { botTexts, DirectLineClient } from '../webchat/directLineClient.js';
import { dumpAllTables, findNeedles } from './helpers.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({ WEBCHAT_LONG_POLL_MS: '500' });
});
afterAll(async () => {
  await running?.stop();
});

describe('delete my data in the widget', () => {
  it('shows the confirmation, then leaves nothing of the conversation', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start();
    await dl.untilBotAsks();
    await dl.say('My name is Wilma Widget and my email is wilma.widget@example.org');
    await dl.untilBotAsks();
    await dl.say('delete my data');
    expect(botTexts(await dl.untilBotAsks()).at(-1)).toMatch(/^Do you want to delete all your data\?/);
    await dl.say('yes');
    const after = await dl.until((all) => botTexts(all).length > 0);
    expect(botTexts(after)).toContain('Your data has been deleted. If you write again, we start from the beginning.');
    // The bot ends the conversation, so the widget starts a new one with the next message.
    const ended = await dl.until((all) => all.some((a) => a.type === 'endOfConversation' && a.from.role === 'bot'));
    expect(ended.some((a) => a.type === 'endOfConversation')).toBe(true);

    const prisma = running.app.db.prisma;
    for (let i = 0; i < 100 && (await prisma.directLineConversation.count()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await running.app.transcripts.flush();
    const leaks = findNeedles(await dumpAllTables(prisma), [dl.conversationId, dl.issued.userId, 'Wilma', 'wilma.widget']);
    expect(leaks).toEqual({});
    // The widget's token no longer works: its conversation has ended.
    expect([403, 404]).toContain((await dl.get()).status);
  });
});
