import { SUPPORTED_LOCALES, type Locale } from '../i18n/locales.js';
import type { KnowledgeBase } from './knowledgeBase.js';

/**
 * Embedded retrieval over the knowledge base: no network, no model. Each locale gets an
 * inverted index of character n-grams (3–5, inside word boundaries), which copes with
 * Finnish and Estonian case endings and with typos without a stemmer per language.
 * Scores are BM25F over the article's fields, divided by the best score the query could
 * reach, so they fall in [0, 1] and one threshold works for every locale.
 */

export interface RetrievalDoc {
  id: string;
  title: string;
  topic?: string;
  short: string;
  long?: string;
  questions?: readonly string[];
}

export interface SearchHit {
  articleId: string;
  /** 0..1: the share of the query's attainable score this article reached. */
  score: number;
}

export interface SearchResult {
  /** Best first, at most k. */
  hits: SearchHit[];
  /** True only when the best hit is strong and clearly ahead of the second. */
  confident: boolean;
  /** The two closest articles, for the "not sure" reply (may be fewer when nothing matched). */
  closest: SearchHit[];
  /** The locale whose articles produced the hits. */
  locale: Locale;
  /** True when the user's locale gave nothing and another locale was searched. */
  fallback: boolean;
}

export interface RetrieverOptions {
  /** Minimum normalised score for a confident answer. */
  threshold: number;
  /** Minimum lead of the best over the second hit, as a share of the best score. */
  margin: number;
  /** Below this best score the user's locale counts as having given nothing. */
  fallbackBelow: number;
  /** Otherwise another locale is used only if its best score is this many times the user's. */
  fallbackLead: number;
}

// Calibrated on test/knowledge/questions.json. No out-of-scope question scores above
// 0.28 and no wrong top hit passes the margin; 0.33 leaves headroom above the former while
// still answering about 80% of in-scope questions confidently.
const DEFAULT_OPTIONS: RetrieverOptions = { threshold: 0.33, margin: 0.25, fallbackBelow: 0.12, fallbackLead: 1.5 };

const FIELD_WEIGHTS = { title: 3, topic: 2, questions: 2.5, short: 1, long: 0.4 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
const K1 = 1.2;
const B = 0.6;
const MIN_GRAM = 3;
const MAX_GRAM = 5;

// Arabic and Persian users type the same word with different code points (Arabic vs
// Persian yeh and kaf, hamza-carrying alefs, teh marbuta); fold them to one form.
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ی', 'ي': 'ی', 'ئ': 'ی', 'ك': 'ک', 'ة': 'ه', 'ؤ': 'و', 'ۀ': 'ه',
};
const ARABIC_FOLD_RE = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'g');

/** Lowercased NFKC text with script-specific spelling variants folded; keeps diacritics. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // Arabic vowel marks and tatweel
    .replace(/[\u200C\u200D\u00AD]/g, '') // ZWNJ/ZWJ and soft hyphen: users often omit them
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLD[c])
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`´]/g, '');
}

/** Strips combining marks (ä→a, õ→o, й→и) so queries typed without diacritics still match. */
export function foldDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

function tokenize(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function addGrams(word: string, weight: number, out: Map<string, number>): void {
  const padded = `^${word}$`;
  // Short words are kept whole: their n-grams would mostly be boundary markers.
  if (padded.length <= MIN_GRAM) {
    out.set(padded, (out.get(padded) ?? 0) + weight);
    return;
  }
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const g = padded.slice(i, i + n);
      out.set(g, (out.get(g) ?? 0) + weight);
    }
  }
}

/** The weighted features of a text: n-grams of each word, plus those of its diacritic-free form. */
function textFeatures(text: string, out: Map<string, number> = new Map()): Map<string, number> {
  for (const word of tokenize(text)) {
    addGrams(word, 1, out);
    const folded = foldDiacritics(word);
    if (folded !== word) addGrams(folded, 1, out);
  }
  return out;
}

/**
 * The postings of every n-gram of a locale in four flat arrays (compressed sparse rows): the
 * n-gram's row in `rows`, its idf, and its documents and weights between offsets[row] and
 * offsets[row + 1]. One typed array per n-gram (about 44,000 of them over seven locales) cost
 * about 0.5 KB each in array objects and off-heap backing stores, most of an index's memory.
 */
interface Postings {
  rows: Map<string, number>;
  idf: Float64Array;
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array; // BM25F saturation per doc: tf / (k1 + tf), multiplied by idf
}

