/**
 * Cold start of the bot as `npm start` starts it (bot/launch.mjs → the compiled build), from spawn
 * until `GET /readyz` answers 200, on a fresh embedded PGlite data folder (copied from the build's
 * dist/pglite-template, then seeded), the same without the template (creates and migrates the
 * cluster itself, as every first start did before), and on an existing folder. Quick enough to run on its own
 * (`npm run bench -- coldstart`); bench/turns.ts reports the same figure beside its load runs.
 * Several runs each, because one start on a shared machine is noisy; the median is the figure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, round, type BenchRow } from './lib.js';
import { cpuMsOf, startServer } from './turns.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_COLDSTART_RUNS ?? 3);
const TARGET_MS = 3000;
const ENV = { LOG_LEVEL: 'info', MUNICIPALITY_NAME: 'Salo', SEED_DEMO_DATA: 'false', DATABASE_URL: '' };

interface Start {
  ms: number;
  /** CPU time the bot's process had used when ready: less at the mercy of other processes than wall time. */
  cpuMs: number;
}

async function startOnce(dataDir: string, cwd = ROOT): Promise<Start> {
  const server = await startServer('bot/launch.mjs', { ...ENV, DATA_DIR: dataDir }, [], { cwd, plainNode: true, readyPath: '/readyz', args: ['bot/index.ts'] });
  const cpuMs = cpuMsOf(server.pid);
  await server.stop();
  return { ms: server.coldStartMs, cpuMs };
}

function summary(starts: Start[]): Record<string, number> {
  const ms = starts.map((s) => s.ms).sort((a, b) => a - b);
  const cpu = starts.map((s) => s.cpuMs).sort((a, b) => a - b);
  return { medianMs: round(percentile(ms, 50), 0), minMs: round(ms[0], 0), maxMs: round(ms.at(-1)!, 0), medianCpuMs: round(percentile(cpu, 50), 0), runs: ms.length };
}

/** Runs `fn` with dist/pglite-template moved aside: a first start as it was before the template. */
async function withoutTemplate<T>(fn: () => Promise<T>): Promise<T> {
  const template = path.join(ROOT, 'dist', 'pglite-template');
  const aside = `${template}.aside-${process.pid}`;
  const had = fs.existsSync(template);
  if (had) fs.renameSync(template, aside);
  try {
    return await fn();
  } finally {
    if (had) fs.renameSync(aside, template);
  }
}

export async function bench(): Promise<BenchRow[]> {
  // Compile first (as the first `npm start` would), so the figures measure starting, not compiling.
  if (spawnSync(process.execPath, ['bot/launch.mjs', '--build'], { cwd: ROOT, stdio: 'ignore' }).status !== 0) throw new Error('npm run build failed');
  // BENCH_BEFORE_DIR: an earlier checkout (node_modules and generated/ linked), started alternately
  // with this one on new data folders of its own, for a before/after pair in one run.
  const beforeDir = process.env.BENCH_BEFORE_DIR;
  if (beforeDir && spawnSync(process.execPath, ['bot/launch.mjs', '--build'], { cwd: beforeDir, stdio: 'ignore' }).status !== 0) throw new Error(`build failed in ${beforeDir}`);
  const before: Start[] = [];
  const fresh: Start[] = [];
  const again: Start[] = [];
  const freshNoTemplate: Start[] = [];
  // Alternating, so that a busy moment of a shared machine hits both kinds of start alike.
  for (let i = 0; i < RUNS; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-coldstart-'));
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-coldstart-'));
    try {
      fresh.push(await startOnce(dataDir));
      freshNoTemplate.push(await withoutTemplate(() => startOnce(other)));
      again.push(await startOnce(dataDir));
      if (beforeDir) {
        const beforeData = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-coldstart-'));
        try {
          before.push(await startOnce(beforeData, beforeDir));
        } finally {
          fs.rmSync(beforeData, { recursive: true, force: true });
        }
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(other, { recursive: true, force: true });
    }
  }
  const freshFigures = summary(fresh);
  const noTemplate = summary(freshNoTemplate);
  const rows: BenchRow[] = [
    { name: 'cold start to /readyz: npm start, embedded PGlite, new data folder', figures: freshFigures, target: `median ≤ ${TARGET_MS} ms`, met: freshFigures.medianMs <= TARGET_MS },
    {
      name: 'cold start to /readyz: npm start, embedded PGlite, new data folder, without dist/pglite-template (creates the cluster)',
      figures: { ...noTemplate, ratioWithTemplate: round(freshFigures.medianMs / noTemplate.medianMs, 2), cpuRatioWithTemplate: round(freshFigures.medianCpuMs / noTemplate.medianCpuMs, 2) },
    },
    { name: 'cold start to /readyz: npm start, embedded PGlite, existing data folder', figures: summary(again) },
  ];
  if (beforeDir) {
    const b = summary(before);
    rows.push({
      name: `cold start to /readyz: npm start, embedded PGlite, new data folder, BEFORE (${path.basename(beforeDir)})`,
      figures: { ...b, ratioAfterToBefore: round(freshFigures.medianMs / b.medianMs, 2), cpuRatioAfterToBefore: round(freshFigures.medianCpuMs / b.medianCpuMs, 2) },
    });
  }
  return rows;
}
