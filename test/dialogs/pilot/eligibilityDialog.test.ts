/**
 * The eligibility check as users meet it, in every shipped locale, on a real database: the
 * eligible path during the pilot, the not-eligible path, "I don't know" answers, going back, a
 * cancel midway and the after-2025 path; plus "did you mean", a typed identity code and a
 * municipality outside the data. Every finished check is an EligibilityCheck row of the user.
 */
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../bot/language/format.js';
import { FixedClock } from '../../../bot/kernel/clock.js';
import { SUPPORTED_LOCALES, type Locale } from '../../../bot/i18n/locales.js';
import { EligibilityRepository } from '../../../bot/pilot/eligibilityRepository.js';
import { createPilotServices } from '../../../bot/pilot/feature.js';
import { createPilotDialogs } from '../../../dialogs/pilot/pilotDialogs.js';
import { PilotDataRepository } from '../../../bot/pilot/pilotDataRepository.js';
import { seedPilotData } from '../../../bot/pilot/seed.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { createMainDialogHarness, lastSuggestions, playTranscript, translator, type DialogHarness, type TranscriptRow } from '../../support/dialogs.js';

const DURING = new Date('2022-06-15T10:00:00Z');
const AFTER = new Date('2026-11-25T10:00:00Z');

const s = (locale: string, key: string, args: Record<string, unknown> = {}) => String(translator.t(locale)(key, args));
const backWord = (locale: string) => (translator.t(locale)('pilot:elig.commands.back', { returnObjects: true }) as string[])[0];

interface LocaleCase {
  locale: Locale;
  /** How a user of this language types Salo (Cyrillic too), and its pilot area as the bot shows it. */
  salo: string;
  saloArea: string;
  saloEmploymentArea: string;
  /** Salo inside a sentence, where the locale has an established name of its own (issue 15). */
  saloInText?: string;
  cancel: string;
  /** The date 31.12.2024 as the bot writes it. */
  end: string;
}

const CASES: LocaleCase[] = [
  { locale: 'fi', salo: 'Salossa', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'peruuta', end: '31.12.2024' },
  { locale: 'fi-x-selko', salo: 'Salo', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'lopeta', end: '31.12.2024' },
  { locale: 'sv', salo: 'Salo', saloArea: 'Salo, S:t Mårtens och Koski Tl', saloEmploymentArea: 'Salo sysselsättningsområde', cancel: 'avbryt', end: '31.12.2024' },
  { locale: 'en', salo: 'Salo', saloArea: 'Salo, Marttila and Koski Tl', saloEmploymentArea: 'Salo employment area', cancel: 'cancel', end: '31/12/2024' },
  { locale: 'ru', saloInText: 'Сало (Salo)', salo: 'в Сало', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'отмена', end: '31.12.2024' },
  { locale: 'uk', saloInText: 'Сало (Salo)', salo: 'Сало', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'скасувати', end: '31.12.2024' },
  { locale: 'et', salo: 'Salo', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'tühista', end: '31.12.2024' },
  { locale: 'ar', salo: 'Salo', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'إلغاء', end: '' },
  { locale: 'so', salo: 'Salo', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'jooji', end: '' },
  { locale: 'fa', salo: 'Salo', saloArea: 'Salo, Marttila ja Koski Tl', saloEmploymentArea: 'Salon työllisyysalue', cancel: 'لغو', end: '' },
];

let db: TestDatabase;
let checks: EligibilityRepository;
let users = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  await seedPilotData(new PilotDataRepository(db.prisma));
  checks = new EligibilityRepository(db.prisma);
});
afterAll(async () => {
  await db?.destroy();
});

interface Session {
  harness: DialogHarness;
  userId: string;
  rows(): ReturnType<EligibilityRepository['listByUserId']>;
}

