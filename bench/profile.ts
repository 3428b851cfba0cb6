/**
 * Where a turn's CPU goes: the compiled bot on PostgreSQL, run with `node --cpu-prof` under the same
 * closed-loop load as bench/turns.ts, and the load phase's samples summed by component (the package
 * or app module their code belongs to; a builtin's time goes to the nearest caller that has one).
 *
 *   npx tsx bench/profile.ts [seconds] [other project folder…]
 *
 * Each further folder (a checkout of an earlier commit with node_modules linked, `prisma generate`
 * run and `npm run build` done) is profiled beside this one, round by round, so before/after
 * breakdowns meet the same machine. Prints one markdown table: ms of CPU per turn and share.
 * Not part of `npm run bench`: a profile slows the server it measures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabaseLocation, type TestDatabaseLocation } from '../test/support/database.js';
import { failureTexts, knowledgeQuestions, load, startServer } from './turns.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.argv[2] ?? 15);
const ROUND_MS = 5000;
const OTHERS = process.argv.slice(3).map((d) => path.resolve(d));

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** First match wins; matched against the script URL of the frame. */
const COMPONENTS: Array<[string, RegExp]> = [
  // On PostgreSQL the only WebAssembly that runs is Prisma's query compiler (PGlite is loaded, idle).
  ['Prisma client (JS, WebAssembly query compiler, adapter)', /@prisma\/|generated\/prisma|query_compiler|\.prisma\/client|^wasm:/],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass|postgres-[a-z]+)\//],
  ['botbuilder-dialogs', /node_modules\/botbuilder-dialogs/],
  ['botbuilder core, CloudAdapter, connector', /node_modules\/(botbuilder|botbuilder-core|botframework-[a-z-]+|adaptivecards|@azure|jsonwebtoken|axios|zod)\//],
  ['restify and the HTTP edge', /node_modules\/(restify|find-my-way|formidable|negotiator|mime|qs|csv|lru-cache|spdy|http-signature|send|vasync|verror|assert-plus|bunyan|restify-errors|pidusage|uuid|ewma|escape-regexp-component)\/|^node:(_http|http|net|stream|internal\/(http|stream|streams|net))/],
  ['i18next', /node_modules\/i18next/],
  ['logging (pino)', /node_modules\/(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|on-exit-leak-free|safe-stable-stringify|atomic-sleep)/],
  ['municipality matcher', /\/bot\/pilot\/(municipalityMatcher|places)\.js/],
  ['understanding (topics, entities)', /\/bot\/understanding\//],
  ['language detection, switch and recognizers', /\/bot\/language\/|\/dialogs\/prompts\/recognizers|\/bot\/i18n\/commandWords/],
  ['knowledge retrieval and answers', /\/bot\/knowledge\//],
  ['crisis detection', /\/bot\/privacy\/safety\.js/],
  ["the app's dialogs", /\/dialogs\//],
  ['the app: bot, state, transcript, security, observability', /\/dist\/bot\/|\/bot\/[a-z]+\/[A-Za-z]+\.js/],
  ['prom-client', /node_modules\/(prom-client|tdigest|bintrees)/],
  ['other packages', /node_modules\//],
  ['Node.js runtime', /^node:/],
];

const unmatched = new Map<string, number>();

function componentOf(url: string): string | undefined {
  if (!url) return undefined;
  for (const [name, re] of COMPONENTS) if (re.test(url)) return name;
  unmatched.set(url, (unmatched.get(url) ?? 0) + 1);
  return 'other';
}

/** ms of CPU by component over the samples at or after `fromUs` (profile clock). */
function breakdown(profile: CpuProfile, fromUs: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cache = new Map<number, string>();
  const owner = (id: number): string => {
    const known = cache.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const fn = node.callFrame.functionName;
    let name: string | undefined;
    if (fn === '(garbage collector)') name = 'garbage collection';
    else if (fn === '(idle)') name = '(idle)';
    else if (fn === '(program)') name = 'native (program)';
    else name = componentOf(node.callFrame.url) ?? (parent.has(id) ? owner(parent.get(id)!) : 'native (program)');
    cache.set(id, name);
    return name;
  };
  const out = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < fromUs) continue;
    const name = owner(profile.samples[i]);
    if (name === '(idle)') continue;
    out.set(name, (out.get(name) ?? 0) + delta / 1000);
  }
  return out;
}

const BOT_ENV = {
  LOG_LEVEL: 'info',
  MUNICIPALITY_NAME: 'Salo',
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000000',
  SEED_DEMO_DATA: 'false',
  NODE_OPTIONS: '',
};

/** The flags bot/launch.mjs gives the bot, read from the project's own launcher. */
function launcherFlags(dir: string): string[] {
  const source = fs.readFileSync(path.join(dir, 'bot/launch.mjs'), 'utf8');
  const list = /const RUNTIME_FLAGS = \[([^\]]*)\]/.exec(source)?.[1];
  return list ? [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
}

async function main(): Promise<void> {
  const dirs = [ROOT, ...OTHERS];
  const questions = knowledgeQuestions();
  const failed = failureTexts();
  const locations: TestDatabaseLocation[] = [];
  const runs: Array<{ dir: string; profDir: string; server: Awaited<ReturnType<typeof startServer>>; turns: number; errors: number; loadStartedAt: number }> = [];
  try {
    for (const dir of dirs) {
      const location = await freshDatabaseLocation({ backend: 'postgresql' });
      locations.push(location);
      const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-profile-'));
      const server = await startServer(
        'dist/bot/index.js',
        { ...BOT_ENV, DATA_DIR: location.dataDir, DATABASE_URL: location.databaseUrl! },
        ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ...launcherFlags(dir)],
        { cwd: dir, plainNode: true, readyPath: '/readyz' },
      );
      runs.push({ dir, profDir, server, turns: 0, errors: 0, loadStartedAt: 0 });
    }
    for (const run of runs) await load(run.server.port, 'profile-warmup', questions, failed, 3000);
    for (const run of runs) run.loadStartedAt = performance.now();
    for (let r = 0; r < Math.max(1, Math.round((SECONDS * 1000) / ROUND_MS)); r++) {
      for (const run of runs) {
        const res = await load(run.server.port, `profile-${r}`, questions, failed, ROUND_MS);
        run.turns += res.turns;
        run.errors += res.errors;
      }
    }
    const tables: Array<{ dir: string; turns: number; errors: number; parts: Map<string, number> }> = [];
    for (const run of runs) {
      await run.server.stop();
      const stoppedAfterMs = performance.now() - run.loadStartedAt;
      const file = fs.readdirSync(run.profDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no CPU profile from ${run.dir}; see ${run.server.logFile}`);
      const profile = JSON.parse(fs.readFileSync(path.join(run.profDir, file), 'utf8')) as CpuProfile;
      // The load phase: from the first measured round to the exit (the shutdown's flush included).
      tables.push({ dir: run.dir, turns: run.turns, errors: run.errors, parts: breakdown(profile, profile.endTime - stoppedAfterMs * 1000) });
      fs.rmSync(run.profDir, { recursive: true, force: true });
    }
    const names = [...new Set(tables.flatMap((t) => [...t.parts.keys()]))].sort((a, b) => (tables[0].parts.get(b) ?? 0) - (tables[0].parts.get(a) ?? 0));
    const header = tables.map((t) => `${path.basename(t.dir)}: ms/turn | share`).join(' | ');
    console.log(`| component | ${header} |`);
    console.log(`|---|${tables.map(() => '---|---').join('|')}|`);
    for (const name of names) {
      const cells = tables.map((t) => {
        const total = [...t.parts.values()].reduce((a, b) => a + b, 0);
        const ms = t.parts.get(name) ?? 0;
        return `${(ms / Math.max(1, t.turns)).toFixed(3)} | ${((ms / total) * 100).toFixed(1)} %`;
      });
      console.log(`| ${name} | ${cells.join(' | ')} |`);
    }
    const totals = tables.map((t) => `**${([...t.parts.values()].reduce((a, b) => a + b, 0) / Math.max(1, t.turns)).toFixed(2)}** | ${t.turns} turns, ${t.errors} errors`);
    console.log(`| all (CPU ms per turn) | ${totals.join(' | ')} |`);
    if (unmatched.size > 0) console.error(`"other" holds code from: ${[...unmatched.keys()].slice(0, 20).join(', ')}`);
  } finally {
    for (const run of runs) await run.server.stop();
    for (const location of locations) await location.drop();
  }
}

await main();
