/**
 * The question dialog handing over to other features' dialogs, answers that depend on today's
 * date, and municipality names written in other scripts.
 */
import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type Dialog } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { cyrillicToLatin } from '../../../bot/language/transliterate.js';
import type { MenuEntry } from '../../../bot/kernel/contracts.js';
import { createMainDialogHarness, lastSuggestions, translator } from '../../support/dialogs.js';
import { kb, questionSetup } from '../../knowledge/helpers.js';

/** A stand-in for another engineer's dialog: says which one started, with its options. */
function announcing(id: string): Dialog {
  return new WaterfallDialog(id, [
    async (step) => {
      await step.context.sendActivity(MessageFactory.text(`started ${id} ${JSON.stringify(step.options ?? {})}`));
      return step.endDialog();
    },
  ]);
}

const entry = (id: string, dialogId = `${id}Dialog`, options?: object): MenuEntry => ({ id, labelKey: `x:${id}`, dialog: announcing(dialogId), options });

describe('answers that start another dialog', () => {
  const fi = translator.t('fi');
  const en = translator.t('en');

  function wired(locale: string) {
    const menu = [entry('pilotInfo'), entry('eligibility'), entry('booking'), entry('myAppointments')];
    const setup = questionSetup({ dialogs: { eligibility: { dialogId: 'eligibilityDialog' }, booking: { dialogId: 'bookingDialog' } } });
    return createMainDialogHarness({ locale, features: () => menu, freeText: setup.freeText });
  }

  it('a booking question offers booking first, and the button starts the booking dialog', async () => {
    const harness = wired('fi');
    const replies = await harness.say('miten varaan ajan valmentajalle?');
    expect(lastSuggestions(replies)[0]).toBe(String(fi('knowledge:actions.startBooking')));
    const started = await harness.say(String(fi('knowledge:actions.startBooking')));
    expect(started[0].text).toBe('started bookingDialog {}');
  });

  it('an eligibility question offers the check, and the button starts the eligibility dialog', async () => {
    const harness = wired('en');
    const replies = await harness.say('am i in the target group');
    expect(lastSuggestions(replies)[0]).toBe(String(en('knowledge:actions.startEligibility')));
    const started = await harness.say(String(en('knowledge:actions.startEligibility')));
    expect(started[0].text).toBe('started eligibilityDialog {}');
  });

  it('"not sure" offers the booking dialog itself when it is wired in', async () => {
    const harness = wired('en');
    const replies = await harness.say('tell me a joke');
    expect(lastSuggestions(replies)).toContain(String(en('knowledge:actions.startBooking')));
    expect((await harness.say(String(en('knowledge:actions.startBooking'))))[0].text).toBe('started bookingDialog {}');
  });

  it('without the dialogs, the same questions get no button that goes nowhere', async () => {
    const harness = createMainDialogHarness({ locale: 'fi', freeText: questionSetup().freeText });
    const replies = await harness.say('kuulunko kohderyhmään?');
    expect(lastSuggestions(replies)).not.toContain(String(fi('knowledge:actions.startEligibility')));
  });
});

describe('answers for today', () => {
  const question = 'Kuuluuko Marttila kokeiluun?';

  it('while the pilot ran, says Marttila is in it and until when', async () => {
    const { freeText } = questionSetup({ now: new Date('2022-05-10T09:00:00Z') });
    const replies = await createMainDialogHarness({ locale: 'fi', freeText }).say(question);
    expect(replies[0].text).toContain('Marttila');
    expect(replies[0].text).toContain('31.12.2024');
    expect(replies[0].text).not.toContain('työllisyysalue');
  });

  it('after it ended, says it was, and who serves Marttila now', async () => {
    const { freeText } = questionSetup({ now: new Date('2026-11-25T10:00:00Z') });
    const text = (await createMainDialogHarness({ locale: 'fi', freeText }).say(question))[0].text!;
    expect(text).toContain('Marttila');
    expect(text).toContain('45');
    expect(text).toMatch(/Salon työllisyysalue/);
  });
});

