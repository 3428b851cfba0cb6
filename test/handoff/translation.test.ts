/**
 * Live chat across languages: an Arabic-speaking jobseeker and a coach who reads Finnish. With an
 * LLM (the OpenAI-compatible test server over real HTTP) each message reaches the other side
 * translated, marked as machine-translated, with the original beside it; the model never sees a
 * phone number. Without an LLM the coach is told the language and that an interpreter can be booked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { completion, startChatModelServer, type ChatModelServer, type ChatRequest } from '../support/chatModelServer.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { DirectLineClient } from '../webchat/directLineClient.js';
import { CoachClient, TUESDAY_10AM, untilBotSays, type ChatMessageJson } from './helpers.js';

const t = (locale: string, key: string, args: Record<string, unknown> = {}) => String(translator.t(locale)(key, args));

const ARABIC_QUESTION = 'أحتاج مساعدة في سيرتي الذاتية، رقمي 0401234567';
const FINNISH_OF_QUESTION = 'Tarvitsen apua ansioluetteloni kanssa, numeroni [puhelin]';
const COACH_REPLY = 'Tervetuloa! Lähetä ansioluettelosi, niin katsotaan se yhdessä.';
const ARABIC_OF_REPLY = 'أهلًا! أرسل سيرتك الذاتية وسننظر فيها معًا.';

/** The test model: translates by the target language named in the system message. */
function translate(request: ChatRequest) {
  const system = request.messages[0]?.content ?? '';
  if (system.includes('into Finnish')) return completion(JSON.stringify({ translation: FINNISH_OF_QUESTION }));
  if (system.includes('into Arabic')) return completion(JSON.stringify({ translation: ARABIC_OF_REPLY }));
  return { status: 500, body: { error: 'unexpected' } };
}

async function askForPerson(running: RunningApp): Promise<DirectLineClient> {
  const jobseeker = await DirectLineClient.open(running.baseUrl, 'ar');
  expect((await jobseeker.start('ar')).status).toBe(201);
  await jobseeker.untilBotAsks();
  await jobseeker.say('أريد التحدث مع موظف');
  await untilBotSays(jobseeker, t('ar', 'handoff:municipality.prompt'));
  await jobseeker.say('Salo');
  await untilBotSays(jobseeker, t('ar', 'handoff:consent.prompt'));
  await jobseeker.say('نعم');
  await untilBotSays(jobseeker, t('ar', 'handoff:queue.joined', { place: 1, minutes: 8 }));
  return jobseeker;
}

describe('with an LLM', () => {
  let running: RunningApp;
  let llm: ChatModelServer;
  beforeAll(async () => {
    llm = await startChatModelServer(translate);
    running = await startTestApp({ SEED_DEMO_DATA: 'true', OPENAI_BASE_URL: llm.baseUrl, OPENAI_API_KEY: 'test-key', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' }, { clock: new FixedClock(TUESDAY_10AM), manualJobs: true });
  });
  afterAll(async () => {
    await running?.stop();
    await llm?.close();
  });

  it('translates both ways, marks the translation, and keeps the original beside it', async () => {
    // Ville (Salo) reads Finnish, Swedish and English, not Arabic.
    const ville = await CoachClient.issue(running.app, 'salo-ville', running.baseUrl);
    await ville.goLive(true);
    const jobseeker = await askForPerson(running);
    const [waiting] = await ville.queue();
    expect(waiting).toMatchObject({ locale: 'ar', languageName: 'arabia' });

    const accepted = await ville.call<{ translation: string; notice: string }>('POST', `/api/coach/handoffs/${waiting.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.translation).toBe('machine');
    expect(accepted.body.notice).toBe(t('fi', 'handoff:coach.machineTranslation', { language: 'arabia' }));
    await untilBotSays(jobseeker, t('ar', 'handoff:live.joined', { name: 'Ville (demo)' }).slice(0, 12));

    await jobseeker.say(ARABIC_QUESTION);
    const [message] = await ville.messagesUntil(waiting.id, (m) => m.some((x) => x.translation !== null));
    expect(message).toMatchObject({ sender: 'jobseeker', text: ARABIC_QUESTION, translation: FINNISH_OF_QUESTION, machineTranslated: true } satisfies Partial<ChatMessageJson>);
    // The model was sent the message without the phone number.
    const toFinnish = llm.requests.find((r) => r.messages[0].content.includes('into Finnish'))!;
    expect(toFinnish.messages[1].content).not.toContain('0401234567');
    expect(toFinnish.messages[1].content).toContain('مساعدة');

    const sent = await ville.call<ChatMessageJson>('POST', `/api/coach/handoffs/${waiting.id}/messages`, { text: COACH_REPLY });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ text: COACH_REPLY, translation: ARABIC_OF_REPLY, machineTranslated: true });
    const shown = await untilBotSays(jobseeker, ARABIC_OF_REPLY);
    expect(shown).toContain(t('ar', 'handoff:relay.translated', { name: 'Ville (demo)', translation: ARABIC_OF_REPLY, original: COACH_REPLY }));
    await ville.call('POST', `/api/coach/handoffs/${waiting.id}/end`);
    await ville.goLive(false);
  });
});

describe('without an LLM', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ SEED_DEMO_DATA: 'true', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' }, { clock: new FixedClock(TUESDAY_10AM), manualJobs: true });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('tells the coach the language and that an interpreter can be booked, and the jobseeker too', async () => {
    const ville = await CoachClient.issue(running.app, 'salo-ville', running.baseUrl);
    await ville.goLive(true);
    const jobseeker = await askForPerson(running);
    const [waiting] = await ville.queue();
    const accepted = await ville.call<{ translation: string; notice: string }>('POST', `/api/coach/handoffs/${waiting.id}/accept`);
    expect(accepted.body.translation).toBe('none');
    expect(accepted.body.notice).toBe(t('fi', 'handoff:coach.noTranslation', { language: 'arabia' }));
    await untilBotSays(jobseeker, t('ar', 'handoff:live.noTranslation'));
    await jobseeker.say(ARABIC_QUESTION);
    const [message] = await ville.messagesUntil(waiting.id, (m) => m.length > 0);
    expect(message).toMatchObject({ text: ARABIC_QUESTION, translation: null, machineTranslated: false });
    await ville.goLive(false);
  });
});
