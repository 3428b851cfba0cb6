/**
 * The municipality register, employment-area membership, names in other scripts and the counts
 * `npm run data:report` prints, checked against the data files themselves.
 */
import { describe, expect, it } from 'vitest';
import { buildDataReport, formatDataReport } from '../../bot/pilot/dataReport.js';
import { matchMunicipality } from '../../bot/pilot/municipalityMatcher.js';
import { employmentAreaFor, getPilotData, loadEmploymentAreasFile } from '../../bot/pilot/pilotData.js';
import { alandAuthority, allMunicipalities, displayName, exonyms, municipalityById, municipalityInScript, oldNames } from '../../bot/pilot/places.js';

const data = getPilotData();
const areasFile = loadEmploymentAreasFile();
const mainland = allMunicipalities().filter((p) => !p.aland);

describe('municipalities.json', () => {
  it('has 293 mainland and 16 Åland municipalities with unique ids', () => {
    expect(mainland).toHaveLength(293);
    expect(allMunicipalities().filter((p) => p.aland).map((p) => p.fi)).toContain('Maarianhamina');
    expect(new Set(allMunicipalities().map((p) => p.id)).size).toBe(309);
  });

  it('holds every pilot municipality under the same id', () => {
    for (const m of data.municipalities) expect(municipalityById(m.id)?.fi, m.id).toBe(m.name.fi);
  });
});

describe('employment areas since 1.1.2025', () => {
  it('puts each mainland municipality in at most one area, or lists it as a gap in the report', () => {
    const seen = new Map<string, string>();
    for (const a of data.employmentAreas) {
      for (const id of a.members) {
        expect(seen.get(id), `${id} in ${a.id}`).toBeUndefined();
        seen.set(id, a.id);
        expect(municipalityById(id)?.aland, id).toBe(false);
      }
    }
    const report = buildDataReport(data);
    expect(report.mapped + report.unmapped.length).toBe(293);
    for (const p of mainland) expect(seen.has(p.id) || report.unmapped.includes(p.fi), p.fi).toBe(true);
  });

  it('gives every area a source, and a web address only with its own source or as the lead municipality site', () => {
    for (const a of data.employmentAreas) {
      expect(a.source.length, a.id).toBeGreaterThan(0);
      if (a.contactUrl !== null) expect(a.contactUrlKind, a.id).not.toBeNull();
    }
    expect(data.employmentAreas.length).toBeLessThanOrEqual(areasFile.areasInForce);
    expect(areasFile.areasInForce).toBe(45);
  });

  it('maps the places the old data could not confirm', () => {
    expect(employmentAreaFor('lahti')?.area.id).toBe('lahti');
    expect(employmentAreaFor('turku')?.area.id).toBe('turku');
    expect(employmentAreaFor('somero')?.area.id).toBe('salo');
    expect(employmentAreaFor('kauniainen')?.area.id).toBe('espoo');
    expect(employmentAreaFor('ulvila')).toMatchObject({ area: { id: 'satakunta' }, certainty: 'stated' });
    expect(employmentAreaFor('savonlinna')).toMatchObject({ area: { id: 'savonlinna' }, certainty: 'stated' });
    expect(employmentAreaFor('maarianhamina')).toBeUndefined();
  });

  it('names Åland’s own service with its source', () => {
    expect(alandAuthority()).toMatchObject({ url: 'https://www.ams.ax' });
    expect(alandAuthority().source.length).toBeGreaterThan(0);
  });
});

describe('the pilot', () => {
  it('keeps the sourced size on 1.3.2021 (25 areas, 118 municipalities) and never lists more than that', () => {
    const r = buildDataReport(data).pilot;
    expect(r.sourcedCount).toEqual({ areas: 25, municipalities: 118 });
    expect(r.onStart.areas).toBeLessThanOrEqual(25);
    expect(r.onStart.municipalities).toBeLessThanOrEqual(118);
  });

  it('gives every pilot area and membership a source', () => {
    for (const a of data.pilotAreas) expect(a.source.length, a.id).toBeGreaterThan(0);
    for (const m of data.municipalities) expect(m.source.length, m.id).toBeGreaterThan(0);
  });

  it('keeps the seed end date and the later one, and answers from the later', () => {
    expect(data.period.endPerSeeds.date).toBe('2023-06-30');
    expect(data.period.extendedEnd.date).toBe('2024-12-31');
  });
});

describe('names as people type them', () => {
  it('maps every old name to an existing municipality, with a source', () => {
    expect(oldNames().length).toBeGreaterThan(90);
    for (const o of oldNames()) {
      expect(municipalityById(o.today), o.name).toBeDefined();
      expect(o.source.length, o.name).toBeGreaterThan(0);
    }
  });

  it.each([
    ['Ristiina', 'mikkeli'],
    ['Asun Nastolassa', 'lahti'],
    ['Tammisaari', 'raasepori'],
    ['Ekenäs', 'raasepori'],
    ['Haukipudas', 'oulu'],
  ])('%s → %s', (typed, id) => {
    const r = matchMunicipality(typed);
    const found = r.kind === 'match' ? r.municipality.id : r.kind === 'known_outside_data' ? r.municipality.id : undefined;
    expect(found).toBe(id);
  });

  it.each([
    ['Хельсинки', 'helsinki'],
    ['Гельсінкі', 'helsinki'],
    ['живу в Тампере', 'tampere'],
    ['Коувола', 'kouvola'],
    ['هلسنكي', 'helsinki'],
    ['أعيش في توركو', 'turku'],
    ['أولو', 'oulu'],
    ['كوبيو', 'kuopio'],
    ['تامپره', 'tampere'],
  ])('%s → %s', (typed, id) => {
    const r = matchMunicipality(typed);
    const found = r.kind === 'match' ? r.municipality.id : r.kind === 'known_outside_data' ? r.municipality.id : undefined;
    expect(found).toBe(id);
  });

  it('does not read ordinary Arabic words as places', () => {
    for (const text of ['أين أسجل كباحث عن عمل؟', 'مرحبا', 'شكرا جزيلا']) expect(municipalityInScript(text), text).toBeUndefined();
  });

  it('shows the established name in the reader’s language', () => {
    expect(displayName('helsinki', 'ru')).toBe('Хельсинки');
    expect(displayName('helsinki', 'uk')).toBe('Гельсінкі');
    expect(displayName('helsinki', 'sv')).toBe('Helsingfors');
    expect(displayName('utsjoki', 'ar')).toBe('Utsjoki');
    for (const e of exonyms()) expect(e.source.length, e.name).toBeGreaterThan(0);
  });
});

describe('npm run data:report', () => {
  it('prints the counts and the gaps', () => {
    const text = formatDataReport(buildDataReport(data));
    expect(text).toContain('Municipalities: 309 (293 mainland, 16 Åland → AMS)');
    expect(text).toContain('of 45 in force since 1.1.2025');
    expect(text).toContain('the sources count 25 areas and 118 municipalities');
    expect(text).toContain('Entries without a source: 0');
    expect(text).toMatch(/Gaps: \d+ mainland municipalities without a sourced employment area/u);
  });
});
