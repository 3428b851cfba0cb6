/**
 * Topics read from labelled example questions: what people asked, in their own words, and which
 * article or dialog answered it. Cue words catch the phrasings someone thought of; the examples
 * carry the rest of the way people write (word order, inflections, typos, mixed languages), so a
 * new question is compared with the nearest examples as a whole.
 *
 * Each text becomes a TF-IDF vector of the letter 3–4-grams of its folded words (an inflected or
 * misspelt word still shares most of its n-grams with the examples' form), and a multinomial naive
 * Bayes model gives each topic a probability. Messages about none of the topics are examples too
 * (OFF_TOPIC), so an unrelated question spreads its probability there rather than onto the topic
 * it happens to resemble. Nearest-neighbour voting and topic centroids were tried and found worse
 * (BENCHMARKS.md, "Answers").
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../kernel/paths.js';
import { getKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { fold, words } from './text.js';

export interface Example {
  q: string;
  expected: string;
}

export interface ExampleVote {
  /** Topic → probability that the question is about it (they sum to 1 when the question has any known n-gram). */
  votes: Map<string, number>;
  /** Share of the question's weight in n-grams the examples have: 0 for words no example shares. */
  known: number;
}

const MIN_GRAM = 3;
const MAX_GRAM = 4;
/** Additive smoothing: small, because a topic's examples cover only some of its words (0.02–0.1 cross-validated alike). */
const ALPHA = 0.05;

/**
 * Naive Bayes is overconfident (n-grams are counted as if independent): its log scores are
 * divided by this before they become probabilities, so a close second reading keeps some weight
 * and a clarifying question replaces a confident wrong answer. Cross-validated on the tuning
 * part (1, 1.25, 1.5, 1.75, 2, 3): 1.5 gave the most correct answers with the fewest wrong ones.
 */
const TEMPERATURE = 1.5;