class LocaleIndex {
  readonly ids: string[];
  private readonly postings: Postings;
  private readonly unseenIdf: number;
  private readonly acc: Float64Array;

  constructor(docs: readonly RetrievalDoc[]) {
    this.ids = docs.map((d) => d.id);
    const n = docs.length;
    this.acc = new Float64Array(n);
    const perField = docs.map((d) => {
      const texts: Record<Field, string> = {
        title: d.title,
        topic: d.topic ?? '',
        questions: (d.questions ?? []).join(' \n '),
        short: d.short,
        long: d.long ?? '',
      };
      const feats = {} as Record<Field, Map<string, number>>;
      const lens = {} as Record<Field, number>;
      for (const f of FIELDS) {
        feats[f] = textFeatures(texts[f]);
        let len = 0;
        for (const v of feats[f].values()) len += v;
        lens[f] = len;
      }
      return { feats, lens };
    });
    const avg = {} as Record<Field, number>;
    for (const f of FIELDS) avg[f] = Math.max(1, perField.reduce((s, d) => s + d.lens[f], 0) / Math.max(1, n));

    const tmp = new Map<string, { docs: number[]; tf: number[] }>();
    perField.forEach((d, docIdx) => {
      const combined = new Map<string, number>();
      for (const f of FIELDS) {
        const norm = 1 - B + (B * d.lens[f]) / avg[f];
        for (const [g, tf] of d.feats[f]) combined.set(g, (combined.get(g) ?? 0) + (FIELD_WEIGHTS[f] * tf) / norm);
      }
      for (const [g, tf] of combined) {
        let p = tmp.get(g);
        if (!p) tmp.set(g, (p = { docs: [], tf: [] }));
        p.docs.push(docIdx);
        p.tf.push(tf);
      }
    });
    let total = 0;
    for (const p of tmp.values()) total += p.docs.length;
    const postings: Postings = {
      rows: new Map(),
      idf: new Float64Array(tmp.size),
      offsets: new Int32Array(tmp.size + 1),
      docs: new Int32Array(total),
      weights: new Float32Array(total),
    };
    let row = 0;
    let at = 0;
    for (const [g, p] of tmp) {
      const idf = Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5));
      postings.rows.set(g, row);
      postings.idf[row] = idf;
      for (let i = 0; i < p.docs.length; i++, at++) {
        postings.docs[at] = p.docs[i];
        postings.weights[at] = (idf * p.tf[i]) / (K1 + p.tf[i]);
      }
      postings.offsets[++row] = at;
    }
    this.postings = postings;
    this.unseenIdf = Math.log(1 + (n + 0.5) / 0.5);
  }

  /** Normalised scores, best first. */
  search(query: Map<string, number>, k: number): SearchHit[] {
    const acc = this.acc;
    acc.fill(0);
    let attainable = 0;
    const { rows, idf, offsets, docs, weights } = this.postings;
    for (const [g, qtf] of query) {
      const row = rows.get(g);
      if (row === undefined) {
        // A feature no article has still counts against the query: a question about
        // pizza shares a few n-grams with the articles but most of it matches nothing.
        attainable += qtf * this.unseenIdf;
        continue;
      }
      attainable += qtf * idf[row];
      for (let i = offsets[row], end = offsets[row + 1]; i < end; i++) acc[docs[i]] += qtf * weights[i];
    }
    if (attainable === 0) return [];
    const hits: SearchHit[] = [];
    // Partial selection: k is small, so keep a sorted top-k instead of sorting every doc.
    for (let i = 0; i < acc.length; i++) {
      const s = acc[i];
      if (s <= 0) continue;
      if (hits.length < k || s > hits[hits.length - 1].score) {
        let j = hits.length < k ? hits.length : k - 1;
        if (hits.length < k) hits.push({ articleId: '', score: 0 });
        while (j > 0 && hits[j - 1].score < s) {
          hits[j] = hits[j - 1];
          j--;
        }
        hits[j] = { articleId: this.ids[i], score: s };
      }
    }
    for (const h of hits) h.score /= attainable;
    return hits;
  }
}

export class Retriever {
  /** Each locale's articles, in SUPPORTED_LOCALES order; indexed on the first search that needs them. */
  private readonly docs = new Map<Locale, readonly RetrievalDoc[]>();
  private readonly indexes = new Map<Locale, LocaleIndex>();
  readonly options: RetrieverOptions;

