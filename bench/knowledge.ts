/**
 * Retrieval latency with 1,000 articles per locale. The real knowledge base has 16, so the
 * rest are synthesised from them: words dropped and borrowed from other articles, plus a
 * made-up place name, so the n-gram postings grow the way a larger base would make them grow.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LOCALES, type Locale } from '../bot/i18n/locales.js';
import { loadKnowledgeBase, type Article } from '../bot/knowledge/knowledgeBase.js';
import { Retriever, type RetrievalDoc } from '../bot/knowledge/retriever.js';
import { percentile, round, sample, type BenchRow } from './lib.js';

const ARTICLES = 1000;
const P99_TARGET_MS = 2;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, donor: string, rnd: () => number): string {
  const words = text.split(/\s+/).filter((w) => rnd() > 0.2);
  const extra = donor.split(/\s+/).filter(() => rnd() < 0.15);
  return [...words, ...extra].join(' ');
}

function synthesise(real: readonly Article[], n: number, seed: number): RetrievalDoc[] {
  const rnd = prng(seed);
  const syllables = ['ka', 'lo', 'mi', 'ra', 'su', 'te', 'vi', 'jo', 'nen', 'la', 'koski', 'järvi'];
  const docs: RetrievalDoc[] = real.map((a) => ({ ...a }));
  for (let i = docs.length; i < n; i++) {
    const a = real[i % real.length];
    const donor = real[Math.floor(rnd() * real.length)];
    const place = Array.from({ length: 3 }, () => syllables[Math.floor(rnd() * syllables.length)]).join('');
    docs.push({
      id: `${a.id}-synthetic-${i}`,
      title: `${mutate(a.title, donor.title, rnd)} ${place}`,
      topic: a.topic,
      short: mutate(a.short, donor.short, rnd),
      long: a.long ? mutate(a.long, donor.short, rnd) : undefined,
      questions: a.questions?.map((q) => mutate(q, donor.title, rnd)),
    });
  }
  return docs;
}

function loadQueries(): Record<Locale, string[]> {
  const path = fileURLToPath(new URL('../test/knowledge/questions.json', import.meta.url));
  const raw = JSON.parse(readFileSync(path, 'utf8')).questions as Record<Locale, { q: string }[]>;
  return Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, raw[l].map((x) => x.q)])) as Record<Locale, string[]>;
}

export async function bench(): Promise<BenchRow[]> {
  const kb = loadKnowledgeBase();
  const queries = loadQueries();
  const rows: BenchRow[] = [];

  const docs: Partial<Record<Locale, RetrievalDoc[]>> = {};
  SUPPORTED_LOCALES.forEach((l, i) => (docs[l] = synthesise(kb.articles(l), ARTICLES, 1000 + i)));

  // One locale at a time: the normal case, where the user's own locale answers.
  for (const locale of ['fi', 'en', 'ar'] as const) {
    const buildStart = performance.now();
    const single = new Retriever({ [locale]: docs[locale] }).buildAll();
    const buildMs = performance.now() - buildStart;
    const list = queries[locale];
    let i = 0;
    const times = await sample(() => single.search(list[i++ % list.length], locale, 3), 5000);
    const p99 = percentile(times, 99);
    rows.push({
      name: `knowledge: search, ${ARTICLES} articles (${locale})`,
      figures: { p50Ms: round(percentile(times, 50), 4), p99Ms: round(p99, 4), maxMs: round(times[times.length - 1], 3), buildMs: round(buildMs, 1) },
      target: `p99 ≤ ${P99_TARGET_MS} ms`,
      met: p99 <= P99_TARGET_MS,
    });
  }

  // Every locale loaded: unconfident questions also search the other nine locales, so this
  // is the worst case a user meets (10,000 articles in all).
  const buildStart = performance.now();
  const all = new Retriever(docs).buildAll();
  const buildMs = performance.now() - buildStart;
  const mixed = SUPPORTED_LOCALES.flatMap((l) => queries[l].map((q) => [q, l] as const));
  let j = 0;
  const times = await sample(() => {
    const [q, l] = mixed[j++ % mixed.length];
    return all.search(q, l, 3);
  }, 3000);
  rows.push({
    name: `knowledge: search with cross-locale fallback, ${ARTICLES} articles × ${SUPPORTED_LOCALES.length} locales`,
    figures: { p50Ms: round(percentile(times, 50), 4), p99Ms: round(percentile(times, 99), 4), buildMs: round(buildMs, 1) },
  });
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await bench()) console.log(JSON.stringify(row));
}
