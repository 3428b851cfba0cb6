/** The safety reply: a message signalling a crisis gets 112 and a crisis line before anything else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { join, say, type Person } from './helpers.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp();
});
afterAll(async () => {
  await running?.stop();
});

let n = 0;
async function person(locale: string): Promise<Person> {
  const p = { userId: `u-safety-${++n}`, conversationId: `c-safety-${n}`, name: 'Someone', locale };
  await join(running.baseUrl, p);
  return p;
}

describe('safety reply', () => {
  it.each([
    ['fi-FI', 'En jaksa enää elää, haluan kuolla', /^Jos sinä tai joku muu on vaarassa juuri nyt, soita hätänumeroon 112\..*MIELI ry:n kriisipuhelimessa: 09 2525 0111/],
    ['en-US', 'I want to kill myself', /^If you or someone else is in danger right now, call the emergency number 112\..*MIELI ry: 09 2525 0111/],
    ['ar-SA', 'أريد أن أموت', /^إذا كنت أنت أو شخص آخر في خطر الآن، اتصل برقم الطوارئ 112\..*MIELI ry: 09 2525 0111/],
  ])('in %s comes first, with call buttons', async (locale, text, expected) => {
    const p = await person(locale);
    const replies = await say(running.baseUrl, p, text);
    expect(replies[0].text).toMatch(expected);
    expect(replies[0].suggestedActions?.actions.map((a) => a.value)).toEqual(['tel:112', 'tel:+358925250111']);
  });

  it('interrupts a task in progress, which then goes on', async () => {
    const p = await person('en-US');
    expect((await say(running.baseUrl, p, 'Give feedback')).at(-1)?.text).toBe('What is your feedback about?');
    const replies = await say(running.baseUrl, p, 'my partner is hitting me');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toContain('112');
    expect((await say(running.baseUrl, p, 'Accessibility')).at(-1)?.text).toBe('Please write your feedback in one message.');
  });

  it('answers a crisis written in another language than the conversation', async () => {
    const p = await person('fi-FI');
    const replies = await say(running.baseUrl, p, 'I want to die');
    expect(replies[0].text).toMatch(/hätänumeroon 112/);
  });

  it('stays quiet for ordinary messages', async () => {
    const p = await person('fi-FI');
    const replies = await say(running.baseUrl, p, 'Mitä kuolinpesän pitää tehdä työmarkkinatuen kanssa?');
    expect(replies.map((r) => r.text).join('\n')).not.toContain('112');
  });
});
