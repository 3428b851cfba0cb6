/**
 * `npm run bench -- answers`: how well the bot understands questions it was not tuned on.
 * Scores the held-out part of test/knowledge/understanding (add `--tuning` to score the tuning
 * part instead, which the bot learns from, or `--cv` to score each fifth of the tuning part with
 * a bot that learnt from the other four) with the embedded question service, per locale and per
 * topic: a correct answer, a clarifying question, a fallback ("not sure"), or a wrong answer.
 * With the held-out part it also scores the held-out off-topic messages (`--offtopic` scores only
 * those): an article for something the bot does not handle is a wrong answer too.
 * `--file=PATH` scores any question file in the same format (a fresh batch by new writers, as a
 * development set, before it is read or tuned on).
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
import { articleExamples, ExampleIndex, OFF_TOPIC, OFF_TOPIC_FILE, TUNING_FILE } from '../bot/understanding/examples.js';
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

export function loadQuestionSet(part: 'heldout' | 'tuning' | { file: string }): Record<Locale, Labelled[]> {
  const path = typeof part === 'object' ? part.file : part === 'tuning' ? TUNING_FILE : fileURLToPath(new URL('../test/knowledge/understanding/heldout.json', import.meta.url));
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { questions?: Record<Locale, Labelled[]> } & Record<Locale, Labelled[]>;
  // A batch as writers hand it in is the bare { locale: [...] }; the committed parts wrap it in "questions".
  return parsed.questions ?? parsed;
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

type OffTopicTally = { n: number; answered: number; clarifying: number; notSure: number };

const emptyOffTopic = (): OffTopicTally => ({ n: 0, answered: 0, clarifying: 0, notSure: 0 });

/** An off-topic message's reply counted: "not sure" is right, a clarifying question half wrong, anything else an answer it should not have given. */
function countOffTopic(t: OffTopicTally, answer: Answer): void {
  t.n++;
  if (answer.kind === 'clarify') t.clarifying++;
  else if (answer.kind === 'notSure' || answer.kind === 'declined') t.notSure++;
  else t.answered++;
}

function sumOffTopic(tallies: Iterable<OffTopicTally>): OffTopicTally {
  const total = emptyOffTopic();
  for (const t of tallies) for (const k of ['n', 'answered', 'clarifying', 'notSure'] as const) total[k] += t[k];
  return total;
}

export async function score(part: 'heldout' | 'tuning' | 'cv' | { file: string }): Promise<{ byLocale: Map<Locale, Tally>; byTopic: Map<string, Tally>; misses: string[]; offTopic?: OffTopicTally }> {
  const kb = getKnowledgeBase();
  const retriever = createRetriever(kb);
  const matchMunicipality = createMatcher();
  const serviceWith = (examples?: ExampleIndex) => new QuestionService({ kb, retriever, clock: new FixedClock(NOW), logger: silentLogger, matchMunicipality, examples });
  const set = loadQuestionSet(part === 'cv' ? 'tuning' : part);
  // By position, not by locale: the same question in another language is held out with it.
  const fold = (i: number) => i % FOLDS;
  // The off-topic messages the bot learns from are folded the same way, so the cross-validated
  // off-topic figure is for messages the fold's model never saw.
  const offTopic = offTopicByLocale();
  const services =
    part === 'cv'
      ? Array.from({ length: FOLDS }, (_, f) =>
          serviceWith(
            new ExampleIndex([
              ...articleExamples(kb),
              ...Object.values(offTopic).flatMap((list) => list.filter((_, i) => fold(i) !== f).map((q) => ({ q, expected: OFF_TOPIC }))),
              ...SUPPORTED_LOCALES.flatMap((l) => (set[l] ?? []).filter((_, i) => fold(i) !== f)),
            ]),
          ),
        )
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
  if (part === 'cv') {
    const t = emptyOffTopic();
    for (const locale of SUPPORTED_LOCALES) {
      for (const [i, q] of (offTopic[locale] ?? []).entries()) {
        const answer = await services[fold(i)].answer(q, locale);
        countOffTopic(t, answer);
        if (answer.kind !== 'notSure' && answer.kind !== 'declined') misses.push(`off-topic\t${locale}\t-\t${describe(answer)}\t${q}`);
      }
    }
    return { byLocale, byTopic, misses, offTopic: t };
  }
  return { byLocale, byTopic, misses };
}

