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

// The mainland municipalities no source found places in an area (README, "Gaps"). A new source
// removes names from this list; nothing may add to it.
const KNOWN_GAPS = [
    'Kuhmoinen', 'Enonkoski', 'Rantasalmi', 'Joroinen', 'Kaavi', 'Keitele', 'Kuopio', 'Lapinlahti', 'Leppävirta',
    'Rautalampi', 'Rautavaara', 'Siilinjärvi', 'Suonenjoki', 'Tervo', 'Tuusniemi', 'Varkaus', 'Vesanto', 'Kruunupyy',
    'Luoto', 'Pedersören kunta', 'Paltamo', 'Inari', 'Kemijärvi', 'Pelkosenniemi', 'Posio', 'Salla', 'Savukoski',
    'Sodankylä', 'Utsjoki',
];
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

  it('leaves exactly the listed gaps, so the list can only shrink', () => {
    expect(buildDataReport(data).unmapped).toEqual(KNOWN_GAPS);
  });

  it('explains gaps only for municipalities that are gaps, each with a source', () => {
    const unmapped = new Set(buildDataReport(data).unmapped);
    for (const g of areasFile.gapNotes) {
      expect(g.source.length).toBeGreaterThan(0);
      for (const id of g.ids) expect(unmapped.has(municipalityById(id)?.fi ?? id), id).toBe(true);
    }
  });

  it('names the source of every member added from another source than the area’s own', () => {
    const added = data.employmentAreas.flatMap((a) => Object.entries(a.memberSources ?? {}).map(([id, src]) => ({ area: a.id, id, src })));
    expect(added.length).toBeGreaterThanOrEqual(17);
    for (const { area, id, src } of added) {
      expect(src.length, id).toBeGreaterThan(0);
      expect(employmentAreaFor(id)?.area.id, id).toBe(area);
    }
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

  it('maps the municipalities the areas’ and municipalities’ own sources name', () => {
    const areaOf = (id: string) => employmentAreaFor(id)?.area.id;
    for (const id of ['porvoo', 'loviisa', 'askola', 'myrskyla', 'lapinjarvi', 'pukkila']) expect(areaOf(id), id).toBe('porvoo');
    for (const id of ['kerava', 'sipoo']) expect(areaOf(id), id).toBe('kerava-sipoo');
    for (const id of ['lohja', 'karkkila']) expect(areaOf(id), id).toBe('lohja-karkkila');
    for (const id of ['jyvaskyla', 'muurame']) expect(areaOf(id), id).toBe('jyvaskyla-muurame');
    for (const id of ['seinajoki', 'ilmajoki', 'isokyro']) expect(areaOf(id), id).toBe('seinajoki-ilmajoki-isokyro');
    for (const id of ['vaasa', 'kaskinen', 'korsnas', 'laihia', 'maalahti', 'mustasaari', 'narpio', 'uusikaarlepyy', 'voyri'])
      expect(areaOf(id), id).toBe('ostrobothnia');
    for (const id of ['rovaniemi', 'ranua']) expect(areaOf(id), id).toBe('rovaseutu');
    expect(areaOf('sulkava')).toBe('savonlinna');
    expect(areaOf('sotkamo')).toBe('kainuu-koillismaa');
    const turkuArea = ['aura', 'kaarina', 'kemionsaari', 'kustavi', 'laitila', 'lieto', 'loimaa', 'masku', 'mynamaki', 'naantali', 'nousiainen',
      'oripaa', 'paimio', 'parainen', 'pyharanta', 'poytya', 'raisio', 'rusko', 'sauvo', 'taivassalo', 'turku', 'uusikaupunki', 'vehmaa'];
    for (const id of turkuArea) expect(areaOf(id), id).toBe('turku');
    for (const id of ['pori', 'harjavalta', 'jamijarvi', 'kankaanpaa', 'karvia', 'kokemaki', 'merikarvia', 'nakkila', 'pomarkku', 'siikainen', 'ulvila'])
      expect(areaOf(id), id).toBe('satakunta');
    for (const id of ['alajarvi', 'alavus', 'evijarvi', 'kauhava', 'kuortane', 'lappajarvi', 'lapua', 'soini', 'vimpeli', 'ahtari'])
      expect(areaOf(id), id).toBe('kymppi');
    const raaheArea = ['alavieska', 'haapajarvi', 'haapavesi', 'kalajoki', 'karsamaki', 'merijarvi', 'nivala', 'oulainen', 'pyhajoki',
      'pyhajarvi', 'pyhanta', 'raahe', 'reisjarvi', 'sievi', 'siikajoki', 'siikalatva', 'ylivieska'];
    for (const id of raaheArea) expect(areaOf(id), id).toBe('raahe-region');
    for (const id of ['enontekio', 'kittila', 'kolari', 'muonio', 'pello']) expect(areaOf(id), id).toBe('fell-lapland-pello');
    for (const id of ['kemi', 'keminmaa', 'simo', 'tervola', 'tornio', 'ylitornio']) expect(areaOf(id), id).toBe('sea-lapland');
    expect(areaOf('pieksamaki')).toBe('mikkeli-region');
    for (const id of ['kotka', 'hamina', 'pyhtaa', 'miehikkala', 'virolahti']) expect(areaOf(id), id).toBe('south-kymenlaakso');
    for (const id of ['kajaani', 'kuusamo', 'taivalkoski', 'sotkamo', 'hyrynsalmi', 'kuhmo', 'puolanka', 'ristijarvi', 'suomussalmi'])
      expect(areaOf(id), id).toBe('kainuu-koillismaa');
  });

  it('says so where an area’s Finnish name describes it rather than being sourced', () => {
    const described = data.employmentAreas.filter((a) => a.nameNote).map((a) => a.id);
    expect(described).toEqual(['lohja-karkkila', 'jyvaskyla-muurame', 'seinajoki-ilmajoki-isokyro']);
    expect(formatDataReport(buildDataReport(data))).toContain('Areas without a sourced official name (descriptive name used): Lohja-Karkkila');
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

  it('holds the areas the ministry selected (9.12.2019, HE 87/2020) and those HE 114/2020 added, all from 1.3.2021', () => {
    const area = (id: string) => data.municipalities.find((m) => m.id === id)?.pilotAreaId;
    expect(['lahti', 'hollola', 'asikkala', 'karkola', 'orimattila'].map(area)).toEqual(Array(5).fill('lahti-region'));
    expect(['jyvaskyla', 'laukaa', 'muurame', 'aanekoski'].map(area)).toEqual(Array(4).fill('jyvaskyla-region'));
    expect(['kokkola', 'kannus', 'perho', 'kaustinen', 'veteli', 'halsua', 'toholampi', 'lestijarvi'].map(area)).toEqual(Array(8).fill('kokkola-region'));
    expect(['raasepori', 'hanko'].map(area)).toEqual(['hanko-raasepori', 'hanko-raasepori']);
    expect(['oulu', 'hailuoto', 'ii', 'kempele', 'liminka', 'lumijoki', 'muhos', 'tyrnava'].map(area)).toEqual(Array(8).fill('oulu-region'));
    const r = buildDataReport(data).pilot;
    expect(r.onStart).toEqual({ areas: 19, municipalities: 93 });
    expect(['vantaa', 'kerava'].map(area)).toEqual(['vantaa', 'vantaa']);
    for (const m of data.municipalities.filter((x) => ['ylivieska-region', 'kitee-region', 'jamsa-keuruu-saarijarvi'].includes(x.pilotAreaId)))
      expect(m.source.some((src) => src.includes('HE 114/2020')), m.id).toBe(true);
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
    ['Jurva', 'kurikka'],
    ['Vilppula', 'mantta-vilppula'],
    ['Artjärvi', 'orimattila'],
    ['Artsjö', 'orimattila'],
    ['Valtimo', 'nurmes'],
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
    expect(text).toContain(`Mainland municipalities mapped to an area: ${293 - KNOWN_GAPS.length} of 293`);
    expect(text).toContain(`Gaps: ${KNOWN_GAPS.length} mainland municipalities without a sourced employment area:\n${KNOWN_GAPS.join(', ')}`);
    expect(text).toContain('What the sources say about some gaps:');
    expect(text).toMatch(/- Kuopio, Siilinjärvi, .*does not list the member municipalities/u);
  });
});
