/**
 * Counts over the municipality, employment-area and pilot data, and the gaps: what
 * `npm run data:report` prints, and what the data tests check against the sources.
 */
import { loadEmploymentAreasFile, getPilotData, type PilotData } from './pilotData.js';
import { allMunicipalities, exonyms, oldNames } from './places.js';

export interface DataReport {
  municipalities: { total: number; mainland: number; aland: number; withSwedishName: number };
  employmentAreas: { inData: number; inForce: number; withMembers: number; withWebAddress: number };
  mapped: number;
  /** Mainland municipalities no source places in an area, by Finnish name. */
  unmapped: string[];
  /** What the sources do say about some of the gaps, with the gap municipalities' Finnish names. */
  gapNotes: Array<{ names: string[]; note: string; source: string[] }>;
  /** Areas whose Finnish name describes them because no source gives the official name. */
  descriptiveNames: string[];
  pilot: {
    sourcedCount: { areas: number; municipalities: number };
    onStart: { areas: number; municipalities: number };
    inAll: { areas: number; municipalities: number };
  };
  names: { finnish: number; swedish: number; oldNames: number; cyrillic: number; arabicScript: number };
  withoutSource: string[];
}

export function buildDataReport(data: PilotData = getPilotData()): DataReport {
  const places = allMunicipalities();
  const mainland = places.filter((p) => !p.aland);
  const mapped = new Set(data.employmentAreas.flatMap((a) => a.members));
  const areasFile = loadEmploymentAreasFile();
  const confirmed = data.municipalities.filter((m) => m.status === 'confirmed');
  const size = data.facts.find((f) => f.id === 'pilot_size_seed')?.value as { areas?: number; municipalities?: number } | undefined;
  const withoutSource = [
    ...data.employmentAreas.filter((a) => a.source.length === 0).map((a) => `employment area ${a.id}`),
    ...data.employmentAreas.filter((a) => a.contactUrl !== null && a.contactUrlKind === 'employment_services_page' && !a.contactUrlSource?.length).map((a) => `web address of ${a.id}`),
    ...data.pilotAreas.filter((a) => a.source.length === 0).map((a) => `pilot area ${a.id}`),
    ...data.municipalities.filter((m) => m.source.length === 0).map((m) => `pilot membership ${m.id}`),
    ...oldNames().filter((o) => o.source.length === 0).map((o) => `old name ${o.name}`),
    ...exonyms().filter((e) => e.source.length === 0).map((e) => `name ${e.name}`),
  ];
  const script = (re: RegExp) => exonyms().filter((e) => re.test(e.name)).length;
  return {
    municipalities: { total: places.length, mainland: mainland.length, aland: places.length - mainland.length, withSwedishName: places.filter((p) => p.sv).length },
    employmentAreas: {
      inData: data.employmentAreas.length,
      inForce: areasFile.areasInForce,
      withMembers: data.employmentAreas.filter((a) => a.members.length > 0).length,
      withWebAddress: data.employmentAreas.filter((a) => a.contactUrl !== null).length,
    },
    mapped: mainland.filter((p) => mapped.has(p.id)).length,
    unmapped: mainland.filter((p) => !mapped.has(p.id)).map((p) => p.fi),
    gapNotes: areasFile.gapNotes.map((g) => ({
      names: g.ids.map((id) => places.find((p) => p.id === id)?.fi ?? id),
      note: g.note,
      source: g.source,
    })),
    descriptiveNames: data.employmentAreas.filter((a) => a.nameNote).map((a) => a.name.fi),
    pilot: {
      sourcedCount: { areas: size?.areas ?? 0, municipalities: size?.municipalities ?? 0 },
      // Every confirmed area and member in the data started on 1.3.2021; none carries a later start date yet.
      onStart: { areas: new Set(confirmed.map((m) => m.pilotAreaId)).size, municipalities: confirmed.length },
      inAll: { areas: data.pilotAreas.length, municipalities: data.municipalities.length },
    },
    names: {
      finnish: places.length,
      swedish: places.filter((p) => p.sv).length,
      oldNames: oldNames().length,
      cyrillic: script(/[\u0400-\u04FF]/u),
      arabicScript: script(/[\u0600-\u06FF]/u),
    },
    withoutSource,
  };
}

export function formatDataReport(r: DataReport): string {
  const lines = [
    `Municipalities: ${r.municipalities.total} (${r.municipalities.mainland} mainland, ${r.municipalities.aland} Åland → AMS); ${r.municipalities.withSwedishName} with a Swedish name`,
    `Employment areas: ${r.employmentAreas.inData} in the data of ${r.employmentAreas.inForce} in force since 1.1.2025; ${r.employmentAreas.withMembers} with sourced members, ${r.employmentAreas.withWebAddress} with a sourced web address`,
    `Mainland municipalities mapped to an area: ${r.mapped} of ${r.municipalities.mainland}`,
    `Pilot (1.3.2021): the sources count ${r.pilot.sourcedCount.areas} areas and ${r.pilot.sourcedCount.municipalities} municipalities; the data names ${r.pilot.onStart.areas} areas and ${r.pilot.onStart.municipalities} confirmed municipalities`,
    `Pilot, all entries: ${r.pilot.inAll.areas} areas, ${r.pilot.inAll.municipalities} municipalities (including applying and interested)`,
    `Names: ${r.names.finnish} Finnish, ${r.names.swedish} Swedish, ${r.names.oldNames} old names of merged municipalities, ${r.names.cyrillic} Cyrillic and ${r.names.arabicScript} Arabic-script established names (others by transliteration)`,
    `Entries without a source: ${r.withoutSource.length}${r.withoutSource.length ? ` (${r.withoutSource.join(', ')})` : ''}`,
    '',
    `Gaps: ${r.unmapped.length} mainland municipalities without a sourced employment area:`,
    r.unmapped.join(', '),
  ];
  if (r.gapNotes.length > 0) {
    lines.push('', 'What the sources say about some gaps:');
    for (const g of r.gapNotes) lines.push(`- ${g.names.join(', ')}: ${g.note} [${g.source.join('; ')}]`);
  }
  if (r.descriptiveNames.length > 0) lines.push('', `Areas without a sourced official name (descriptive name used): ${r.descriptiveNames.join(', ')}`);
  return lines.join('\n');
}
