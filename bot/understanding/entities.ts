/**
 * The facts a message states about the person or the place it is about: a municipality, an
 * age or "under 30", the benefit they get, an immigrant or foreign-language background, and a
 * year or date. Found in any shipped language; anything not stated stays undefined, so a
 * dialog asks only for what is missing.
 */
import type { Locale } from '../i18n/locales.js';
import type { MatchResult, Matcher } from '../pilot/municipalityMatcher.js';
import { matchInAnyScript } from '../pilot/eligibilityService.js';
import { fold, words } from './text.js';

export type BenefitEntity = 'kela' | 'fund' | 'none';

export interface Entities {
  /** A municipality named in the message (any form, script or old name). */
  municipality?: Exclude<MatchResult, { kind: 'none' }>;
  /** Age in years, when the person states it. */
  age?: number;
  /** True when the person says they are under 30 without a number; false for "over 30". */
  under30?: boolean;
  benefit?: BenefitEntity;
  /** True when the person says they moved to Finland, are an immigrant or speak another language. */
  immigrant?: boolean;
  /** A year named in the message (2019, 2023 …). */
  year?: number;
  /** A full date named in the message, ISO yyyy-mm-dd. */
  date?: string;
}

// Unicode-aware edges: \b only knows ASCII letters, and "мне 35" or "عمري 35" must match too.
const AGE_BEFORE = /(?<![\p{L}\p{N}])(?:olen|oon|ika|age|aged|ar|i am|i m|im|taytan|fyller|turning|исполнится|исполняется|виповниться|виповнюється|мне|мені|ему|ей|йому|їй|ma olen|waxaan ahay|jir ahay|عمری|عمرم|سنم|من)\s*(\d{2})(?![\p{N}])/u;
// "My son is 19", "сыну 22", "veljeni on 26": a relative's age, stated the way one states one's own.
const AGE_OF_RELATIVE = /(?<![\p{L}\p{N}])(?:son|sons|daughter|daughters|brother|brothers|sister|sisters|cousin|friend|poika|poikani|tytar|tyttareni|veli|veljeni|sisko|siskoni|sisareni|kaveri|kaverini|bror|brorsan|syster|systern|dotter|dottern|sonen|vend|vennal|ode|poeg|tutar|сыну|сын|дочке|дочери|дочь|брату|брат|сестре|сестра|сину|син|доньці|донька|братові|сестрі)(?:\s+(?:is|on|ar|just|only|now|is now|on nyt))?\s+(\d{2})(?![\p{N}])/u;
const AGE_AFTER = /(?<![\p{N}])(\d{2})\s*(?:v|vee|vuotias|vuotta|ar|years?|yo|y o|год|года|лет|рок|роки|років|aastane|aastat|jir|sano|ساله|سال|عام|سنه|سنوات)(?![\p{L}])/u;

const UNDER_30 = [
  'alle 30', 'alle kolmekymp', 'alle 30v', 'under 30', 'under thirty', 'younger than 30', 'under trettio', 'меньше 30', 'меньше тридцати', 'до 30', 'менше 30',
  'менше тридцяти', 'alla 30', 'alla kolmekümne', 'ka yar 30', 'ka yar soddon', 'اقل من 30', 'تحت الثلاثین', 'تحت ال30', 'زیر 30', 'کمتر از 30', 'زیر سی',
];
const OVER_30 = ['yli 30', 'over 30', 'older than 30', 'över 30', 'больше 30', 'старше 30', 'більше 30', 'старше 30', 'üle 30', 'ka weyn 30', 'اکثر من 30', 'فوق 30', 'بالای 30', 'بیشتر از 30'];