describe('municipality names in other scripts and words', () => {
  it.each([
    ['ru', 'Входил ли Тампере в эксперимент?', 'Tampere'],
    ['ru', 'Хельсинки участвовал в эксперименте?', 'Helsinki'],
    ['uk', 'Чи брало Гельсінкі участь в експерименті?', 'Helsinki'],
    ['uk', 'Чи була Марттіла в експерименті?', 'Marttila'],
  ])('%s "%s" is answered for %s', async (locale, q, name) => {
    const { service } = questionSetup();
    const answer = await service.answer(q, locale as 'ru' | 'uk');
    expect(answer.kind).toBe('municipality');
    const text = (await createMainDialogHarness({ locale, freeText: questionSetup().freeText }).say(q))[0].text!;
    expect(text).toContain(name);
  });

  it('does not take the Somali word "ii" (me) for the municipality Ii', async () => {
    const { service } = questionSetup();
    expect((await service.answer('ii sheeg kaftan', 'so')).kind).toBe('notSure');
  });

  it.each([
    ['Марттила', 'ru', 'Marttila'],
    ['Гельсінкі', 'uk', 'Helsinki'],
    ['Йоэнсуу', 'ru', 'Joensuu'],
    ['Куопио', 'ru', 'Kuopio'],
  ] as const)('spells %s (%s) as %s', (cyr, variant, latin) => {
    expect(cyrillicToLatin(cyr, variant)).toBe(latin);
  });
});

describe('when counting the question fails', () => {
  it('still answers "not sure" in the user\'s language, without promising the question was saved', async () => {
    const setup = questionSetup();
    setup.gaps.record = async () => {
      throw Object.assign(new Error('database is down'), { code: 'P1001' });
    };
    const replies = await createMainDialogHarness({ locale: 'sv', freeText: setup.freeText }).say('Vad blir det för väder i morgon?');
    expect(replies[0].text).toBe(String(translator.t('sv')('knowledge:notSure.text')));
    expect(lastSuggestions(replies)).toContain(String(translator.t('sv')('knowledge:actions.startBooking')));
  });

  it('meets a pasted wall of text with "not sure", not an error', async () => {
    const setup = questionSetup();
    const replies = await createMainDialogHarness({ locale: 'en', freeText: setup.freeText }).say(`What does the coach do? ${'blah '.repeat(5000)}`);
    const t = translator.t('en');
    expect(replies[0].text).toBe(`${String(t('knowledge:notSure.text'))}\n\n${String(t('knowledge:notSure.saved'))}`);
    expect(setup.gaps.rows[0].question!.length).toBeLessThanOrEqual(1000);
  });
});

describe('"which municipalities?"', () => {
  it.each([
    ['fi', 'mitkä kunnat oli mukana', ['Salo, Marttila ja Koski Tl (3)', 'Helsinki', 'Pirkanmaa (22)', 'Mikkelin seutu (7)', 'Pori ja Kokemäki (2)']],
    ['sv', 'vilka kommuner var med', ['Salo, S:t Mårtens och Koski Tl (3)', 'Helsingfors', 'Birkaland (22)']],
    ['en', 'which municipalities were in the pilot', ['Salo, Marttila and Koski Tl (3)', 'Mikkeli region (7)']],
  ])('%s "%s" lists the pilot areas from the pilot data', async (locale, question, areas) => {
    const replies = await createMainDialogHarness({ locale, freeText: questionSetup().freeText }).say(question);
    const text = replies[0].text!;
    const t = translator.t(locale);
    const prefix = String(t('knowledge:municipality.listed', { areas: '' })).split(':')[0];
    const line = text.split('\n').find((l) => l.startsWith(prefix))!;
    expect(line).toBeDefined();
    for (const area of areas) expect(line).toContain(area);
    // Pori and Kokemäki are listed (the ministry, 2020); Ulvila, which only applied to join, is not.
    expect(line).not.toContain('Ulvila');
    expect(line).not.toContain('Ulvsby');
  });
});

