/**
 * A ready-made embedded database for first starts. Creating a PGlite cluster (initdb, in
 * WebAssembly) and migrating it was most of a first start's time (BENCHMARKS.md, cold start):
 * several seconds against under one to copy the same files. So `npm run build` creates one
 * migrated cluster under dist/pglite-template/<key>/, and a first start on an empty data folder
 * copies it instead of creating its own; then the usual startup applies any migration still missing.
 *
 * The build seeds the pilot data into it as well: writing those rows was most of what was left of a
 * first start (about a second), and a start that finds the data's version and checksum already
 * stored skips it.
 *
 * The key covers the PGlite version (its on-disk format), every migration's name and contents and the
 * seeded data files, so a template made for other migrations, another PGlite or other data is never
 * used: that start creates its cluster (or seeds its data) as before. The one difference a copied
 * database shows is the timestamps of the rows the build wrote, which tell when the template was
 * built rather than when the folder was first used.
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

/** The data files the build seeds into the template (fillWithPilotData); part of the key. */
export const TEMPLATE_DATA_FILES = [projectPath('prisma', 'data', 'pilot-areas.json'), projectPath('prisma', 'data', 'employment-areas.json')];

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  // The package's exports hide package.json; its entry point sits under its dist/ folder.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Names the template that fits this PGlite, these migrations and these data files. */
export function templateKey(migrationsDir?: string, dataFiles: readonly string[] = TEMPLATE_DATA_FILES): string {
  const hash = crypto.createHash('sha256').update(`pglite ${pgliteVersion()}\0`);
  for (const m of listMigrations(migrationsDir)) hash.update(`${m.name}\0${m.checksum}\0`);
  for (const file of dataFiles) hash.update(`${path.basename(file)}\0`).update(fs.readFileSync(file)).update('\0');
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
 * A plain recursive copy: fs.cpSync's checks on every entry made it about 1.5 times slower than this
 * on the ~1,200 small files of a cluster.
 */
function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else fs.copyFileSync(source, target);
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
  copyTree(template, partial);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(partial, dataDir);
  return true;
}

/**
 * Writes the pilot data (prisma/data/pilot-areas.json and employment-areas.json) into a migrated
 * database, as the pilot feature's startup seeding does. Imported when called: the pilot modules
 * build on the database module, which imports this one.
 */
export async function fillWithPilotData(db: PGlite): Promise<void> {
  const [{ PrismaClient }, { pgliteAdapterFactory }, { PilotDataRepository }, { seedPilotData }] = await Promise.all([
    import('../../generated/prisma/client.js'),
    import('./adapters.js'),
    import('../pilot/pilotDataRepository.js'),
    import('../pilot/seed.js'),
  ]);
  const prisma = new PrismaClient({ adapter: pgliteAdapterFactory(db) as never });
  try {
    await seedPilotData(new PilotDataRepository(prisma));
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Creates the template for the current key (and removes templates of other keys): a migrated
 * cluster, then `fill` for the rows it should start with.
 */
export async function createTemplate(templates = TEMPLATES, fill: (db: PGlite) => Promise<void> = fillWithPilotData): Promise<string> {
  const key = templateKey();
  const target = path.join(templates, key);
  if (fs.existsSync(path.join(target, 'PG_VERSION'))) return target;
  fs.mkdirSync(templates, { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  const db = new PGlite({ dataDir: partial });
  try {
    await applyMigrations(db);
    await fill(db);
    // Written to the data files now, not left in the write-ahead log: otherwise every first start
    // replays that log from the copy before it can answer.
    await db.exec('CHECKPOINT');
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
