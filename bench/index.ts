/**
 * `npm run bench [-- name…] [-- --json]`: runs every benchmark in bench/ in one process on this
 * machine and prints one table (or JSON lines), headed by the machine description that
 * BENCHMARKS.md records with the figures. Names filter the files, e.g. `npm run bench -- turns`.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './lib.js';

type BenchModule = { bench(): Promise<BenchRow[]> };

// The order they run in: quick in-process ones first, the multi-process turn benchmark last.
const FILES = ['language', 'knowledge', 'answers', 'municipality', 'booking', 'webchat', 'coldstart', 'turns'] as const;
/** Written by another part of the team; skipped when the file is not there. */
const OPTIONAL = new Set<string>(['webchat']);

async function loadBench(name: string): Promise<BenchModule | undefined> {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  if (!fs.existsSync(file)) {
    if (OPTIONAL.has(name)) return undefined;
    throw new Error(`bench/${name}.ts is missing`);
  }
  return (await import(`./${name}.js`)) as BenchModule;
}

export function machine(): Record<string, string | number> {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  return {
    cpu,
    nproc: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

function formatFigures(figures: BenchRow['figures']): string {
  return Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

export function renderTable(rows: Array<BenchRow & { file: string }>): string {
  const head = ['bench', 'measurement', 'figures', 'target', 'met'];
  const body = rows.map((r) => [r.file, r.name, formatFigures(r.figures), r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO']);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join(' | ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const names = wanted.length ? FILES.filter((f) => wanted.includes(f)) : [...FILES];
  const unknown = wanted.filter((w) => !(FILES as readonly string[]).includes(w));
  if (unknown.length) throw new Error(`unknown bench: ${unknown.join(', ')} (have: ${FILES.join(', ')})`);

  const info = machine();
  if (json) console.log(JSON.stringify({ machine: info }));
  else console.log(`machine: ${Object.entries(info).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  const all: Array<BenchRow & { file: string }> = [];
  for (const name of names) {
    const mod = await loadBench(name);
    if (!mod) {
      if (!json) console.log(`(bench/${name}.ts not present; skipped)`);
      continue;
    }
    const started = performance.now();
    const rows = await mod.bench();
    for (const row of rows) {
      all.push({ file: name, ...row });
      if (json) console.log(JSON.stringify({ file: name, ...row }));
    }
    if (!json) process.stderr.write(`bench/${name}.ts done in ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
  if (!json) console.log(`\n${renderTable(all)}`);
}

await main(process.argv.slice(2));
