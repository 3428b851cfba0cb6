/**
 * Issue 15: place names in the reader's own form. Swedish uses the Swedish name (Grankulla,
 * Tammerfors); Russian, Ukrainian, Arabic and Persian the established name in their script with the
 * official Finnish name beside it; one reply never mixes two forms of a name.
 */
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import type { Locale } from '../../bot/i18n/locales.js';
import { matchMunicipality } from '../../bot/pilot/municipalityMatcher.js';
import { PilotInfoService } from '../../bot/pilot/pilotInfoService.js';
import { nameInSentence } from '../../bot/pilot/places.js';
import { renderServed } from '../../bot/pilot/render.js';
import { translator } from '../support/dialogs.js';

describe('nameInSentence', () => {
  const cases: [string, Locale, string][] = [
    ['tampere', 'ru', 'Тампере (Tampere)'],
    ['helsinki', 'ru', 'Хельсинки (Helsinki)'],
    ['helsinki', 'uk', 'Гельсінкі (Helsinki)'],
    ['pori', 'uk', 'Порі (Pori)'],
    ['helsinki', 'ar', 'هلسنكي (Helsinki)'],
    ['espoo', 'fa', 'اسپو (Espoo)'],
    ['kauniainen', 'sv', 'Grankulla'],
    ['tampere', 'sv', 'Tammerfors'],
    ['salo', 'sv', 'Salo'],
    ['tampere', 'fi', 'Tampere'],
    ['tampere', 'en', 'Tampere'],
    ['tampere', 'so', 'Tampere'],
    ['tampere', 'et', 'Tampere'],
    // No established Russian name is sourced for Marttila: the official name, not a guess.
    ['marttila', 'ru', 'Marttila'],
  ];
  it.each(cases)('%s in %s -> %s', (id, locale, expected) => {
    expect(nameInSentence(id, { fi: 'x' }, locale)).toBe(expected);
  });

  it('falls back to the given name for a place the register does not know', () => {
    expect(nameInSentence(undefined, { fi: 'Tuntematon', sv: 'Okänd' }, 'sv')).toBe('Okänd');
    expect(nameInSentence('no-such-place', { fi: 'Tuntematon' }, 'ru')).toBe('Tuntematon');
  });
});

describe('answers name the place as the reader knows it', () => {
  const info = new PilotInfoService({ clock: new FixedClock(new Date('2026-01-10T10:00:00Z')), matcher: matchMunicipality });
  const served = (text: string) => {
    const answer = info.servedIn(text);
    if (answer.kind === 'suggest') throw new Error(`no single match for ${text}`);
    return answer;
  };

  it('a Ukrainian answer about Pori says "Порі (Pori)" and never the bare Latin name', () => {
    const text = renderServed(served('Pori'), 'uk', translator.t('uk'), info.dates()).join('\n');
    expect(text).toContain('Порі (Pori)');
    expect(text.replaceAll('(Pori)', '')).not.toMatch(/\bPori\b/u);
  });

  it('a Russian answer about Tampere says "Тампере (Tampere)"', () => {
    const text = renderServed(served('Tampere'), 'ru', translator.t('ru'), info.dates()).join('\n');
    expect(text).toContain('Тампере (Tampere)');
  });

  it('a Swedish answer about Grankulla says Grankulla, not Kauniainen', () => {
    const text = renderServed(served('Grankulla'), 'sv', translator.t('sv'), info.dates()).join('\n');
    expect(text).toContain('Grankulla');
    expect(text).not.toContain('Kauniainen');
  });
});