  constructor(docsByLocale: Partial<Record<Locale, readonly RetrievalDoc[]>>, options: Partial<RetrieverOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    for (const locale of SUPPORTED_LOCALES) {
      const docs = docsByLocale[locale];
      if (docs && docs.length > 0) this.docs.set(locale, docs);
    }
  }

  /** Indexes every locale now (benches time this); otherwise each is indexed when first searched. */
  buildAll(): this {
    for (const locale of this.docs.keys()) this.index(locale);
    return this;
  }

  /**
   * Built on first use rather than in the constructor: the ten indexes took a noticeable part of a
   * cold start (BENCHMARKS.md), and a process answers in only a few of the locales for a while.
   */
  private index(locale: Locale): LocaleIndex | undefined {
    let index = this.indexes.get(locale);
    if (!index) {
      const docs = this.docs.get(locale);
      if (!docs) return undefined;
      index = new LocaleIndex(docs);
      this.indexes.set(locale, index);
    }
    return index;
  }

  static fromKnowledgeBase(kb: KnowledgeBase, options: Partial<RetrieverOptions> = {}): Retriever {
    const docs: Partial<Record<Locale, RetrievalDoc[]>> = {};
    for (const locale of kb.locales) docs[locale] = [...kb.articles(locale)];
    return new Retriever(docs, options);
  }

  /**
   * Ranks articles for `query` in `locale`. When that locale gives no confident answer (often
   * because the user wrote in another language), another locale is searched too and used instead
   * if it matches clearly better: `fallback` alone when given (the bot passes the one its
   * language detection points at, see `fallbackLocale`), every other locale otherwise.
   */
  search(query: string, locale: Locale, k = 3, fallback?: Locale): SearchResult {
    const features = textFeatures(query);
    const depth = Math.max(k, 2);
    const own = this.searchLocale(features, locale, depth);
    let best = { locale, hits: own };
    const ownTop = own[0]?.score ?? 0;
    // Finnish service terms appear in every translation, so a question written in Finnish
    // can score a little in the user's locale too; another locale must clearly beat it.
    if (!this.isConfident(own)) {
      const others = fallback === undefined ? this.docs.keys() : [fallback];
      for (const other of others) {
        if (other === locale) continue;
        const hits = this.searchLocale(features, other, depth);
        const top = hits[0]?.score ?? 0;
        if (top > (best.hits[0]?.score ?? 0) && (ownTop < this.options.fallbackBelow || top >= ownTop * this.options.fallbackLead)) {
          best = { locale: other, hits };
        }
      }
    }
    const confident = this.isConfident(best.hits);
    return {
      hits: best.hits.slice(0, k),
      confident,
      closest: best.hits.slice(0, 2),
      locale: best.locale,
      fallback: best.locale !== locale,
    };
  }

  private isConfident(hits: readonly SearchHit[]): boolean {
    const [first, second] = hits;
    return (
      first !== undefined &&
      first.score >= this.options.threshold &&
      (first.score - (second?.score ?? 0)) / first.score >= this.options.margin
    );
  }

  private searchLocale(features: Map<string, number>, locale: Locale, k: number): SearchHit[] {
    return this.index(locale)?.search(features, k) ?? [];
  }
}

/** Locales whose articles share most of their words with the other's: plain and standard Finnish, Arabic and Persian (one script). */
const SIBLING: Partial<Record<Locale, Locale>> = { fi: 'fi-x-selko', 'fi-x-selko': 'fi', ar: 'fa', fa: 'ar' };

/**
 * The one other locale to search when the user's own gives no confident answer. A message
 * detected in another language is searched in that language. Otherwise (the user's own language,
 * or nothing detected) the sibling locale, which shares the vocabulary, or Finnish, whose service
 * terms (TE-palvelut, työkokeilu) users type in every language. On the understanding question sets
 * these are the locales the search of all nine chose in nearly every case.
 */
export function fallbackLocale(locale: Locale, detected: Locale | null): Locale {
  const own = locale === 'fi-x-selko' ? 'fi' : locale;
  if (detected && detected !== own) return detected;
  return SIBLING[locale] ?? 'fi';
}

/** A retriever over the shipped knowledge base; build it once at startup. */
export function createRetriever(kb: KnowledgeBase, options: Partial<RetrieverOptions> = {}): Retriever {
  return Retriever.fromKnowledgeBase(kb, options);
}
