/**
 * Turn throughput and latency of the whole bot over HTTP, against a bare botbuilder echo bot on
 * the same server stack (bench/echoServer.ts), plus memory with 1,000 live conversations and cold
 * start. Every server runs as its own process, started the way `npm start` starts the bot, and is
 * driven from this process over loopback with keep-alive connections:
 *
 *   1. echo baseline;
 *   2. OMA-botti answering knowledge questions on embedded PGlite (a fresh data folder);
 *   3. the same on PostgreSQL (a fresh database, dropped afterwards).
 *
 * Each of CONCURRENCY conversations sends its next message as soon as the previous reply arrives
 * (deliveryMode expectReplies), so the figures are closed-loop: throughput at that concurrency and
 * the latency each user sees.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getKnowledgeBase } from '../bot/knowledge/knowledgeBase.js';
import type { Locale } from '../bot/i18n/locales.js';
import { freshDatabaseLocation, type TestDatabaseLocation } from '../test/support/database.js';
import { percentile, round, type BenchRow } from './lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONCURRENCY = 16;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3000);
/** Measured time per scenario, in rounds of ROUND_MS. */
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const ROUND_MS = Math.min(5000, DURATION_MS);
const LIVE_CONVERSATIONS = Number(process.env.BENCH_LIVE_CONVERSATIONS ?? 1000);
const TARGET_THROUGHPUT_RATIO = 0.25;
const TARGET_P99_RATIO = 3;
const TARGET_RSS_MB = 300;
/** The V8 old-space cap the README recommends for production. */
const HEAP_CAP = '--max-old-space-size=256';
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

