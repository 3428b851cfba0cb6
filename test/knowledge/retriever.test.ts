import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';
import { loadKnowledgeBase } from '../../bot/knowledge/knowledgeBase.js';
import { Retriever, fallbackLocale, foldDiacritics, normalizeText } from '../../bot/knowledge/retriever.js';
import { detectLanguage } from '../../bot/language/detect.js';

interface Labelled { q: string; expected: string | null }
const questions: Record<Locale, Labelled[]> = JSON.parse(
  readFileSync(new URL('./questions.json', import.meta.url), 'utf8'),
).questions;

const kb = loadKnowledgeBase();
const retriever = Retriever.fromKnowledgeBase(kb);

// Thresholds this retriever meets on the committed question set (measured: 97.7% overall,
// every locale ≥ 87.5%). Raising them is welcome; lowering them needs a reason.
const MIN_OVERALL = 0.95;
const MIN_PER_LOCALE: Record<Locale, number> = {
  fi: 0.95, 'fi-x-selko': 0.95, sv: 0.95, en: 0.95, ru: 0.95, uk: 0.95, et: 0.95, ar: 0.9, so: 0.9, fa: 0.85,
};
const MAX_WRONG_CONFIDENT = 0.02;

const inScope = SUPPORTED_LOCALES.flatMap((l) => questions[l].filter((q) => q.expected !== null).map((q) => ({ locale: l, ...q })));
const outOfScope = SUPPORTED_LOCALES.flatMap((l) => questions[l].filter((q) => q.expected === null).map((q) => ({ locale: l, ...q })));

describe('labelled question set', () => {
  it('has at least 15 questions per locale and 10 out-of-scope ones in several locales', () => {
    for (const l of SUPPORTED_LOCALES) expect(questions[l].filter((q) => q.expected).length, l).toBeGreaterThanOrEqual(15);
    const oosLocales = SUPPORTED_LOCALES.filter((l) => questions[l].filter((q) => q.expected === null).length >= 10);
    expect(oosLocales.length).toBeGreaterThanOrEqual(3);
  });

  it('labels only articles that exist', () => {
    for (const q of inScope) expect(kb.ids, q.q).toContain(q.expected);
  });
});

describe('retrieval accuracy', () => {
  it.each(SUPPORTED_LOCALES)('%s: top-1 accuracy meets its threshold', (locale) => {
    const list = questions[locale].filter((q) => q.expected !== null);
    const misses = list.filter((q) => retriever.search(q.q, locale).hits[0]?.articleId !== q.expected);
    const accuracy = 1 - misses.length / list.length;
    expect(accuracy, `misses: ${misses.map((m) => m.q).join(' | ')}`).toBeGreaterThanOrEqual(MIN_PER_LOCALE[locale]);
  });

  it('meets the overall top-1 threshold', () => {
    const correct = inScope.filter((q) => retriever.search(q.q, q.locale).hits[0]?.articleId === q.expected).length;
    expect(correct / inScope.length).toBeGreaterThanOrEqual(MIN_OVERALL);
  });

  it('is almost never confidently wrong', () => {
    const wrong = inScope.filter((q) => {
      const r = retriever.search(q.q, q.locale);
      return r.confident && r.hits[0]?.articleId !== q.expected;
    });
    expect(wrong.length / inScope.length, wrong.map((w) => w.q).join(' | ')).toBeLessThanOrEqual(MAX_WRONG_CONFIDENT);
  });

  it('answers most in-scope questions confidently, so the threshold is not simply "never"', () => {
    const confident = inScope.filter((q) => retriever.search(q.q, q.locale).confident).length;
    expect(confident / inScope.length).toBeGreaterThanOrEqual(0.75);
  });

  it.each(outOfScope.map((q) => [q.locale, q.q] as const))('%s: out of scope, not confident: %s', (locale, q) => {
    const r = retriever.search(q, locale);
    expect(r.confident).toBe(false);
  });
});

