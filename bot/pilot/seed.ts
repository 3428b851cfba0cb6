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
import { getPilotData, type PilotData } from './pilotData.js';
import { sameStamp, type FactRow, type PilotDataRepository } from './pilotDataRepository.js';

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

/** Every sourced statement that is not an area, municipality or office, as PilotFact rows. */
export function factRows(data: PilotData): FactRow[] {
  const rows: FactRow[] = [];
  const add = (kind: string, id: string, entry: { source: string[] } & Record<string, unknown>) => {
    const { source, id: _id, ...value } = entry;
    rows.push({ id: `${kind}:${id}`, kind, value: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, source });
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
export async function seedPilotData(pilotData: PilotDataRepository, options: SeedOptions = {}): Promise<PilotSeedResult> {
  const data = options.data ?? getPilotData();
  const checksum = pilotDataChecksum(data);
  const facts = factRows(data);
  const counts = {
    pilotAreas: data.pilotAreas.length,
    employmentAreas: data.employmentAreas.length,
    municipalities: data.municipalities.length,
    offices: data.offices.length,
    facts: facts.length,
  };
  const stamp = { version: data.version, checksum };
  if (!options.force && sameStamp(await pilotData.stamp(), stamp)) return { changed: false, ...stamp, counts };
  const changed = await pilotData.replace(data, facts, stamp, { force: options.force ?? false });
  return { changed, ...stamp, counts };
}
