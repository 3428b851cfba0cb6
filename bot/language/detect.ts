/**
 * Language detection for short chat messages, and the decision whether to offer a switch.
 *
 * Why an own model rather than `eld`: measured on the committed labelled set
 * (test/language/detection-set.json, 211 messages), eld 2.1 large limited to our languages gets
 * 74% right with 10.4% false switches (held-out set: 79% / 8.1%). It has no Somali at all, is
 * unreliable on one-word greetings, and calls Finnish place names and service terms Finnish. This
 * compact model (script first, then stop-word lexicon plus character trigrams trained on the
 * embedded word lists, behind a neutral-token filter) gets 99.5% / 0% (held-out: 93.5% / 0%),
 * in about 0.02 ms per message with no data files. The lexicon was written after the labelled
 * set, so its figure is optimistic; the held-out one is the honest estimate. See bench/language.ts.
 * On ordinary sentences (test/language/corpus/, issue 15) it makes no offer for Finnish in a
 * Finnish chat or Swedish in a Swedish one and offers Estonian for 96 % of Estonian sentences in a
 * Finnish chat, thanks to the Finnish/Estonian spelling cues below (see BENCHMARKS.md).
 */
import type { Locale } from '../i18n/locales.js';
import { LEXICON } from './lexicon.js';
import { isNeutralToken } from './neutral.js';
import { DETECTABLE_LANGUAGES, type DetectableLanguage } from './types.js';

export { DETECTABLE_LANGUAGES, type DetectableLanguage } from './types.js';

export interface Detection {
  /** The detected language, or null when the text is neutral, too short or ambiguous. */
  locale: DetectableLanguage | null;
  /** 0..1; the share of the evidence that points at `locale` (0 when locale is null). */
  confidence: number;
}

export type Script = 'latin' | 'cyrillic' | 'arabic';

const SCRIPT_LANGUAGES: Record<Script, readonly DetectableLanguage[]> = {
  latin: ['fi', 'sv', 'en', 'et', 'so'],
  cyrillic: ['ru', 'uk'],
  arabic: ['ar', 'fa'],
};

/** Below this the detector abstains. */
const MIN_CONFIDENCE = 0.6;
/** A switch is offered only above this; a wrong offer costs more than a missed one. */
const SWITCH_CONFIDENCE = 0.75;

const LEX_WEIGHT = 2;
const NGRAM_WEIGHT = 1.5;
const MARK_WEIGHT = 2.5;

