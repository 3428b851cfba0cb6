/**
 * Every municipality of Finland, by stable id: its Finnish and Swedish names, names of
 * municipalities merged into it since 2009, established names in other scripts, and which
 * employment area serves it. The data lives in prisma/data/municipalities.json,
 * municipality-names.json and employment-areas.json; this module validates and looks them up.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Locale } from '../i18n/locales.js';
import { projectUrl } from '../kernel/paths.js';
import { employmentAreaFor, getPilotData, loadEmploymentAreasFile, type AlandAuthority, type EmploymentArea, type PilotData } from './pilotData.js';

const SOURCE_RE = /^(seed:\d{3}_[0-9a-f]{16}\.txt|public:.+)$/;
const sourceSchema = z.array(z.string().regex(SOURCE_RE)).min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

const registerSchema = z.object({
  version: z.number().int().positive(),
  source: sourceSchema,
  note: z.string().optional(),
  municipalities: z
    .array(z.object({ id: slug, fi: z.string().min(1), sv: z.string().min(1).optional(), aland: z.literal(true).optional() }))
    .min(1),
});

const SCRIPT_LOCALES = ['ru', 'uk', 'ar', 'fa'] as const;

const namesSchema = z.object({
  version: z.number().int().positive(),
  purpose: z.string(),
  oldNames: z.array(
    z.object({ name: z.string().min(2), sv: z.string().min(2).optional(), today: slug, year: z.number().int().min(2009), source: sourceSchema }),
  ),
  exonyms: z.array(z.object({ locale: z.enum(SCRIPT_LOCALES), name: z.string().min(2), id: slug, source: sourceSchema })),
});

export interface Place {
  id: string;
  fi: string;
  sv?: string;
  /** In the Åland Islands, outside the mainland employment areas. */
  aland: boolean;
}

export type OldName = z.infer<typeof namesSchema>['oldNames'][number];
export type Exonym = z.infer<typeof namesSchema>['exonyms'][number];

export const MUNICIPALITIES_URL = projectUrl('prisma', 'data', 'municipalities.json');
export const MUNICIPALITY_NAMES_URL = projectUrl('prisma', 'data', 'municipality-names.json');

interface Register {
  places: Place[];
  byId: Map<string, Place>;
  oldNames: OldName[];
  exonyms: Exonym[];
}

/** Reads and cross-checks the register; throws on an unknown id or a duplicate. */
export function loadRegister(registerFile: URL | string = MUNICIPALITIES_URL, namesFile: URL | string = MUNICIPALITY_NAMES_URL): Register {
  const reg = registerSchema.parse(JSON.parse(readFileSync(registerFile, 'utf8')));
  const names = namesSchema.parse(JSON.parse(readFileSync(namesFile, 'utf8')));
  const places = reg.municipalities.map((m) => ({ id: m.id, fi: m.fi, ...(m.sv ? { sv: m.sv } : {}), aland: m.aland === true }));
  const byId = new Map<string, Place>();
  for (const p of places) {
    if (byId.has(p.id)) throw new Error(`municipalities.json: duplicate id ${p.id}`);
    byId.set(p.id, p);
  }
  for (const o of names.oldNames) if (!byId.has(o.today)) throw new Error(`municipality-names.json: ${o.name} maps to unknown ${o.today}`);
  for (const e of names.exonyms) if (!byId.has(e.id)) throw new Error(`municipality-names.json: ${e.name} maps to unknown ${e.id}`);
  return { places, byId, oldNames: names.oldNames, exonyms: names.exonyms };
}

let cached: Register | undefined;
function register(): Register {
  cached ??= loadRegister();
  return cached;
}

/** All 309 municipalities (293 mainland, 16 in Åland). */
export function allMunicipalities(): readonly Place[] {
  return register().places;
}

export function municipalityById(id: string): Place | undefined {
  return register().byId.get(id);
}

/** Names of municipalities merged into this one since 2009 (all of them when no id is given). */
export function oldNames(id?: string): readonly OldName[] {
  const all = register().oldNames;
  return id === undefined ? all : all.filter((o) => o.today === id);
}

export function exonyms(): readonly Exonym[] {
  return register().exonyms;
}

/**
 * The name a reader of `locale` knows the place by: the established name in Russian, Ukrainian,
 * Arabic or Persian where the sources give one, the Swedish name in Swedish, else the Finnish name
 * (what the reader sees on signs and websites).
 */
export function displayName(id: string, locale: Locale): string {
  const place = municipalityById(id);
  if (!place) return id;
  if (locale === 'sv') return place.sv ?? place.fi;
  const established = register().exonyms.find((e) => e.id === id && e.locale === locale);
  return established?.name ?? place.fi;
}

