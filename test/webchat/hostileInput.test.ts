/**
 * Widget input with NUL or invalid Unicode (issue 17, finding 5): it used to reach the database
 * and come back as a 500. Message text is cleaned and the turn runs; any other field is refused
 * with a 400 that says which field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { botTexts, DirectLineClient } from './directLineClient.js';

const LONE_HIGH = '\ud83d';
const LONE_LOW = '\ude00';

describe('widget input with NUL or lone surrogates', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ WEBCHAT_LONG_POLL_MS: '1000' });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it.each([
    ['a NUL', 'What can\u0000 you do?', 'What can you do?'],
    ['a lone high surrogate', `What can you do?${LONE_HIGH}`, 'What can you do?\ufffd'],
    ['a lone low surrogate', `${LONE_LOW}What can you do?`, '\ufffdWhat can you do?'],
  ])('message text with %s is cleaned, stored and answered', async (_name, text, cleaned) => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
    const sent = await dl.send({ type: 'message', text, locale: 'en-US' });
    expect(sent.status).toBe(200);
    const after = await dl.until((all) => botTexts(all).some((t) => t.startsWith('You can choose a topic')));
    expect(after.find((a) => a.id === sent.body.id)?.text).toBe(cleaned);
  });

  it.each([
    ['value', { type: 'message', value: { choice: 'a\u0000b' } }, /value/],
    ['a value key', { type: 'message', value: { ['k\u0000']: 'x' } }, /value/],
    ['value with a lone surrogate', { type: 'message', value: `x${LONE_LOW}` }, /value/],
    ['event name', { type: 'event', name: 'setLanguage\u0000', value: 'sv' }, /name/],
    ['event name with a lone surrogate', { type: 'event', name: `set${LONE_HIGH}`, value: 'sv' }, /name/],
    ['client activity id', { type: 'message', text: 'hei', channelData: { clientActivityID: 'c\u00001' } }, /clientActivityID/],
    ['client activity id with a lone surrogate', { type: 'message', text: 'hei', channelData: { clientActivityID: `c${LONE_LOW}` } }, /clientActivityID/],
  ])('NUL or invalid Unicode in the %s gets 400 naming the field, never 500', async (_name, body, field) => {
    const dl = await DirectLineClient.open(running.baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
    const res = await dl.send(body as Record<string, unknown>);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('BadArgument');
    expect(res.body.message).toMatch(field);
    // The conversation still works.
    const ok = await dl.say('What can you do?', 'en-US');
    expect(ok.status).toBe(200);
  });
});
