/**
 * Memory probe for issue 18: the compiled bot on a fresh PostgreSQL database, RSS idle and after
 * BENCH_LIVE_CONVERSATIONS conversations (welcome + one question each), with heap snapshots.
 *
 *   MEMPROBE_FLAGS="--max-old-space-size=256" MEMPROBE_SNAPSHOT=1 npx tsx bench/memprobe.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabaseLocation } from '../test/support/database.js';
import { knowledgeQuestions, memoryOf, openConversations, startServer } from './turns.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.env.BENCH_LIVE_CONVERSATIONS ?? 1000);
const flags = (process.env.MEMPROBE_FLAGS ?? '').split(/\s+/).filter(Boolean);
const snapshot = process.env.MEMPROBE_SNAPSHOT === '1';
const outDir = process.env.MEMPROBE_OUT ?? '/tmp/memprobe';
fs.mkdirSync(outDir, { recursive: true });

async function takeSnapshot(pid: number, name: string): Promise<void> {
  const before = new Set(fs.readdirSync(outDir));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const fresh = fs.readdirSync(outDir).filter((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (fresh.length) {
      const file = path.join(outDir, fresh[0]);
      let size = -1;
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const now = fs.statSync(file).size;
        if (now === size && now > 0) break;
        size = now;
      }
      fs.renameSync(file, path.join(outDir, `${name}.heapsnapshot`));
      return;
    }
  }
}

const location = await freshDatabaseLocation({ backend: 'postgresql' });
const env = {
  LOG_LEVEL: 'warn',
  MUNICIPALITY_NAME: 'Salo',
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000000',
  SEED_DEMO_DATA: 'false',
  DATA_DIR: location.dataDir,
  DATABASE_URL: location.databaseUrl!,
};
const nodeArgs = [...flags, ...(snapshot ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${outDir}`] : [])];
const server = await startServer('dist/bot/index.js', env, nodeArgs, { cwd: process.env.MEMPROBE_ROOT ?? ROOT, plainNode: true, readyPath: '/readyz' });
try {
  await new Promise((r) => setTimeout(r, 1000));
  const idle = memoryOf(server.pid);
  console.log(JSON.stringify({ flags, phase: 'idle', ...idle }));
  if (snapshot) await takeSnapshot(server.pid, 'idle');
  const started = performance.now();
  const failed = await openConversations(server.port, count, knowledgeQuestions());
  const openMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1000));
  const after = memoryOf(server.pid);
  console.log(JSON.stringify({ flags, phase: `${count} conversations`, ...after, openedInS: Math.round(openMs / 100) / 10, failed }));
  if (snapshot) {
    await takeSnapshot(server.pid, 'live');
    console.log(JSON.stringify({ phase: 'after snapshot', ...memoryOf(server.pid) }));
  }
  // MEMPROBE_MORE: that many more conversations on top, then (with snapshots) a third snapshot.
  const more = Number(process.env.MEMPROBE_MORE ?? 0);
  if (more > 0) {
    const failedMore = await openConversations(server.port, more, knowledgeQuestions(), 'bench-more');
    await new Promise((r) => setTimeout(r, 1000));
    console.log(JSON.stringify({ flags, phase: `${count} + ${more} conversations`, ...memoryOf(server.pid), failed: failedMore }));
    if (snapshot) await takeSnapshot(server.pid, 'more');
  }
} finally {
  await server.stop();
  await location.drop();
}
