/**
 * A ready-made embedded database for first starts. Creating a PGlite cluster (initdb, in
 * WebAssembly) and migrating it was most of a first start's time (BENCHMARKS.md, cold start):
 * several seconds against under one to copy the same files. So `npm run build` creates one
 * migrated cluster under dist/pglite-template/<key>/, and a first start on an empty data folder
 * copies it instead of creating its own; then the usual startup applies any migration still missing.
 *
 * The key covers the PGlite version (its on-disk format) and every migration's name and contents,
 * so a template made for other migrations or another PGlite is never used: that start creates its
 * cluster as before. The one difference a copied database shows is the `_prisma_migrations` rows'
 * timestamps, which tell when the template was built rather than when the folder was first used.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { projectPath } from '../kernel/paths.js';
import { applyMigrations, listMigrations } from './migrations.js';

const TEMPLATES = projectPath('dist', 'pglite-template');

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  // The package's exports hide package.json; its entry point sits under its dist/ folder.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Names the template that fits this PGlite and these migrations. */
export function templateKey(migrationsDir?: string): string {
  const hash = crypto.createHash('sha256').update(`pglite ${pgliteVersion()}\0`);
  for (const m of listMigrations(migrationsDir)) hash.update(`${m.name}\0${m.checksum}\0`);
  return hash.digest('hex').slice(0, 16);
}

function isEmptyOrMissing(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/**
 * Fills `dataDir` (a PGlite folder) from the template when the folder is new and a template for
 * the current key exists. Returns whether it did; on false the caller creates the cluster itself.
 */
export function seedFromTemplate(dataDir: string, templates = TEMPLATES): boolean {
  if (dataDir.startsWith('memory://') || !isEmptyOrMissing(dataDir)) return false;
  const template = path.join(templates, templateKey());
  if (!fs.existsSync(path.join(template, 'PG_VERSION'))) return false;
  // Copied beside the target and renamed into place, so that a start interrupted mid-copy leaves
  // no half-made cluster for the next start to open.
  const partial = `${dataDir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(template, partial, { recursive: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(partial, dataDir);
  return true;
}

/** Creates the template for the current key (and removes templates of other keys). */
export async function createTemplate(templates = TEMPLATES): Promise<string> {
  const key = templateKey();
  const target = path.join(templates, key);
  if (fs.existsSync(path.join(target, 'PG_VERSION'))) return target;
  fs.mkdirSync(templates, { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  const db = new PGlite({ dataDir: partial });
  try {
    await applyMigrations(db);
  } finally {
    await db.close();
  }
  fs.renameSync(partial, target);
  for (const other of fs.readdirSync(templates)) if (other !== key) fs.rmSync(path.join(templates, other), { recursive: true, force: true });
  return target;
}

// `node dist/bot/db/pgliteTemplate.js`: run by bot/launch.mjs after each build.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await createTemplate();
}
