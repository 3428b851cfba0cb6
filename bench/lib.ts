/** Shared helpers for `npm run bench`. Benchmarks measure; tests never assert timings. */
export interface BenchRow {
  name: string;
  /** Free-form figures, e.g. { p50Ms: 1.2, p99Ms: 3.4, rate: 1200 }. */
  figures: Record<string, number | string>;
  /** The target as text, e.g. "p99 < 20 ms", and whether this run met it. */
  target?: string;
  met?: boolean;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const idx = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, idx)];
}

/** Runs `fn` `iterations` times after `warmup` runs and returns sorted durations in ms. */
export async function sample(fn: () => unknown, iterations: number, warmup = Math.min(50, iterations)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
