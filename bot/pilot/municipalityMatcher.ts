import { cyrillicPlaceToFinnish, cyrillicToLatin, hasCyrillic } from '../language/transliterate.js';
import { getPilotData, type Municipality, type PilotData } from './pilotData.js';
import { allMunicipalities, MUNICIPALITIES_URL, municipalityInScript, oldNames, type OldName } from './places.js';

/**
 * Recognises a municipality in free text (Finnish or Swedish, inflected, with typos).
 * Exact recognition of an inflected form gives a match; anything fuzzy only gives
 * suggestions, so an unknown place is never silently mapped onto a pilot municipality.
 */

export interface KnownMunicipality {
  /** Id in prisma/data/municipalities.json; absent only in hand-made test lists. */
  id?: string;
  fi: string;
  sv?: string;
}

export type MatchResult =
  | { kind: 'match'; municipality: Municipality }
  | { kind: 'suggest'; candidates: Municipality[] }
  | { kind: 'known_outside_data'; name: string; municipality: KnownMunicipality }
  | { kind: 'none' };

const MAX_CANDIDATES = 3;

function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[:.'’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Case endings (diacritics already folded), longest first within each group.
const CLITICS = ['kaan', 'kin', 'han', 'ko', 'pa'];
const CASE_ENDINGS = [
  'oihin', 'oilla', 'oissa', 'oista', 'oille', 'oilta',
  'seen', 'ihin', 'issa', 'ista', 'illa', 'ilta', 'ille', 'ineen',
  'ssa', 'sta', 'lla', 'lta', 'lle', 'ksi', 'tta', 'ain', 'ien', 'ten',
  'na', 'ta', 'a', 'n', 's',
  // Estonian speakers inflect Finnish place names with their own cases: Ylöjärvilt, Tamperesse, Salos.
  'sse', 'lt', 'st', 'le', 'ga', 'ks', 'l',
];
const VOWELS = 'aeiouy';
/**
 * People name their home town by its inhabitants: "loimaalainen tässä", "oon lahtelainen",
 * "helsinkiläisenä". Matched exactly only: with typos allowed, "virolainen" (Estonian) came out
 * as Virrat.
 */
const DEMONYM_ENDINGS = ['laisille', 'laisilla', 'laisilta', 'laisena', 'laiseksi', 'laisten', 'laiset', 'laisia', 'laisen', 'lainen'];

function caseStripped(word: string): string[] {
  const out: string[] = [];
  for (const e of CASE_ENDINGS) {
    if (word.length - e.length >= 2 && word.endsWith(e)) out.push(word.slice(0, -e.length));
  }
  // Illative with a lengthened vowel: Saloon, Poriin, Savonlinnaan.
  const ill = /([aeiouy])\1n$/.exec(word);
  if (ill && word.length > 4) out.push(word.slice(0, -2));
  return out;
}

/** Possible base or stem forms of one (possibly inflected) word or phrase; with `demonyms`, also the town an inhabitant's word names. */
function stemHypotheses(phrase: string, demonyms = false): Set<string> {
  const hyps = new Set<string>([phrase]);
  const bases = [phrase];
  if (demonyms) for (const e of DEMONYM_ENDINGS) if (phrase.length - e.length >= 3 && phrase.endsWith(e)) hyps.add(phrase.slice(0, -e.length));
  for (const c of CLITICS) {
    if (phrase.length - c.length >= 3 && phrase.endsWith(c)) bases.push(phrase.slice(0, -c.length));
  }
  for (const b of bases) {
    hyps.add(b);
    for (const s of caseStripped(b)) hyps.add(s);
  }
  return hyps;
}

const WEAKEN: Array<[RegExp, string]> = [
  [/kk([aeiouy])$/, 'k$1'],
  [/pp([aeiouy])$/, 'p$1'],
  [/tt([aeiouy])$/, 't$1'],
  [/nk([aeiouy])$/, 'ng$1'],
  [/mp([aeiouy])$/, 'mm$1'],
  [/nt([aeiouy])$/, 'nn$1'],
  [/lt([aeiouy])$/, 'll$1'],
  [/rt([aeiouy])$/, 'rr$1'],
  [/ht([aeiouy])$/, 'hd$1'],
  [/rk([aeiouy])$/, 'r$1'],
  [/lk([aeiouy])$/, 'l$1'],
  [/([aeiouy])k([aeiouy])$/, '$1$2'],
  [/([aeiouy])t([aeiouy])$/, '$1d$2'],
  [/([aeiouy])p([aeiouy])$/, '$1v$2'],
];

function weakGrade(word: string): string | undefined {
  for (const [re, rep] of WEAKEN) {
    if (re.test(word)) return word.replace(re, rep);
  }
  return undefined;
}

/** Stems a Finnish place name takes before case endings (Helsinki → helsingi, Orivesi → orivede …). */
function nameStems(name: string): Set<string> {
  const base = normalizeText(name);
  const stems = new Set<string>([base]);
  const add = (s: string | undefined) => {
    if (s && s.length >= 2) stems.add(s);
  };
  const last = base.at(-1) ?? '';
  if (last === 'e') add(base + 'e');
  if (last === 'i') add(base.slice(0, -1) + 'e');
  if (base.endsWith('si')) {
    add(base.slice(0, -2) + 'de');
    add(base.slice(0, -2) + 'te');
  }
  if (base.endsWith('nen')) {
    add(base.slice(0, -3) + 'se');
    add(base.slice(0, -3) + 's');
  }
  if (/[uy]n$/.test(base)) {
    // Punkalaidun → Punkalaitumella: weak d becomes strong t before -me-.
    add(base.slice(0, -1).replace(/d([uy])$/, 't$1') + 'me');
  }
  if (base.endsWith('at')) {
    // Plural names: Virrat → Virroilla.
    add(base.slice(0, -2));
    add(base.slice(0, -1));
  }
  if (base.endsWith('ala') && base.length >= 7) add(base.slice(0, -2)); // Kangasala → Kangasalla
  if (base.endsWith('nen')) add(base.slice(0, -3) + 'si'); // Kauniainen → Kauniaisiin (plural illative)
  if (base.endsWith('s') && base.length >= 5) {
    // Nurmes → Nurmeksessa, Kannus → Kannuksessa, Muhos → Muhoksella; Varkaus → Varkaudessa,
    // Alavus → Alavudella; Korsnäs → Korsnäsissä; Pihtipudas → Pihtiputaalla.
    add(base.slice(0, -1) + 'kse');
    add(base.slice(0, -1) + 'de');
    add(base + 'i');
    if (base.endsWith('das')) add(base.slice(0, -3) + 'taa');
  }
  if (base.startsWith('uusi') && base.length > 6) {
    // Uusikaupunki → Uudessakaupungissa, Uuteenkaupunkiin: both halves are inflected.
    const rest = base.slice(4);
    const restStems = [rest, weakGrade(rest)].filter((r): r is string => r !== undefined);
    for (const r of restStems) for (const first of ['uudessa', 'uudesta', 'uuteen', 'uudella', 'uudelta', 'uudelle']) add(first + r);
  }
  if (VOWELS.includes(last)) {
    const weak = weakGrade(base);
    add(weak);
    if (weak && weak.endsWith('i')) add(weak.slice(0, -1) + 'e');
  }
  return stems;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits), in three rolling
 * rows: the matcher runs it for every candidate key of every message, and the table version's
 * row arrays were a large part of its garbage.
 */
function editDistance(a: string, b: string): number {
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let row = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d;
    }
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[n];
}

