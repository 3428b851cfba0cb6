/**
 * The pilot services without a dialog: reading a typed age, spotting an identity code, what the
 * information service says for a place and a date, and how answers become an EligibilityCheck row.
 */
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { rowFields, type CheckToStore, type EligibilityStore, type StoredCheck } from '../../bot/pilot/eligibilityRepository.js';
import { EligibilityService, mentionsIdentityCode } from '../../bot/pilot/eligibilityService.js';
import { matchMunicipality } from '../../bot/pilot/municipalityMatcher.js';
import { PilotInfoService } from '../../bot/pilot/pilotInfoService.js';
import { renderResult, renderServed, renderTopic } from '../../bot/pilot/render.js';
import { translator } from '../support/dialogs.js';

/** Keeps what it is given, like the repository would. */
class MemoryStore implements EligibilityStore {
  readonly saved: CheckToStore[] = [];
  async record(check: CheckToStore): Promise<StoredCheck> {
    this.saved.push(check);
    return { id: `check-${this.saved.length}` } as StoredCheck;
  }
}

const at = (iso: string) => new FixedClock(new Date(iso));
const service = (iso = '2022-06-15T10:00:00Z', store: EligibilityStore = new MemoryStore()) =>
  new EligibilityService({ clock: at(iso), store, matcher: matchMunicipality });

describe('reading an age', () => {
  const s = service();
  it.each([
    ['27', { kind: 'age', years: 27 }],
    ['olen 29 vuotta', { kind: 'age', years: 29 }],
    ['I am 30', { kind: 'age', years: 30 }],
    ['٢٧', { kind: 'age', years: 27 }],
    ['۳۱', { kind: 'age', years: 31 }],
    ['1996', { kind: 'birth_year', year: 1996 }],
    ['synnyin 1992', { kind: 'birth_year', year: 1992 }],
    ['15.6.1992', { kind: 'birth_date', date: '1992-06-15' }],
    ['1992-06-15', { kind: 'birth_date', date: '1992-06-15' }],
    ['29/02/1992', { kind: 'birth_date', date: '1992-02-29' }],
  ])('%s', (text, expected) => {
    expect(s.parseAge(text)).toEqual(expected);
  });

  it.each(['', 'vanha', '29.2.1991', '2030', '1850', '27 tai 28', '250', '2', '14'])('rejects %j', (text) => {
    expect(s.parseAge(text)).toBeUndefined();
  });
});

describe('places typed in Cyrillic', () => {
  it.each([
    ['Хельсинки', 'ru', 'helsinki'],
    ['в Тампере', 'ru', 'tampere'],
    ['Эспоо', 'ru', 'espoo'],
    ['Гельсінкі', 'uk', 'helsinki'],
    ['Марттила', 'uk', 'marttila'],
  ] as const)('%s (%s)', (text, locale, id) => {
    const result = service().matchMunicipality(text, locale);
    expect(result.kind === 'match' ? result.municipality.id : result.kind).toBe(id);
  });

  it('still says "unknown" for a Cyrillic word that is no place', () => {
    expect(service().matchMunicipality('Привет', 'ru').kind).toBe('none');
  });
});

describe('identity codes', () => {
  it('spots a valid code and one that is only shaped like a code', () => {
    expect(mentionsIdentityCode('131052-308T')).toBe(true);
    expect(mentionsIdentityCode('tunnukseni on 010199-123K')).toBe(true);
    expect(mentionsIdentityCode('010100A123B')).toBe(true);
    expect(mentionsIdentityCode('1990')).toBe(false);
    expect(mentionsIdentityCode('Salo 24100')).toBe(false);
  });
});

describe('finishing a check', () => {
  it('evaluates on the clock\'s date and hands the answers to the store', async () => {
    const store = new MemoryStore();
    const s = service('2024-12-31T22:30:00Z', store); // 00.30 on 1.1.2025 in Helsinki
    const finished = await s.finish({ channelId: 'web', channelUserId: 'u1' }, 'sv', { municipality: matchMunicipality('Vanda') });
    expect(finished).toMatchObject({ checkId: 'check-1', result: { outcome: 'pilot_over', nextStep: 'contact_employment_area' } });
    expect(store.saved[0]).toMatchObject({ locale: 'sv', user: { channelUserId: 'u1' } });
    expect(s.nextQuestion({})).toBe('municipality');
    // After the pilot the check goes on to what decides the verdict for the pilot period.
    expect(s.nextQuestion({ municipality: matchMunicipality('Vanda') })).toBe('age');
  });
});

describe('the row an answer set becomes', () => {
  const when = new Date('2022-06-15T10:00:00Z');
  it('keeps answers as given, with null for what was not asked', () => {
    expect(rowFields({}, when)).toEqual({
      municipalityId: null, municipalityName: null, municipalityKind: null, ageYears: null, birthYear: null,
      foreignLanguage: null, benefit: null, unemployedOrInServices: null,
    });
    expect(rowFields({ municipality: matchMunicipality('Helsingfors'), age: { kind: 'birth_date', date: '1992-06-16' }, benefit: 'kela' }, when)).toMatchObject({
      municipalityId: 'helsinki', municipalityName: 'Helsinki', municipalityKind: 'match', ageYears: 29, birthYear: 1992, benefit: 'kela',
    });
    expect(rowFields({ municipality: matchMunicipality('Mariehamn'), age: { kind: 'unknown' }, foreignLanguage: 'unknown' }, when)).toMatchObject({
      municipalityId: null, municipalityName: 'Maarianhamina', municipalityKind: 'outside_data', ageYears: null, foreignLanguage: 'unknown',
    });
    expect(rowFields({ municipality: { kind: 'unknown' } }, when).municipalityKind).toBe('unknown');
  });
});

