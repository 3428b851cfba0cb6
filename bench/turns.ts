/**
 * Turn throughput and latency of the whole bot over HTTP, against a bare botbuilder echo bot on
 * the same server stack (bench/echoServer.ts), plus memory with 1,000 live conversations and cold
 * start. Every server runs as its own process, the bot started exactly as `npm start` starts it
 * (`node bot/launch.mjs bot/index.ts`: the compiled build with the start script's runtime flags),
 * and is driven from this process over loopback with keep-alive connections:
 *
 *   1. echo baseline;
 *   2. OMA-botti answering knowledge questions on embedded PGlite (a fresh data folder);
 *   3. the same on PostgreSQL (a fresh database, dropped afterwards);
 *   4. the same on PostgreSQL without the start script's runtime flags (plain `node dist/…`);
 *   5. with BENCH_BEFORE_DIR set (a checkout of an earlier commit with node_modules linked and
 *      `prisma generate` run), that version on PostgreSQL too, for before/after pairs in one run.
 *
 * The questions are two answered from an article to one the bot is not sure about (about a third
 * of real traffic takes the not-sure path, which also records a knowledge gap).
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
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

interface Server {
  child: ChildProcess;
  /** The process that serves (under bot/launch.mjs, its child): CPU and memory are read from it. */
  pid: number;
  port: number;
  /** Spawn until the readiness path answered 200. */
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

export interface StartOptions {
  cwd?: string;
  /** Run `script` with plain node (a compiled file or bot/launch.mjs) rather than through tsx. */
  plainNode?: boolean;
  /** The path polled until it answers 200; the bot's /readyz means migrated and serving. */
  readyPath?: string;
  /** Arguments after the script (bot/launch.mjs takes the entry point). */
  args?: string[];
}