const KELA_BENEFIT = [
  'tyomarkkinatu', 'peruspaivarah', 'labour market subsid', 'labor market subsid', 'basic allowance', 'arbetsmarknadsstod', 'grunddagpenning',
  'пособие по рынку труда', 'базовое пособие', 'допомога ринку праці', 'базова допомога', 'tooturutoetus', 'pohipaevaraha',
  'اعانه سوق العمل', 'الاعانه الاساسیه', 'کمک هزینه بازار کار', 'کمک هزینه پایه', 'mushaharka suuqa shaqada', 'gunnada aasaasiga',
];
const FUND_BENEFIT = [
  'ansiosidonnai', 'ansiopaivarah', 'ansioturva', 'tyottomyyskassa', 'earnings related', 'earnings-related', 'unemployment fund', 'inkomstrelaterad',
  'arbetsloshetskassa', 'заработк', 'касса по безработице', 'каса з безробіття', 'töötuskassa', 'صندوق البطاله', 'صندوق بیکاری', 'sanduuqa shaqo',
];
const ALTERNATIVES = new Set(['vai', 'or', 'eller', 'или', 'чи', 'voi', 'või', 'ولا', 'او', 'یا', 'mise', 'ama']);
const NO_BENEFIT = ['en saa tukea', 'no benefit', 'dont get any benefit', 'inga förmåner', 'не получаю пособ', 'не отримую допомог', 'ei saa toetust', 'ma qaato gunno', 'لا اخذ اعانه', 'هیچ کمکی نمی'];

const IMMIGRANT = [
  'maahanmuutta', 'muutin suomeen', 'muutin tanne', 'ulkomaalai', 'ulkomailta', 'vieraskieli', 'pakolai', 'en puhu suomea',
  'immigrant', 'moved to finland', 'came to finland', 'foreigner', 'foreign born', 'refugee', 'expat', 'i dont speak finnish', 'my mother tongue',
  'invandrare', 'flyttade till finland', 'kom till finland', 'utlanning', 'flykting', 'modersmal',
  'иммигрант', 'эмигрант', 'переехал', 'переехала', 'приехал в финлянд', 'приехала в финлянд', 'иностран', 'беженец', 'родной язык',
  'іммігрант', 'переїхав', 'переїхала', 'іноземец', 'іноземн', 'біженец', 'біженк', 'рідна мова',
  'sisserandaja', 'kolisin soome', 'valismaala', 'pagula', 'emakeel',
  'مهاجر', 'اجنبی', 'لاجی', 'انتقلت الی فنلندا', 'جیت علی فنلندا', 'جیت لفنلندا', 'وصلت فنلندا', 'لغتی الام', 'پناهنده', 'خارجی', 'امدم فنلاند', 'اومدم فنلاند', 'زبان مادری',
  'muhaajir', 'soo galooti', 'soo guuray', 'u soo guuray', 'qaxooti', 'ajnabi', 'ajaanib', 'imid finland', 'afka hooyo',
];
const MOVED_YEARS_AGO = /(?:\b\d+|kaks|kolme|two|three|två|tre|два|две|три|два|kaks|laba|saddex)\s*(?:vuotta sitten|years? ago|år sedan|года? назад|лет назад|роки? тому|років тому|aastat tagasi|sano ka hor)/u;

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
// Arabic attaches "and", "in/with", "for", "the" to the word; Persian writes them apart.
// Spoken Arabic adds "on/to" (ع, عال), "this" (هال) and the present-tense ب (بیعمل, بتساعد).
const ARABIC_PREFIX_SET = new Set(['و', 'ب', 'ل', 'ف', 'ک', 'ال', 'وال', 'بال', 'لل', 'فال', 'کال', 'وب', 'ول', 'ع', 'عال', 'هال', 'بی', 'بت', 'بن', 'وبی']);

// Cues come from the fixed word lists, so everything hasCue needs of one is worked out once and
// kept: folding ~1,700 cues on every message cost about 10 ms of a turn's CPU, and building
// " cue" and testing its script for every cue of every message most of what was left.
/** A cue prepared for searching: exactly what hasCue checks for it, computed once. */
export interface PreparedCue {
  /** The folded cue; empty never matches. */
  readonly folded: string;
  /** " " + folded: the cue at the start of a word. */
  readonly spaced: string;
  readonly arabic: boolean;
  /** An Arabic-script cue written with the article, without it ("الاعانه" → "اعانه"). */
  readonly bare?: string;
  readonly spacedBare?: string;
  /**
   * A UTF-16 code a text must hold for the cue to match: the first code at a word's start
   * (Latin, Cyrillic), or the last code anywhere (Arabic script, whose cue may follow a prefix
   * inside a word; the bare form ends the same way).
   */
  readonly key: number;
}