describe('a misspelt municipality', () => {
  it('asks which one was meant, and answers for the one tapped', async () => {
    const harness = createMainDialogHarness({ locale: 'fi', freeText: questionSetup().freeText });
    const t = translator.t('fi');
    const replies = await harness.say('kuuluko martila kokeiluun');
    expect(replies[0].text).toBe(String(t('knowledge:municipality.suggest')));
    expect(lastSuggestions(replies)).toContain('Marttila');
    const answer = await harness.say('Marttila');
    expect(answer[0].text).toContain(String(t('knowledge:municipality.inPilot', { municipality: 'Marttila', area: 'Salo, Marttila ja Koski Tl', start: '1.3.2021', end: '31.12.2024' })));
  });

  it('answers for a municipality the ministry’s 2019 selection names (Kajaani, in the Kainuu area)', async () => {
    const t = translator.t('fi');
    const replies = await createMainDialogHarness({ locale: 'fi', freeText: questionSetup().freeText }).say('oliko Kajaani mukana kokeilussa');
    const area = 'Kajaani, Hyrynsalmi, Kuhmo, Sotkamo, Suomussalmi, Paltamo ja Ristijärvi';
    expect(replies[0].text).toContain(String(t('knowledge:municipality.inPilot', { municipality: 'Kajaani', area, start: '1.3.2021', end: '31.12.2024' })));
  });

  it('answers for a municipality added by the supplementary proposal HE 114/2020 (Lieksa)', async () => {
    const t = translator.t('fi');
    const replies = await createMainDialogHarness({ locale: 'fi', freeText: questionSetup().freeText }).say('kuuluiko Lieksa kuntakokeiluun');
    const area = 'Kitee, Lieksa, Juuka, Rääkkylä, Heinävesi, Ilomantsi ja Tohmajärvi';
    expect(replies[0].text).toContain(String(t('knowledge:municipality.inPilot', { municipality: 'Lieksa', area, start: '1.3.2021', end: '31.12.2024' })));
  });

  it('says it cannot confirm a municipality missing from the data, rather than "no"', async () => {
    const t = translator.t('en');
    const replies = await createMainDialogHarness({ locale: 'en', freeText: questionSetup().freeText }).say('was Kuopio in the pilot');
    expect(replies[0].text).toContain(String(t('knowledge:municipality.unknown', { municipality: 'Kuopio' })));
  });
});

describe('a question in another language, switch declined', () => {
  it('answers it in the current language and does not offer again', async () => {
    const harness = createMainDialogHarness({ locale: 'fi', freeText: questionSetup().freeText });
    await harness.say('mitä kokeilun jälkeen tapahtu');
    const offer = await harness.say('What does the coach do?');
    expect(offer.map((r) => r.text)).toEqual([String(translator.t('en')('languageSwitch.offer'))]);
    const after = await harness.say('no');
    expect(after[0].text!.startsWith(kb.get('coach', 'fi')!.short)).toBe(true);
    const again = await harness.say('What does a work trial mean?');
    expect(again.map((r) => r.text)).not.toContain(String(translator.t('en')('languageSwitch.offer')));
    expect(harness.preferences.chosen).toEqual([]);
  });
});

describe('a first message that is a question in another language', () => {
  it('offers to switch in that language, then answers the question in it', async () => {
    const harness = createMainDialogHarness({ locale: 'fi', freeText: questionSetup().freeText });
    const offer = await harness.say('Что будет после 2024 года?');
    expect(offer.map((r) => r.text)).toEqual([String(translator.t('ru')('languageSwitch.offer'))]);
    const after = await harness.say('да');
    expect(after[0].text).toBe(String(translator.t('ru')('language.changed')));
    expect(after[1].text!.startsWith(kb.get('after-pilot', 'ru')!.short)).toBe(true);
    expect(harness.preferences.chosen.map((p) => p.locale)).toEqual(['ru']);
  });
});

describe('readable answers', () => {
  it('cites its sources as links with readable names, and carries the follow-ups itself (no "choose below" bubble)', async () => {
    const en = translator.t('en');
    const harness = createMainDialogHarness({ locale: 'en', freeText: questionSetup().freeText });
    const replies = (await harness.say('What is a work trial?')).filter((r) => r.type === 'message');
    expect(replies).toHaveLength(1);
    const [answer] = replies;
    expect(answer.text!.startsWith(kb.get('work-trial', 'en')!.short)).toBe(true);
    expect(answer.text).toContain(`[${String(en('knowledge:sources.law380'))}](https://www.finlex.fi/fi/lainsaadanto/2023/380)`);
    // A source article with no public address is named as text.
    expect(answer.text).toContain(String(en('knowledge:sources.seed002')));
    expect(answer.text).not.toContain(String(en('knowledge:prompt.more')));
    expect(lastSuggestions(replies)).toContain(String(en('knowledge:actions.menu')));
  });
});