/** Starts a server process and waits until its readiness path answers 200. */
export async function startServer(script: string, env: Record<string, string>, nodeArgs: string[] = [], options: StartOptions = {}): Promise<Server> {
  const port = await freePort();
  const readyPath = options.readyPath ?? '/healthz';
  const logFile = path.join(os.tmpdir(), `omabotti-bench-${path.basename(script).replace(/\.\w+$/, '')}-${port}.log`);
  const log = fs.openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...(options.plainNode ? [] : ['--import', 'tsx']), script, ...(options.args ?? [])], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== undefined) throw new Error(`${script} exited with ${exited} before answering ${readyPath}; see ${logFile}`);
    try {
      if ((await request(port, 'GET', readyPath)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error(`${script} did not answer ${readyPath} within 120 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const coldStartMs = performance.now() - started;
  return {
    child,
    pid: servingPid(child.pid!),
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

/** bot/launch.mjs runs the bot as its only child; any other server serves itself. */
function servingPid(pid: number): number {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.length === 1 ? children[0] : pid;
  } catch {
    return pid;
  }
}

/** The bot as `npm start` starts it: bot/launch.mjs, which runs the compiled build with its runtime flags. */
function startBot(env: Record<string, string>, cwd = ROOT): Promise<Server> {
  return startServer('bot/launch.mjs', env, [], { cwd, plainNode: true, readyPath: '/readyz', args: ['bot/index.ts'] });
}

/** The same compiled build run by plain node, without the start script's runtime flags. */
function startBotWithoutFlags(env: Record<string, string>): Promise<Server> {
  return startServer('dist/bot/index.js', env, [], { plainNode: true, readyPath: '/readyz' });
}

/** Compiles dist/ (as `npm start` would on its first run), so cold starts measure starting, not compiling. */
function prebuild(cwd = ROOT): void {
  const result = spawnSync(process.execPath, ['bot/launch.mjs', '--build'], { cwd, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`npm run build failed in ${cwd}`);
}

/** Resident and peak memory of a process, in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 0), peakMb: round(kb('VmHWM') / 1024, 0) };
}

/**
 * Knowledge questions the bot answers from an article that starts no other dialog, two to every
 * one outside the knowledge base (the not-sure path, which records a knowledge gap).
 */
export function knowledgeQuestions(): Array<{ text: string; locale: Locale }> {
  const kb = getKnowledgeBase();
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/knowledge/questions.json'), 'utf8')).questions as Record<Locale, Array<{ q: string; expected: string | null }>>;
  const answered: Array<{ text: string; locale: Locale }> = [];
  const notSure: Array<{ text: string; locale: Locale }> = [];
  for (const locale of ['fi', 'en', 'sv', 'ru', 'ar'] as Locale[]) {
    for (const { q, expected } of raw[locale]) {
      if (expected && !kb.get(expected, locale)?.action) answered.push({ text: q, locale });
      else if (expected === null) notSure.push({ text: q, locale });
    }
  }
  const out: Array<{ text: string; locale: Locale }> = [];
  for (let i = 0; i < answered.length; i++) {
    out.push(answered[i]);
    if (i % 2 === 1 && notSure.length > 0) out.push(notSure[((i - 1) / 2) % notSure.length]);
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
export async function load(
  port: number,
  label: string,
  messages: Array<{ text: string; locale: string }>,
  failureText: RegExp | undefined,
  durationMs: number,
  /** The serving process, whose CPU time over the measured turns (not the welcomes) is returned. */
  pid?: number,
): Promise<{ latencies: number[]; turns: number; errors: number; cpuMs: number }> {
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
  const cpuBefore = pid === undefined ? 0 : cpuMsOf(pid);
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
  const cpuMs = pid === undefined ? 0 : cpuMsOf(pid) - cpuBefore;
  return { latencies, turns: latencies.length, errors, cpuMs };
}

/** Opens `count` conversations (a welcome and one question each), CONCURRENCY at a time. */
export async function openConversations(port: number, count: number, questions: Array<{ text: string; locale: Locale }>, prefix = 'bench-live'): Promise<number> {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        const conv = `${prefix}-${i}`;
        const user = `${prefix}-user-${i}`;
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
export function cpuMsOf(pid: number): number {
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
  const beforeDir = process.env.BENCH_BEFORE_DIR ? path.resolve(process.env.BENCH_BEFORE_DIR) : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-bench-'));
  const locations: TestDatabaseLocation[] = [];
  const servers: Server[] = [];
  const pgLocation = async () => {
    const location = await freshDatabaseLocation({ backend: 'postgresql' });
    locations.push(location);
    return { ...BOT_ENV, DATA_DIR: location.dataDir, DATABASE_URL: location.databaseUrl! };
  };
  try {
    prebuild();
    if (beforeDir) prebuild(beforeDir);
    // All servers run side by side and take turns under load, round by round, so a busy shared
    // machine slows each of them alike instead of whichever happened to run last.
    const echo = await startServer('bench/echoServer.ts', {});
    servers.push(echo);
    const pglite = await startBot({ ...BOT_ENV, DATA_DIR: dataDir, DATABASE_URL: '' });
    servers.push(pglite);
    const scenario = (label: string, name: string, server: Server, failureText?: RegExp): Scenario => ({ label, name, server, failureText, latencies: [], turns: 0, errors: 0, cpuMs: 0 });
    const scenarios: Scenario[] = [
      scenario('echo', `turns: echo bot baseline (restify + CloudAdapter, expectReplies), ${CONCURRENCY} conversations`, echo),
      scenario('pglite', `turns: OMA-botti, knowledge questions, embedded PGlite, ${CONCURRENCY} conversations`, pglite, turnFailed),
    ];
    rows.push({ name: 'cold start to /readyz: npm start, embedded PGlite, new data folder (creates, migrates and seeds it)', figures: { ms: round(pglite.coldStartMs, 0) }, target: 'ms ≤ 3000', met: pglite.coldStartMs <= 3000 });
    if (pgUp) {
      const onPg = await startBot(await pgLocation());
      servers.push(onPg);
      scenarios.push(scenario('postgresql', `turns: OMA-botti, knowledge questions, PostgreSQL, ${CONCURRENCY} conversations`, onPg, turnFailed));
      rows.push({ name: 'cold start to /readyz: npm start, PostgreSQL (migrated database)', figures: { ms: round(onPg.coldStartMs, 0) } });
      const noFlags = await startBotWithoutFlags(await pgLocation());
      servers.push(noFlags);
      scenarios.push(scenario('pg-noflags', `turns: OMA-botti, knowledge questions, PostgreSQL, without the start script's runtime flags, ${CONCURRENCY} conversations`, noFlags, turnFailed));
      if (beforeDir) {
        const before = await startBot(await pgLocation(), beforeDir);
        servers.push(before);
        scenarios.push(scenario('before', `turns: OMA-botti before (${path.basename(beforeDir)}), knowledge questions, PostgreSQL, ${CONCURRENCY} conversations`, before, turnFailed));
      }
    }

    for (const sc of scenarios) await load(sc.server.port, `${sc.label}-warmup`, questions, sc.failureText, WARMUP_MS);
    const rounds = Math.max(1, Math.round(DURATION_MS / ROUND_MS));
    for (let r = 0; r < rounds; r++) {
      for (const sc of scenarios) {
        const res = await load(sc.server.port, `${sc.label}-${r}`, questions, sc.failureText, ROUND_MS, sc.server.pid);
        sc.cpuMs += res.cpuMs;
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
      const cpuRatio = r.serverCpuMsPerTurn / base.serverCpuMsPerTurn;
      const [minThroughput, maxP99] = sc.label === 'pglite' ? [0.2, 4] : [TARGET_THROUGHPUT_RATIO, TARGET_P99_RATIO];
      rows.push({
        name: `${sc.name} vs echo`,
        figures: { throughputRatio: round(throughputRatio, 3), p99Ratio: round(p99Ratio, 2), cpuPerTurnRatio: round(cpuRatio, 1) },
        target: `CPU per turn ≤ 4× echo, throughput ≥ ${minThroughput * 100}% of echo, p99 ≤ ${maxP99}× echo`,
        met: cpuRatio <= 4 && throughputRatio >= minThroughput && p99Ratio <= maxP99 && r.errors === 0,
      });
    }
    rows.push({ name: `memory: embedded PGlite after the load rounds`, figures: memoryOf(pglite.pid), target: 'RSS ≤ 600 MB', met: memoryOf(pglite.pid).rssMb <= 600 });

    for (const s of servers.splice(0)) await s.stop();
    const again = await startBot({ ...BOT_ENV, DATA_DIR: dataDir, DATABASE_URL: '' });
    rows.push({ name: 'cold start to /readyz: npm start, embedded PGlite, existing data folder', figures: { ms: round(again.coldStartMs, 0) } });
    await again.stop();

    if (!pgUp) {
      rows.push({ name: 'turns and memory on PostgreSQL', figures: { skipped: `no PostgreSQL at ${adminUrl}` } });
      return rows;
    }
    // Memory with many conversations: a fresh process on the same database, then LIVE_CONVERSATIONS
    // of them; as `npm start` ships, and without the start script's runtime flags.
    const memoryRun = async (label: string, start: () => Promise<Server>) => {
      const live = await start();
      servers.push(live);
      const idle = memoryOf(live.pid);
      const started = performance.now();
      const failed = await openConversations(live.port, LIVE_CONVERSATIONS, questions);
      const openMs = performance.now() - started;
      await new Promise((r) => setTimeout(r, 1000));
      const after = memoryOf(live.pid);
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
    const pgEnv = await pgLocation();
    await memoryRun('npm start (as shipped)', () => startBot(pgEnv));
    await memoryRun("compiled, without the start script's runtime flags", () => startBotWithoutFlags(pgEnv));
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    for (const location of locations) await location.drop();
  }
  return rows;
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
