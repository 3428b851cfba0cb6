import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectUrl } from '../kernel/paths.js';

/**
 * Domain data for the municipal employment pilot (työllisyyden kuntakokeilu) and the
 * employment areas that replaced it. The JSON file is the single source of truth;
 * this module only validates it and offers typed look-ups.
 */

const SOURCE_RE = /^(seed:\d{3}_[0-9a-f]{16}\.txt|public:.+)$/;
const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FACT_ID_RE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

const sourceSchema = z.array(z.string().regex(SOURCE_RE)).min(1);
const isoDate = z.iso.date();
const slug = z.string().regex(SLUG_RE);
const factId = z.string().regex(FACT_ID_RE);

const localizedName = z.object({
  fi: z.string().min(1),
  sv: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});

const participationStatusSchema = z.enum(['confirmed', 'applying', 'interested']);

// What an earlier source said, kept when a later primary source supersedes it (Pori: applying in
// 2019 per the seed, in the pilot per the ministry in 2020). The bot answers from `status`.
const earlierStatusSchema = z.object({ status: participationStatusSchema, asOf: z.string().regex(/^\d{4}(-\d{2})?$/), source: z.array(z.string().regex(SOURCE_RE)).min(1) });

const datedFact = z.object({ date: isoDate, source: sourceSchema });

const periodSchema = z.object({
  lawPassed: datedFact.extend({ law: z.string() }),
  start: datedFact.extend({ postponedFrom: z.string().optional() }),
  endPerSeeds: datedFact,
  extendedEnd: datedFact.extend({ bill: z.string() }),
  employmentAreasSince: datedFact.extend({
    law: z.string(),
    areaCount: z.number().int().positive(),
    teOfficesAbolished: z.boolean(),
  }),
});

const genericFact = z.object({
  id: factId,
  value: z.record(z.string(), z.unknown()).optional(),
  note: z.string().optional(),
  source: sourceSchema,
});

const termFact = z.object({
  id: factId,
  term: z.object({ fi: z.string().min(1) }),
  caveatIds: z.array(factId).optional(),
  source: sourceSchema,
});

const benefitSchema = termFact.extend({
  payer: z.enum(['kela', 'unemployment_fund']),
  benefitAnswer: z.enum(['kela', 'fund']),
});

const officeSchema = z.object({
  id: slug,
  pilotAreaId: slug,
  kind: z.enum(['pilot_service_point', 'ohjaamo_youth', 'immigrant_services', 'international_services']),
  address: z.object({ street: z.string().optional(), city: z.string() }).optional(),
  validFrom: isoDate.optional(),
  continued: z.boolean().optional(),
  servesIntegrationCustomers: z.number().int().positive().optional(),
  source: sourceSchema,
});

const employmentAreaSchema = z.object({
  id: slug,
  // Only the names a source gives; the bot falls back to the Finnish name.
  name: localizedName,
  // Set when no source gives the official name and `name.fi` describes the area instead.
  nameNote: z.string().min(1).optional(),
  model: z.enum(['single_municipality', 'host_municipality', 'joint_authority']),
  // Null when no source names the host municipality.
  leadMunicipalityId: slug.nullable(),
  leadMunicipalityName: z.string().optional(),
  // Null when no cited source gives the area's web address: the bot then points to the municipality's site.
  contactUrl: z.url({ protocol: /^https$/ }).nullable(),
  contactUrlKind: z.enum(['lead_municipality_site', 'employment_services_page']).nullable(),
  contactUrlSource: sourceSchema.optional(),
  /** Ids from prisma/data/municipalities.json, each named by the area's source. */
  members: z.array(slug),
  source: sourceSchema,
  // The source naming a member, where it is not the area's first source (members added from another source).
  memberSources: z.record(slug, sourceSchema).optional(),
});

const pilotAreaSchema = z.object({
  id: slug,
  name: localizedName,
  kind: z.enum(['single_city', 'regional']),
  status: participationStatusSchema,
  earlier: earlierStatusSchema.optional(),
  caveatIds: z.array(factId).optional(),
  source: sourceSchema,
});

const municipalitySchema = z.object({
  id: slug,
  name: localizedName,
  aliases: z.array(z.string().min(2)).optional(),
  pilotAreaId: slug,
  status: participationStatusSchema,
  earlier: earlierStatusSchema.optional(),
  source: sourceSchema,
  // Filled in from employment-areas.json when the file is loaded (see loadPilotData); absent = a gap.
  employmentArea: z
    .object({
      id: slug,
      // 'inferred' = the sources imply it but do not list the municipality by name.
      certainty: z.enum(['stated', 'inferred']),
      source: sourceSchema.optional(),
    })
    .optional(),
});

const nationalFallbackSchema = z.object({
  id: slug,
  name: z.string(),
  url: z.url({ protocol: /^https$/ }),
  purpose: z.string(),
  source: sourceSchema,
});

