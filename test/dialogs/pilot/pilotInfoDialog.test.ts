/**
 * The pilot information dialog in every shipped locale: short answers per topic with suggested
 * actions to go deeper, right for the date (during the pilot, in the extension, after it ended),
 * the Pori caveat, "useful today" for a municipality in the data and one outside it.
 */
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../bot/kernel/clock.js';
import { SUPPORTED_LOCALES, type Locale } from '../../../bot/i18n/locales.js';
import type { CheckToStore, EligibilityStore, StoredCheck } from '../../../bot/pilot/eligibilityRepository.js';
import { createPilotServices } from '../../../bot/pilot/feature.js';
import { createPilotDialogs } from '../../../dialogs/pilot/pilotDialogs.js';
import { createMainDialogHarness, lastSuggestions, playTranscript, translator } from '../../support/dialogs.js';
import { formatDate } from '../../../bot/language/format.js';

const DURING = new Date('2022-06-15T10:00:00Z');
const EXTENSION = new Date('2024-03-01T10:00:00Z');
const AFTER = new Date('2026-11-25T10:00:00Z');

const s = (locale: string, key: string, args: Record<string, unknown> = {}) => String(translator.t(locale)(key, args));

/** The info dialog stores nothing; a store that fails loudly proves it. */
class UnusedStore implements EligibilityStore {
  async record(_check: CheckToStore): Promise<StoredCheck> {
    throw new Error('the information dialog must not store eligibility checks');
  }
}

function harnessAt(locale: Locale, now: Date) {
  const parts = createPilotDialogs({ ...createPilotServices({ clock: new FixedClock(now), store: new UnusedStore() }), translator });
  return createMainDialogHarness({ locale, features: () => parts.menu });
}

/** A date as each locale's user sees it (bot/language/format.ts, tested against literal strings in test/language/format.test.ts). */
const fmt = (locale: Locale, iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), locale);

/** What a user types: Cyrillic spellings are matched through transliteration. */
const TYPED: Partial<Record<Locale, string>> = { ru: 'Вантаа', uk: 'у Вантаа' };
// The established name where the reader's language has one (prisma/data/municipality-names.json).
// In Cyrillic and Arabic script the established name comes with the official Finnish one beside it (issue 15).
const VANTAA: Record<Locale, string> = { fi: 'Vantaa', 'fi-x-selko': 'Vantaa', sv: 'Vanda', en: 'Vantaa', ru: 'Вантаа (Vantaa)', uk: 'Вантаа (Vantaa)', et: 'Vantaa', ar: 'فانتا (Vantaa)', so: 'Vantaa', fa: 'وانتا (Vantaa)' };
const VANTAA_AREA: Record<Locale, string> = {
  fi: 'Vantaan kaupungin työllisyyspalvelut',
  'fi-x-selko': 'Vantaan kaupungin työllisyyspalvelut',
  sv: 'Vanda stads sysselsättningstjänster',
  en: 'City of Vantaa employment services',
  ru: 'Vantaan kaupungin työllisyyspalvelut',
  uk: 'Vantaan kaupungin työllisyyspalvelut',
  et: 'Vantaan kaupungin työllisyyspalvelut',
  ar: 'Vantaan kaupungin työllisyyspalvelut',
  so: 'Vantaan kaupungin työllisyyspalvelut',
  fa: 'Vantaan kaupungin työllisyyspalvelut',
};

it('covers every shipped locale', () => {
  expect(Object.keys(VANTAA).sort()).toEqual([...SUPPORTED_LOCALES].sort());
});

describe.each([...SUPPORTED_LOCALES])('pilot information in %s', (locale) => {
  const label = (key: string) => s(locale, key);

  it('after the pilot: says it ended, walks the topics and tells where Vantaa is served now', async () => {
    const harness = harnessAt(locale, AFTER);
    const welcome = await harness.say('');
    // Menu order: pilot info, eligibility, then the rest.
    expect(lastSuggestions(welcome).slice(0, 2)).toEqual([label('pilot:menu.info'), label('pilot:menu.eligibility')]);

    const first = await harness.say(label('pilot:menu.info'));
    const what = s(locale, 'pilot:info.what.ended', { end: fmt(locale, '2024-12-31'), areasSince: fmt(locale, '2025-01-01'), areaCount: 45 });
    expect(first.map((r) => r.text)).toContain(what);
    expect(first.map((r) => r.text)).not.toContain(label('pilot:info.what.active'));
    expect(lastSuggestions(first)).toEqual([
      label('pilot:info.topics.who'),
      label('pilot:info.topics.gets'),
      label('pilot:info.topics.where'),
      label('pilot:info.topics.when'),
      label('pilot:info.topics.today'),
      label('pilot:menu.eligibility'),
      label('pilot:info.topics.menu'),
    ]);

    await playTranscript(harness, [
      [label('pilot:info.topics.who'), [label('pilot:info.who.leadEnded'), label('pilot:info.who.groups')]],
      [label('pilot:info.topics.gets'), [label('pilot:info.gets.leadEnded'), label('pilot:info.gets.list'), 'OMA-valmentaja', 'työkokeilu']],
      [label('pilot:info.topics.when'), [s(locale, 'pilot:info.when.ended', { start: fmt(locale, '2021-03-01'), plannedEnd: fmt(locale, '2023-06-30'), end: fmt(locale, '2024-12-31'), areasSince: fmt(locale, '2025-01-01'), areaCount: 45 })]],
      [label('pilot:info.topics.where'), [s(locale, 'pilot:info.where.leadEnded', { areas: 25, municipalities: 118 }), 'Mikkeli', 'Porrassalmenkatu 9', 'Ohjaamo']],
      [label('pilot:info.topics.today'), [label('pilot:today.prompt')]],
      [TYPED[locale] ?? VANTAA[locale], [
        s(locale, 'pilot:today.served', { municipality: VANTAA[locale], area: VANTAA_AREA[locale], url: 'https://www.vantaa.fi' }),
        s(locale, 'pilot:today.register', { fallbackName: 'Työmarkkinatori', fallbackUrl: 'https://tyomarkkinatori.fi' }),
        label('pilot:today.coach'),
        label('pilot:info.prompt'),
      ]],
    ]);
    // "Main menu" is also a menu command word in most languages: either way the main menu is back.
    const menu = await harness.say(label('pilot:info.topics.menu'));
    expect(lastSuggestions(menu).slice(0, 2)).toEqual([label('pilot:menu.info'), label('pilot:menu.eligibility')]);
  });

  it('shows the Pori caveat with the places the seed names', async () => {
    const harness = harnessAt(locale, DURING);
    await harness.say('');
    await harness.say(label('pilot:menu.info'));
    const where = await harness.say(label('pilot:info.topics.where'));
    const texts = where.map((r) => r.text ?? '');
    const pori = texts.find((t) => t.includes('Kankaanpää'));
    expect(pori, JSON.stringify(texts)).toBeDefined();
    const places = locale === 'sv' ? ['Björneborg', 'Karvia', 'Kumo', 'Ulvsby'] : ['Pori', 'Karvia', 'Kokemäki', 'Ulvila'];
    for (const place of places) expect(pori).toContain(place);
    expect(texts).toContain(s(locale, 'pilot:info.where.lead', { areas: 25, municipalities: 118 }));
  });
});

