/**
 * Loads prisma/data/pilot-areas.json into the pilot tables. Idempotent: every row is created or
 * updated by the file's stable id, rows the file no longer has are deleted, and the PilotDataVersion row
 * records the file's version and checksum, so a second run with the same file changes nothing and
 * the startup check (seedPilotData from bot/pilot/feature.ts) costs one primary-key read.
 *
 * An operator adds an area by editing the data file and running `npm run db:seed` (or restarting
 * the bot, which seeds when the file changed).
 */
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../db/database.js';
import { getPilotData, type PilotData } from './pilotData.js';

export const PILOT_DATA_ID = 'pilot-areas';

type Tx = Prisma.TransactionClient;

export interface PilotSeedResult {
  /** False when the database already held this version and checksum. */
  changed: boolean;
  version: number;
  checksum: string;
  counts: { pilotAreas: number; employmentAreas: number; municipalities: number; offices: number; facts: number };
}

/** sha256 of the data in a key-order-independent form. */
export function pilotDataChecksum(data: PilotData): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(data))).digest('hex');
}

interface FactRow {
  id: string;
  kind: string;
  value: Prisma.InputJsonValue;
  source: string[];
}

/** Every sourced statement that is not an area, municipality or office, as PilotFact rows. */
export function factRows(data: PilotData): FactRow[] {
  const rows: FactRow[] = [];
  const add = (kind: string, id: string, entry: { source: string[] } & Record<string, unknown>) => {
    const { source, id: _id, ...value } = entry;
    rows.push({ id: `${kind}:${id}`, kind, value: JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue, source });
  };
  for (const [id, entry] of Object.entries(data.period)) add('period', id, entry as { source: string[] });
  for (const f of data.facts) add('fact', f.id, f);
  for (const f of data.targetGroups) add('target_group', f.id, f);
  for (const f of data.targetGroupNotes) add('target_group_note', f.id, f);
  for (const f of data.customerGets) add('customer_gets', f.id, f);
  for (const f of data.services) add('service', f.id, f);
  for (const f of data.benefits) add('benefit', f.id, f);
  for (const f of data.caveats) add('caveat', f.id, f);
  add('national_fallback', data.nationalFallback.id, data.nationalFallback);
  return rows;
}

/**
 * Creates new rows in one statement per table (a fresh database, e.g. the embedded one at first
 * start) and updates the ones that exist, by the file's stable ids.
 */
async function writeRows<R extends { id: string }>(
  rows: R[],
  existingIds: () => Promise<Array<{ id: string }>>,
  createMany: (data: R[]) => Promise<unknown>,
  update: (row: R) => Promise<unknown>,
): Promise<void> {
  const existing = new Set((await existingIds()).map((r) => r.id));
  const fresh = rows.filter((r) => !existing.has(r.id));
  if (fresh.length > 0) await createMany(fresh);
  for (const row of rows) if (existing.has(row.id)) await update(row);
}

