/**
 * Detection latency over the labelled set, plus the accuracy comparison that chose the own
 * model over `eld` (see the header of bot/language/detect.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../bot/i18n/locales.js';
import { DETECTABLE_LANGUAGES, detectLanguage, languageSwitchSuggestion, type DetectableLanguage, type Detection } from '../bot/language/detect.js';
import { evaluate, offerRate, type LabelledMessage } from '../bot/language/evaluation.js';
import { percentile, round, sample, type BenchRow } from './lib.js';

const P99_TARGET_MS = 1;

function loadSet(name: string): LabelledMessage[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../test/language/${name}`, import.meta.url)), 'utf8')) as LabelledMessage[];
}

async function measure(name: string, detect: (text: string) => Detection, suggest: (t: string, c: Locale) => Locale | null): Promise<BenchRow> {
  const set = loadSet('detection-set.json');
  const holdout = loadSet('holdout-set.json');
  let i = 0;
  const times = await sample(() => detect(set[i++ % set.length].text), set.length * 20);
  const labelled = evaluate(set, detect, suggest);
  const held = evaluate(holdout, detect, suggest);
  const p99 = percentile(times, 99);
  return {
    name,
    figures: {
      p50Ms: round(percentile(times, 50), 4),
      p99Ms: round(p99, 4),
      accuracyPct: round(labelled.accuracy * 100, 1),
      falseSwitchPct: round(labelled.falseSwitchRate * 100, 2),
      holdoutAccuracyPct: round(held.accuracy * 100, 1),
      holdoutFalseSwitchPct: round(held.falseSwitchRate * 100, 2),
    },
    target: `p99 < ${P99_TARGET_MS} ms`,
    met: p99 < P99_TARGET_MS,
  };
}

/** eld 2.1 (large), limited to our languages; it has no Somali. Switch offered when eld calls its answer reliable. */
async function eldDetector(): Promise<(text: string) => Detection> {
  const { eld } = await import('eld/large');
  const detector = eld.newInstance();
  detector.setLanguageSubset(DETECTABLE_LANGUAGES.filter((l) => l !== 'so'));
  return (text) => {
    const r = detector.detect(text);
    const lang = r.language as DetectableLanguage | '';
    if (!lang || !r.isReliable()) return { locale: null, confidence: 0 };
    return { locale: lang, confidence: r.getScores()[lang] ?? 0 };
  };
}

function loadCorpus(language: 'fi' | 'sv' | 'et'): string[] {
  const text = readFileSync(fileURLToPath(new URL(`../test/language/corpus/${language}.txt`, import.meta.url)), 'utf8');
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Issue 15: offers on ordinary Finnish, Swedish and Estonian sentences (test/language/corpus/). */
function corpusRow(suggest: (t: string, c: Locale) => Locale | null): BenchRow {
  const fi = offerRate(loadCorpus('fi'), 'fi', 'fi', suggest);
  const sv = offerRate(loadCorpus('sv'), 'sv', 'sv', suggest);
  const et = offerRate(loadCorpus('et'), 'et', 'fi', suggest);
  const pct = (n: number, d: number): number => round((n / d) * 100, 1);
  const figures = {
    fiInFiChatFalseOfferPct: pct(fi.offers, fi.sentences),
    svInSvChatFalseOfferPct: pct(sv.offers, sv.sentences),
    etInFiChatOfferedPct: pct(et.ownOffers, et.sentences),
    sentences: `${fi.sentences}/${sv.sentences}/${et.sentences}`,
  };
  return {
    name: 'language offers on the ordinary-sentence corpus (own model)',
    figures,
    target: '0 % false offers fi and sv, ≥ 95 % Estonian offered',
    met: fi.offers === 0 && sv.offers === 0 && et.ownOffers / et.sentences >= 0.95,
  };
}

/** Issue 15: offers on the knowledge question sets, each question in a chat of its own locale (every one is a false offer). */
function questionSetRow(suggest: (t: string, c: Locale) => Locale | null): BenchRow {
  const figures: Record<string, string> = {};
  let offers = 0;
  for (const file of ['questions.json', '../../prisma/data/understanding/tuning.json', 'understanding/heldout.json']) {
    const raw = JSON.parse(readFileSync(fileURLToPath(new URL(`../test/knowledge/${file}`, import.meta.url)), 'utf8')) as { questions: Record<string, Array<{ q: string }>> };
    let own = 0;
    let asked = 0;
    for (const [locale, questions] of Object.entries(raw.questions) as Array<[Locale, Array<{ q: string }>]>) {
      const r = offerRate(questions.map((x) => x.q), locale === 'fi-x-selko' ? 'fi' : locale, locale, suggest);
      own += r.offers;
      asked += r.sentences;
    }
    offers += own;
    figures[file] = `${own}/${asked}`;
  }
  return { name: 'language offers on the knowledge question sets, own-locale chat (own model)', figures, target: '0 false offers', met: offers === 0 };
}

export async function bench(): Promise<BenchRow[]> {
  const eldDetect = await eldDetector();
  const eldSuggest = (text: string, current: Locale): Locale | null => {
    const { locale } = eldDetect(text);
    return locale && locale !== (current === 'fi-x-selko' ? 'fi' : current) ? locale : null;
  };
  return [
    await measure('language detection (own model)', detectLanguage, languageSwitchSuggestion),
    corpusRow(languageSwitchSuggestion),
    questionSetRow(languageSwitchSuggestion),
    await measure('language detection (eld large, comparison)', eldDetect, eldSuggest),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await bench()) console.log(row.name, JSON.stringify(row.figures), row.target, row.met);
}
