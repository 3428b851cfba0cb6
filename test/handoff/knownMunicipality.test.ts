/**
 * What the user already said is not asked again, over real HTTP in the web widget with one real
 * app and database: the municipality named in a question, answered in the eligibility check or given
 * in a booking is used by the booking and by "talk to a person" later in the same conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { DirectLineClient } from '../webchat/directLineClient.js';
import { CoachClient, TUESDAY_10AM, untilBotSays } from './helpers.js';

let running: RunningApp;
const clock = new FixedClock(TUESDAY_10AM);

beforeAll(async () => {
  running = await startTestApp({ SEED_DEMO_DATA: 'true', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' }, { clock, manualJobs: true });
  const karim = await CoachClient.issue(running.app, 'van-karim', running.baseUrl);
  expect((await karim.goLive()).status).toBe(200);
});
afterAll(async () => {
  await running?.stop();
});

async function openWidget(locale: string) {
  const client = await DirectLineClient.open(running.baseUrl, locale);
  expect((await client.start(locale)).status).toBe(201);
  await client.untilBotAsks();
  const s = (key: string, args: Record<string, unknown> = {}) => String(translator.t(locale)(key, args));
  return { client, s };
}

describe('the municipality is asked once per conversation', () => {
  it('fi: named in a question, the person handoff goes straight to consent', async () => {
    const { client, s } = await openWidget('fi');
    await client.say('Kuuluuko Vantaa kokeiluun?');
    await untilBotSays(client, 'Vantaa');
    await client.say('Haluan puhua ihmisen kanssa');
    const said = await untilBotSays(client, s('handoff:consent.prompt'));
    expect(said).not.toContain(s('handoff:municipality.prompt'));
  });

  it('en: named in a question, booking skips the municipality and shows the times', async () => {
    const { client, s } = await openWidget('en');
    await client.say('Is Salo in the pilot?');
    await untilBotSays(client, 'Salo');
    await client.say('I would like to book a meeting with my coach');
    await untilBotSays(client, s('booking:topic.prompt'));
    await client.say(s('booking:topic.plan'));
    await untilBotSays(client, s('booking:mode.prompt'));
    await client.say(s('booking:mode.in_person'));
    const said = await untilBotSays(client, s('booking:slots.prompt'));
    expect(said).not.toContain(s('booking:municipality.prompt'));
  });

  it('en: answered in the eligibility check, talking to a person does not ask it again', async () => {
    const { client, s } = await openWidget('en');
    await client.say(s('pilot:menu.eligibility'));
    await untilBotSays(client, s('pilot:elig.q.municipalityNow'));
    await client.say('Vantaa');
    // The check goes on with the next question; the user stops it and asks for a person instead.
    await untilBotSays(client, s('pilot:elig.q.age'));
    await client.say('cancel');
    await untilBotSays(client, s('cancel.done'));
    await client.say('Can I talk to a human?');
    const said = await untilBotSays(client, s('handoff:consent.prompt'));
    expect(said).not.toContain(s('handoff:municipality.prompt'));
  });

  it('en: given in a booking, talking to a person does not ask it again', async () => {
    const { client, s } = await openWidget('en');
    await client.say(s('booking:menu.book'));
    await untilBotSays(client, s('booking:topic.prompt'));
    await client.say(s('booking:topic.plan'));
    await untilBotSays(client, s('booking:mode.prompt'));
    await client.say(s('booking:mode.in_person'));
    await untilBotSays(client, s('booking:municipality.prompt'));
    await client.say('Vantaa');
    await untilBotSays(client, s('booking:slots.prompt'));
    await client.say('Can I talk to a human?');
    const said = await untilBotSays(client, s('handoff:consent.prompt'));
    expect(said).not.toContain(s('handoff:municipality.prompt'));
  });
});