async function upsertAll(tx: Tx, data: PilotData): Promise<PilotSeedResult['counts']> {
  const ids = { select: { id: true } } as const;
  const employmentAreas = data.employmentAreas.map((a) => ({
    id: a.id,
    nameFi: a.name.fi,
    nameSv: a.name.sv,
    nameEn: a.name.en,
    model: a.model,
    leadMunicipalityId: a.leadMunicipalityId,
    leadMunicipalityName: a.leadMunicipalityName ?? null,
    contactUrl: a.contactUrl,
    contactUrlKind: a.contactUrlKind,
    source: a.source,
  }));
  await writeRows(
    employmentAreas,
    () => tx.employmentArea.findMany(ids),
    (rows) => tx.employmentArea.createMany({ data: rows }),
    ({ id, ...row }) => tx.employmentArea.update({ where: { id }, data: row }),
  );
  const pilotAreas = data.pilotAreas.map((a) => ({
    id: a.id,
    nameFi: a.name.fi,
    nameSv: a.name.sv ?? null,
    nameEn: a.name.en ?? null,
    kind: a.kind,
    status: a.status,
    caveatIds: a.caveatIds ?? [],
    source: a.source,
  }));
  await writeRows(
    pilotAreas,
    () => tx.pilotArea.findMany(ids),
    (rows) => tx.pilotArea.createMany({ data: rows }),
    ({ id, ...row }) => tx.pilotArea.update({ where: { id }, data: row }),
  );
  const municipalities = data.municipalities.map((m) => ({
    id: m.id,
    nameFi: m.name.fi,
    nameSv: m.name.sv ?? null,
    aliases: m.aliases ?? [],
    pilotAreaId: m.pilotAreaId,
    status: m.status,
    employmentAreaId: m.employmentArea.id,
    employmentAreaCertainty: m.employmentArea.certainty,
    employmentAreaSource: m.employmentArea.source ?? [],
    source: m.source,
  }));
  await writeRows(
    municipalities,
    () => tx.pilotMunicipality.findMany(ids),
    (rows) => tx.pilotMunicipality.createMany({ data: rows }),
    ({ id, ...row }) => tx.pilotMunicipality.update({ where: { id }, data: row }),
  );
  const offices = data.offices.map((o) => ({
    id: o.id,
    pilotAreaId: o.pilotAreaId,
    kind: o.kind,
    street: o.address?.street ?? null,
    city: o.address?.city ?? null,
    validFrom: o.validFrom ?? null,
    continued: o.continued ?? null,
    servesIntegrationCustomers: o.servesIntegrationCustomers ?? null,
    source: o.source,
  }));
  await writeRows(
    offices,
    () => tx.pilotOffice.findMany(ids),
    (rows) => tx.pilotOffice.createMany({ data: rows }),
    ({ id, ...row }) => tx.pilotOffice.update({ where: { id }, data: row }),
  );
  const facts = factRows(data);
  await writeRows(
    facts,
    () => tx.pilotFact.findMany(ids),
    (rows) => tx.pilotFact.createMany({ data: rows }),
    ({ id, ...row }) => tx.pilotFact.update({ where: { id }, data: row }),
  );

  // What the file no longer lists goes; eligibility rows keep the municipality's name (SetNull on the id).
  await tx.pilotFact.deleteMany({ where: { id: { notIn: facts.map((f) => f.id) } } });
  await tx.pilotOffice.deleteMany({ where: { id: { notIn: data.offices.map((o) => o.id) } } });
  await tx.pilotMunicipality.deleteMany({ where: { id: { notIn: data.municipalities.map((m) => m.id) } } });
  await tx.pilotArea.deleteMany({ where: { id: { notIn: data.pilotAreas.map((a) => a.id) } } });
  await tx.employmentArea.deleteMany({ where: { id: { notIn: data.employmentAreas.map((a) => a.id) } } });

  return {
    pilotAreas: data.pilotAreas.length,
    employmentAreas: data.employmentAreas.length,
    municipalities: data.municipalities.length,
    offices: data.offices.length,
    facts: facts.length,
  };
}

export interface SeedOptions {
  data?: PilotData;
  /** Seed even when the stored version and checksum match. */
  force?: boolean;
}

/**
 * Seeds when the stored version or checksum differs from the file (or with force). Safe with
 * several processes: the work runs under a transaction-scoped advisory lock and re-checks the
 * version inside it.
 */
export async function seedPilotData(prisma: PrismaClient, options: SeedOptions = {}): Promise<PilotSeedResult> {
  const data = options.data ?? getPilotData();
  const checksum = pilotDataChecksum(data);
  const unchanged = (row: { version: number; checksum: string } | null) => row !== null && row.version === data.version && row.checksum === checksum;
  const counts = {
    pilotAreas: data.pilotAreas.length,
    employmentAreas: data.employmentAreas.length,
    municipalities: data.municipalities.length,
    offices: data.offices.length,
    facts: factRows(data).length,
  };

  if (!options.force && unchanged(await prisma.pilotDataVersion.findUnique({ where: { id: PILOT_DATA_ID } }))) {
    return { changed: false, version: data.version, checksum, counts };
  }
  return prisma.$transaction(
    async (tx) => {
      // One seeder at a time across processes (PostgreSQL); a no-op cost on PGlite.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('omabotti:pilot-seed'))`);
      const current = await tx.pilotDataVersion.findUnique({ where: { id: PILOT_DATA_ID } });
      if (!options.force && unchanged(current)) return { changed: false, version: data.version, checksum, counts };
      const written = await upsertAll(tx, data);
      if (!unchanged(current)) {
        await tx.pilotDataVersion.upsert({
          where: { id: PILOT_DATA_ID },
          create: { id: PILOT_DATA_ID, version: data.version, checksum },
          update: { version: data.version, checksum, seededAt: new Date() },
        });
      }
      return { changed: !unchanged(current), version: data.version, checksum, counts: written };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