const preparedCues = new Map<string, PreparedCue>();
/** The prepared form of `cue` (folded as hasCue folds it), remembered: cues come from fixed lists. */
export function prepareCue(cue: string): PreparedCue {
  let p = preparedCues.get(cue);
  if (p === undefined) {
    const c = fold(cue);
    const arabic = ARABIC_SCRIPT.test(c);
    const bare = arabic && c.startsWith('ال') && c.length > 4 ? c.slice(2) : undefined;
    p = {
      folded: c,
      spaced: ` ${c}`,
      arabic,
      bare,
      spacedBare: bare === undefined ? undefined : ` ${bare}`,
      key: c.length === 0 ? -1 : arabic ? c.charCodeAt(c.length - 1) : c.charCodeAt(0),
    };
    preparedCues.set(cue, p);
  }
  return p;
}

export const prepareCues = (cues: readonly string[]): PreparedCue[] => cues.map(prepareCue);

/** Folded text made ready for many cue look-ups: " " + text, and which codes start a word or occur at all. */
export interface CueText {
  readonly padded: string;
  readonly starts: ReadonlySet<number>;
  readonly codes: ReadonlySet<number>;
}

export function cueText(folded: string): CueText {
  const padded = ` ${folded}`;
  const starts = new Set<number>();
  const codes = new Set<number>();
  for (let i = 0; i < padded.length; i++) {
    const code = padded.charCodeAt(i);
    codes.add(code);
    if (code === 32 && i + 1 < padded.length) starts.add(padded.charCodeAt(i + 1));
  }
  return { padded, starts, codes };
}

/** hasCue for prepared text and cue: the same answer, without the per-call work. */
export function cueIn(t: CueText, p: PreparedCue): boolean {
  if (!p.folded) return false;
  // A cue found at all is found either at a word's start or, for Arabic script, ending in its last letter.
  if (!(p.arabic ? t.codes.has(p.key) : t.starts.has(p.key))) return false;
  const padded = t.padded;
  if (padded.includes(p.spaced)) return true;
  if (!p.arabic) return false;
  if (afterPrefix(padded, p.folded)) return true;
  // A cue written with the article also matches the word without it ("الاعانه" finds "اعانه").
  if (p.bare !== undefined) return padded.includes(p.spacedBare!) || afterPrefix(padded, p.bare);
  return false;
}

/** True when any of the prepared cues occurs in the text. */
export function anyCueIn(t: CueText, cues: readonly PreparedCue[]): boolean {
  for (const c of cues) if (cueIn(t, c)) return true;
  return false;
}

/**
 * True when a cue occurs in folded text: a Latin or Cyrillic cue at the start of a word (so
 * "tyomarkkinatu" finds every case form), an Arabic-script cue also after the prefixes و, ب, ل
 * and ال that attach to the word, and a cue written with ال also without it.
 */
export function hasCue(text: string, cue: string): boolean {
  const p = prepareCue(cue);
  if (!p.folded) return false;
  const padded = ` ${text}`;
  if (padded.includes(p.spaced)) return true;
  if (!p.arabic) return false;
  if (afterPrefix(padded, p.folded)) return true;
  if (p.bare !== undefined) return padded.includes(p.spacedBare!) || afterPrefix(padded, p.bare);
  return false;
}

/** True when `cue` starts a word of `padded` right after one of the attached Arabic prefixes. */
function afterPrefix(padded: string, cue: string): boolean {
  // One search for the cue, then a look at what precedes it: most cues are not in the message at all.
  for (let i = padded.indexOf(cue, 1); i > 0; i = padded.indexOf(cue, i + 1)) {
    const start = padded.lastIndexOf(' ', i - 1) + 1;
    if (ARABIC_PREFIX_SET.has(padded.slice(start, i))) return true;
  }
  return false;
}