/* ---------- text preparation ---------- */

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+/giu;
const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u0640]/gu;
const TOKEN = /[\p{L}\p{M}]+(?:['’ʼ-][\p{L}\p{M}]+)*/gu;

/** Lower-cased word tokens with URLs, e-mails, digits, emoji and neutral tokens removed. */
function contentTokens(text: string): string[] {
  const cleaned = text
    .normalize('NFC')
    .replace(URL_OR_EMAIL, ' ')
    .replace(/\u200c/gu, '')
    .replace(ARABIC_DIACRITICS, '')
    .toLowerCase();
  return (cleaned.match(TOKEN) ?? []).map((t) => t.replace(/’/gu, "'")).filter((t) => !isNeutralToken(t));
}

function scriptOf(token: string): Script | null {
  let latin = 0;
  let cyr = 0;
  let arab = 0;
  for (const ch of token) {
    if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyr++;
    else if (/\p{Script=Arabic}/u.test(ch)) arab++;
  }
  const max = Math.max(latin, cyr, arab);
  if (max === 0) return null;
  return max === cyr ? 'cyrillic' : max === arab ? 'arabic' : 'latin';
}

/* ---------- character trigram model ---------- */

interface TrigramModel {
  counts: Map<string, number>;
  total: number;
  vocabulary: number;
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  const chars = [...padded];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(''));
  return out;
}

function train(words: readonly string[]): TrigramModel {
  const counts = new Map<string, number>();
  let total = 0;
  for (const w of words) {
    for (const g of trigrams(w)) {
      counts.set(g, (counts.get(g) ?? 0) + 1);
      total++;
    }
  }
  return { counts, total, vocabulary: counts.size };
}

function perLanguage<T>(make: (l: DetectableLanguage) => T): Record<DetectableLanguage, T> {
  return Object.fromEntries(DETECTABLE_LANGUAGES.map((l) => [l, make(l)])) as Record<DetectableLanguage, T>;
}

const MODELS = perLanguage((l) => train(LEXICON[l]));
const LEXICON_SETS = perLanguage((l): ReadonlySet<string> => new Set(LEXICON[l]));

/** Mean log-probability per trigram, add-one smoothed. */
function meanLogProb(model: TrigramModel, word: string): number {
  const grams = trigrams(word);
  let sum = 0;
  for (const g of grams) sum += Math.log(((model.counts.get(g) ?? 0) + 1) / (model.total + model.vocabulary + 1));
  return sum / grams.length;
}

// A word's script and its trigram log-probabilities depend on the word alone, and people use the
// same words again and again: both are kept for the words seen (a bounded set, forgotten when full).
const WORDS_KEPT = 20_000;
const scriptOfWord = new Map<string, Script | null>();
function cachedScriptOf(token: string): Script | null {
  let s = scriptOfWord.get(token);
  if (s === undefined) {
    if (scriptOfWord.size >= WORDS_KEPT) scriptOfWord.clear();
    scriptOfWord.set(token, (s = scriptOf(token)));
  }
  return s;
}

const logProbsOfWord = new Map<string, readonly number[]>();
/** meanLogProb of `token` under each candidate model of `script`, in SCRIPT_LANGUAGES order. */
function logProbsOf(script: Script, token: string): readonly number[] {
  const key = `${script}\u0000${token}`;
  let p = logProbsOfWord.get(key);
  if (p === undefined) {
    if (logProbsOfWord.size >= WORDS_KEPT) logProbsOfWord.clear();
    logProbsOfWord.set(key, (p = SCRIPT_LANGUAGES[script].map((l) => meanLogProb(MODELS[l], token))));
  }
  return p;
}

/* ---------- script-specific letters ---------- */

type MarkRule = { re: RegExp; lang: DetectableLanguage; weight: number };

/** Letters (or letter sequences) that occur in one candidate language of the script and not the other. */
const MARKS: Record<Script, readonly MarkRule[]> = {
  cyrillic: [
    { re: /[іїєґ]/gu, lang: 'uk', weight: 1.5 },
    { re: /[ыэъё]/gu, lang: 'ru', weight: 1.5 },
    // Russian past-tense reflexives (длился, началась); Ukrainian writes -вся, -лася, -лося, -лися.
    { re: /[^в]лся$|лась$|лось$|лись$/gu, lang: 'ru', weight: 1 },
    // Russian "какой" where Ukrainian says "який".
    { re: /^как(?:ой|ая|ое|ие|их|ого|ому|им|ую)$/gu, lang: 'ru', weight: 1 },
  ],
  arabic: [
    { re: /[پچژگ]/gu, lang: 'fa', weight: 1.5 },
    // Persian keyboards type ی and ک; Arabic ones type ي, ى and ك.
    { re: /[یک]/gu, lang: 'fa', weight: 1 },
    { re: /[يىك]/gu, lang: 'ar', weight: 1 },
    { re: /[ةأإؤ]/gu, lang: 'ar', weight: 1 },
    { re: /^ال/gu, lang: 'ar', weight: 0.5 },
    { re: /^(?:می|نمی)/gu, lang: 'fa', weight: 0.5 },
  ],
  latin: [
    { re: /å/gu, lang: 'sv', weight: 1.5 },
    { re: /[õüšž]/gu, lang: 'et', weight: 1.5 },
    { re: /x/gu, lang: 'so', weight: 0.5 },
    // ä and ö are never English or Somali: they count for each language that writes them.
    { re: /[äö]/gu, lang: 'fi', weight: 0.6 },
    { re: /[äö]/gu, lang: 'et', weight: 0.6 },
    { re: /[äö]/gu, lang: 'sv', weight: 0.6 },
  ],
};

/* ---------- scoring ---------- */

export interface LanguageScores {
  script: Script | null;
  /** Per-candidate score; higher is better. Only candidates of the script are present. */
  scores: Partial<Record<DetectableLanguage, number>>;
  /** Evidence beyond n-grams: lexicon hits or script-specific letters. */
  evidence: number;
  /** The content words of the deciding script. */
  words: string[];
}

/** The raw per-language scores for `text`; exposed for the benchmark and diagnostics. */
export function scoreLanguages(text: string): LanguageScores {
  const all = contentTokens(text);
  const byScript = new Map<Script, string[]>();
  for (const t of all) {
    const s = cachedScriptOf(t);
    if (s) byScript.set(s, [...(byScript.get(s) ?? []), t]);
  }
  // A message with any Cyrillic or Arabic-script words is decided by them: the Latin
  // words in such a message are almost always Finnish terms or names.
  const script: Script | null = byScript.has('cyrillic') || byScript.has('arabic')
    ? (byScript.get('cyrillic')?.length ?? 0) >= (byScript.get('arabic')?.length ?? 0) ? 'cyrillic' : 'arabic'
    : byScript.has('latin') ? 'latin' : null;
  if (!script) return { script: null, scores: {}, evidence: 0, words: [] };

  // Each distinct word counts once: "blah blah blah…" is one unknown word, not growing evidence.
  const tokens = [...new Set(byScript.get(script) ?? [])];
  const candidates = SCRIPT_LANGUAGES[script];
  const scores: Partial<Record<DetectableLanguage, number>> = {};
  for (const l of candidates) scores[l] = 0;
  let evidence = 0;

  for (const token of tokens) {
    const logProbs = logProbsOf(script, token);
    const best = Math.max(...logProbs);
    candidates.forEach((l, i) => {
      scores[l]! += NGRAM_WEIGHT * (logProbs[i] - best);
      if (LEXICON_SETS[l].has(token)) {
        scores[l]! += LEX_WEIGHT;
        evidence++;
      }
    });
    for (const rule of MARKS[script]) {
      const hits = token.match(rule.re)?.length ?? 0;
      if (hits > 0) {
        scores[rule.lang]! += MARK_WEIGHT * rule.weight * Math.min(hits, 2);
        if (rule.weight >= 1) evidence++;
      }
    }
  }
  // Finnish and Estonian share most trigrams and many short words; when one of them leads, the
  // spelling that only one of them uses decides (Estonian õ/ü, final -b/-d/-g, -lt, -st, -ga,
  // the participles -nud/-tud; Finnish y, uo/ie/yö, h before a consonant, the case endings
  // -ssa/-sta/-lla/-lta, -ksi, the question clitic -ko/-kö). Applied only then, so English
  // "y" or "-st" never pulls an English message towards Finnish or Estonian.
  if (script === 'latin') {
    const leader = (Object.entries(scores) as [DetectableLanguage, number][]).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const leaderScore = scores[leader]!;
    if (Math.max(scores.fi!, scores.et!) >= leaderScore - FINNIC_REACH) {
      for (const token of tokens) {
        const cue = finnicCue(token);
        if (cue.fi > 0) scores.fi! += FINNIC_WEIGHT * cue.fi;
        if (cue.et > 0) scores.et! += FINNIC_WEIGHT * cue.et;
        if (cue.fi > 0 || cue.et > 0) evidence++;
      }
    }
  }
  return { script, scores, evidence, words: tokens };
}

const FINNIC_WEIGHT = 1.5;
/** How far behind the leader Finnish or Estonian may be for the cues to apply (one lexicon hit). */
const FINNIC_REACH = 2;
const FINNIC_CUES: readonly { re: RegExp; lang: 'fi' | 'et'; weight: number }[] = [
  { re: /y/u, lang: 'fi', weight: 1 },
  { re: /uo|ie|yö/u, lang: 'fi', weight: 1 },
  { re: /h[djlmnrv]/u, lang: 'fi', weight: 1 },
  { re: /.(?:ss[aä]|st[aä]|ll[aä]|lt[aä]|ksi|kaan|kään|mme|tte|nsa|nsä)$/u, lang: 'fi', weight: 1 },
  { re: /...(?:ko|kö|han|hän|pa|pä)$/u, lang: 'fi', weight: 0.5 },
  { re: /.(?:nut|nyt|neet|ttu|tty)$/u, lang: 'fi', weight: 1 },
  { re: /.tt[aä]$/u, lang: 'fi', weight: 1 },
  { re: /.ä$/u, lang: 'fi', weight: 0.5 },
  { re: /..[aeäiouy]ni$/u, lang: 'fi', weight: 0.5 },
  { re: /..v$/u, lang: 'et', weight: 1 },
  { re: /.[aeiouõäöü]l$/u, lang: 'et', weight: 1 },
  { re: /..use$/u, lang: 'et', weight: 0.5 },
  { re: /[õüšž]/u, lang: 'et', weight: 1 },
  { re: /..[bdg]$/u, lang: 'et', weight: 1 },
  { re: /..(?:lt|st|ga)$/u, lang: 'et', weight: 1 },
  { re: /(?:^|[^n])g./u, lang: 'et', weight: 0.5 },
  { re: /..(?:ks|[^l]le|gi|ki)$/u, lang: 'et', weight: 0.5 },
  { re: /.{3}lle$/u, lang: 'fi', weight: 1 },
];

function finnicCue(token: string): { fi: number; et: number } {
  const out = { fi: 0, et: 0 };
  for (const cue of FINNIC_CUES) if (cue.re.test(token)) out[cue.lang] += cue.weight;
  return out;
}

export function detectLanguage(text: string): Detection {
  const { script, scores, evidence, words } = scoreLanguages(text);
  if (!script || words.length === 0) return { locale: null, confidence: 0 };
  // In Latin script an unknown word or two (a name, a typo) is not enough to tell fi/et/so apart.
  if (script === 'latin' && evidence === 0) return { locale: null, confidence: 0 };
  // Two-letter words alone ("en", "ma", "so") are function words or codes in several languages.
  if (script === 'latin' && words.length === 1 && [...words[0]].length <= 2) return { locale: null, confidence: 0 };

  const entries = Object.entries(scores) as [DetectableLanguage, number][];
  const max = Math.max(...entries.map(([, s]) => s));
  const z = entries.reduce((sum, [, s]) => sum + Math.exp(s - max), 0);
  const [bestLang, bestScore] = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
  const confidence = Math.exp(bestScore - max) / z;
  if (confidence < MIN_CONFIDENCE) return { locale: null, confidence: 0 };
  return { locale: bestLang, confidence };
}

/** The language a locale is written in, for comparing with a detection. */
function languageOf(locale: Locale): DetectableLanguage {
  return locale === 'fi-x-selko' ? 'fi' : locale;
}

/**
 * The locale to offer switching to, or null: when the text is in the current language
 * (plain Finnish and Finnish count as one), neutral, too short or not confidently detected.
 */
export function languageSwitchSuggestion(text: string, currentLocale: Locale): Locale | null {
  return switchSuggestionFrom(detectLanguage(text), currentLocale);
}

/** `languageSwitchSuggestion` for a detection already made (once per turn, see turnDetection.ts). */
export function switchSuggestionFrom({ locale, confidence }: Detection, currentLocale: Locale): Locale | null {
  if (!locale || confidence < SWITCH_CONFIDENCE) return null;
  if (locale === languageOf(currentLocale)) return null;
  return locale;
}
