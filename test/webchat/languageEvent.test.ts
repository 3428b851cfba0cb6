/**
 * Issue 15: over the real Direct Line, a language change made in the chat reaches the page as an
 * event (which bot/webchat/static/app.js follows), ahead of the replies in the new language; an
 * accepted offer answers the message that caused it instead of failing the turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../support/dialogs.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { DirectLineClient, botTexts, type DlActivity } from './directLineClient.js';

const ar = translator.t('ar');
const fi = translator.t('fi');
const languageEvents = (all: DlActivity[]) => all.filter((a) => a.from.role === 'bot' && a.type === 'event' && a.name === 'omabotti.language');

describe('the conversation tells the page its language', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => running?.stop());

  it('an accepted Arabic offer: the event first, then the Arabic answer; "suomeksi" brings Finnish back the same way', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'fi');
    await dl.start('fi');
    const welcome = await dl.untilBotAsks();
    expect(languageEvents(welcome)).toEqual([]);

    await dl.say('أريد أن أحجز موعدا مع المدرب');
    const offer = await dl.untilBotAsks();
    expect(botTexts(offer)).toEqual([String(ar('languageSwitch.offer'))]);
    expect(languageEvents(offer)).toEqual([]);

    await dl.say(String(ar('choices.yes')));
    const accepted = (await dl.untilBotAsks()).filter((a) => a.from.role === 'bot');
    expect(accepted[0]).toMatchObject({ type: 'event', name: 'omabotti.language', value: { locale: 'ar', dir: 'rtl' } });
    expect(botTexts(accepted)[0]).toBe(String(ar('language.changed')));
    expect(botTexts(accepted).join('\n')).not.toContain(String(ar('errors.turnFailed')));

    await dl.say('suomeksi');
    const back = (await dl.untilBotAsks()).filter((a) => a.from.role === 'bot');
    expect(back[0]).toMatchObject({ type: 'event', name: 'omabotti.language', value: { locale: 'fi', dir: 'ltr' } });
    expect(botTexts(back)[0]).toBe(String(fi('language.changed')));
  });

  it('the picker\'s own change is confirmed by the same event', async () => {
    const dl = await DirectLineClient.open(running.baseUrl, 'fi');
    await dl.start('fi');
    await dl.untilBotAsks();
    await dl.send({ type: 'event', name: 'setLanguage', value: 'sv' });
    const switched = (await dl.untilBotAsks()).filter((a) => a.from.role === 'bot');
    expect(languageEvents(switched).map((a) => a.value)).toEqual([{ locale: 'sv', dir: 'ltr' }]);
  });
});
