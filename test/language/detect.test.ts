import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';
import { detectLanguage, languageSwitchSuggestion } from '../../bot/language/detect.js';
import { evaluate, loadSet } from './evaluate.js';

// Committed thresholds (issue 5): at least 90% correct, at most 2% false switches.
const MIN_ACCURACY = 0.9;
const MAX_FALSE_SWITCH_RATE = 0.02;

describe('detection on the labelled set', () => {
  const set = loadSet('detection-set.json');

  it('has at least 15 messages per language and 20 neutral ones', () => {
    const counts = new Map<string, number>();
    for (const m of set) counts.set(m.lang, (counts.get(m.lang) ?? 0) + 1);
    for (const lang of ['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'so', 'fa']) expect(counts.get(lang)).toBeGreaterThanOrEqual(15);
    expect(counts.get('none')).toBeGreaterThanOrEqual(20);
  });

  it(`is at least ${MIN_ACCURACY * 100}% accurate with at most ${MAX_FALSE_SWITCH_RATE * 100}% false switches`, () => {
    const r = evaluate(set, detectLanguage, languageSwitchSuggestion);
    console.log(
      `[language] labelled set (${set.length}): accuracy ${(r.accuracy * 100).toFixed(1)}%, ` +
        `false switches ${(r.falseSwitchRate * 100).toFixed(2)}%, switch recall ${(r.switchRecall * 100).toFixed(1)}%` +
        (r.errors.length ? `\n  ${r.errors.join('\n  ')}` : ''),
    );
    expect(r.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
    expect(r.falseSwitchRate).toBeLessThanOrEqual(MAX_FALSE_SWITCH_RATE);
  });

  // The held-out set was written after tuning and never tuned on; it shows how far the figures generalise.
  it('keeps false switches rare on the held-out set', () => {
    const holdout = loadSet('holdout-set.json');
    const r = evaluate(holdout, detectLanguage, languageSwitchSuggestion);
    console.log(
      `[language] held-out set (${holdout.length}): accuracy ${(r.accuracy * 100).toFixed(1)}%, ` +
        `false switches ${(r.falseSwitchRate * 100).toFixed(2)}%, switch recall ${(r.switchRecall * 100).toFixed(1)}%`,
    );
    expect(r.falseSwitchRate).toBeLessThanOrEqual(MAX_FALSE_SWITCH_RATE);
  });
});

describe('languageSwitchSuggestion', () => {
  const cases: { text: string; current: Locale; expected: Locale | null; why: string }[] = [
    { text: 'I need help with työmarkkinatuki', current: 'fi', expected: 'en', why: 'English around a Finnish term' },
    { text: 'I need help with työmarkkinatuki', current: 'en', expected: null, why: 'already English' },
    { text: 'työmarkkinatuki', current: 'en', expected: null, why: 'a service term alone is neutral' },
    { text: 'OMA-valmentaja', current: 'ar', expected: null, why: 'a service term alone is neutral' },
    { text: 'Tampere', current: 'sv', expected: null, why: 'a place name is neutral' },
    { text: 'Salossa', current: 'ru', expected: null, why: 'an inflected place name is neutral' },
    { text: 'Miten haen työmarkkinatukea?', current: 'fi-x-selko', expected: null, why: 'plain Finnish users write Finnish' },
    { text: 'Minä en osaa hyvin suomea', current: 'fi', expected: null, why: 'Finnish and plain Finnish are one language' },
    { text: 'Мне нужен OMA-valmentaja', current: 'fi', expected: 'ru', why: 'Cyrillic with ru-only words' },
    { text: 'Мені потрібна допомога', current: 'ru', expected: 'uk', why: 'Ukrainian letters' },
    { text: 'до какого числа длился пилот', current: 'ru', expected: null, why: 'Russian past reflexive and какой, no Ukrainian letters' },
    { text: 'до какого числа длился пилот', current: 'uk', expected: 'ru', why: 'the same Russian sentence in a Ukrainian chat' },
    { text: 'до якого числа тривав пілот', current: 'ru', expected: 'uk', why: 'the Ukrainian sentence in a Russian chat' },
    { text: 'دفتر کجاست', current: 'ar', expected: 'fa', why: 'Persian letters' },
    { text: 'أين المكتب', current: 'fa', expected: 'ar', why: 'Arabic hamza and article' },
    { text: 'Waxaan rabaa työkokeilu', current: 'fi', expected: 'so', why: 'Somali around a Finnish term' },
    { text: 'tere', current: 'fi', expected: 'et', why: 'Estonian greeting' },
    { text: 'ok', current: 'fi', expected: null, why: 'fillers are neutral' },
    { text: '2', current: 'en', expected: null, why: 'a menu number is neutral' },
    { text: 'matti.meikalainen@example.com', current: 'en', expected: null, why: 'e-mail addresses are neutral' },
    { text: '', current: 'fi', expected: null, why: 'empty text' },
    { text: 'en', current: 'en', expected: null, why: 'a two-letter word alone is a code or function word' },
    { text: 'Так', current: 'ru', expected: null, why: 'so/yes is common to Russian and Ukrainian' },
    { text: 'ja', current: 'sv', expected: null, why: 'yes in Swedish, and in Finnish' },
  ];
  it.each(cases)('$text for a $current user -> $expected ($why)', ({ text, current, expected }) => {
    expect(languageSwitchSuggestion(text, current)).toBe(expected);
  });

  it('never suggests the current language, for any locale', () => {
    for (const m of loadSet('detection-set.json')) {
      for (const current of SUPPORTED_LOCALES) expect(languageSwitchSuggestion(m.text, current)).not.toBe(current);
    }
  });
});

describe('detectLanguage', () => {
  it('reports plain Finnish as fi and never as a separate language', () => {
    expect(detectLanguage('Minä en ymmärrä. Voitko auttaa?').locale).toBe('fi');
  });

  it('gives confidence 0 when it abstains and between 0.6 and 1 when it answers', () => {
    expect(detectLanguage('Ahmed Ali')).toEqual({ locale: null, confidence: 0 });
    const d = detectLanguage('jag behöver hjälp');
    expect(d.locale).toBe('sv');
    expect(d.confidence).toBeGreaterThanOrEqual(0.6);
    expect(d.confidence).toBeLessThanOrEqual(1);
  });
});
