/**
 * The municipality matcher, indexed (what the bot runs) against the full scan it replaced
 * (`createScanAllMatcher`), on the same messages in the same process: the questions of the
 * understanding sets (most messages name no place, which takes the slowest, fuzzy path), and
 * municipality names inflected and misspelt. Reports matches per second for both and the ratio.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMatcher, createScanAllMatcher, type Matcher } from '../bot/pilot/municipalityMatcher.js';
import { allMunicipalities } from '../bot/pilot/places.js';
import { round, type BenchRow } from './lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MIN_MS = Number(process.env.BENCH_MUNICIPALITY_MS ?? 2000);

function messages(): Array<{ group: string; texts: string[] }> {
  const questions: string[] = [];
  for (const file of ['prisma/data/understanding/tuning.json', 'test/knowledge/understanding/heldout.json']) {
    const set = JSON.parse(fs.readFileSync(`${ROOT}${file}`, 'utf8')) as { questions: Record<string, Array<{ q: string }>> };
    for (const qs of Object.values(set.questions)) for (const { q } of qs) questions.push(q);
  }
  const names = allMunicipalities().map((p) => p.fi);
  const places = names.flatMap((n) => [`asun ${n}ssa`, `${n.slice(0, 2)}${n.slice(3)}lla`]);
  return [
    { group: 'questions of the understanding sets', texts: questions },
    { group: 'municipality names, inflected and misspelt', texts: places },
  ];
}

/** Calls per second over at least MIN_MS, cycling through `texts`. */
function rate(matcher: Matcher, texts: string[]): number {
  for (const t of texts.slice(0, 200)) matcher(t);
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (const t of texts) matcher(t);
    calls += texts.length;
    elapsed = performance.now() - started;
  }
  return calls / (elapsed / 1000);
}

export async function bench(): Promise<BenchRow[]> {
  let started = performance.now();
  const indexed = createMatcher();
  // The fuzzy part of the index is built on the first message that needs it: count it here.
  indexed('Helsnki');
  const indexedBuildMs = performance.now() - started;
  started = performance.now();
  const scanAll = createScanAllMatcher();
  const scanBuildMs = performance.now() - started;
  const rows: BenchRow[] = [];
  for (const { group, texts } of messages()) {
    // Alternating, twice each, so that a busy moment of a shared machine hits both alike.
    const before: number[] = [];
    const after: number[] = [];
    for (let i = 0; i < 2; i++) {
      before.push(rate(scanAll, texts));
      after.push(rate(indexed, texts));
    }
    const oldRate = (before[0] + before[1]) / 2;
    const newRate = (after[0] + after[1]) / 2;
    rows.push({
      name: `municipality matcher: ${group} (${texts.length} messages), full scan → index`,
      figures: { oldPerSec: round(oldRate, 0), newPerSec: round(newRate, 0), ratio: round(newRate / oldRate, 1), oldBuildMs: round(scanBuildMs, 1), newBuildMs: round(indexedBuildMs, 1) },
    });
  }
  return rows;
}
