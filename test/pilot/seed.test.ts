/**
 * Seeding prisma/data/pilot-areas.json into the pilot tables: everything lands, a second run
 * changes nothing, an operator's new area appears after re-seeding, and an area removed from the
 * file goes while the eligibility checks that named it keep the municipality's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EligibilityRepository } from '../../bot/pilot/eligibilityRepository.js';
import { evaluateEligibility } from '../../bot/pilot/eligibility.js';
import { createMatcher } from '../../bot/pilot/municipalityMatcher.js';
import { getPilotData, parsePilotData, type PilotData } from '../../bot/pilot/pilotData.js';
import { PilotDataRepository } from '../../bot/pilot/pilotDataRepository.js';
import { factRows, seedPilotData } from '../../bot/pilot/seed.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

async function counts() {
  const p = db.prisma;
  return {
    pilotAreas: await p.pilotArea.count(),
    employmentAreas: await p.employmentArea.count(),
    municipalities: await p.pilotMunicipality.count(),
    offices: await p.pilotOffice.count(),
    facts: await p.pilotFact.count(),
  };
}

/** The bundled data plus a new area, as an operator would add it. */
function withKuopio(base: PilotData): PilotData {
  const raw = structuredClone(base) as PilotData;
  raw.version = base.version + 1;
  raw.employmentAreas.push({
    id: 'kuopio-region',
    name: { fi: 'Kuopion seudun työllisyysalue', sv: 'Kuopioregionens sysselsättningsområde', en: 'Kuopio region employment area' },
    model: 'host_municipality',
    leadMunicipalityId: 'kuopio',
    contactUrl: 'https://www.kuopio.fi',
    contactUrlKind: 'lead_municipality_site',
    members: ['kuopio'],
    source: ['public:test fixture'],
  });
  raw.pilotAreas.push({ id: 'kuopio', name: { fi: 'Kuopio' }, kind: 'single_city', status: 'confirmed', source: ['public:test fixture'] });
  raw.municipalities.push({
    id: 'kuopio',
    name: { fi: 'Kuopio' },
    pilotAreaId: 'kuopio',
    status: 'confirmed',
    source: ['public:test fixture'],
    employmentArea: { id: 'kuopio-region', certainty: 'stated' },
  });
  return parsePilotData(raw);
}

describe('seedPilotData', () => {
  const data = getPilotData();
  const expected = {
    pilotAreas: data.pilotAreas.length,
    employmentAreas: data.employmentAreas.length,
    municipalities: data.municipalities.length,
    offices: data.offices.length,
    facts: factRows(data).length,
  };

  it('loads every area, municipality, office and sourced fact', async () => {
    const result = await seedPilotData(new PilotDataRepository(db.prisma));
    expect(result.changed).toBe(true);
    expect(result.counts).toEqual(expected);
    expect(await counts()).toEqual(expected);
    expect(await db.prisma.pilotMunicipality.findUnique({ where: { id: 'ulvila' } })).toMatchObject({ status: 'applying', pilotAreaId: 'pori-region', nameSv: 'Ulvsby' });
    expect(await db.prisma.pilotOffice.findUnique({ where: { id: 'mikkeli-porrassalmenkatu-9' } })).toMatchObject({ street: 'Porrassalmenkatu 9', city: 'Mikkeli' });
    expect(await db.prisma.pilotFact.findUnique({ where: { id: 'period:extendedEnd' } })).toMatchObject({ kind: 'period', value: { date: '2024-12-31', bill: 'HE 17/2022' } });
    expect(await db.prisma.pilotArea.findUnique({ where: { id: 'pori-region' } })).toMatchObject({ caveatIds: ['pori_participation_unknown'] });
  });

  it('is idempotent: a second run changes nothing, and a forced one writes the same rows', async () => {
    const before = await db.prisma.pilotDataVersion.findUniqueOrThrow({ where: { id: 'pilot-areas' } });
    const again = await seedPilotData(new PilotDataRepository(db.prisma));
    expect(again.changed).toBe(false);
    const forced = await seedPilotData(new PilotDataRepository(db.prisma), { force: true });
    expect(forced.changed).toBe(false);
    expect(await counts()).toEqual(expected);
    const after = await db.prisma.pilotDataVersion.findUniqueOrThrow({ where: { id: 'pilot-areas' } });
    expect(after.seededAt.getTime()).toBe(before.seededAt.getTime());
  });

  it('adds an operator\'s new area on re-seed, and removes it again when the file drops it', async () => {
    const extended = withKuopio(data);
    const added = await seedPilotData(new PilotDataRepository(db.prisma), { data: extended });
    expect(added).toMatchObject({ changed: true, version: data.version + 1 });
    expect(await db.prisma.pilotMunicipality.findUnique({ where: { id: 'kuopio' }, include: { employmentArea: true } })).toMatchObject({
      employmentArea: { contactUrl: 'https://www.kuopio.fi' },
    });

    // Someone checked their eligibility while Kuopio was in the data.
    const matcher = createMatcher({ data: extended });
    const answers = { municipality: matcher('Kuopiossa') };
    expect(answers.municipality.kind).toBe('match');
    const when = new Date('2022-06-15T10:00:00Z');
    const stored = await new EligibilityRepository(db.prisma).record({
      user: { channelId: 'test', channelUserId: 'seed-user' },
      locale: 'fi',
      answers,
      result: evaluateEligibility(answers, when, extended),
      evaluatedAt: when,
    });
    expect(stored.municipalityId).toBe('kuopio');

    const removed = await seedPilotData(new PilotDataRepository(db.prisma), { data });
    expect(removed.changed).toBe(true);
    expect(await counts()).toEqual(expected);
    const check = await db.prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: stored.id } });
    expect(check).toMatchObject({ municipalityId: null, municipalityName: 'Kuopio' });
  });
});