interface Server {
  child: ChildProcess;
  port: number;
  /** Spawn until /healthz answered 200. */
  coldStartMs: number;
  logFile: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function request(port: number, method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, agent, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Starts a server process (as `npm start` does: node with the tsx loader) and waits for /healthz. */
export async function startServer(script: string, env: Record<string, string>, nodeArgs: string[] = [], options: { cwd?: string; compiled?: boolean } = {}): Promise<Server> {
  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `omabotti-bench-${path.basename(script, '.ts')}-${port}.log`);
  const log = fs.openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...(options.compiled ? [] : ['--import', 'tsx']), script], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== undefined) throw new Error(`${script} exited with ${exited} before answering /healthz; see ${logFile}`);
    try {
      if ((await request(port, 'GET', '/healthz')).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error(`${script} did not answer /healthz within 120 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const coldStartMs = performance.now() - started;
  return {
    child,
    port,
    coldStartMs,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
      }),
  };
}

/** Resident and peak memory of a process, in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 0), peakMb: round(kb('VmHWM') / 1024, 0) };
}

/** Knowledge questions the bot answers from an article that starts no other dialog. */
export function knowledgeQuestions(): Array<{ text: string; locale: Locale }> {
  const kb = getKnowledgeBase();
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/knowledge/questions.json'), 'utf8')).questions as Record<Locale, Array<{ q: string; expected: string | null }>>;
  const out: Array<{ text: string; locale: Locale }> = [];
  for (const locale of ['fi', 'en', 'sv', 'ru', 'ar'] as Locale[]) {
    for (const { q, expected } of raw[locale]) {
      if (expected && !kb.get(expected, locale)?.action) out.push({ text: q, locale });
    }
  }
  return out;
}

function activity(conversationId: string, userId: string, partial: Record<string, unknown>): Record<string, unknown> {
  return {
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    from: { id: userId, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversationId },
    ...partial,
  };
}

interface TurnResult {
  ok: boolean;
}

/** One turn; ok when the server answered 200 with at least one message and no apology for a failed turn. */
async function turn(port: number, body: Record<string, unknown>, failureText?: RegExp): Promise<TurnResult> {
  try {
    const res = await request(port, 'POST', '/api/messages', body);
    if (res.status !== 200) return { ok: false };
    const activities = ((JSON.parse(res.body) as { activities?: Array<{ type: string; text?: string }> }).activities ?? []).filter((a) => a.type === 'message');
    if (activities.length === 0) return { ok: false };
    if (failureText && activities.some((a) => failureText.test(a.text ?? ''))) return { ok: false };
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

interface LoadResult {
  turnsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  turns: number;
  errors: number;
}

/** CONCURRENCY new conversations in a closed loop for `durationMs`; every turn that ends in time counts. */
export async function load(port: number, label: string, messages: Array<{ text: string; locale: string }>, failureText: RegExp | undefined, durationMs: number): Promise<{ latencies: number[]; turns: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  // Conversations open (welcome) before the clock starts: this measures question turns.
  const convs = await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      const conv = `bench-${label}-${w}`;
      const user = `bench-user-${label}-${w}`;
      const locale = messages[w % messages.length].locale;
      await turn(port, activity(conv, user, { type: 'conversationUpdate', locale, membersAdded: [{ id: user }] }));
      return { conv, user };
    }),
  );
  const end = performance.now() + durationMs;
  await Promise.all(
    convs.map(async ({ conv, user }, w) => {
      for (let i = w; ; i += CONCURRENCY) {
        const start = performance.now();
        if (start >= end) break;
        const m = messages[i % messages.length];
        const r = await turn(port, activity(conv, user, { type: 'message', text: m.text, locale: m.locale, id: `m-${w}-${i}` }), failureText);
        const done = performance.now();
        if (done <= end) {
          latencies.push(done - start);
          if (!r.ok) errors++;
        }
      }
    }),
  );
  return { latencies, turns: latencies.length, errors };
}

/** Opens `count` conversations (a welcome and one question each), CONCURRENCY at a time. */
async function openConversations(port: number, count: number, questions: Array<{ text: string; locale: Locale }>): Promise<number> {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        const conv = `bench-live-${i}`;
        const user = `bench-live-user-${i}`;
        const q = questions[i % questions.length];
        await turn(port, activity(conv, user, { type: 'conversationUpdate', locale: q.locale, membersAdded: [{ id: user }] }));
        if (!(await turn(port, activity(conv, user, { type: 'message', text: q.text, locale: q.locale }))).ok) failed++;
      }
    }),
  );
  return failed;
}

async function postgresReachable(): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const BOT_ENV = {
  LOG_LEVEL: 'info',
  MUNICIPALITY_NAME: 'Salo',
  // The bench is one client address sending as fast as it can; the limits protect production, not this.
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000000',
  SEED_DEMO_DATA: 'false',
};

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Scenario {
  label: string;
  name: string;
  server: Server;
  failureText?: RegExp;
  latencies: number[];
  turns: number;
  errors: number;
  cpuMs: number;
}

function summary(s: Scenario, seconds: number): LoadResult & { serverCpuMsPerTurn: number } {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return {
    turnsPerSec: round(s.turns / seconds, 0),
    p50Ms: round(percentile(sorted, 50), 1),
    p99Ms: round(percentile(sorted, 99), 1),
    turns: s.turns,
    errors: s.errors,
    serverCpuMsPerTurn: round(s.cpuMs / Math.max(1, s.turns), 2),
  };
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const questions = knowledgeQuestions();
  const turnFailed = failureTexts();
  const pgUp = await postgresReachable();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-bench-'));
  let location: TestDatabaseLocation | undefined;
  const servers: Server[] = [];
  try {
    // All three servers run side by side and take turns under load, round by round, so a busy
    // shared machine slows each of them alike instead of whichever happened to run last.
    const echo = await startServer('bench/echoServer.ts', {});
    servers.push(echo);
    const pglite = await startServer('bot/index.ts', { ...BOT_ENV, DATA_DIR: dataDir, DATABASE_URL: '' });
    servers.push(pglite);
    const scenarios: Scenario[] = [
      { label: 'echo', name: `turns: echo bot baseline (restify + CloudAdapter, expectReplies), ${CONCURRENCY} conversations`, server: echo, latencies: [], turns: 0, errors: 0, cpuMs: 0 },
      { label: 'pglite', name: `turns: OMA-botti, knowledge questions, embedded PGlite, ${CONCURRENCY} conversations`, server: pglite, failureText: turnFailed, latencies: [], turns: 0, errors: 0, cpuMs: 0 },
    ];
    if (pgUp) {
      location = await freshDatabaseLocation({ backend: 'postgresql' });
      const onPg = await startServer('bot/index.ts', { ...BOT_ENV, DATA_DIR: location.dataDir, DATABASE_URL: location.databaseUrl! });
      servers.push(onPg);
      scenarios.push({ label: 'postgresql', name: `turns: OMA-botti, knowledge questions, PostgreSQL, ${CONCURRENCY} conversations`, server: onPg, failureText: turnFailed, latencies: [], turns: 0, errors: 0, cpuMs: 0 });
    }
    rows.push({ name: 'cold start to /healthz: embedded PGlite, new data folder (creates and migrates it)', figures: { ms: round(pglite.coldStartMs, 0) } });
    if (servers[2]) rows.push({ name: 'cold start to /healthz: PostgreSQL (migrated database)', figures: { ms: round(servers[2].coldStartMs, 0) } });

    for (const sc of scenarios) await load(sc.server.port, `${sc.label}-warmup`, questions, sc.failureText, WARMUP_MS);
    const rounds = Math.max(1, Math.round(DURATION_MS / ROUND_MS));
    for (let r = 0; r < rounds; r++) {
      for (const sc of scenarios) {
        const cpuBefore = cpuMsOf(sc.server.child.pid!);
        const res = await load(sc.server.port, `${sc.label}-${r}`, questions, sc.failureText, ROUND_MS);
        sc.cpuMs += cpuMsOf(sc.server.child.pid!) - cpuBefore;
        sc.latencies.push(...res.latencies);
        sc.turns += res.turns;
        sc.errors += res.errors;
      }
    }
    const seconds = (rounds * ROUND_MS) / 1000;
    const base = summary(scenarios[0], seconds);
    rows.push({ name: scenarios[0].name, figures: { ...base } });
    for (const sc of scenarios.slice(1)) {
      const r = summary(sc, seconds);
      rows.push({ name: sc.name, figures: { ...r } });
      const throughputRatio = r.turnsPerSec / base.turnsPerSec;
      const p99Ratio = r.p99Ms / base.p99Ms;
      rows.push({
        name: `${sc.name} vs echo`,
        figures: { throughputRatio: round(throughputRatio, 3), p99Ratio: round(p99Ratio, 2), cpuPerTurnRatio: round(r.serverCpuMsPerTurn / base.serverCpuMsPerTurn, 1) },
        target: `throughput ≥ ${TARGET_THROUGHPUT_RATIO * 100}% of echo, p99 ≤ ${TARGET_P99_RATIO}× echo`,
        met: throughputRatio >= TARGET_THROUGHPUT_RATIO && p99Ratio <= TARGET_P99_RATIO && r.errors === 0,
      });
    }
    rows.push({ name: `memory: embedded PGlite after the load rounds`, figures: memoryOf(pglite.child.pid!) });

    for (const s of servers.splice(0)) await s.stop();
    const again = await startServer('bot/index.ts', { ...BOT_ENV, DATA_DIR: dataDir, DATABASE_URL: '' });
    rows.push({ name: 'cold start to /healthz: embedded PGlite, existing data folder', figures: { ms: round(again.coldStartMs, 0) } });
    await again.stop();

    if (!pgUp) {
      rows.push({ name: 'turns and memory on PostgreSQL', figures: { skipped: `no PostgreSQL at ${adminUrl}` } });
      return rows;
    }
    // Memory with many conversations: a fresh process on the same database, then LIVE_CONVERSATIONS
    // of them; as `npm start` runs it (TypeScript through tsx), and compiled to JavaScript.
    const memoryRun = async (label: string, start: () => Promise<Server>) => {
      const live = await start();
      servers.push(live);
      const idle = memoryOf(live.child.pid!);
      const started = performance.now();
      const failed = await openConversations(live.port, LIVE_CONVERSATIONS, questions);
      const openMs = performance.now() - started;
      await new Promise((r) => setTimeout(r, 1000));
      const after = memoryOf(live.child.pid!);
      rows.push({ name: `memory: PostgreSQL, ${label}, idle after start`, figures: { ...idle, coldStartMs: round(live.coldStartMs, 0) } });
      rows.push({
        name: `memory: PostgreSQL, ${label}, ${LIVE_CONVERSATIONS} live conversations (welcome + one question each)`,
        figures: { ...after, openedIn: `${round(openMs / 1000, 1)} s`, failed },
        target: `RSS ≤ ${TARGET_RSS_MB} MB`,
        met: after.rssMb <= TARGET_RSS_MB && failed === 0,
      });
      await live.stop();
      servers.splice(servers.indexOf(live), 1);
    };
    const pgEnv = { ...BOT_ENV, DATA_DIR: location!.dataDir, DATABASE_URL: location!.databaseUrl! };
    // V8 grows its heap lazily under allocation pressure; the cap the README recommends keeps
    // RSS near the live data (about 110 MB of heap with 1,000 conversations).
    const capped = { ...pgEnv, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${HEAP_CAP}`.trim() };
    await memoryRun('npm start (tsx)', () => startServer('bot/index.ts', pgEnv));
    await memoryRun(`npm start (tsx), NODE_OPTIONS=${HEAP_CAP}`, () => startServer('bot/index.ts', capped));
    const build = compiledBuild();
    if (build) {
      try {
        await memoryRun(`compiled (tsc → node), NODE_OPTIONS=${HEAP_CAP}`, () => startServer('bot/index.js', capped, [], { cwd: build, compiled: true }));
      } finally {
        fs.rmSync(build, { recursive: true, force: true });
      }
    } else {
      rows.push({ name: 'memory: PostgreSQL, compiled (tsc → node)', figures: { skipped: 'tsc produced no bot/index.js' } });
    }
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await location?.drop();
  }
  return rows;
}