describe('search behaviour', () => {
  it.each([
    ['fi', 'Kuuluuko Marttila kokeiluun?', 'municipalities'],
    ['en', 'What does the coach do?', 'coach'],
    ['ru', 'Что будет после 2024 года?', 'after-pilot'],
    ['so', 'Maxaan helayaa?', 'coach'],
  ] as const)('the issue example (%s) "%s" finds %s', (locale, q, id) => {
    expect(retriever.search(q, locale).hits[0]?.articleId).toBe(id);
  });

  it.each([
    ['fi', 'tyokokeilu mika se on', 'work-trial'],
    ['fi', 'kuntouttavassa työtoiminnassa', 'rehab-work'],
    ['fi', 'ansiopaivarahan ja tyomarkkinatuen ero', 'benefits'],
    ['fi', 'omavalmentajalta apua', 'coach'],
    ['et', 'mis on tooproov', 'work-trial'],
    ['en', 'wat does the persnal coach do', 'coach'],
    ['sv', 'arbetsprovning', 'work-trial'],
  ] as const)('copes with inflection, missing diacritics and typos (%s) "%s"', (locale, q, id) => {
    expect(retriever.search(q, locale).hits[0]?.articleId).toBe(id);
  });

  it.each([
    ['fi', 'What does the coach do?', ['en'], 'coach'],
    ['sv', 'Что будет после 2024 года?', ['ru'], 'after-pilot'],
    ['fi', 'hur bokar jag en tid', ['sv'], 'booking'],
    // Finnish terms appear in the English articles too, so this one must be won on merit.
    ['en', 'milloin kokeilu loppui', ['fi', 'fi-x-selko'], 'dates'],
  ] as const)('answers from another locale when %s has no good match: "%s"', (locale, q, foundIn, id) => {
    const r = retriever.search(q, locale);
    expect(r.fallback).toBe(true);
    expect(foundIn).toContain(r.locale);
    expect(r.hits[0]?.articleId).toBe(id);
  });

  it.each([
    ['fi', 'What does the coach do?'],
    ['sv', 'Что будет после 2024 года?'],
    ['fi', 'hur bokar jag en tid'],
    ['en', 'milloin kokeilu loppui'],
    ['en', 'kuntouttava työtoiminta'],
    ['fi', 'mikä on työkokeilu'],
    ['fi', 'kerro vitsi'],
  ] as const)('the one fallback locale the detected language picks answers as the search of every locale did (%s) "%s"', (locale, q) => {
    const one = retriever.search(q, locale, 3, fallbackLocale(locale, detectLanguage(q).locale));
    const all = retriever.search(q, locale);
    // The same answer; from plain or standard Finnish, whichever was searched (they share the articles' words).
    expect([one.hits[0]?.articleId, one.confident, one.fallback]).toEqual([all.hits[0]?.articleId, all.confident, all.fallback]);
    expect(one.locale.slice(0, 2)).toBe(all.locale.slice(0, 2));
  });

  it('with a fallback locale given, no other locale is searched', () => {
    const r = retriever.search('What does the coach do?', 'fi', 3, 'sv');
    expect(['fi', 'sv']).toContain(r.locale);
    expect(retriever.search('What does the coach do?', 'fi', 3, 'en').locale).toBe('en');
  });

  it.each([
    ['fi', 'en', 'en'],
    ['sv', 'ru', 'ru'],
    ['fi-x-selko', 'fi', 'fi'],
    ['fi', 'fi', 'fi-x-selko'],
    ['fi', null, 'fi-x-selko'],
    ['ar', 'ar', 'fa'],
    ['fa', null, 'ar'],
    ['en', 'en', 'fi'],
    ['so', null, 'fi'],
    ['uk', 'uk', 'fi'],
  ] as const)('fallback locale for a %s chat with %s detected: %s', (locale, detected, expected) => {
    expect(fallbackLocale(locale, detected)).toBe(expected);
  });

  it('a Finnish service term typed in an English chat is answered in English', () => {
    const r = retriever.search('kuntouttava työtoiminta', 'en');
    expect(r.locale).toBe('en');
    expect(r.hits[0]?.articleId).toBe('rehab-work');
  });

  it.each(SUPPORTED_LOCALES)('out-of-scope questions stay unconfident even from a %s chat', (locale) => {
    for (const q of outOfScope) expect(retriever.search(q.q, locale).confident, q.q).toBe(false);
  });

  it('stays in the user\'s locale when it has an answer', () => {
    const r = retriever.search('mikä on työkokeilu', 'fi');
    expect(r.fallback).toBe(false);
    expect(r.locale).toBe('fi');
  });

  it('offers the two closest topics when it is not sure', () => {
    const r = retriever.search('kerro vitsi', 'fi');
    expect(r.confident).toBe(false);
    expect(r.closest.length).toBeLessThanOrEqual(2);
    for (const h of r.closest) expect(kb.ids).toContain(h.articleId);
  });

  it('returns ranked hits, at most k, scored between 0 and 1', () => {
    const r = retriever.search('mitä omavalmentaja tekee', 'fi', 5);
    expect(r.hits.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i - 1].score).toBeGreaterThanOrEqual(r.hits[i].score);
    for (const h of r.hits) expect(h.score).toBeGreaterThan(0), expect(h.score).toBeLessThanOrEqual(1);
  });

  it.each(['', '   ', '???', '😀😀'])('returns nothing confident for empty input %j', (q) => {
    const r = retriever.search(q, 'fi');
    expect(r.confident).toBe(false);
    expect(r.hits).toEqual([]);
  });
});

describe('normalisation', () => {
  it.each([
    ['ي and ى and ی are one letter', 'علي', 'علی'],
    ['ك and ک are one letter', 'كار', 'کار'],
    ['Persian digits become ASCII', '۳۰', '30'],
    ['Arabic-Indic digits become ASCII', '٣٠', '30'],
    ['vowel marks are dropped', 'مُدَرِّب', 'مدرب'],
    ['ZWNJ is dropped', 'می‌شد', 'میشد'],
    ['ё is е', 'ещё', 'еще'],
    ['full-width letters are folded', 'ＫＥＬＡ', 'kela'],
  ])('%s', (_why, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['työkokeilu', 'tyokokeilu'],
    ['mõeldud', 'moeldud'],
    ['försöket', 'forsoket'],
  ])('folds diacritics: %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});