/** Character n-grams of each folded word, the word padded with spaces, with sublinear counts. */
function features(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(fold(text))) {
    const padded = ` ${w} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) for (let i = 0; i + n <= padded.length; i++) counts.set(padded.slice(i, i + n), (counts.get(padded.slice(i, i + n)) ?? 0) + 1);
  }
  for (const [k, c] of counts) counts.set(k, 1 + Math.log(c));
  return counts;
}

/**
 * A multinomial naive Bayes model over TF-IDF weighted n-grams: training is counting, so it is
 * built at start-up in milliseconds, and on questions it was not trained on it found the right
 * topic more often than nearest-neighbour voting or topic centroids (cross-validated on the
 * tuning part: 79 % against 64–68 %).
 */
export class ExampleIndex {
  private readonly ids = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly topics: string[] = [];
  private readonly logPrior: number[] = [];
  /** log P(feature | topic) for a feature the topic's examples never had. */
  private readonly unseen: number[] = [];
  /**
   * Feature → [topic, log P(feature | topic) − unseen[topic]] for the topics that had it, as flat
   * arrays: feature k's pairs are liftTopic[i], liftDelta[i] for liftStart[k] ≤ i < liftStart[k + 1],
   * topics ascending. (A Map of arrays of pairs took about 9 MB of heap; these take about 1.5 MB.)
   */
  private readonly liftStart: Int32Array;
  private readonly liftTopic: Int32Array;
  private readonly liftDelta: Float64Array;
  readonly size: number;

  constructor(examples: readonly Example[]) {
    this.size = examples.length;
    const raw = examples.map((e) => features(e.q));
    const df = new Map<string, number>();
    for (const f of raw) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const n = examples.length;
    for (const [k, d] of df) {
      this.ids.set(k, this.idf.length);
      this.idf.push(Math.log((n + 1) / (d + 1)) + 1);
    }
    const topicIndex = new Map<string, number>();
    const counts: Array<Map<number, number>> = [];
    const docs: number[] = [];
    raw.forEach((f, i) => {
      const topic = examples[i].expected;
      let t = topicIndex.get(topic);
      if (t === undefined) {
        topicIndex.set(topic, (t = this.topics.length));
        this.topics.push(topic);
        counts.push(new Map());
        docs.push(0);
      }
      docs[t]++;
      for (const [k, x] of this.vector(f)) counts[t].set(k, (counts[t].get(k) ?? 0) + x);
    });
    const vocabulary = this.idf.length;
    this.liftStart = new Int32Array(vocabulary + 1);
    for (const c of counts) for (const k of c.keys()) this.liftStart[k + 1]++;
    for (let k = 0; k < vocabulary; k++) this.liftStart[k + 1] += this.liftStart[k];
    this.liftTopic = new Int32Array(this.liftStart[vocabulary]);
    this.liftDelta = new Float64Array(this.liftStart[vocabulary]);
    const next = this.liftStart.slice(0, vocabulary);
    counts.forEach((c, t) => {
      let total = 0;
      for (const x of c.values()) total += x;
      const denominator = Math.log(total + ALPHA * vocabulary);
      // Fitted priors: with equal ones a short message about the weather drifted to a real topic.
      this.logPrior.push(Math.log(docs[t] / n));
      this.unseen.push(Math.log(ALPHA) - denominator);
      for (const [k, x] of c) {
        const i = next[k]++;
        this.liftTopic[i] = t;
        this.liftDelta[i] = Math.log(x + ALPHA) - Math.log(ALPHA);
      }
    });
  }

  private vector(f: Map<string, number>): Map<number, number> {
    const v = new Map<number, number>();
    let sum = 0;
    for (const [k, tf] of f) {
      const id = this.ids.get(k);
      // An n-gram no example has says nothing about any topic.
      if (id === undefined) continue;
      const x = tf * this.idf[id];
      v.set(id, x);
      sum += x * x;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  }

  vote(question: string): ExampleVote {
    const f = features(question);
    const q = this.vector(f);
    const votes = new Map<string, number>();
    if (q.size === 0) return { votes, known: 0 };
    let mass = 0;
    for (const x of q.values()) mass += x;
    const scores = this.topics.map((_, t) => this.logPrior[t] + mass * this.unseen[t]);
    const { liftStart, liftTopic, liftDelta } = this;
    for (const [k, x] of q) for (let i = liftStart[k], end = liftStart[k + 1]; i < end; i++) scores[liftTopic[i]] += x * liftDelta[i];
    const best = Math.max(...scores);
    const exp = scores.map((s) => Math.exp((s - best) / TEMPERATURE));
    const total = exp.reduce((a, b) => a + b, 0);
    this.topics.forEach((topic, t) => votes.set(topic, exp[t] / total));
    return { votes, known: q.size / f.size };
  }
}

/** The tuning part of the understanding question set (test/knowledge/understanding holds the held-out part). */
export const TUNING_FILE = projectPath('prisma', 'data', 'understanding', 'tuning.json');

export function loadExamples(file = TUNING_FILE): Example[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { questions: Record<string, Example[]> };
  return Object.values(parsed.questions).flat();
}

/** The topic of messages about none of the articles: weather, taxes, the bot itself. */
export const OFF_TOPIC = 'off-topic';
export const OFF_TOPIC_FILE = projectPath('prisma', 'data', 'understanding', 'off-topic.json');

export function offTopicExamples(file = OFF_TOPIC_FILE): Example[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { messages: Record<string, string[]> };
  return Object.values(parsed.messages).flatMap((list) => list.map((q) => ({ q, expected: OFF_TOPIC })));
}

/** The articles' titles and other phrasings, in every locale: examples written by whoever wrote the article. */
export function articleExamples(kb: KnowledgeBase): Example[] {
  return kb.locales.flatMap((l) => kb.articles(l).flatMap((a) => [a.title, ...(a.questions ?? [])].map((q) => ({ q, expected: a.id }))));
}

let shared: ExampleIndex | undefined;
/** The model of the shipped examples and articles, built on first use. */
export function getExampleIndex(): ExampleIndex {
  shared ??= new ExampleIndex([...loadExamples(), ...articleExamples(getKnowledgeBase()), ...offTopicExamples()]);
  return shared;
}
