/**
 * `npm start` runs the compiled build: bot/launch.mjs compiles to dist/ when dist/ is missing or was
 * built from other sources, then runs `node dist/bot/index.js`. Exercised on a copy of the project
 * (node_modules linked), so the checkout's own dist/ is never touched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What a fresh clone has besides node_modules: no dist/, no tests, no bench. */
const COPIED = ['bot', 'dialogs', 'prisma', 'locales', 'generated', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

let project: string;
let dataDir: string;
let bot: BotProcess | undefined;

beforeAll(() => {
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-start-')));
  for (const entry of COPIED) fs.cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  dataDir = path.join(project, 'data');
});

afterAll(async () => {
  await bot?.stop();
  fs.rmSync(project, { recursive: true, force: true });
});

/** The node arguments of an npm script, e.g. `node bot/launch.mjs bot/index.ts` → ['bot/launch.mjs', 'bot/index.ts']. */
function scriptArgs(name: string): string[] {
  const script: string = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).scripts[name];
  const [command, ...args] = script.split(/\s+/);
  expect(command, `npm run ${name} runs node directly`).toBe('node');
  return args;
}

/** npm start in the copy, on its own embedded database and an ephemeral port. */
function npmStart(env: Record<string, string> = {}): Promise<BotProcess> {
  return startBotProcess({ DATA_DIR: dataDir, DATABASE_URL: '', NODE_OPTIONS: '', ...env }, 240_000, { args: scriptArgs('start'), cwd: project });
}

/** The V8 settings bot/launch.mjs gives the bot (BENCHMARKS.md says why). */
const RUNTIME_FLAGS = ['--max-semi-space-size=32', '--max-old-space-size=256'];

/** The command line of the process the launcher started (its only child). */
function childCommandLine(parentPid: number): string[] {
  const children = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parentPid;
      } catch {
        return false; // exited meanwhile
      }
    });
  expect(children).toHaveLength(1);
  return fs.readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

async function expectReady(running: BotProcess): Promise<void> {
  const res = await fetch(`${running.baseUrl}/readyz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ready', database: 'pglite' });
}

it('builds a missing dist/, runs node dist/bot/index.js, rebuilds when a source changes, and stops cleanly', async () => {
  const entry = path.join(project, 'dist', 'bot', 'index.js');
  expect(fs.existsSync(path.join(project, 'dist'))).toBe(false);

  // A fresh clone: no dist/ yet.
  bot = await npmStart();
  expect(bot.output()).toContain('launch: compiling to dist/ (no dist/bot/index.js yet)');
  await expectReady(bot);
  // The build also made the migrated database a first start copies (bot/db/pgliteTemplate.ts; that
  // the copy is the same database is test/db/pgliteTemplate.test.ts's part).
  const templates = fs.readdirSync(path.join(project, 'dist', 'pglite-template'));
  expect(templates).toHaveLength(1);
  expect(fs.existsSync(path.join(project, 'dist', 'pglite-template', templates[0], 'PG_VERSION'))).toBe(true);
  expect(fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
  expect(childCommandLine(bot.child.pid!).slice(1)).toEqual([...RUNTIME_FLAGS, entry]);
  // The compiled files read locales/, prisma/ and the widget's assets from the project root.
  const page = await fetch(`${bot.baseUrl}/`);
  expect(page.status).toBe(200);
  expect((await fetch(`${bot.baseUrl}/webchat/app.js`)).status).toBe(200);
  // SIGTERM reaches the bot through the launcher; the bot's clean exit is the launcher's exit code.
  expect(await bot.stop('SIGTERM')).toBe(0);

  // A changed source makes dist/ stale: the next start compiles again and runs the new code. An
  // operator's own heap cap in NODE_OPTIONS wins over the launcher's.
  fs.appendFileSync(path.join(project, 'bot', 'kernel', 'paths.ts'), '\n// changed after the first build\n');
  bot = await npmStart({ NODE_OPTIONS: '--max_old_space_size=512' });
  expect(bot.output()).toContain('launch: compiling to dist/ (the sources changed)');
  expect(fs.readFileSync(path.join(project, 'dist', 'bot', 'kernel', 'paths.js'), 'utf8')).toContain('// changed after the first build');
  await expectReady(bot);
  expect(childCommandLine(bot.child.pid!).slice(1)).toEqual(['--max-semi-space-size=32', entry]);
  expect(await bot.stop('SIGINT')).toBe(0);
  bot = undefined;

  // Unchanged sources: a CLI runs the existing build without compiling (a usage error needs no database).
  const gaps = spawnSync(process.execPath, [...scriptArgs('gaps'), '--no-such-flag'], { cwd: project, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
  expect(gaps.stderr).not.toContain('compiling');
  expect(gaps.stderr).toContain('Usage: npm run gaps');
  expect(gaps.status).toBe(2);
}, 480_000);
