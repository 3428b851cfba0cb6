/**
 * The pilot tables (employment areas, pilot areas, municipalities, offices, sourced facts) and the
 * PilotDataVersion row that records which data file they hold. The seeder (seed.ts) decides when
 * to write; this writes, in one transaction, by the file's stable ids.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { PilotData } from './pilotData.js';

const PILOT_DATA_ID = 'pilot-areas';

type Tx = Prisma.TransactionClient;

/** Which data file the tables hold. */
export interface PilotDataStamp {
  version: number;
  checksum: string;
}

export function sameStamp(a: PilotDataStamp | null, b: PilotDataStamp): boolean {
  return a !== null && a.version === b.version && a.checksum === b.checksum;
}

/** A sourced statement as a PilotFact row; `value` is stored as JSON. */
export interface FactRow {
  id: string;
  kind: string;
  value: Record<string, unknown>;
  source: string[];
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

async function upsertAll(tx: Tx, data: PilotData, factRows: readonly FactRow[]): Promise<void> {
  const ids = { select: { id: true } } as const;
  const employmentAreas = data.employmentAreas.map((a) => ({
    id: a.id,
    nameFi: a.name.fi,
    nameSv: a.name.sv ?? null,
    nameEn: a.name.en ?? null,
    model: a.model,
    leadMunicipalityId: a.leadMunicipalityId,
    leadMunicipalityName: a.leadMunicipalityName ?? null,
    contactUrl: a.contactUrl,
    contactUrlKind: a.contactUrlKind,
    contactUrlSource: a.contactUrlSource ?? [],
    memberIds: a.members,
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
    employmentAreaId: m.employmentArea?.id ?? null,
    employmentAreaCertainty: m.employmentArea?.certainty ?? null,
    employmentAreaSource: m.employmentArea?.source ?? [],
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
  const facts = factRows.map((f) => ({ ...f, value: f.value as Prisma.InputJsonValue }));
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

}

export class PilotDataRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async stamp(): Promise<PilotDataStamp | null> {
    return this.prisma.pilotDataVersion.findUnique({ where: { id: PILOT_DATA_ID }, select: { version: true, checksum: true } });
  }

  /**
   * Writes every table from `data` and `facts` and records `stamp`, under a transaction-scoped
   * advisory lock so that one seeder runs at a time across processes. The stored stamp is read
   * again under the lock: when it already equals `stamp`, nothing is written unless `force`, and
   * the stamp row is left as it was. Returns whether the stored stamp changed.
   */
  async replace(data: PilotData, facts: readonly FactRow[], stamp: PilotDataStamp, options: { force: boolean }): Promise<boolean> {
    return this.prisma.$transaction(
      async (tx) => {
        // One seeder at a time across processes (PostgreSQL); a no-op cost on PGlite.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('omabotti:pilot-seed'))`);
        const current = await tx.pilotDataVersion.findUnique({ where: { id: PILOT_DATA_ID } });
        const unchanged = sameStamp(current, stamp);
        if (!options.force && unchanged) return false;
        await upsertAll(tx, data, facts);
        if (!unchanged) {
          await tx.pilotDataVersion.upsert({
            where: { id: PILOT_DATA_ID },
            create: { id: PILOT_DATA_ID, ...stamp },
            update: { ...stamp, seededAt: new Date() },
          });
        }
        return !unchanged;
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
  }
}