/** The table version of `editDistance`, as the matcher had it: kept for `createScanAllMatcher` only. */
function editDistanceTable(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

// Words that often surround a place name and should never be fuzzy-matched.
const STOP_WORDS = new Set(
  ['asun', 'asuin', 'olen', 'mina', 'mutta', 'joka', 'siella', 'taalla', 'kunta', 'kunnassa', 'kaupunki', 'kaupungissa', 'kotoisin', 'kotikunta', 'kotikuntani',
    'kommun', 'kommunen', 'staden', 'stad', 'where', 'there', 'living', 'from', 'city', 'town', 'municipality']
    .map(normalizeText),
);

interface IndexEntry<T> {
  item: T;
  keys: Set<string>;
  fuzzyKeys: string[];
}

function buildEntry<T>(item: T, names: string[]): IndexEntry<T> {
  const keys = new Set<string>();
  for (const n of names) for (const s of nameStems(n)) keys.add(s);
  const fuzzyKeys = [...keys].filter((k) => k.length >= 4);
  return { item, keys, fuzzyKeys };
}

function phrasesOf(text: string): { exact: string[]; fuzzy: string[] } {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const exact: string[] = [...words];
  for (let i = 0; i + 1 < words.length; i++) exact.push(`${words[i]} ${words[i + 1]}`);
  const fuzzy = words.filter((w) => w.length >= 4 && !STOP_WORDS.has(w));
  return { exact, fuzzy };
}

export const KNOWN_MUNICIPALITIES_URL = MUNICIPALITIES_URL;

/** All municipalities of Finland (prisma/data/municipalities.json), with their ids. */
export function loadKnownMunicipalities(): KnownMunicipality[] {
  return allMunicipalities().map((p) => ({ id: p.id, fi: p.fi, ...(p.sv ? { sv: p.sv } : {}) }));
}

export interface MatcherOptions {
  data?: PilotData;
  knownMunicipalities?: readonly KnownMunicipality[];
  /** Names of merged municipalities, matched as today's municipality (default: municipality-names.json). */
  oldNames?: readonly OldName[];
  /** Established names in other scripts and Arabic-script transliteration (default: on with the bundled data). */
  scripts?: boolean;
}

export type Matcher = (text: string) => MatchResult;

type Entries = { pilot: IndexEntry<Municipality>[]; outside: IndexEntry<KnownMunicipality>[] };
/** Recognises a place in Latin-script text, given the entries of the pilot data and of the rest of Finland. */
type LatinStrategy = (entries: Entries) => (text: string) => MatchResult;

/**
 * Every string reachable from `word` by deleting at most `radius` characters (the word itself
 * included). Two words within optimal-string-alignment distance d share such a string with at
 * most d deletions on each side: a substitution or a transposition is undone by deleting one of
 * the letters involved on both sides, an insertion by deleting it from the longer word.
 */
function deletions(word: string, radius: number, out: Set<string> = new Set()): Set<string> {
  out.add(word);
  if (radius === 0 || word.length <= 1) return out;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    // No shortcut on strings already in `out`: one set collects several words' neighbourhoods, and a
    // string another word reached at its last deletion still needs its own here.
    if (radius === 1) out.add(shorter);
    else deletions(shorter, radius - 1, out);
  }
  return out;
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

/**
 * The entries of one list, indexed once at construction: exact keys (name stems) to entries, and
 * each fuzzy key's deletion neighbourhood (radius = the typos allowed at its length) to entries.
 * A message then only looks up its own words instead of comparing them with every name.
 */
class EntryIndex<T> {
  private readonly exact = new Map<string, number[]>();
  private nearIndex?: Map<string, number[]>;

  constructor(readonly entries: IndexEntry<T>[]) {
    entries.forEach((e, i) => {
      for (const k of e.keys) push(this.exact, k, i);
    });
  }

  /**
   * Built on the first fuzzy lookup rather than at construction: it is most of the index's cost
   * (about 0.1 s), and the bot is built at start-up, where it would only delay readiness.
   */
  private get near(): Map<string, number[]> {
    if (this.nearIndex) return this.nearIndex;
    const near = new Map<string, number[]>();
    this.entries.forEach((e, i) => {
      for (const k of e.fuzzyKeys) for (const d of deletions(k, allowedTypos(k.length))) push(near, d, i);
    });
    this.nearIndex = near;
    return near;
  }

  /** Entries with a key among `hypotheses`, in list order (the order the full scan gave). */
  exactHits(hypotheses: Iterable<string>): IndexEntry<T>[] {
    const found = new Set<number>();
    for (const h of hypotheses) for (const i of this.exact.get(h) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => this.entries[i]);
  }

  /**
   * The entries with a fuzzy key within the allowed typos of one of `words` (already stemmed, at
   * least 4 letters), by distance and then list order: the same list the full scan scores. The
   * neighbourhoods only find candidates; each is scored exactly as before.
   */
  nearest(words: readonly string[], variants: ReadonlySet<string>): Array<{ item: T; distance: number }> {
    const found = new Set<number>();
    for (const v of variants) for (const i of this.near.get(v) ?? []) found.add(i);
    const scored: Array<{ item: T; distance: number }> = [];
    for (const i of [...found].sort((a, b) => a - b)) {
      const e = this.entries[i];
      let min = Infinity;
      for (const h of words) {
        for (const key of e.fuzzyKeys) {
          if (Math.abs(key.length - h.length) > 2) continue;
          const dist = editDistance(h, key);
          if (dist <= allowedTypos(Math.min(key.length, h.length)) && dist < min) min = dist;
        }
      }
      if (min < Infinity) scored.push({ item: e.item, distance: min });
    }
    return scored.sort((a, b) => a.distance - b.distance);
  }
}

/** The matcher the bot uses: looks up the message's words in indexes built once. */
const indexed: LatinStrategy = ({ pilot, outside }) => {
  const pilotIndex = new EntryIndex(pilot);
  const outsideIndex = new EntryIndex(outside);
  return (text) => {
    const { exact, fuzzy } = phrasesOf(text);
    if (exact.length === 0) return { kind: 'none' };

    const hypotheses = new Set<string>();
    for (const phrase of exact) for (const h of stemHypotheses(phrase, true)) hypotheses.add(h);
    const pilotHits = pilotIndex.exactHits(hypotheses);
    const outsideHits = outsideIndex.exactHits(hypotheses);
    if (pilotHits.length === 1 && outsideHits.length === 0) return { kind: 'match', municipality: pilotHits[0].item };
    if (pilotHits.length > 0) {
      // Several places named: let the user pick rather than guess.
      return { kind: 'suggest', candidates: pilotHits.slice(0, MAX_CANDIDATES).map((e) => e.item) };
    }
    if (outsideHits.length > 0) {
      const k = outsideHits[0].item;
      return { kind: 'known_outside_data', name: k.fi, municipality: k };
    }

    const words = new Set<string>();
    for (const word of fuzzy) for (const h of stemHypotheses(word)) if (h.length >= 4) words.add(h);
    if (words.size === 0) return { kind: 'none' };
    const variants = new Set<string>();
    for (const h of words) deletions(h, allowedTypos(h.length), variants);
    const wordList = [...words];
    const pilotNear = pilotIndex.nearest(wordList, variants);
    if (pilotNear.length === 0) return { kind: 'none' };
    const outsideBest = outsideIndex.nearest(wordList, variants)[0]?.distance ?? Infinity;
    // A real municipality that is strictly closer wins; we then have nothing to suggest.
    const candidates = pilotNear.filter((c) => c.distance <= outsideBest).slice(0, MAX_CANDIDATES);
    if (candidates.length === 0) return { kind: 'none' };
    return { kind: 'suggest', candidates: candidates.map((c) => c.item) };
  };
};

/**
 * The matcher as it was before the index: every entry checked against every word of the message.
 * Kept as the reference the indexed matcher must agree with (test/pilot/municipalityIndex.test.ts)
 * and the baseline of `npm run bench -- municipality`; the bot does not use it.
 */
const scanAll: LatinStrategy = ({ pilot, outside }) => (text) => {
  const { exact, fuzzy } = phrasesOf(text);
  if (exact.length === 0) return { kind: 'none' };

  const hypsPerPhrase = exact.map((phrase) => stemHypotheses(phrase, true));
  const hits = <T>(entries: IndexEntry<T>[]) =>
    entries.filter((e) => hypsPerPhrase.some((hyps) => [...hyps].some((h) => e.keys.has(h))));

  const pilotHits = hits(pilot);
  const outsideHits = hits(outside);
  if (pilotHits.length === 1 && outsideHits.length === 0) return { kind: 'match', municipality: pilotHits[0].item };
  if (pilotHits.length > 0) {
    return { kind: 'suggest', candidates: pilotHits.slice(0, MAX_CANDIDATES).map((e) => e.item) };
  }
  if (outsideHits.length > 0) {
    const k = outsideHits[0].item;
    return { kind: 'known_outside_data', name: k.fi, municipality: k };
  }

  const best = <T>(entries: IndexEntry<T>[]) => {
    const scored: Array<{ item: T; distance: number }> = [];
    for (const e of entries) {
      let min = Infinity;
      for (const word of fuzzy) {
        for (const h of stemHypotheses(word)) {
          if (h.length < 4) continue;
          for (const key of e.fuzzyKeys) {
            if (Math.abs(key.length - h.length) > 2) continue;
            const dist = editDistanceTable(h, key);
            if (dist <= allowedTypos(Math.min(key.length, h.length)) && dist < min) min = dist;
          }
        }
      }
      if (min < Infinity) scored.push({ item: e.item, distance: min });
    }
    return scored.sort((a, b) => a.distance - b.distance);
  };

  const pilotNear = best(pilot);
  if (pilotNear.length === 0) return { kind: 'none' };
  const outsideNear = best(outside);
  const outsideBest = outsideNear[0]?.distance ?? Infinity;
  const candidates = pilotNear.filter((c) => c.distance <= outsideBest).slice(0, MAX_CANDIDATES);
  if (candidates.length === 0) return { kind: 'none' };
  return { kind: 'suggest', candidates: candidates.map((c) => c.item) };
};

function buildMatcher(options: MatcherOptions, strategy: LatinStrategy): Matcher {
  const data = options.data ?? getPilotData();
  const known = options.knownMunicipalities ?? loadKnownMunicipalities();
  const merged = options.oldNames ?? oldNames();
  const scripts = options.scripts ?? true;
  const formerNames = (id: string | undefined) =>
    id === undefined ? [] : merged.filter((o) => o.today === id).flatMap((o) => [o.name, ...(o.sv ? [o.sv] : [])]);
  const pilot = data.municipalities.map((m) =>
    buildEntry(m, [m.name.fi, ...(m.name.sv ? [m.name.sv] : []), ...(m.aliases ?? []), ...formerNames(m.id)]),
  );
  const pilotNames = new Set(data.municipalities.map((m) => normalizeText(m.name.fi)));
  const outside = known
    .filter((k) => !pilotNames.has(normalizeText(k.fi)))
    .map((k) => buildEntry(k, [k.fi, ...(k.sv ? [k.sv] : []), ...formerNames(k.id)]));

  const byId = (id: string): MatchResult | undefined => {
    const m = data.municipalities.find((p) => p.id === id);
    if (m) return { kind: 'match', municipality: m };
    const k = known.find((p) => p.id === id);
    return k ? { kind: 'known_outside_data', name: k.fi, municipality: k } : undefined;
  };

  const matchLatin = strategy({ pilot, outside });

  return (input: string): MatchResult => {
    const text = withoutHomographs(input);
    if (scripts) {
      const named = municipalityInScript(text);
      const hit = named ? byId(named.id) : undefined;
      if (hit) return hit;
    }
    const latin = matchLatin(text);
    if (latin.kind !== 'none' || !scripts || !hasCyrillic(text)) return latin;
    // и is i in Russian and y in Ukrainian, and я/ю/ё after a consonant write Finnish ä/y/ö: a sure
    // match in any of these spellings beats a suggestion.
    const results = [
      ...(['ru', 'uk'] as const).map((variant) => matchLatin(cyrillicToLatin(text, variant))),
      ...(['ru', 'uk'] as const).map((variant) => matchLatin(cyrillicPlaceToFinnish(text, variant))),
    ];
    const sure = results.find((r) => r.kind === 'match' || r.kind === 'known_outside_data');
    if (sure) return sure;
    // "в Лаппеенранте", "у Форссі", "из Лаппеенранты": Russian and Ukrainian decline names in -a.
    // Only a sure match counts here, so an ordinary declined word never becomes a guess.
    const declined = slavicNominative(text);
    if (declined !== text) {
      const base = (['ru', 'uk'] as const).flatMap((variant) => [matchLatin(cyrillicToLatin(declined, variant)), matchLatin(cyrillicPlaceToFinnish(declined, variant))]);
      const hit = base.find((r) => r.kind === 'match' || r.kind === 'known_outside_data');
      if (hit) return hit;
    }
    return results.find((r) => r.kind === 'suggest') ?? latin;
  };
}

/*
 * Ordinary words spelt like a municipality's name. Finnish "koski" is also the past of "koskea" (to
 * concern): "kokeilu koski minua", "Koskiko se minua?" are about the pilot concerning someone, not
 * Koski Tl; Estonian "nagu" (like: "nagu enne") is not Nagu (Nauvo, now Parainen). Those bare words
 * count as the town only capitalised inside a sentence, typed alone or with "Tl"; their case forms
 * (Koskella, Koskelle) always do. Swedish "vända" ("vart ska jag vända mig") is not Vanda (Vantaa)
 * when typed with its ä, Estonian "pärast" (after) is never Parainen, and Swedish "stora" (big: "de stora
 * städerna") is not Storå (Isojoki) without its ring.
 */
const SENTENCE_HOMOGRAPHS = /(^|[.!?]\s*|(?<=\s))(koski(?:ko|kaan|han)?|nagu)(?![\p{L}]|\s+tl\b)/giu;
const SWEDISH_VANDA = /(?<![\p{L}])vänd(?:a|er|e)?(?![\p{L}])/giu;
const ESTONIAN_PARAST = /(?<![\p{L}])p[äa]rast(?![\p{L}])/giu;
const SWEDISH_STORA = /(?<![\p{L}])stora(?![\p{L}])/giu;
function withoutHomographs(text: string): string {
  for (const word of [SWEDISH_VANDA, ESTONIAN_PARAST, SWEDISH_STORA]) text = text.replace(word, (w) => ' '.repeat(w.length));
  // A name typed alone (the answer to "which municipality?") is the town.
  if (/^\s*(koski|nagu)\s*[?.!]*\s*$/iu.test(text)) return text;
  return text.replace(SENTENCE_HOMOGRAPHS, (whole, start: string, word: string, offset: number) => {
    const sentenceStart = start !== '' || offset === 0 || /[.!?]\s*$/.test(text.slice(0, offset));
    const capitalised = word[0] === word[0].toUpperCase();
    return capitalised && !sentenceStart ? whole : `${start}${' '.repeat(word.length)}`;
  });
}

/** Each capitalised Cyrillic word in a case ending (locative -е/-і, genitive -ы/-и, dative -у, instrumental -ой/-ою) back in -а. */
function slavicNominative(text: string): string {
  return text.replace(/(?<![\p{L}])([\p{Script=Cyrillic}]{3,}?)(ой|ою|ей|е|і|ы|и|у)(?![\p{L}])/gu, '$1а');
}

/** A matcher over `options`' places; build it once (its index costs more than many messages). */
export function createMatcher(options: MatcherOptions = {}): Matcher {
  return buildMatcher(options, indexed);
}

/**
 * The same matcher without the index, as it was before: for the identity test and the bench only
 * (it compares every name with every word, several hundred times the work per message).
 */
export function createScanAllMatcher(options: MatcherOptions = {}): Matcher {
  return buildMatcher(options, scanAll);
}

let defaultMatcher: Matcher | undefined;

/** Matches against the bundled pilot data and the bundled list of Finnish municipalities. */
export function matchMunicipality(text: string): MatchResult {
  defaultMatcher ??= createMatcher();
  return defaultMatcher(text);
}
