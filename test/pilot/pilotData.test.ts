import { readFileSync } from 'node:fs';
import { buildDataReport } from '../../bot/pilot/dataReport.js';
import { describe, expect, it } from 'vitest';
import {
  employmentAreaFor,
  findFact,
  findMunicipalityById,
  getPilotData,
  municipalitiesInArea,
  nationalFallback,
  officesInArea,
  parsePilotData,
  PILOT_DATA_URL,
} from '../../bot/pilot/pilotData.js';
import { loadKnownMunicipalities } from '../../bot/pilot/municipalityMatcher.js';

const rawText = readFileSync(PILOT_DATA_URL, 'utf8');
const raw = JSON.parse(rawText) as Record<string, unknown>;
const data = getPilotData();
const SOURCE_RE = /^(seed:\d{3}_[0-9a-f]{16}\.txt|public:.+)$/;

/** Every object in the file that states something: anything with an id, plus the dated period facts. */
function factLikeObjects(): Array<{ where: string; obj: Record<string, unknown> }> {
  const out: Array<{ where: string; obj: Record<string, unknown> }> = [];
  const visit = (value: unknown, where: string, parentKey: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${where}[${i}]`, parentKey));
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      // A municipality's employmentArea is a reference; the area itself carries the source.
      const isReference = parentKey === 'employmentArea';
      if (!isReference && ('id' in obj || 'date' in obj)) out.push({ where, obj });
      for (const [k, v] of Object.entries(obj)) visit(v, `${where}.${k}`, k);
    }
  };
  visit(raw, '$', '');
  return out;
}

describe('pilot-areas.json', () => {
  it('validates and is versioned', () => {
    expect(typeof raw.version).toBe('number');
    expect(data.version).toBeGreaterThanOrEqual(1);
  });

  it('gives every fact a seed file or public reference as source', () => {
    const facts = factLikeObjects();
    expect(facts.length).toBeGreaterThan(80);
    for (const { where, obj } of facts) {
      const source = obj.source;
      expect(Array.isArray(source) && source.length > 0, where).toBe(true);
      for (const s of source as string[]) expect(s, where).toMatch(SOURCE_RE);
    }
  });

  it('uses unique slug ids, so a seed can upsert by id', () => {
    const collections = {
      pilotAreas: data.pilotAreas.map((a) => a.id),
      municipalities: data.municipalities.map((m) => m.id),
      employmentAreas: data.employmentAreas.map((e) => e.id),
      offices: data.offices.map((o) => o.id),
      facts: [...data.facts, ...data.targetGroups, ...data.targetGroupNotes, ...data.caveats, ...data.customerGets, ...data.services, ...data.benefits].map((f) => f.id),
    };
    for (const [name, ids] of Object.entries(collections)) {
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const id of ids) expect(id, name).toMatch(/^[a-z0-9]+([-_][a-z0-9]+)*$/);
    }
  });

  it('maps every pilot municipality to its employment area, or lists it as a gap; addresses are https', () => {
    const gaps = new Set(buildDataReport(data).unmapped);
    for (const m of data.municipalities) {
      const ea = employmentAreaFor(m);
      if (!ea) {
        expect(gaps.has(m.name.fi), m.id).toBe(true);
        continue;
      }
      if (ea.area.contactUrl !== null) expect(ea.area.contactUrl, m.id).toMatch(/^https:\/\//);
      expect(ea.area.name.fi).toMatch(/\S/);
    }
  });

  it('contains no phone numbers, email addresses or officials named in the seeds', () => {
    expect(rawText).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(rawText).not.toMatch(/\+358|\b0\d{1,3}[ -]?\d{3}[ -]?\d{3,4}\b|\bpuh\b|\bp\.\s?\d/i);
    for (const name of ['Hanski', 'Laine', 'Maaranen', 'Ollikainen', 'Seppälä']) expect(rawText).not.toContain(name);
  });

  it('holds the pilot period', () => {
    const p = data.period;
    expect(p.lawPassed).toMatchObject({ date: '2020-12-15', law: '1269/2020' });
    expect(p.start.date).toBe('2021-03-01');
    expect(p.endPerSeeds.date).toBe('2023-06-30');
    expect(p.extendedEnd).toMatchObject({ date: '2024-12-31', bill: 'HE 17/2022' });
    expect(p.employmentAreasSince).toMatchObject({ date: '2025-01-01', law: '380/2023', areaCount: 45 });
  });

  it('lists the areas and municipalities named in the seeds', () => {
    const names = (areaId: string) => municipalitiesInArea(areaId).map((m) => m.name.fi).sort((a, b) => a.localeCompare(b, 'fi'));
    expect(names('salo')).toEqual(['Koski Tl', 'Marttila', 'Salo']);
    for (const single of ['helsinki', 'espoo', 'savonlinna']) expect(municipalitiesInArea(single)).toHaveLength(1);
    // The seed names Vantaa alone; Kerava, its partner from 1.3.2021, comes from a later public source.
    expect(names('vantaa')).toEqual(['Kerava', 'Vantaa']);
    expect(findMunicipalityById('kerava')?.source.some((src) => src.includes('hs.fi'))).toBe(true);
    expect(names('pirkanmaa')).toEqual(
      ['Akaa', 'Hämeenkyrö', 'Ikaalinen', 'Juupajoki', 'Kangasala', 'Kihniö', 'Lempäälä', 'Mänttä-Vilppula', 'Nokia', 'Orivesi', 'Parkano', 'Pirkkala', 'Punkalaidun', 'Pälkäne', 'Ruovesi', 'Sastamala', 'Tampere', 'Urjala', 'Valkeakoski', 'Vesilahti', 'Virrat', 'Ylöjärvi'].sort((a, b) => a.localeCompare(b, 'fi')),
    );
    expect(names('mikkeli-region')).toEqual(['Hirvensalmi', 'Juva', 'Kangasniemi', 'Mikkeli', 'Mäntyharju', 'Pertunmaa', 'Puumala'].sort((a, b) => a.localeCompare(b, 'fi')));
  });

  it('keeps the seed’s Pori statement with its date, and answers from the later primary source', () => {
    const pori = findMunicipalityById('pori');
    expect(pori?.status).toBe('confirmed');
    expect(pori?.earlier).toEqual({ status: 'applying', asOf: '2019-11', source: ['seed:001_b53a797fbeb0de54.txt'] });
    expect(pori?.source.some((src) => src.includes('tem.fi/sv/sysselsattningsforsoken'))).toBe(true);
    expect(findMunicipalityById('kokemaki')).toMatchObject({ status: 'confirmed', earlier: { status: 'interested', asOf: '2019-11' } });
    expect(findMunicipalityById('ulvila')).toMatchObject({ status: 'applying', earlier: { status: 'interested', asOf: '2019-11' } });
    for (const id of ['kankaanpaa', 'karvia']) expect(findMunicipalityById(id)?.status).toBe('interested');
    const area = data.pilotAreas.find((a) => a.id === 'pori-region');
    expect(area).toMatchObject({ status: 'confirmed', earlier: { status: 'applying', asOf: '2019-11' } });
    expect(area?.caveatIds).toContain('pori_participation_unknown');
    expect(findFact('pori_participation_unknown')?.source).toContain('seed:001_b53a797fbeb0de54.txt');
    const confirmedElsewhere = data.municipalities.filter((m) => m.pilotAreaId !== 'pori-region');
    for (const m of confirmedElsewhere) expect(m.status, m.id).toBe('confirmed');
  });

  it('keeps the Swedish names', () => {
    const sv = Object.fromEntries(data.municipalities.filter((m) => m.name.sv).map((m) => [m.id, m.name.sv]));
    expect(sv).toMatchObject({ helsinki: 'Helsingfors', espoo: 'Esbo', vantaa: 'Vanda', tampere: 'Tammerfors', savonlinna: 'Nyslott', mikkeli: 'S:t Michel', pori: 'Björneborg', ulvila: 'Ulvsby', kokemaki: 'Kumo', marttila: 'S:t Mårtens', pirkkala: 'Birkala', lempaala: 'Lembois', ikaalinen: 'Ikalis', hameenkyro: 'Tavastkyro', vesilahti: 'Vesilax', virrat: 'Virdois', punkalaidun: 'Punkalaitio', juva: 'Jockas', salo: 'Salo' });
  });

  it('holds target groups, what a customer gets, and services apart from the headline caveat', () => {
    expect(data.targetGroups.map((t) => t.id)).toEqual(['not_entitled_to_earnings_related_allowance', 'under_30', 'immigrant_or_foreign_language']);
    expect(data.customerGets.map((c) => c.id)).toEqual(expect.arrayContaining(['oma_valmentaja', 'service_need_assessment', 'personal_plan']));
    expect(data.services.map((s) => s.term.fi)).toEqual(
      expect.arrayContaining(['koulutus', 'työkokeilu', 'kuntouttava työtoiminta', 'osallistava työtoiminta', 'ammatillinen kuntoutus', 'sosiaali- ja terveyspalvelut']),
    );
    const workTrial = data.services.find((s) => s.id === 'work_trial');
    expect(workTrial?.caveatIds).toContain('seed_000_headline_tyokokeilu');
  });

  it('holds the offices', () => {
    const mikkeli = officesInArea('mikkeli-region');
    expect(mikkeli.find((o) => o.kind === 'pilot_service_point')).toMatchObject({ address: { street: 'Porrassalmenkatu 9', city: 'Mikkeli' }, validFrom: '2021-02-15' });
    expect(mikkeli.map((o) => o.kind)).toEqual(expect.arrayContaining(['ohjaamo_youth', 'immigrant_services']));
    expect(officesInArea('pirkanmaa')[0]).toMatchObject({ kind: 'international_services', servesIntegrationCustomers: 1800 });
  });

  it('points to Työmarkkinatori as the national fallback', () => {
    expect(nationalFallback()).toMatchObject({ name: 'Työmarkkinatori', url: 'https://tyomarkkinatori.fi' });
  });
});

describe('validation catches operator mistakes', () => {
  const clone = () => structuredClone(getPilotData());
  const mistakes: Array<[string, (d: ReturnType<typeof getPilotData>) => void]> = [
    ['a duplicate municipality id', (d) => d.municipalities.push({ ...d.municipalities[0] })],
    ['a fact without a source', (d) => ((d.facts[0] as { source: string[] }).source = [])],
    ['a made-up source format', (d) => (d.services[0].source = ['my memory'])],
    ['an unknown employment area', (d) => (d.municipalities[0].employmentArea = { id: 'atlantis', certainty: 'stated' })],
    ['an unknown pilot area', (d) => (d.municipalities[0].pilotAreaId = 'atlantis')],
    ['an http (not https) contact page', (d) => (d.employmentAreas[0].contactUrl = 'http://example.fi')],
    ['dates out of order', (d) => (d.period.extendedEnd.date = '2022-01-01')],
    ['an unknown participation status', (d) => ((d.municipalities[0] as { status: string }).status = 'maybe')],
  ];
  it.each(mistakes)('rejects %s', (_name, breakIt) => {
    const d = clone();
    breakIt(d);
    expect(() => parsePilotData(d)).toThrow();
  });

  it('accepts a new area added the documented way', () => {
    const d = clone();
    d.pilotAreas.push({ id: 'testala', name: { fi: 'Testala' }, kind: 'single_city', status: 'confirmed', source: ['public:Testilähde'] });
    d.municipalities.push({ id: 'testala', name: { fi: 'Testala' }, pilotAreaId: 'testala', status: 'confirmed', source: ['public:Testilähde'], employmentArea: { id: 'helsinki', certainty: 'stated' } });
    expect(parsePilotData(d).municipalities.at(-1)?.id).toBe('testala');
  });
});

describe('municipalities.json', () => {
  const known = loadKnownMunicipalities();
  it('lists every mainland and Åland municipality once', () => {
    expect(known.length).toBe(309);
    expect(new Set(known.map((k) => k.fi)).size).toBe(known.length);
    expect(known).toContainEqual({ id: 'maarianhamina', fi: 'Maarianhamina', sv: 'Mariehamn' });
  });

  it('spells every pilot municipality the way the national list does', () => {
    const names = new Set(known.map((k) => k.fi));
    for (const m of data.municipalities) expect(names.has(m.name.fi), m.name.fi).toBe(true);
  });
});