const pilotDataSchema = z
  .object({
    version: z.number().int().positive(),
    period: periodSchema,
    facts: z.array(genericFact),
    targetGroups: z.array(genericFact).length(3),
    targetGroupNotes: z.array(genericFact),
    customerGets: z.array(termFact),
    services: z.array(termFact),
    benefits: z.array(benefitSchema),
    caveats: z.array(genericFact),
    offices: z.array(officeSchema),
    employmentAreas: z.array(employmentAreaSchema).min(1),
    pilotAreas: z.array(pilotAreaSchema).min(1),
    municipalities: z.array(municipalitySchema).min(1),
    nationalFallback: nationalFallbackSchema,
  })
  .superRefine((data, ctx) => {
    // Referential integrity, so a Prisma seed can rely on foreign keys.
    const unique = (kind: string, ids: string[]) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate ${kind} id: ${id}` });
        seen.add(id);
      }
      return seen;
    };
    const areaIds = unique('pilotArea', data.pilotAreas.map((a) => a.id));
    const empIds = unique('employmentArea', data.employmentAreas.map((a) => a.id));
    unique('municipality', data.municipalities.map((m) => m.id));
    unique('office', data.offices.map((o) => o.id));
    const caveatIds = unique('caveat', data.caveats.map((c) => c.id));
    unique(
      'fact',
      [...data.facts, ...data.targetGroups, ...data.targetGroupNotes, ...data.customerGets, ...data.services, ...data.benefits].map(
        (f) => f.id,
      ),
    );
    for (const m of data.municipalities) {
      if (!areaIds.has(m.pilotAreaId)) ctx.addIssue({ code: 'custom', message: `${m.id}: unknown pilotAreaId ${m.pilotAreaId}` });
      if (m.employmentArea && !empIds.has(m.employmentArea.id))
        ctx.addIssue({ code: 'custom', message: `${m.id}: unknown employment area ${m.employmentArea.id}` });
    }
    for (const o of data.offices) {
      if (!areaIds.has(o.pilotAreaId)) ctx.addIssue({ code: 'custom', message: `${o.id}: unknown pilotAreaId ${o.pilotAreaId}` });
    }
    // Exactly one area per municipality: a second listing would make the answer depend on file order.
    const areaOfMember = new Map<string, string>();
    for (const e of data.employmentAreas) {
      for (const id of e.members) {
        const other = areaOfMember.get(id);
        if (other) ctx.addIssue({ code: 'custom', message: `${id} is in two employment areas: ${other} and ${e.id}` });
        areaOfMember.set(id, e.id);
      }
      if ((e.contactUrl === null) !== (e.contactUrlKind === null))
        ctx.addIssue({ code: 'custom', message: `${e.id}: contactUrl and contactUrlKind go together` });
      for (const id of Object.keys(e.memberSources ?? {}))
        if (!e.members.includes(id)) ctx.addIssue({ code: 'custom', message: `${e.id}: memberSources names ${id}, which is not a member` });
    }
    for (const item of [...data.pilotAreas, ...data.services]) {
      for (const c of item.caveatIds ?? []) {
        if (!caveatIds.has(c)) ctx.addIssue({ code: 'custom', message: `${item.id}: unknown caveat ${c}` });
      }
    }
    const p = data.period;
    if (!(p.lawPassed.date < p.start.date && p.start.date < p.endPerSeeds.date && p.endPerSeeds.date < p.extendedEnd.date && p.extendedEnd.date < p.employmentAreasSince.date)) {
      ctx.addIssue({ code: 'custom', message: 'period dates are out of order' });
    }
  });

export type PilotData = z.infer<typeof pilotDataSchema>;
export type PilotArea = PilotData['pilotAreas'][number];
export type Municipality = PilotData['municipalities'][number];
export type EmploymentArea = PilotData['employmentAreas'][number];
export type Office = PilotData['offices'][number];
export type Fact = PilotData['facts'][number];
export type TermFact = PilotData['services'][number];
export type NationalFallback = PilotData['nationalFallback'];

export const PILOT_DATA_URL = projectUrl('prisma', 'data', 'pilot-areas.json');
export const EMPLOYMENT_AREAS_URL = projectUrl('prisma', 'data', 'employment-areas.json');

/** Validates already-parsed JSON; throws a ZodError listing every problem. */
export function parsePilotData(raw: unknown): PilotData {
  return pilotDataSchema.parse(raw);
}

const alandAuthoritySchema = z.object({
  id: slug,
  name: z.object({ sv: z.string().min(1), fi: z.string().min(1) }),
  url: z.url({ protocol: /^https$/ }),
  note: z.string(),
  source: sourceSchema,
  outsideSource: sourceSchema,
});

const employmentAreasFileSchema = z.object({
  version: z.number().int().positive(),
  since: isoDate,
  areasInForce: z.number().int().positive(),
  areasInForceSource: sourceSchema,
  purpose: z.string(),
  gapReason: z.string().min(1),
  // What the sources do say about some gaps (a count without names, an agreement without a member list).
  gapNotes: z.array(z.object({ ids: z.array(slug).min(1), note: z.string().min(1), source: sourceSchema })).default([]),
  areas: z.array(z.unknown()),
  aland: alandAuthoritySchema,
});

export type AlandAuthority = z.infer<typeof alandAuthoritySchema>;
export type EmploymentAreasFile = z.infer<typeof employmentAreasFileSchema>;

/** employment-areas.json: the areas themselves are checked with the pilot data (parsePilotData). */
export function loadEmploymentAreasFile(file: URL | string = EMPLOYMENT_AREAS_URL): EmploymentAreasFile {
  return employmentAreasFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The two files as one data set. Area membership lives only in employment-areas.json; the pilot
 * municipalities get their `employmentArea` from it here, so the two can never disagree.
 */
export function combinePilotData(pilotRaw: unknown, areasFile: EmploymentAreasFile): PilotData {
  const raw = structuredClone(pilotRaw) as { municipalities?: Array<Record<string, unknown>> } & Record<string, unknown>;
  const areas = areasFile.areas as Array<{ id: string; members?: string[] }>;
  const areaOf = new Map<string, string>();
  for (const a of areas) for (const m of a.members ?? []) if (!areaOf.has(m)) areaOf.set(m, a.id);
  for (const m of raw.municipalities ?? []) {
    const areaId = areaOf.get(String(m.id));
    if (areaId) m.employmentArea = { id: areaId, certainty: 'stated' };
  }
  return parsePilotData({ ...raw, employmentAreas: areas });
}

function loadPilotData(file: URL | string = PILOT_DATA_URL, areasFile: URL | string = EMPLOYMENT_AREAS_URL): PilotData {
  return combinePilotData(JSON.parse(readFileSync(file, 'utf8')), loadEmploymentAreasFile(areasFile));
}

let cached: PilotData | undefined;

/** The bundled data file, loaded and validated once per process. */
export function getPilotData(): PilotData {
  cached ??= loadPilotData();
  return cached;
}

export function municipalities(data: PilotData = getPilotData()): readonly Municipality[] {
  return data.municipalities;
}

export function municipalitiesInArea(areaId: string, data: PilotData = getPilotData()): Municipality[] {
  return data.municipalities.filter((m) => m.pilotAreaId === areaId);
}

export function findMunicipalityById(id: string, data: PilotData = getPilotData()): Municipality | undefined {
  return data.municipalities.find((m) => m.id === id);
}

export function findPilotAreaById(id: string, data: PilotData = getPilotData()): PilotArea | undefined {
  return data.pilotAreas.find((a) => a.id === id);
}

function findEmploymentAreaById(id: string, data: PilotData = getPilotData()): EmploymentArea | undefined {
  return data.employmentAreas.find((a) => a.id === id);
}

/**
 * The employment area (since 1.1.2025) serving a municipality: a pilot municipality, or any
 * municipality id from prisma/data/municipalities.json. Undefined when no source names it (a gap).
 */
export function employmentAreaFor(
  municipality: Municipality | string,
  data: PilotData = getPilotData(),
): { area: EmploymentArea; certainty: 'stated' | 'inferred' } | undefined {
  const m = typeof municipality === 'string' ? findMunicipalityById(municipality, data) : municipality;
  if (m?.employmentArea) {
    const area = findEmploymentAreaById(m.employmentArea.id, data);
    return area ? { area, certainty: m.employmentArea.certainty } : undefined;
  }
  const id = typeof municipality === 'string' ? municipality : municipality.id;
  const area = data.employmentAreas.find((a) => a.members.includes(id));
  return area ? { area, certainty: 'stated' } : undefined;
}

export function officesInArea(areaId: string, data: PilotData = getPilotData()): Office[] {
  return data.offices.filter((o) => o.pilotAreaId === areaId);
}

/** Any fact-like entry by id: facts, target groups and notes, benefits, services, caveats. */
export function findFact(id: string, data: PilotData = getPilotData()): Fact | TermFact | undefined {
  return [
    ...data.facts,
    ...data.targetGroups,
    ...data.targetGroupNotes,
    ...data.caveats,
    ...data.customerGets,
    ...data.services,
    ...data.benefits,
  ].find((f) => f.id === id);
}

export function caveatsFor(item: { caveatIds?: string[] }, data: PilotData = getPilotData()): Fact[] {
  const ids = new Set(item.caveatIds ?? []);
  return data.caveats.filter((c) => ids.has(c.id));
}

export function nationalFallback(data: PilotData = getPilotData()): NationalFallback {
  return data.nationalFallback;
}
