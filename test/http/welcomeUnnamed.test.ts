/** `npm start` as is names no municipality: the welcome must not read "… (OMA-botti)". */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SERVICE_NAME } from '../../bot/config.js';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({ MUNICIPALITY_NAME: DEFAULT_SERVICE_NAME });
});
afterAll(async () => {
  await running?.stop();
});

it.each([
  ['fi', 'Hei! Olen OMA-botti, työllisyyspalvelujen chat-avustaja. Valitse aihe valikosta tai kirjoita kysymyksesi.'],
  ['en', "Hi! I'm OMA-botti, the chat assistant of the employment services. Choose a topic from the menu or type your question."],
])('welcomes in %s without naming a municipality when none is configured', async (locale, expected) => {
  const replies = await expectReplies(
    running.baseUrl,
    activity({ type: 'conversationUpdate', locale, membersAdded: [{ id: `user-${locale}` }, { id: 'bot' }] }, `unnamed-${locale}`, `user-${locale}`),
  );
  expect(replies[0].text).toBe(expected);
});