/** A fresh user talking to the main dialog with the pilot's menu entries, at `now`. */
function session(locale: Locale, now: Date): Session {
  const clock = new FixedClock(now);
  const parts = createPilotDialogs({ ...createPilotServices({ clock, store: checks }), translator });
  const inner = createMainDialogHarness({ locale, features: () => parts.menu });
  const userId = `user-${locale}-${++users}`;
  const harness: DialogHarness = {
    ...inner,
    say: (input: string | Partial<Activity>) =>
      inner.say({ ...(typeof input === 'string' ? { type: 'message', text: input } : input), from: { id: userId, name: 'Testi' } }),
  };
  return {
    harness,
    userId,
    rows: async () => {
      const user = await db.prisma.user.findUnique({ where: { channelId_channelUserId: { channelId: 'test', channelUserId: userId } } });
      return user ? checks.listByUserId(user.id) : [];
    },
  };
}

it('covers every shipped locale', () => {
  expect(CASES.map((c) => c.locale).sort()).toEqual([...SUPPORTED_LOCALES].sort());
});

describe.each(CASES)('eligibility check in $locale', (c) => {
  const { locale } = c;
  const label = (key: string) => s(locale, key);
  const start = (): TranscriptRow => [label('pilot:menu.eligibility'), [label('pilot:elig.intro.active'), label('pilot:elig.q.municipality')]];

  it('during the pilot: the eligible path asks only what matters, explains the result and stores it', async () => {
    const { harness, rows } = session(locale, DURING);
    await harness.say('');
    await playTranscript(harness, [
      start(),
      [c.salo, [label('pilot:elig.q.age')]],
      ['25', [label('pilot:elig.q.unemployed')]],
      [label('common:choices.yes'), [
        s(locale, 'pilot:result.eligible', { area: c.saloArea }),
        s(locale, 'pilot:reasons.under_30'),
        s(locale, 'pilot:reasons.lives_in_pilot_municipality', { municipality: c.saloInText ?? 'Salo' }),
        label('pilot:elig.stored'),
        label('pilot:elig.whatNext'),
      ]],
    ]);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      outcome: 'eligible',
      municipalityId: 'salo',
      municipalityName: 'Salo',
      ageYears: 25,
      unemployedOrInServices: 'yes',
      foreignLanguage: null,
      benefit: null,
      locale,
      phase: 'running',
      nextStep: 'book_coach',
    });
    // Back at the main menu from the result.
    const menu = await harness.say(label('pilot:info.topics.menu'));
    expect(lastSuggestions(menu)).toContain(label('pilot:menu.info'));
  });

  it('during the pilot: the not-eligible path says why', async () => {
    const { harness, rows } = session(locale, DURING);
    await harness.say('');
    await playTranscript(harness, [
      start(),
      [c.salo, [label('pilot:elig.q.age')]],
      ['45', [label('pilot:elig.q.foreignLanguage')]],
      [label('common:choices.no'), [label('pilot:elig.q.benefit')]],
      [label('pilot:elig.choices.fund'), [label('pilot:result.notEligible'), label('pilot:reasons.no_target_group'), label('pilot:reasons.earnings_related_allowance'), label('pilot:next.teOffice')]],
    ]);
    const stored = await rows();
    expect(stored.map((r) => [r.outcome, r.ageYears, r.foreignLanguage, r.benefit, r.unemployedOrInServices])).toEqual([['not_eligible', 45, 'no', 'fund', null]]);
  });

  it('"I don\'t know" answers give an honest "can\'t tell"', async () => {
    const { harness, rows } = session(locale, DURING);
    await harness.say('');
    const dontKnow = label('pilot:elig.choices.dontKnow');
    await playTranscript(harness, [
      start(),
      [c.salo, [label('pilot:elig.q.age')]],
      [dontKnow, [label('pilot:elig.q.foreignLanguage')]],
      [dontKnow, [label('pilot:elig.q.benefit')]],
      [label('pilot:elig.choices.skip'), [label('pilot:elig.q.unemployed')]],
      [label('common:choices.yes'), [label('pilot:result.cantTell'), label('pilot:reasons.age_unknown'), label('pilot:reasons.benefit_unknown'), label('pilot:next.askTeOffice')]],
    ]);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ outcome: 'cant_tell', ageYears: null, birthYear: null, foreignLanguage: 'unknown', benefit: 'unknown', unemployedOrInServices: 'yes' });
    expect(stored[0].reasons).toEqual(['age_unknown', 'benefit_unknown', 'foreign_language_unknown']);
  });

  it(`"${backWord(locale)}" returns to the previous question and the new answer counts`, async () => {
    const { harness, rows } = session(locale, DURING);
    await harness.say('');
    await playTranscript(harness, [
      start(),
      [c.salo, [label('pilot:elig.q.age')]],
      ['45', [label('pilot:elig.q.foreignLanguage')]],
      [backWord(locale), [label('pilot:elig.q.age')]],
      ['24', [label('pilot:elig.q.unemployed')]],
      // The button works as well as the typed word.
      [label('pilot:elig.choices.back'), [label('pilot:elig.q.age')]],
      ['23', [label('pilot:elig.q.unemployed')]],
      [label('common:choices.yes'), [s(locale, 'pilot:result.eligible', { area: c.saloArea })]],
    ]);
    const stored = await rows();
    expect(stored.map((r) => [r.outcome, r.ageYears, r.foreignLanguage])).toEqual([['eligible', 23, null]]);
  });

  it('a cancel midway stops the check, returns to the menu and stores nothing', async () => {
    const { harness, rows } = session(locale, DURING);
    await harness.say('');
    await playTranscript(harness, [
      start(),
      [c.salo, [label('pilot:elig.q.age')]],
      [c.cancel, [label('common:cancel.done'), label('common:menu.promptAgain')]],
    ]);
    expect(await rows()).toEqual([]);
  });

  it('after 2025: the verdict for the time the pilot ran, then who serves the person now, asking only what decides it', async () => {
    const { harness, rows } = session(locale, AFTER);
    await harness.say('');
    const replies = await harness.say(label('pilot:menu.eligibility'));
    const texts = replies.map((r) => r.text);
    expect(texts.some((t) => t?.startsWith(s(locale, 'pilot:elig.intro.ended', { end: '' }).slice(0, 10)))).toBe(true);
    expect(texts).toContain(label('pilot:elig.q.municipalityNow'));
    // The intro states the end date; never "still running".
    if (c.end) expect(texts.join('\n')).toContain(c.end);
    const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), locale);
    await playTranscript(harness, [
      [c.salo, [label('pilot:elig.q.age')]],
      // 25 today: under 30 when the pilot started, so the target group is settled.
      ['25', [label('pilot:elig.q.unemployed')]],
      [label('common:choices.yes'), [
        s(locale, 'pilot:result.pastEligible', { start: day('2021-03-01'), end: day('2024-12-31') }),
        s(locale, 'pilot:pastReasons.under_30'),
        s(locale, 'pilot:pastReasons.lives_in_pilot_municipality', { municipality: c.saloInText ?? 'Salo' }),
        s(locale, 'pilot:today.served', { municipality: c.saloInText ?? 'Salo', area: c.saloEmploymentArea, url: 'https://www.salo.fi' }),
        label('pilot:elig.stored'),
      ]],
    ]);
    const stored = await rows();
    expect(stored.map((r) => [r.outcome, r.municipalityId, r.ageYears, r.foreignLanguage, r.benefit, r.unemployedOrInServices, r.phase])).toEqual([
      ['pilot_over', 'salo', 25, null, null, 'yes', 'ended'],
    ]);
  });
});