/**
 * Several places found in one message usually means an ordinary word looks like an inflected
 * name (Swedish "vända" and Vanda): a word that is exactly a municipality's name wins.
 */
function refine(matcher: Matcher, match: MatchResult, tokens: readonly string[]): MatchResult {
  if (match.kind !== 'suggest') return match;
  for (const token of tokens) {
    if (token.length < 3) continue;
    const single = matcher(token);
    if (single.kind === 'match' && [single.municipality.name.fi, single.municipality.name.sv].some((n) => n && fold(n) === token)) return single;
  }
  return match;
}

const NAME_LANGUAGES: ReadonlySet<Locale> = new Set(['fi', 'fi-x-selko', 'sv']);

/**
 * A two-letter name is a common word elsewhere (Somali "ii", to me): outside Finnish and Swedish
 * it counts only written as a name, with a capital and not as a sentence's first word.
 */
function ordinaryWord(match: MatchResult, message: string, locale: Locale): boolean {
  const name = match.kind === 'match' ? match.municipality.name.fi : match.kind === 'known_outside_data' ? match.municipality.fi : undefined;
  if (!name || name.length > 2 || NAME_LANGUAGES.has(locale)) return false;
  return !new RegExp(`[^\\s.!?؟]\\s+${name}(?![\\p{L}])`, 'u').test(message);
}

/**
 * Ordinary words that the matcher reads as a place: the Finnish verb "koski" (concerned) and
 * its question forms, Arabic "فورا" (at once) and "أي" (which), Persian "کردن" (to do),
 * Estonian "lõppes" (ended). Written in lower case they are the word, not the name.
 */
const ORDINARY_WORDS = new Set(['koski', 'koskiko', 'koskee', 'koskeeko', 'koskisi', 'koskisiko', 'koskenut', 'فورا', 'ای', 'ایه', 'کردن', 'loppes', 'lopp'].map(fold));

// Every word of every message is folded here; the folded forms of words seen are kept (a bounded set).
const foldedWords = new Map<string, string>();
const FOLDED_WORDS_KEPT = 20_000;
function foldWord(w: string): string {
  let f = foldedWords.get(w);
  if (f === undefined) {
    if (foldedWords.size >= FOLDED_WORDS_KEPT) foldedWords.clear();
    foldedWords.set(w, (f = fold(w)));
  }
  return f;
}

/**
 * Words that are ordinary in one language only: Estonian "lahti" is "open" ("mis kell te lahti
 * olete"), in Finnish the town; Arabic "لجميع" (for all) reads as Lemi.
 */
const ORDINARY_IN: Partial<Record<Locale, ReadonlySet<string>>> = { et: new Set(['lahti', 'lahtiolek']), ar: new Set(['لمن', 'ولمن', 'لجمیع', 'بجمیع']) };

