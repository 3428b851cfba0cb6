/**
 * `npm run bench -- answers`: how well the bot understands questions it was not tuned on.
 * Scores the held-out part of test/knowledge/understanding (add `--tuning` to score the tuning
 * part instead, which the bot learns from, or `--cv` to score each fifth of the tuning part with
 * a bot that learnt from the other four) with the embedded question service, per locale and per
 * topic: a correct answer, a clarifying question, a fallback ("not sure"), or a wrong answer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LOCALES, type Locale } from '../bot/i18n/locales.js';
import { FixedClock } from '../bot/kernel/clock.js';
import { silentLogger } from '../bot/kernel/log.js';
import { getKnowledgeBase } from '../bot/knowledge/knowledgeBase.js';
import { QuestionService, type Answer } from '../bot/knowledge/questionService.js';
import { createRetriever } from '../bot/knowledge/retriever.js';
import { createMatcher } from '../bot/pilot/municipalityMatcher.js';
import { articleExamples, ExampleIndex, offTopicExamples, TUNING_FILE } from '../bot/understanding/examples.js';
import type { BenchRow } from './lib.js';

export interface Labelled {
  q: string;
  expected: string;
  municipality?: string;
  immigrant?: boolean;
}

export type Outcome = 'correct' | 'clarifying' | 'fallback' | 'wrong';

const TARGETS = { correct: 0.9, fallback: 0.05, wrong: 0.02 } as const;
// The figures are for one fixed day after the pilot, so a rerun is comparable.
const NOW = new Date('2026-12-05T10:00:00Z');

export function loadQuestionSet(part: 'heldout' | 'tuning'): Record<Locale, Labelled[]> {
  const path = part === 'tuning' ? TUNING_FILE : fileURLToPath(new URL('../test/knowledge/understanding/heldout.json', import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { questions: Record<Locale, Labelled[]> }).questions;
}

function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return fold(a) === fold(b);
}

/** Which of the four outcomes an answer is for a labelled question. */
export function classify(answer: Answer, item: Labelled): Outcome {
  switch (answer.kind) {
    case 'notSure':
    case 'declined':
      return 'fallback';
    case 'clarify':
      return answer.options.some((o) => o.id === item.expected) ? 'clarifying' : 'wrong';
    case 'municipality': {
      if (item.expected !== 'municipalities') return 'wrong';
      const f = answer.finding;
      const named = f.status === 'suggest' ? f.candidates.map((c) => c.name.fi) : [f.status === 'unknown' ? f.name : f.municipality.name.fi];
      return !item.municipality || named.some((n) => sameName(n, item.municipality!)) ? 'correct' : 'wrong';
    }
    case 'article':
    case 'generated': {
      const id = answer.kind === 'article' ? answer.article.id : answer.cited[0]?.id;
      return id === item.expected ? 'correct' : 'wrong';
    }
  }
}

export interface Tally {
  correct: number;
  clarifying: number;
  fallback: number;
  wrong: number;
  n: number;
}

const empty = (): Tally => ({ correct: 0, clarifying: 0, fallback: 0, wrong: 0, n: 0 });

/** Folds of the tuning part for cross-validation: each fold is scored by a bot that learnt from the others only. */
const FOLDS = 5;

export async function score(part: 'heldout' | 'tuning' | 'cv'): Promise<{ byLocale: Map<Locale, Tally>; byTopic: Map<string, Tally>; misses: string[] }> {
  const kb = getKnowledgeBase();
  const retriever = createRetriever(kb);
  const matchMunicipality = createMatcher();
  const serviceWith = (examples?: ExampleIndex) => new QuestionService({ kb, retriever, clock: new FixedClock(NOW), logger: silentLogger, matchMunicipality, examples });
  const set = loadQuestionSet(part === 'cv' ? 'tuning' : part);
  // By position, not by locale: the same question in another language is held out with it.
  const fold = (i: number) => i % FOLDS;
  const services =
    part === 'cv'
      ? Array.from({ length: FOLDS }, (_, f) => serviceWith(new ExampleIndex([...articleExamples(kb), ...offTopicExamples(), ...SUPPORTED_LOCALES.flatMap((l) => (set[l] ?? []).filter((_, i) => fold(i) !== f))])))
      : [serviceWith()];
  const byLocale = new Map<Locale, Tally>();
  const byTopic = new Map<string, Tally>();
  const misses: string[] = [];
  for (const locale of SUPPORTED_LOCALES) {
    for (const [i, item] of (set[locale] ?? []).entries()) {
      const service = services[part === 'cv' ? fold(i) : 0];
      const answer = await service.answer(item.q, locale);
      const outcome = classify(answer, item);
      for (const [map, k] of [[byLocale, locale], [byTopic, item.expected]] as const) {
        const t = (map as Map<string, Tally>).get(k) ?? empty();
        t[outcome]++;
        t.n++;
        (map as Map<string, Tally>).set(k, t);
      }
      if (outcome !== 'correct') misses.push(`${outcome}\t${locale}\t${item.expected}\t${describe(answer)}\t${item.q}`);
    }
  }
  return { byLocale, byTopic, misses };
}

function describe(answer: Answer): string {
  switch (answer.kind) {
    case 'article':
      return answer.article.id;
    case 'generated':
      return `llm:${answer.cited[0]?.id ?? '-'}`;
    case 'municipality':
      return `municipality:${answer.finding.status}`;
    case 'clarify':
      return `clarify:${answer.options.map((o) => o.id).join('/')}`;
    default:
      return answer.kind;
  }
}

const pct = (x: number, n: number) => (n === 0 ? 0 : Math.round((1000 * x) / n) / 10);

function row(name: string, t: Tally, withTarget: boolean): BenchRow {
  const figures = { n: t.n, correctPct: pct(t.correct, t.n), clarifyingPct: pct(t.clarifying, t.n), fallbackPct: pct(t.fallback, t.n), wrongPct: pct(t.wrong, t.n) };
  if (!withTarget) return { name, figures };
  const met = t.correct / t.n >= TARGETS.correct && t.fallback / t.n <= TARGETS.fallback && t.wrong / t.n <= TARGETS.wrong;
  return { name, figures, target: 'correct ≥ 90 %, fallback ≤ 5 %, wrong ≤ 2 %', met };
}

export async function bench(): Promise<BenchRow[]> {
  const part = process.argv.includes('--cv') ? 'cv' : process.argv.includes('--tuning') ? 'tuning' : 'heldout';
  const { byLocale, byTopic, misses } = await score(part);
  if (process.argv.includes('--misses')) for (const m of misses) process.stderr.write(`${m}\n`);
  const total = empty();
  for (const t of byLocale.values()) for (const k of ['correct', 'clarifying', 'fallback', 'wrong', 'n'] as const) total[k] += t[k];
  return [
    row(`answers (${part}): all locales`, total, true),
    ...[...byLocale].map(([l, t]) => row(`answers (${part}): locale ${l}`, t, true)),
    ...[...byTopic].sort(([a], [b]) => a.localeCompare(b)).map(([topic, t]) => row(`answers (${part}): topic ${topic}`, t, false)),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await bench()) console.log(JSON.stringify(r));
}