/** Locales written in another script than Finnish: a name in their script needs the Finnish one beside it. */
const OTHER_SCRIPT_LOCALES: readonly Locale[] = ['ru', 'uk', 'ar', 'fa'];

/**
 * A municipality's name inside a sentence of `locale` (issue 15): the Swedish name in Swedish
 * wherever one is in use (Grankulla, Tammerfors); in Russian, Ukrainian, Arabic and Persian the
 * established name in the reader's script with the official Finnish name beside it, because the
 * Finnish name is what signs and websites show ("Тампере (Tampere)", "Гельсінкі (Helsinki)");
 * elsewhere, and where no established name is sourced, the Finnish name alone, so one reply never
 * mixes "Pori" and "Порі". `fallback` names a place the register does not know (by id).
 */
export function nameInSentence(id: string | undefined, fallback: { fi: string; sv?: string }, locale: Locale): string {
  const place = id ? municipalityById(id) : undefined;
  const fi = place?.fi ?? fallback.fi;
  if (locale === 'sv') return place?.sv ?? fallback.sv ?? fi;
  if (place && OTHER_SCRIPT_LOCALES.includes(locale)) {
    const established = register().exonyms.find((e) => e.id === place.id && e.locale === locale);
    if (established) return `${established.name} (${fi})`;
  }
  return fi;
}

/** The employment area serving a municipality since 1.1.2025; undefined for Åland and for gaps. */
export function employmentAreaOf(id: string, data: PilotData = getPilotData()): EmploymentArea | undefined {
  return employmentAreaFor(id, data)?.area;
}

let aland: AlandAuthority | undefined;
/** Åland's own employment service (AMS), which serves all 16 Åland municipalities. */
export function alandAuthority(): AlandAuthority {
  aland ??= loadEmploymentAreasFile().aland;
  return aland;
}

// ---------------------------------------------------------------------------------------------
// Names typed in other scripts.

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const ARABIC_SCRIPT_WORDS = new Set(['أي', 'اي', 'ای', 'إي', 'ی', 'ي', 'ايه', 'ایه', 'أيه']);
const CYRILLIC_SCRIPT = /[\u0400-\u04FF]/;

export function hasArabicScript(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}

// Arabic and Persian letters to the Latin letters a Finnish name would have there. Long vowels
// are written (و u/o, ي i/e, ا a); short vowels usually are not, so the comparison also tries
// consonants only.
const ARABIC_LETTERS: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ى: 'a', ة: 'a', ء: '', ئ: 'i', ؤ: 'u', ع: '', و: 'u', ي: 'i', ی: 'i',
  ب: 'b', پ: 'p', ت: 't', ث: 's', ج: 'j', چ: 'ch', ح: 'h', خ: 'h', د: 'd', ذ: 'z', ر: 'r', ز: 'z', ژ: 'z',
  س: 's', ش: 's', ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'g', ف: 'f', ق: 'k', ك: 'k', ک: 'k', گ: 'g', ل: 'l',
  م: 'm', ن: 'n', ه: 'h', ۀ: 'h',
};

function arabicToLatin(word: string): string {
  // A word-initial alef only carries the vowel that follows: أولو is "Oulu", not "Aulu"; Persian
  // writes the yeh as ی (ایسالمی is Iisalmi).
  const w = word.replace(/^[اأإآ](?=[ويی])/u, '');
  let out = '';
  for (const ch of w) out += ARABIC_LETTERS[ch] ?? '';
  return out;
}

/** Letters folded to what Arabic script can tell apart, doubled letters collapsed. */
function fold(latin: string): string {
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    // Arabic writes Finnish j and the vowels i, e, y with the same letter ي.
    .replace(/j/g, 'i')
    .replace(/[aä]/g, 'a')
    .replace(/[eiy]/g, 'i')
    .replace(/[ouö]/g, 'u')
    .replace(/p/g, 'b')
    .replace(/[dt]/g, 't')
    .replace(/[cgkq]/g, 'k')
    .replace(/[fvw]/g, 'f')
    .replace(/[zs]/g, 's')
    .replace(/(.)\1+/g, '$1');
}

const consonants = (folded: string) => folded.replace(/[aiu]/g, '');

interface ScriptIndex {
  exonyms: Array<{ name: string; id: string }>;
  full: Map<string, Set<string>>;
  skeleton: Map<string, Set<string>>;
}