describe('eligibility check details', () => {
  it('offers "did you mean" for a misspelt municipality and goes on with the pick', async () => {
    const { harness, rows } = session('fi', DURING);
    await harness.say('');
    await harness.say(s('fi', 'pilot:menu.eligibility'));
    const suggest = await harness.say('Mikkli');
    expect(suggest.map((r) => r.text)).toContain(s('fi', 'pilot:elig.q.didYouMean'));
    expect(lastSuggestions(suggest)).toContain('Mikkeli');
    await playTranscript(harness, [
      ['Mikkeli', [s('fi', 'pilot:elig.q.age')]],
      ['1990', [s('fi', 'pilot:elig.q.foreignLanguage')]],
      ['kyllä', [s('fi', 'pilot:elig.q.unemployed')]],
      ['kyllä', [s('fi', 'pilot:result.eligible', { area: 'Mikkelin seutu' })]],
    ]);
    expect((await rows()).map((r) => [r.municipalityId, r.birthYear, r.foreignLanguage])).toEqual([['mikkeli', 1990, 'yes']]);
  });

  it('says an identity code is not needed, asks again and never stores it', async () => {
    const { harness, rows } = session('fi', DURING);
    await harness.say('');
    await playTranscript(harness, [
      [s('fi', 'pilot:menu.eligibility'), [s('fi', 'pilot:elig.q.municipality')]],
      ['Vantaa', [s('fi', 'pilot:elig.q.age')]],
      ['131052-308T', [s('fi', 'pilot:elig.hetu'), s('fi', 'pilot:elig.q.age')]],
      ['olen 27', [s('fi', 'pilot:elig.q.unemployed')]],
      ['ehkä', [s('fi', 'pilot:elig.q.choiceRetry')]],
      ['ei', [s('fi', 'pilot:result.notEligible'), s('fi', 'pilot:reasons.not_unemployed_or_in_services')]],
    ]);
    const stored = await db.prisma.eligibilityCheck.findMany();
    expect(JSON.stringify(stored)).not.toContain('131052');
    expect((await rows()).map((r) => [r.outcome, r.ageYears, r.unemployedOrInServices])).toEqual([['not_eligible', 27, 'no']]);
  });

  it('a municipality outside the data gets "cannot confirm", never a "no"', async () => {
    const { harness, rows } = session('sv', DURING);
    await harness.say('');
    await playTranscript(harness, [
      [s('sv', 'pilot:menu.eligibility'), [s('sv', 'pilot:elig.q.municipality')]],
      ['Mariehamn', [s('sv', 'pilot:elig.q.age')]],
      ['25', [s('sv', 'pilot:elig.q.unemployed')]],
      ['ja', [s('sv', 'pilot:result.cantTell'), s('sv', 'pilot:reasons.municipality_outside_pilot', { municipality: 'Mariehamn' })]],
    ]);
    expect((await rows()).map((r) => [r.outcome, r.municipalityId, r.municipalityName, r.municipalityKind])).toEqual([['cant_tell', null, 'Maarianhamina', 'outside_data']]);
  });

  it('before 1.3.2021: asks only the municipality and says the pilot has not started', async () => {
    const { harness, rows } = session('fi', new Date('2021-02-28T10:00:00Z'));
    await harness.say('');
    await playTranscript(harness, [
      [s('fi', 'pilot:menu.eligibility'), [s('fi', 'pilot:elig.intro.before', { start: '1.3.2021' }), s('fi', 'pilot:elig.q.municipalityNow')]],
      ['Espoossa', [s('fi', 'pilot:result.notStarted', { start: '1.3.2021' }), s('fi', 'pilot:next.teOffice')]],
    ]);
    expect((await rows()).map((r) => [r.outcome, r.phase, r.reasons])).toEqual([['not_eligible', 'before', ['pilot_not_started']]]);
  });

  it('a button number typed at the age question picks the button, not an age of 2', async () => {
    const { harness, rows } = session('fi', DURING);
    await harness.say('');
    await playTranscript(harness, [
      [s('fi', 'pilot:menu.eligibility'), [s('fi', 'pilot:elig.q.municipality')]],
      ['Koski', [s('fi', 'pilot:elig.q.age')]],
      // Buttons: En tiedä, Ohita, Takaisin.
      ['2', [s('fi', 'pilot:elig.q.foreignLanguage')]],
      ['1', [s('fi', 'pilot:elig.q.unemployed')]],
      ['1', [s('fi', 'pilot:result.eligible', { area: 'Salo, Marttila ja Koski Tl' })]],
    ]);
    expect((await rows()).map((r) => [r.municipalityId, r.ageYears, r.foreignLanguage, r.unemployedOrInServices])).toEqual([['koski-tl', null, 'yes', 'yes']]);
  });

  it('an unrecognised age is asked again with an example', async () => {
    const { harness } = session('en', DURING);
    await harness.say('');
    await playTranscript(harness, [
      [s('en', 'pilot:menu.eligibility'), [s('en', 'pilot:elig.q.municipality')]],
      ['Espoo', [s('en', 'pilot:elig.q.age')]],
      ['quite old', [s('en', 'pilot:elig.q.ageRetry')]],
      ['15.6.1996', [s('en', 'pilot:elig.q.unemployed')]],
    ]);
  });
});