describe('where a municipality is served', () => {
  const info = (iso: string) => new PilotInfoService({ clock: at(iso), matcher: matchMunicipality });
  const t = translator.t('en');

  it('names the employment area since 2025 for pilot and other municipalities alike', () => {
    const nokia = info('2026-01-10T10:00:00Z').servedIn('Nokialla');
    expect(nokia).toMatchObject({ kind: 'area', area: { id: 'tampere-region' }, certainty: 'stated' });
    // Savonlinna's own area is named in the source: no hedging.
    expect(info('2026-01-10T10:00:00Z').servedIn('Savonlinna')).toMatchObject({ kind: 'area', area: { id: 'savonlinna' }, certainty: 'stated' });
    const lahti = info('2026-01-10T10:00:00Z').servedIn('Asun Lahdessa');
    expect(lahti).toMatchObject({ kind: 'area', area: { id: 'lahti' }, municipality: { id: 'lahti' } });
    const s = info('2026-01-10T10:00:00Z');
    const text = renderServed(lahti as Exclude<typeof lahti, { kind: 'suggest' }>, 'en', t, s.dates()).join('\n');
    expect(text).toContain('Lahti is served by Lahden kaupunki (työllisyysalue). My sources give no web address for the area');
    expect(text).toContain('https://tyomarkkinatori.fi');
  });

  it('cannot confirm a municipality no source places in an area and points to Työmarkkinatori', () => {
    const s = info('2026-01-10T10:00:00Z');
    const served = s.servedIn('Utsjoki');
    expect(served).toMatchObject({ kind: 'outside', name: 'Utsjoki', id: 'utsjoki' });
    const text = renderServed(served as Exclude<typeof served, { kind: 'suggest' }>, 'en', t, s.dates()).join('\n');
    expect(text).toContain("I can't confirm which employment area serves Utsjoki");
    expect(text).toContain('https://tyomarkkinatori.fi');
  });

  it('sends an Åland municipality to AMS, on any date', () => {
    for (const iso of ['2022-05-01T10:00:00Z', '2026-01-10T10:00:00Z']) {
      const s = info(iso);
      const served = s.servedIn('Mariehamn');
      expect(served).toMatchObject({ kind: 'aland', id: 'maarianhamina' });
      const text = renderServed(served as Exclude<typeof served, { kind: 'suggest' }>, 'en', t, s.dates()).join('\n');
      expect(text).toContain('Maarianhamina is in Åland');
      expect(text).toContain('https://www.ams.ax');
      expect(text).not.toContain("can't confirm");
    }
  });

  it('lists each area once, with its municipalities unless the name already says them', () => {
    const text = renderTopic('where', info('2026-01-10T10:00:00Z').overview(), 'en', t).join('\n');
    expect(text).toContain('• Salo, Marttila and Koski Tl\n');
    expect(text).toContain('• Mikkeli region: Mikkeli, Hirvensalmi, Juva, Kangasniemi, Mäntyharju, Pertunmaa and Puumala');
    expect(text).toContain('The pilot ran in 25 areas with 118 municipalities.');
  });

  it('lists the confirmed areas and the Pori caveat in the overview', () => {
    const overview = info('2022-06-15T10:00:00Z').overview();
    expect(overview.phase).toBe('running');
    expect(overview.areas.map((a) => a.area.id)).toEqual(expect.arrayContaining(['salo', 'helsinki', 'espoo', 'savonlinna', 'vantaa', 'pirkanmaa', 'mikkeli-region']));
    expect(overview.areas.find((a) => a.area.id === 'pirkanmaa')?.municipalities).toHaveLength(22);
    // Pori and Kokemäki are in the pilot per the ministry (2020); the seed of 11/2019 had them applying and interested.
    expect(overview.areas.find((a) => a.area.id === 'pori-region')?.municipalities.map((m) => m.name.fi)).toEqual(['Pori', 'Kokemäki']);
    expect(overview.pori?.confirmed.map((m) => m.name.fi)).toEqual(['Pori', 'Kokemäki']);
    expect(overview.pori?.applying.map((m) => m.name.fi)).toEqual(['Ulvila']);
    expect(overview.pori?.interested.map((m) => m.name.fi)).toEqual(['Kankaanpää', 'Karvia']);
  });

  it('a result never tells a person outside the data "no" because of the place', async () => {
    const store = new MemoryStore();
    const s = service('2022-06-15T10:00:00Z', store);
    const { result } = await s.finish({ channelId: 'web', channelUserId: 'u2' }, 'en', {
      municipality: matchMunicipality('Mariehamn'), age: { kind: 'age', years: 25 }, unemployedOrInServices: 'yes',
    });
    const text = renderResult(result, 'en', t, { dates: info('2022-06-15T10:00:00Z').dates(), canBook: false, fallback: info('2022-06-15T10:00:00Z').nationalFallback() }).join('\n');
    expect(result.outcome).toBe('cant_tell');
    expect(text).toContain("From these answers I can't say for sure");
    expect(text).toContain("Maarianhamina is not in my data");
    expect(text).not.toContain('you are not one of');
  });
});
