/**
 * What the information dialog says, decided for today's date: the pilot's dates and phase, its
 * areas and offices, and "useful today": which employment area serves a municipality now.
 * Returns data; bot/pilot/render.ts turns it into text in the user's language.
 */
import type { Clock } from '../kernel/clock.js';
import type { Locale } from '../i18n/locales.js';
import { matchInAnyScript } from './eligibilityService.js';
import type { MatchResult, Matcher } from './municipalityMatcher.js';
import {
  caveatsFor,
  employmentAreaFor,
  getPilotData,
  municipalitiesInArea,
  type EmploymentArea,
  type Municipality,
  type NationalFallback,
  type Office,
  type PilotArea,
  type PilotData,
  type AlandAuthority,
} from './pilotData.js';
import { pilotPhase, type PilotPhase } from './timeline.js';
import { alandAuthority, municipalityById } from './places.js';

export const INFO_TOPICS = ['what', 'who', 'gets', 'where', 'when', 'today'] as const;
export type InfoTopic = (typeof INFO_TOPICS)[number];

export interface PilotDates {
  start: Date;
  plannedEnd: Date;
  end: Date;
  areasSince: Date;
  areaCount: number;
  law: string;
}

export interface AreaListing {
  area: PilotArea;
  municipalities: Municipality[];
}

export interface PoriCaveat {
  area: PilotArea;
  /** In the pilot per the later source (the ministry, 2020); the seed had them applying or interested. */
  confirmed: Municipality[];
  applying: Municipality[];
  interested: Municipality[];
  /** Year and month of the seed that reports it, YYYY-MM. */
  seedDate: string;
}

export interface PilotOverview {
  phase: PilotPhase;
  dates: PilotDates;
  /** Confirmed pilot areas named in the sources. */
  areas: AreaListing[];
  pori?: PoriCaveat;
  offices: Array<{ office: Office; area: PilotArea }>;
  /** Areas and municipalities the seed counts in the whole pilot. */
  size: { areas: number; municipalities: number };
}

/** The municipality an answer is about: a pilot municipality or any other one (ids from municipalities.json). */
export interface ServedPlace {
  id: string;
  name: { fi: string; sv?: string };
}

/** Where a person is served now (since 1.1.2025), or during the pilot where they will be. */
export type ServedAnswer =
  | { kind: 'area'; phase: PilotPhase; municipality: ServedPlace; area: EmploymentArea; certainty: 'stated' | 'inferred'; fallback: NationalFallback }
  | { kind: 'outside'; phase: PilotPhase; name: string; svName?: string; id?: string; fallback: NationalFallback }
  /** An Åland municipality: served by Åland's own employment service, outside the pilot and the areas. */
  | { kind: 'aland'; phase: PilotPhase; name: string; svName?: string; id: string; authority: AlandAuthority; fallback: NationalFallback }
  | { kind: 'suggest'; candidates: Municipality[] }
  | { kind: 'unrecognised'; fallback: NationalFallback };

/** Midday UTC, so the Helsinki calendar date is the one in the file. */
const dayOf = (isoDate: string): Date => new Date(`${isoDate}T12:00:00Z`);

export class PilotInfoService {
  private readonly data: PilotData;

  constructor(private readonly deps: { clock: Clock; matcher: Matcher; data?: PilotData }) {
    this.data = deps.data ?? getPilotData();
  }

  phase(): PilotPhase {
    return pilotPhase(this.deps.clock, this.data);
  }

  dates(): PilotDates {
    const p = this.data.period;
    return {
      start: dayOf(p.start.date),
      plannedEnd: dayOf(p.endPerSeeds.date),
      end: dayOf(p.extendedEnd.date),
      areasSince: dayOf(p.employmentAreasSince.date),
      areaCount: p.employmentAreasSince.areaCount,
      law: p.lawPassed.law,
    };
  }

  overview(): PilotOverview {
    const data = this.data;
    const size = data.facts.find((f) => f.id === 'pilot_size_seed')?.value as { areas?: number; municipalities?: number } | undefined;
    const poriArea = data.pilotAreas.find((a) => a.caveatIds?.includes('pori_participation_unknown'));
    let pori: PoriCaveat | undefined;
    if (poriArea) {
      const members = municipalitiesInArea(poriArea.id, data);
      const caveat = caveatsFor(poriArea, data).find((c) => c.id === 'pori_participation_unknown');
      pori = {
        area: poriArea,
        confirmed: members.filter((m) => m.status === 'confirmed'),
        applying: members.filter((m) => m.status === 'applying'),
        interested: members.filter((m) => m.status === 'interested'),
        seedDate: String((caveat?.value as { seedDate?: string } | undefined)?.seedDate ?? ''),
      };
    }
    return {
      phase: this.phase(),
      dates: this.dates(),
      areas: data.pilotAreas
        .filter((a) => a.status === 'confirmed')
        .map((area) => ({ area, municipalities: municipalitiesInArea(area.id, data).filter((m) => m.status === 'confirmed') })),
      pori,
      offices: data.offices.flatMap((office) => {
        const area = data.pilotAreas.find((a) => a.id === office.pilotAreaId);
        return area ? [{ office, area }] : [];
      }),
      size: { areas: size?.areas ?? data.pilotAreas.length, municipalities: size?.municipalities ?? data.municipalities.length },
    };
  }

  /** Which employment area serves the place the user typed (or picked from suggestions). */
  servedIn(input: string | MatchResult, locale?: Locale): ServedAnswer {
    const match = typeof input === 'string' ? matchInAnyScript(this.deps.matcher, input, locale) : input;
    const fallback = this.data.nationalFallback;
    const phase = this.phase();
    switch (match.kind) {
      case 'match': {
        const served = employmentAreaFor(match.municipality, this.data);
        if (!served) return { kind: 'outside', phase, name: match.municipality.name.fi, svName: match.municipality.name.sv, fallback };
        return { kind: 'area', phase, municipality: match.municipality, area: served.area, certainty: served.certainty, fallback };
      }
      case 'known_outside_data': {
        const id = match.municipality.id;
        const place = id ? municipalityById(id) : undefined;
        if (place?.aland) return { kind: 'aland', phase, name: place.fi, svName: place.sv, id: place.id, authority: alandAuthority(), fallback };
        const served = id ? employmentAreaFor(id, this.data) : undefined;
        if (served) {
          const municipality = { id: id ?? '', name: { fi: match.municipality.fi, ...(match.municipality.sv ? { sv: match.municipality.sv } : {}) } };
          return { kind: 'area', phase, municipality, area: served.area, certainty: served.certainty, fallback };
        }
        return { kind: 'outside', phase, name: match.municipality.fi, svName: match.municipality.sv, ...(id ? { id } : {}), fallback };
      }
      case 'suggest':
        return { kind: 'suggest', candidates: match.candidates };
      case 'none':
        return { kind: 'unrecognised', fallback };
    }
  }

  municipalityById(id: string): Municipality | undefined {
    return this.data.municipalities.find((m) => m.id === id);
  }

  nationalFallback(): NationalFallback {
    return this.data.nationalFallback;
  }
}
