/**
 * CPU per turn of the compiled bot on PostgreSQL under several sets of V8 flags, side by side with
 * the echo bot, round by round (issue 18, the start script's runtime flags).
 *
 *   FLAGSETS='none;--max-old-space-size=256;--max-semi-space-size=32 --max-old-space-size=256' npx tsx bench/flagsprobe.ts
 */
import { freshDatabaseLocation, type TestDatabaseLocation } from '../test/support/database.js';
import { failureTexts, knowledgeQuestions, load, startServer } from './turns.js';

const sets = (process.env.FLAGSETS ?? 'none').split(';').map((s) => s.trim());
const rounds = Number(process.env.ROUNDS ?? 4);
const roundMs = Number(process.env.ROUND_MS ?? 5000);
const questions = knowledgeQuestions();
const failed = failureTexts();
const locations: TestDatabaseLocation[] = [];
const servers: Array<{ label: string; server: Awaited<ReturnType<typeof startServer>>; cpuMs: number; turns: number; errors: number }> = [];
try {
  servers.push({ label: 'echo', server: await startServer('bench/echoServer.ts', {}), cpuMs: 0, turns: 0, errors: 0 });
  for (const set of sets) {
    const location = await freshDatabaseLocation({ backend: 'postgresql' });
    locations.push(location);
    // "base:<flags>" runs the build in BASE_ROOT (an earlier checkout, built) instead of this one.
    const [cwd, spec] = set.startsWith('base:') ? [process.env.BASE_ROOT!, set.slice(5)] : [undefined, set];
    const flags = spec === 'none' ? [] : spec.split(/\s+/);
    const env = {
      LOG_LEVEL: 'info', MUNICIPALITY_NAME: 'Salo', RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000000', SEED_DEMO_DATA: 'false',
      DATA_DIR: location.dataDir, DATABASE_URL: location.databaseUrl!,
    };
    servers.push({ label: set, server: await startServer('dist/bot/index.js', env, flags, { cwd, plainNode: true, readyPath: '/readyz' }), cpuMs: 0, turns: 0, errors: 0 });
  }
  for (const s of servers) await load(s.server.port, `${s.label}-warmup`, questions, s.label === 'echo' ? undefined : failed, 3000);
  for (let r = 0; r < rounds; r++) {
    for (const s of servers) {
      const res = await load(s.server.port, `${s.label.replace(/\W+/g, '')}-${r}`, questions, s.label === 'echo' ? undefined : failed, roundMs, s.server.pid);
      s.cpuMs += res.cpuMs;
      s.turns += res.turns;
      s.errors += res.errors;
    }
  }
  const echo = servers[0].cpuMs / servers[0].turns;
  for (const s of servers) {
    const per = s.cpuMs / s.turns;
    console.log(JSON.stringify({ flags: s.label, cpuMsPerTurn: Math.round(per * 100) / 100, vsEcho: Math.round((per / echo) * 10) / 10, turns: s.turns, errors: s.errors }));
  }
} finally {
  for (const s of servers) await s.server.stop();
  for (const l of locations) await l.drop();
}