let scriptIndex: ScriptIndex | undefined;
function index(): ScriptIndex {
  if (scriptIndex) return scriptIndex;
  const reg = register();
  const full = new Map<string, Set<string>>();
  const skeleton = new Map<string, Set<string>>();
  const put = (map: Map<string, Set<string>>, key: string, id: string) => {
    if (!key) return;
    const set = map.get(key) ?? new Set<string>();
    set.add(id);
    map.set(key, set);
  };
  const namesOf = (p: Place) => [p.fi, ...(p.sv ? [p.sv] : []), ...reg.oldNames.filter((o) => o.today === p.id).flatMap((o) => [o.name, ...(o.sv ? [o.sv] : [])])];
  for (const p of reg.places) {
    for (const n of namesOf(p)) {
      const f = fold(n);
      put(full, f, p.id);
      // و writes both v and o/u: Persian spells Rovaniemi روانیمی and Savonlinna ساوونلینا (Arabic فانتا has ف for v).
      // Whole spellings only: without its v a skeleton is short enough to be an ordinary word's (بتأثر, Pudasjärvi).
      // Not a first V before a rounded vowel: Vörå would become "ura", which is how Aura (اورا) reads.
      if (!/^v[oöuy]/i.test(n)) put(full, fold(n.replace(/v/gi, 'u')), p.id);
      // Consonants alone only for names with enough of them: "Eura" and "Aura" are both just "r", and شكرا (thanks) has the consonants of Isokyrö.
      if (consonants(f).length >= 4) put(skeleton, consonants(f), p.id);
    }
  }
  const exonymList = reg.exonyms
    .map((e) => ({ name: e.name.toLocaleLowerCase(e.locale), id: e.id }))
    .sort((a, b) => b.name.length - a.name.length);
  scriptIndex = { exonyms: exonymList, full, skeleton };
  return scriptIndex;
}

const only = (set: Set<string> | undefined): string | undefined => (set && set.size === 1 ? [...set][0] : undefined);

/**
 * A municipality named in Cyrillic or Arabic script by its established name (Хельсинки,
 * Гельсінкі, هلسنكي), or in Arabic or Persian script by transliteration (توركو → Turku).
 * Undefined when the text has no such name or it is ambiguous; Cyrillic transliteration of
 * other names is left to the Latin matcher.
 */
export function municipalityInScript(text: string): Place | undefined {
  if (!ARABIC_SCRIPT.test(text) && !CYRILLIC_SCRIPT.test(text)) return undefined;
  const idx = index();
  const lower = text.normalize('NFC').toLowerCase();
  // The name that comes first in the sentence is the one asked about: "لویما هم ... بود؟ یه شهر کوچیکه نزدیک تورکو"
  // asks about Loimaa, with Turku only where it is.
  let first: { at: number; id: string } | undefined;
  for (const e of idx.exonyms) {
    // Russian and Ukrainian inflect some names (в Хельсинки is fixed, but "Тампере" may take no ending): a prefix match is enough.
    let at = lower.indexOf(e.name);
    while (at >= 0 && ((at > 0 && /[\p{L}]/u.test(lower[at - 1])) || (ARABIC_SCRIPT.test(e.name) && /[\p{L}]/u.test(lower[at + e.name.length] ?? '')))) at = lower.indexOf(e.name, at + 1);
    // Arabic script takes no case endings, so its name must end the word: اولو (Oulu) must not read اولويارفي (Ylöjärvi).
    if (at >= 0 && (!first || at < first.at)) first = { at, id: e.id };
  }
  if (ARABIC_SCRIPT.test(text)) {
    const normal = text.normalize('NFC');
    // Ordinary words that spell like a name: Arabic أي / Persian ای (which) and a lone ezafe ی are not Ii.
    const words = [...normal.matchAll(/[\u0600-\u06FF]+/gu)].filter((m) => !ARABIC_SCRIPT_WORDS.has(m[0]));
    // Arabic prefixes: في "in" is a separate word, but ب "in/at" and ال "the" attach to the name.
    // The hamza seat ئ is an e in یوئنسو (Joensuu) but only parts two vowels in کوئوپیو (Kuopio): both are tried.
    const variants = (w: string) => [w, w.replace(/^ب(?=..)/u, ''), w.replace(/^ال(?=..)/u, ''), ...(w.includes('ئ') ? [w.replace(/ئ/gu, '')] : [])];
    for (const word of words) {
      if (first && word.index! >= first.at) break;
      const id = byTransliteration(idx, variants(word[0]));
      if (id) {
        first = { at: word.index!, id };
        break;
      }
    }
  }
  return first ? municipalityById(first.id) : undefined;
}

function byTransliteration(idx: ScriptIndex, variants: readonly string[]): string | undefined {
  for (const v of variants) {
    const f = fold(arabicToLatin(v));
    const byFull = only(idx.full.get(f));
    if (byFull) return byFull;
    const c = consonants(f);
    // A Finnish name written by ear always carries a long-vowel letter; without one, a skeleton match is an
    // ordinary word (Persian کردن, "to do", has Kuortane's consonants).
    const bySkeleton = c.length >= 4 && /[اآأإوؤیيىئ]/u.test(v) ? only(idx.skeleton.get(c)) : undefined;
    if (bySkeleton) return bySkeleton;
  }
  return undefined;
}
