/**
 * The employment areas (työllisyysalueet) a coach can serve, from prisma/data/employment-areas.json:
 * the console offers only these, and a coach's municipalities are members of their area, by the
 * Finnish name the booking dialog matches on.
 */
import { getPilotData } from '../pilot/pilotData.js';
import { displayName } from '../pilot/places.js';

export interface KnownArea {
  id: string;
  name: { fi: string; sv?: string; en?: string };
  /** Member municipalities by Finnish name, alphabetical. */
  municipalities: string[];
}

let cached: KnownArea[] | undefined;

export function knownAreas(): KnownArea[] {
  cached ??= getPilotData()
    .employmentAreas.map((a) => ({
      id: a.id,
      name: { fi: a.name.fi, sv: a.name.sv ?? undefined, en: a.name.en ?? undefined },
      municipalities: a.members.map((m) => displayName(m, 'fi')).sort((x, y) => x.localeCompare(y, 'fi')),
    }))
    .sort((x, y) => x.name.fi.localeCompare(y.name.fi, 'fi'));
  return cached;
}

export function knownArea(id: string): KnownArea | undefined {
  return knownAreas().find((a) => a.id === id);
}

/** The area's name in the console's language, else in Finnish. */
export function areaName(area: KnownArea, locale: string): string {
  return (locale === 'sv' ? area.name.sv : locale === 'en' ? area.name.en : undefined) ?? area.name.fi;
}
