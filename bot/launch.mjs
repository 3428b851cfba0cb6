#!/usr/bin/env node
/**
 * Runs the compiled build: `npm start`, `npm run build` and the CLIs go through here.
 *
 *   node bot/launch.mjs --build               compile to dist/ with tsconfig.build.json
 *   node bot/launch.mjs bot/index.ts [args]   compile if needed, then run dist/bot/index.js [args]
 *
 * "If needed" means dist/ lacks the entry point or was built from other sources: a SHA-256 over the
 * sources' paths and contents (tsconfig.build.json's `include`, the generated Prisma client, the
 * migrations, the pilot data files, the two tsconfigs) is written to dist/ after each successful build and compared at start. Contents, not
 * modification times, so a checkout or a re-run `prisma generate` that changes nothing does not ask
 * for a compiler. Plain JavaScript with no dependencies: it needs neither tsx nor a previous build.
 *
 * The program runs as a child process; SIGTERM, SIGINT and SIGHUP are passed on to it and its exit
 * code (or signal) becomes ours, so the bot still shuts down cleanly under npm, systemd or a container.
 * It runs with RUNTIME_FLAGS (V8 heap settings measured in BENCHMARKS.md), unless NODE_OPTIONS or
 * node's own arguments already set the same flag: the operator's value wins.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BUILD_CONFIG = 'tsconfig.build.json';
const STAMP = path.join(DIST, '.sources.sha256');

/**
 * Every file the build reads: tsconfig.build.json's `include` (plain folders and files, no globs), the
 * generated Prisma client those files import, the migrations and pilot data files (the build makes a
 * database from them) and the two tsconfigs.
 */
function sourceFiles() {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, BUILD_CONFIG), 'utf8'));
  // The migrations and the pilot data too: the build makes a migrated embedded database holding
  // that data from them (bot/db/pgliteTemplate.ts).
  const roots = [...config.include, 'generated/prisma', 'prisma/migrations', 'prisma/data/pilot-areas.json', 'prisma/data/employment-areas.json'];
  const files = ['tsconfig.json', BUILD_CONFIG];
  const walk = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    if (!fs.statSync(abs).isDirectory()) return void files.push(rel);
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if ((entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) || entry.name.endsWith('.sql')) files.push(child);
    }
  };
  for (const root of roots) walk(root);
  return [...new Set(files)].sort();
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) hash.update(`${file}\0`).update(fs.readFileSync(path.join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

function isFresh(entry, hash) {
  if (!fs.existsSync(entry) || !fs.existsSync(STAMP)) return false;
  return fs.readFileSync(STAMP, 'utf8').trim() === hash;
}

function tscPath() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    const pkg = require.resolve('typescript/package.json');
    return path.join(path.dirname(pkg), JSON.parse(fs.readFileSync(pkg, 'utf8')).bin.tsc);
  } catch {
    return undefined;
  }
}

/** Compiles with tsconfig.build.json and stamps dist/ with the sources' hash; exits on failure. */
function build(hash) {
  const tsc = tscPath();
  if (!tsc) {
    console.error('launch: dist/ needs a build, but TypeScript is not installed (run `npm install`, with dev dependencies).');
    process.exit(1);
  }
  fs.rmSync(STAMP, { force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', BUILD_CONFIG], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`launch: ${BUILD_CONFIG} did not compile (tsc exited with ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  // A migrated embedded database for first starts to copy (bot/db/pgliteTemplate.ts): creating one
  // takes seconds of a first start. Not fatal: without it a first start creates its own, as before.
  const template = spawnSync(process.execPath, [path.join(DIST, 'bot', 'db', 'pgliteTemplate.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (template.status !== 0) console.error('launch: could not prepare dist/pglite-template; a first start on an empty data folder will create its database itself.');
  fs.writeFileSync(STAMP, `${hash}\n`);
}

/** bot/index.ts, bot/index.js or bot/index → dist/bot/index.js */
function compiledPath(source) {
  const rel = path.relative(ROOT, path.resolve(ROOT, source)).replace(/\.(ts|js)$/, '');
  return path.join(DIST, `${rel}.js`);
}

/**
 * V8 settings users get without setting anything (BENCHMARKS.md, issue #18):
 * - a larger young generation: the bot allocates much short-lived garbage per turn (activities,
 *   dialog state, JSON), and with the default 16 MB semi-spaces much of it survives a scavenge
 *   into the old generation; measured to save CPU per turn;
 * - an old-generation cap: without one V8 grows the heap lazily under allocation pressure
 *   (RSS 435 MB with 1,000 conversations against ~110 MB of live heap); capped it collects sooner.
 */
const RUNTIME_FLAGS = ['--max-semi-space-size=32', '--max-old-space-size=256'];

/** RUNTIME_FLAGS minus those the operator set in NODE_OPTIONS or on node's command line. */
function runtimeFlags(nodeOptions = process.env.NODE_OPTIONS ?? '', execArgv = process.execArgv) {
  const given = `${nodeOptions} ${execArgv.join(' ')}`;
  return RUNTIME_FLAGS.filter((flag) => {
    const name = flag.split('=')[0].replace(/^--/, '');
    // Node accepts both spellings of a V8 flag: --max-old-space-size and --max_old_space_size.
    const spellings = [name, name.replaceAll('-', '_')];
    return !spellings.some((n) => new RegExp(`(^|\\s)--${n}(=|\\s|$)`).test(given));
  });
}

const [first, ...args] = process.argv.slice(2);
if (!first) {
  console.error('usage: node bot/launch.mjs --build | <source file, e.g. bot/index.ts> [args…]');
  process.exit(2);
}

if (first === '--build') {
  build(sourceHash());
  process.exit(0);
}

const entry = compiledPath(first);
const hash = sourceHash();
if (!isFresh(entry, hash)) {
  console.error(`launch: compiling to dist/ (${fs.existsSync(entry) ? 'the sources changed' : `no ${path.relative(ROOT, entry)} yet`})`);
  build(hash);
  if (!fs.existsSync(entry)) {
    console.error(`launch: ${path.relative(ROOT, entry)} was not built; is ${first} in ${BUILD_CONFIG}?`);
    process.exit(1);
  }
}

const child = spawn(process.execPath, [...runtimeFlags(), ...process.execArgv, entry, ...args], { stdio: 'inherit' });
const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'];
for (const signal of signals) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(`launch: could not start ${entry}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  for (const s of signals) process.removeAllListeners(s);
  process.kill(process.pid, signal ?? 'SIGTERM');
});