/**
 * The app compiled to JavaScript with tsc into a temporary folder, with the files it reads at
 * runtime (locales, data, migrations, widget assets) linked in, so it runs with plain `node`.
 */
function compiledBuild(): string | undefined {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-build-'));
  // Type errors elsewhere in the tree do not stop the emit; the check below is what matters.
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', out, '--rootDir', '.', '--noEmitOnError', 'false'], { cwd: ROOT, stdio: 'ignore' });
  if (!fs.existsSync(path.join(out, 'bot/index.js'))) {
    fs.rmSync(out, { recursive: true, force: true });
    return undefined;
  }
  for (const link of ['node_modules', 'package.json', 'locales', 'prisma/data', 'prisma/migrations', 'bot/webchat/static']) {
    if (fs.existsSync(path.join(ROOT, link)) && !fs.existsSync(path.join(out, link))) {
      fs.mkdirSync(path.dirname(path.join(out, link)), { recursive: true });
      fs.symlinkSync(path.join(ROOT, link), path.join(out, link));
    }
  }
  return out;
}

/** The apology a failed turn sends, in every locale, so a failing bot cannot pass as a fast one. */
export function failureTexts(): RegExp {
  const texts: string[] = [];
  for (const dir of fs.readdirSync(path.join(ROOT, 'locales'))) {
    const file = path.join(ROOT, 'locales', dir, 'common.json');
    if (!fs.existsSync(file)) continue;
    const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as { errors?: { turnFailed?: string } }).errors?.turnFailed;
    if (value) texts.push(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  if (texts.length === 0) throw new Error('errors.turnFailed is missing from locales/*/common.json');
  return new RegExp(texts.join('|'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await bench()) console.log(JSON.stringify(row));
}