function offTopicByLocale(): Record<string, string[]> {
  return (JSON.parse(readFileSync(OFF_TOPIC_FILE, 'utf8')) as { messages: Record<string, string[]> }).messages;
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

/**
 * The held-out off-topic messages: how many get an article (or a place) although the bot does not
 * handle what they ask, how many a clarifying question, and how many the honest "not sure".
 * Aggregates only: the messages are never listed, so nobody tunes on them.
 */
export async function scoreOffTopic(): Promise<Map<string, OffTopicTally>> {
  const kb = getKnowledgeBase();
  const service = new QuestionService({ kb, retriever: createRetriever(kb), clock: new FixedClock(NOW), logger: silentLogger, matchMunicipality: createMatcher() });
  const path = fileURLToPath(new URL('../test/knowledge/understanding/offtopic-heldout.json', import.meta.url));
  const messages = (JSON.parse(readFileSync(path, 'utf8')) as { messages: Record<string, string[]> }).messages;
  const byLocale = new Map<string, OffTopicTally>();
  for (const locale of SUPPORTED_LOCALES) {
    const t = emptyOffTopic();
    for (const m of messages[locale] ?? []) countOffTopic(t, await service.answer(m, locale));
    byLocale.set(locale, t);
  }
  return byLocale;
}

function offTopicRow(name: string, t: OffTopicTally): BenchRow {
  return { name, figures: { n: t.n, answeredPct: pct(t.answered, t.n), clarifyingPct: pct(t.clarifying, t.n), notSurePct: pct(t.notSure, t.n) } };
}

export async function bench(): Promise<BenchRow[]> {
  if (process.argv.includes('--offtopic')) {
    const offTopic = await scoreOffTopic();
    return [offTopicRow('answers (heldout): off-topic, all locales', sumOffTopic(offTopic.values())), ...[...offTopic].map(([l, t]) => offTopicRow(`answers (heldout): off-topic, locale ${l}`, t))];
  }
  const file = process.argv.find((a) => a.startsWith('--file='))?.slice('--file='.length);
  const part = file ? 'file' : process.argv.includes('--cv') ? 'cv' : process.argv.includes('--tuning') ? 'tuning' : 'heldout';
  const { byLocale, byTopic, misses, offTopic: cvOffTopic } = await score(file ? { file } : (part as 'cv' | 'tuning' | 'heldout'));
  if (process.argv.includes('--misses')) for (const m of misses) process.stderr.write(`${m}\n`);
  const total = empty();
  for (const t of byLocale.values()) for (const k of ['correct', 'clarifying', 'fallback', 'wrong', 'n'] as const) total[k] += t[k];
  const offTopic = part === 'heldout' ? await scoreOffTopic() : new Map<string, OffTopicTally>();
  const offTotal = sumOffTopic(offTopic.values());
  return [
    row(`answers (${part}): all locales`, total, true),
    ...[...byLocale].map(([l, t]) => row(`answers (${part}): locale ${l}`, t, true)),
    ...[...byTopic].sort(([a], [b]) => a.localeCompare(b)).map(([topic, t]) => row(`answers (${part}): topic ${topic}`, t, false)),
    ...(cvOffTopic ? [offTopicRow('answers (cv): off-topic messages the bot learns from, each fifth unseen', cvOffTopic)] : []),
    ...(offTopic.size > 0
      ? [offTopicRow('answers (heldout): off-topic, all locales', offTotal), ...[...offTopic].map(([l, t]) => offTopicRow(`answers (heldout): off-topic, locale ${l}`, t))]
      : []),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await bench()) console.log(JSON.stringify(r));
}