function withoutOrdinaryWords(message: string, locale: Locale): string {
  const own = ORDINARY_IN[locale];
  return message.replace(/[\p{L}\p{M}'’]+/gu, (w) => (w === w.toLowerCase() && (ORDINARY_WORDS.has(foldWord(w)) || own?.has(foldWord(w))) ? ' ' : w));
}

// Words that say a place is named: "I live in", "my municipality", "in the town of" …
const PLACE_FRAME = prepareCues([
  'asun', 'asuin', 'asumme', 'asutko', 'kotikunta', 'kotikunnan', 'paikkakun', 'muutin', 'muutan', 'live', 'living', 'lived', 'from', 'bor i', 'bodde', 'hemort', 'hemkommun', 'живу', 'жил', 'живём', 'живем',
  'проживаю', 'мешкаю', 'elan', 'elasin', 'elame', 'اسکن', 'ساکن', 'اعیش', 'عایش', 'زندگی', 'ku noolahay', 'ku nool', 'deggan', 'degan',
  // … or asks whether a place belonged to the pilot: "kuuluko martila kokeiluun" names a place typed in lower case.
  'kuuluko', 'kuuluiko', 'kuuluuko', 'kuului', 'kuulunut', 'mukana', 'ingick', 'ingår', 'var med', 'belong', 'part of', 'included', 'входил', 'входит', 'участвовал',
  'належ', 'входив', 'брав участь', 'kuulus', 'osales', 'ضمن', 'جزو', 'عضو',
]);

/**
 * A fuzzy guess ("did you mean Kerava?") counts only when the message says a place is named, or
 * writes a word with a capital inside a sentence the way names are written: otherwise it is an
 * ordinary word one or two letters from a name ("kerro", "valda", "ayaa").
 */
function namesAPlace(message: string, text: CueText): boolean {
  if (anyCueIn(text, PLACE_FRAME)) return true;
  return /[^\s.!?؟]\s+[\p{Lu}]/u.test(message);
}

export interface EntityOptions {
  matcher?: Matcher;
}

/** The entities of one message; `locale` decides how Cyrillic names are transliterated. */
export function extractEntities(message: string, locale: Locale, options: EntityOptions = {}): Entities {
  const text = fold(message);
  return entitiesOf(message, text, words(text), cueText(text), locale, options);
}

const PREPARED = {
  under30: prepareCues(UNDER_30),
  over30: prepareCues(OVER_30),
  kela: prepareCues(KELA_BENEFIT),
  fund: prepareCues(FUND_BENEFIT),
  none: prepareCues(NO_BENEFIT),
  immigrant: prepareCues(IMMIGRANT),
};

/**
 * extractEntities for a message whose folded text, its words and its cue look-up form the
 * caller already has (the understanding step), so they are made once per message.
 */
export function entitiesOf(message: string, text: string, tokens: readonly string[], cues: CueText, locale: Locale, options: EntityOptions = {}): Entities {
  const out: Entities = {};

  if (options.matcher) {
    const match = refine(options.matcher, matchInAnyScript(options.matcher, withoutOrdinaryWords(message, locale), locale), tokens);
    const guess = match.kind === 'suggest' && !namesAPlace(message, cues);
    if (match.kind !== 'none' && !guess && !ordinaryWord(match, message, locale)) out.municipality = match;
  }

  // "alle 30v" is a group, not the person's age.
  if (anyCueIn(cues, PREPARED.under30)) out.under30 = true;
  else if (anyCueIn(cues, PREPARED.over30)) out.under30 = false;
  else {
    const age = AGE_BEFORE.exec(text) ?? AGE_OF_RELATIVE.exec(text) ?? AGE_AFTER.exec(text);
    const years = age ? Number(age[1]) : NaN;
    if (Number.isInteger(years) && years >= 15 && years <= 80) out.age = years;
  }

  // "Kela or the fund?" asks about benefits; it does not say which one the person gets. Only an
  // "or" in the same sentence counts: "I get labour market subsidy. Call or write" says which.
  let clauses: Array<{ cues: CueText; or: boolean }> | undefined;
  const stated = (list: readonly PreparedCue[]) => {
    clauses ??= message.split(/[.?!;؟\n]+/).map((raw) => {
      const clause = fold(raw);
      return { cues: cueText(clause), or: words(clause).some((w) => ALTERNATIVES.has(w)) };
    });
    return clauses.some((c) => anyCueIn(c.cues, list) && !c.or);
  };
  if (anyCueIn(cues, PREPARED.none)) out.benefit = 'none';
  else if (stated(PREPARED.kela)) out.benefit = 'kela';
  else if (stated(PREPARED.fund)) out.benefit = 'fund';

  if (anyCueIn(cues, PREPARED.immigrant) || MOVED_YEARS_AGO.test(text)) out.immigrant = true;

  const date = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(message);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) out.date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  const year = tokens.find((w) => /^(19[5-9]\d|20[0-4]\d)$/.test(w));
  if (year) out.year = Number(year);
  return out;
}
