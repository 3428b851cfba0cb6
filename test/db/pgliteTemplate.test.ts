/**
 * A first start on an empty data folder copies the build's migrated cluster (dist/pglite-template)
 * instead of creating one: the copy must be the same database a created one is (same tables,
 * columns, indexes and recorded migrations, and the pilot data a start would seed), must never
 * overwrite a folder in use, and a template made for other migrations, another PGlite or other
 * data must be ignored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, pendingMigrations } from '../../bot/db/migrations.js';
import { PrismaClient } from '../../generated/prisma/client.js';
import { pgliteAdapterFactory } from '../../bot/db/adapters.js';
import { applyMigrations as migrate } from '../../bot/db/migrations.js';
import { createTemplate, fillWithPilotData, seedFromTemplate, TEMPLATE_DATA_FILES, templateKey } from '../../bot/db/pgliteTemplate.js';
import { PilotDataRepository } from '../../bot/pilot/pilotDataRepository.js';
import { seedPilotData } from '../../bot/pilot/seed.js';

let root: string;
let templates: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-template-'));
  templates = path.join(root, 'templates');
  await createTemplate(templates, fillWithPilotData);
}, 180_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Everything about the schema a query can see, plus the migrations recorded. */
async function shape(db: PGlite): Promise<unknown> {
  const q = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;
  return {
    columns: await q(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    ),
    indexes: await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`),
    constraints: await q(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conname`,
    ),
    migrations: await q(`SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`),
  };
}

describe('PGlite template for first starts', () => {
  it('is stored under the key of this PGlite and these migrations', () => {
    expect(fs.readdirSync(templates)).toEqual([templateKey()]);
    expect(fs.existsSync(path.join(templates, templateKey(), 'PG_VERSION'))).toBe(true);
  });

  it('a copied database is the database a first start creates: same schema, same migrations, nothing pending', async () => {
    const copiedDir = path.join(root, 'copied');
    expect(seedFromTemplate(copiedDir, templates)).toBe(true);
    const copied = new PGlite({ dataDir: copiedDir });
    // Created as a first start without a template does it: a new cluster, then the migrations.
    const created = new PGlite({ dataDir: path.join(root, 'created') });
    await applyMigrations(created);
    try {
      // What startup does next on the copy: nothing left to apply.
      expect(await applyMigrations(copied)).toEqual([]);
      expect(await pendingMigrations(async (sql) => (await copied.query<{ migration_name: string }>(sql)).rows)).toEqual([]);
      expect(await shape(copied)).toEqual(await shape(created));
      // Usable: a write and a read back.
      await copied.query(`INSERT INTO "BotState" ("key", "data", "etag", "updatedAt") VALUES ('k', '{}'::jsonb, 'e', now())`);
      expect((await copied.query<{ key: string }>(`SELECT "key" FROM "BotState"`)).rows).toEqual([{ key: 'k' }]);
    } finally {
      await copied.close();
      await created.close();
    }
  }, 180_000);

  it('holds the pilot data a first start seeds, so that start finds it current and writes nothing', async () => {
    const copiedDir = path.join(root, 'copied-data');
    expect(seedFromTemplate(copiedDir, templates)).toBe(true);
    const copied = new PGlite({ dataDir: copiedDir });
    // Seeded as a first start without a template does it: migrations, then the pilot feature's seeding.
    const created = new PGlite({ dataDir: path.join(root, 'created-data') });
    await migrate(created);
    const copiedPrisma = new PrismaClient({ adapter: pgliteAdapterFactory(copied) as never });
    const createdPrisma = new PrismaClient({ adapter: pgliteAdapterFactory(created) as never });
    try {
      expect((await seedPilotData(new PilotDataRepository(createdPrisma))).changed).toBe(true);
      const result = await seedPilotData(new PilotDataRepository(copiedPrisma));
      expect(result.changed).toBe(false);
      // Every pilot table, row for row, equals what the start's own seeding wrote.
      const rows = async (db: PGlite) => {
        const out: Record<string, unknown> = {};
        for (const table of ['PilotArea', 'EmploymentArea', 'PilotMunicipality', 'PilotOffice', 'PilotFact', 'PilotDataVersion']) {
          const columns = (await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND column_name <> 'seededAt' ORDER BY column_name`, [table])).rows.map((r) => `"${r.column_name}"`);
          out[table] = (await db.query(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY 1`)).rows;
        }
        return out;
      };
      const fromTemplate = await rows(copied);
      expect((fromTemplate.PilotMunicipality as unknown[]).length).toBe(result.counts.municipalities);
      expect(fromTemplate).toEqual(await rows(created));
    } finally {
      await copiedPrisma.$disconnect();
      await createdPrisma.$disconnect();
      await copied.close();
      await created.close();
    }
  }, 180_000);

  it('is made anew when a seeded data file changes', () => {
    const dataDir = path.join(root, 'data-files');
    fs.mkdirSync(dataDir, { recursive: true });
    const files = TEMPLATE_DATA_FILES.map((f) => path.join(dataDir, path.basename(f)));
    TEMPLATE_DATA_FILES.forEach((f, i) => fs.copyFileSync(f, files[i]));
    expect(templateKey(undefined, files)).toBe(templateKey());
    fs.appendFileSync(files[0], '\n ');
    expect(templateKey(undefined, files)).not.toBe(templateKey());
  });

  it('never touches a folder that already holds something', () => {
    const used = path.join(root, 'used');
    fs.mkdirSync(used, { recursive: true });
    fs.writeFileSync(path.join(used, 'PG_VERSION'), '17\n');
    expect(seedFromTemplate(used, templates)).toBe(false);
    expect(fs.readdirSync(used)).toEqual(['PG_VERSION']);
  });

  it('ignores a template made for other migrations or another PGlite', () => {
    const stale = path.join(root, 'stale-templates');
    fs.cpSync(path.join(templates, templateKey()), path.join(stale, '0000000000000000'), { recursive: true });
    const target = path.join(root, 'stale-target');
    expect(seedFromTemplate(target, stale)).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('leaves no template to copy when there is none: the start creates its own cluster', () => {
    expect(seedFromTemplate(path.join(root, 'none'), path.join(root, 'no-templates'))).toBe(false);
  });
});