describe('pilot information by date', () => {
  it('during the pilot it speaks of a running pilot with the dates the seeds give', async () => {
    const harness = harnessAt('fi', DURING);
    await harness.say('');
    await playTranscript(harness, [
      ['Tietoa kuntakokeilusta', [s('fi', 'pilot:info.what.active')]],
      ['Milloin?', ['Kokeilu alkoi 1.3.2021 (laki 1269/2020). Sen on määrä päättyä 30.6.2023.']],
      ['Kenelle se on?', [s('fi', 'pilot:info.who.lead')]],
      ['Mistä saan palvelut nyt?', [s('fi', 'pilot:today.duringPilot', { end: '31.12.2024', areasSince: '1.1.2025' })]],
    ]);
  });

  it('in the extension it says the pilot was extended to 31.12.2024', async () => {
    const harness = harnessAt('en', EXTENSION);
    await harness.say('');
    await harness.say('About the employment pilot');
    const when = await harness.say('When?');
    expect(when.map((r) => r.text)).toContain('The pilot started on 01/03/2021. It was set to end on 30/06/2023, but it was extended until 31/12/2024.');
  });

  it('after the pilot it never says the pilot is running', async () => {
    const harness = harnessAt('fi', AFTER);
    await harness.say('');
    const all: string[] = [];
    for (const text of ['Tietoa kuntakokeilusta', 'Kenelle se on?', 'Mitä saan?', 'Missä?', 'Milloin?']) {
      all.push(...(await harness.say(text)).map((r) => r.text ?? ''));
    }
    const joined = all.join('\n');
    expect(joined).toContain('Kokeilu päättyi 31.12.2024');
    expect(joined).not.toMatch(/on käynnissä|on määrä päättyä|Kokeilun asiakkaana saat/u);
  });

  it('a municipality no source places in an area: cannot confirm, points to its own services and Työmarkkinatori', async () => {
    const harness = harnessAt('sv', AFTER);
    await harness.say('');
    await playTranscript(harness, [
      ['Om sysselsättningsförsöket', [s('sv', 'pilot:info.prompt')]],
      // Typed straight at the topic menu: read as a place.
      ['Utsjoki', [s('sv', 'pilot:today.outside', { municipality: 'Utsjoki', fallbackName: 'Työmarkkinatori', fallbackUrl: 'https://tyomarkkinatori.fi' })]],
    ]);
  });

  it('"did you mean" for a misspelt place, then the area of the pick', async () => {
    const harness = harnessAt('fi', AFTER);
    await harness.say('');
    await harness.say('Tietoa kuntakokeilusta');
    await harness.say('Mistä saan palvelut nyt?');
    const suggest = await harness.say('Mikkli');
    expect(suggest.map((r) => r.text)).toContain(s('fi', 'pilot:elig.q.didYouMean'));
    const served = await harness.say('Mikkeli');
    expect(served.map((r) => r.text).join('\n')).toContain('Kuntaa Mikkeli palvelee');
  });

  it('asks again for an unknown place, and the eligibility check starts from the topic menu', async () => {
    const harness = harnessAt('en', AFTER);
    await harness.say('');
    await playTranscript(harness, [
      ['About the employment pilot', [s('en', 'pilot:info.prompt')]],
      ['Where am I served now?', [s('en', 'pilot:today.prompt')]],
      ['Xyzzyville', [s('en', 'pilot:today.retry')]],
      ['Other topics', [s('en', 'pilot:info.prompt')]],
      ['Am I in the pilot?', [s('en', 'pilot:elig.intro.ended', { end: '31/12/2024' }), s('en', 'pilot:elig.q.municipalityNow')]],
    ]);
  });
});
