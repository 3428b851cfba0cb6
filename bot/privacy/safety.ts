/**
 * Detection of messages that signal a crisis, so the bot can give emergency and crisis-line
 * information before anything else.
 *
 * Every pattern is checked whatever the conversation's locale, because people in distress
 * often switch to their first language. Patterns are whole-word phrases on normalised text,
 * which keeps words such as "kuolinpesä" or "hätäinen" from firing.
 */

export type CrisisKind = 'self_harm' | 'violence' | 'emergency';

export interface CrisisSignal {
  kind: CrisisKind;
}

export interface CrisisHelpline {
  id: string;
  organisation: string;
  /** As written in Finland, for display. */
  phone: string;
  /** E.164 form, for tel: links. */
  tel: string;
  hours: '24/7';
  /** BCP 47 languages the line answers in. */
  languages: readonly string[];
}

export interface CrisisResources {
  emergencyNumber: '112';
  helplines: readonly CrisisHelpline[];
}

/**
 * Only lines whose number and hours are certain are listed. MIELI ry also runs lines in other
 * languages at set hours; they are left out until their current numbers are checked.
 */
export const CRISIS_RESOURCES: CrisisResources = {
  emergencyNumber: '112',
  helplines: [
    {
      id: 'mieli-kriisipuhelin',
      organisation: 'MIELI ry',
      phone: '09 2525 0111',
      tel: '+358925250111',
      hours: '24/7',
      languages: ['fi'],
    },
  ],
};

// ---------------------------------------------------------------------------
// Normalisation

const ARABIC_LETTER_MAP: Readonly<Record<string, string>> = {
  '\u06cc': '\u064a', // Persian yeh -> Arabic yeh
  '\u0649': '\u064a', // alef maqsura -> yeh
  '\u06a9': '\u0643', // Persian keheh -> Arabic kaf
  '\u0629': '\u0647', // teh marbuta -> heh
};

/**
 * Lower-cases, strips diacritics (so "hätä" and "hata", "ё" and "е", "أ" and "ا" compare
 * equal), unifies Arabic-script letter variants, and reduces punctuation to single spaces.
 * The result is padded with spaces so that phrases can be matched on word boundaries.
 */
function normalizeForMatching(text: string): string {
  let s = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.replace(/[\u0649\u0629\u06cc\u06a9]/g, (ch) => ARABIC_LETTER_MAP[ch] ?? ch);
  // Apostrophes join words ("don't", Ukrainian "б'ють"); tatweel and ZWNJ are only visual.
  s = s.replace(/['\u2019\u02bc`\u0640\u200c\u200d]/g, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Persian writes the verb prefixes mi-/nemi- joined, with ZWNJ, or with a space; join them.
  s = s.replace(/(^| )(ن?مي) /g, '$1$2');
  return ` ${s} `;
}

// ---------------------------------------------------------------------------
// Patterns
//
// Pattern syntax: space-separated words; a leading or trailing `*` lets the word carry
// prefixes or endings (Finnish cases, Arabic clitics); `a|b` accepts either word; `~` allows
// up to three other words.

type PatternTable = Readonly<Record<CrisisKind, readonly string[]>>;

const PATTERNS: Readonly<Record<string, PatternTable>> = {
  // Finnish and plain Finnish share these.
  fi: {
    self_harm: [
      'itsemurh*',
      'haluan ~ kuolla',
      'haluaisin ~ kuolla',
      'tahdon ~ kuolla',
      'tapan itseni',
      'tappaa itseni',
      'tappaisin itseni',
      'tappamaan itseni',
      'tappaa itsensä',
      'en ~ jaksa ~ elää',
      'en ~ halua ~ elää',
      'lopettaa elämäni',
      'päättää elämäni',
      'vahingoittaa itseäni',
      'vahingoitan itseäni',
      'satutan itseäni',
      'satuttaa itseäni',
      'viiltelen',
      'viiltelyä',
    ],
    violence: [
      'uhkaa minua',
      'uhkailee minua',
      'uhkaili minua',
      'uhkasi minua',
      'minua uhataan',
      'lyö minua',
      'löi minua',
      'minua lyödään',
      'hakkaa minua',
      'hakkasi minua',
      'satuttaa minua',
      'satutti minua',
      'haluaa|aikoo tappaa minut',
      'uhkasi tappaa',
      'pahoinpitel*',
      'lähisuhdeväkival*',
      'perheväkival*',
      'raiskat*',
      'raiskasi',
    ],
    emergency: ['hätätilan*', 'hätätapau*', 'hätäapu*', 'ambulanssi*', 'tulipalo*', 'sydänkohtau*'],
  },
  sv: {
    self_harm: [
      'självmord*',
      'jag vill ~ dö',
      'ta livet av mig',
      'döda mig själv',
      'skada mig själv',
      'jag vill inte ~ leva',
      'orkar inte ~ leva',
    ],
    violence: [
      'hotar mig',
      'hotade mig',
      'slår mig',
      'slog mig',
      'misshandla*',
      'vill|hotar|hotade döda mig',
      'att döda mig',
      'våld i nära relation*',
      'våldtogs',
      'våldtog mig',
    ],
    emergency: ['nödläge*', 'nödsituation*', 'ambulans*', 'det brinner'],
  },
  en: {
    self_harm: [
      'kill myself',
      'killing myself',
      'end my life',
      'end it all',
      'take my own life',
      'want to die',
      'wanna die',
      'suicid*',
      'hurt myself',
      'harm myself',
      'self harm*',
      'dont want to live',
      'no reason to live',
      'better off dead',
    ],
    violence: [
      'someone|somebody|he|she|they|hes|shes|theyre|partner|husband|wife|boyfriend|girlfriend|father|mother|dad|mom ~ hurting|hitting me',
      'beating me',
      'beats me',
      'threatening me',
      'threatens me',
      'threatened me',
      'threatened to kill',
      'wants to kill me',
      'abusing me',
      'abused me',
      'domestic violence',
      'raped',
      'assaulted',
    ],
    emergency: ['emergency', 'call an ambulance', 'need an ambulance', 'heart attack'],
  },
  ru: {
    self_harm: [
      'хочу ~ умереть',
      'покончить с собой',
      'покончу с собой',
      'суицид*',
      'самоубийств*',
      'убить себя',
      'убью себя',
      'не хочу ~ жить',
      'навредить себе',
    ],
    violence: [
      'меня бьют',
      'меня бьет',
      'бьет меня',
      'угрожает мне',
      'угрожают мне',
      'меня избивают',
      'меня избил*',
      'хочет меня убить',
      'домашнее насилие',
      'изнасилова*',
    ],
    emergency: ['экстренн* ситуаци*', 'чрезвычайн* ситуаци*', 'скорую помощь', 'вызовите скорую', 'скорая помощь'],
  },
  uk: {
    self_harm: [
      'хочу ~ померти',
      'покінчити з собою',
      'покінчу з собою',
      'суїцид*',
      'самогубств*',
      'вбити себе',
      "вб'ю себе",
      'не хочу ~ жити',
    ],
    violence: [
      "мене б'ють",
      "мене б'є",
      "б'є мене",
      'погрожує мені',
      'погрожують мені',
      'хоче мене вбити',
      'домашнє насильство',
      'зґвалтува*',
    ],
    emergency: ['надзвичайн* ситуаці*', 'екстрен* ситуаці*', 'швидку допомогу', 'швидка допомога'],
  },
  et: {
    self_harm: [
      'tahan ~ surra',
      'enesetap*',
      'tapan ennast',
      'tappa ennast',
      'tappa end',
      'ei taha ~ elada',
      'endale haiget teha',
    ],
    violence: [
      'ahvardab mind',
      'ahvardavad mind',
      'lööb mind',
      'peksab mind',
      'tahab mind tappa',
      'kodune vägivald',
      'perevägival*',
      'vägistati',
    ],
    emergency: ['hädaolukor*', 'kiirabi*'],
  },
  ar: {
    self_harm: [
      '*نتحر*',
      '*نتحار*',
      'أريد أن أموت',
      'أريد الموت',
      '*قتل نفسي',
      'لا أريد أن أعيش',
      'لا أريد العيش',
      'أؤذي نفسي',
    ],
    violence: [
      '*يهددني',
      '*يهددونني',
      '*هددني',
      '*يضربني',
      '*يضربونني',
      '*يؤذيني',
      'يريد قتلي',
      'عنف أسري',
      '*اغتصب*',
      '*اغتصاب*',
    ],
    emergency: ['*طوارئ', 'حالة طارئة', '*إسعاف'],
  },
  so: {
    self_harm: ['is dil*', 'isdil*', 'inaan dhinto', 'inaan dhimto', 'inaan is dilo', 'waan is dilayaa'],
    violence: ['i garaac*', 'i hanjab*', 'i dili doon*', 'kufsi*', 'la i kufsaday'],
    emergency: ['xaalad degdeg*'],
  },
  fa: {
    self_harm: [
      '*خودکشی*',
      'خود کشی',
      'می‌خواهم بمیرم',
      'میخوام بمیرم',
      'خودم را بکشم',
      'خودم رو بکشم',
      'خودمو بکشم',
      'نمی‌خواهم زندگی*',
      'نمیخوام زندگی*',
    ],
    violence: [
      'مرا تهدید*',
      'منو تهدید*',
      'من را تهدید*',
      'تهدیدم می‌کند',
      'تهدیدم میکنه',
      'مرا می‌زند',
      'منو میزنه',
      'کتکم*',
      'خشونت خانگی',
      'به من تجاوز*',
    ],
    emergency: ['*اورژانس*', 'وضعیت اضطراری'],
  },
};

const GAP = '(?:\\S+ ){0,3}';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One phrase pattern as a regular-expression source, without the word-boundary guards. */
function patternSource(pattern: string): string {
  const tokens = pattern.trim().split(/\s+/);
  let re = '';
  tokens.forEach((token, i) => {
    if (token === '~') {
      re += GAP;
      return;
    }
    const alternatives = token.split('|').map((alt) => {
      const prefix = alt.startsWith('*');
      const suffix = alt.endsWith('*');
      const core = normalizeForMatching(alt.replace(/^\*|\*$/g, '')).trim();
      // A core may normalise to several words ("self-harm" becomes "self harm").
      const coreRe = core.split(' ').map(escapeRe).join(' ');
      return (prefix ? '\\S*' : '') + coreRe + (suffix ? '\\S*' : '');
    });
    re += alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
    if (i < tokens.length - 1) re += ' ';
  });
  return re;
}

/** A phrase matches on word boundaries: the normalised text is padded with spaces. */
function onWordBoundaries(source: string): RegExp {
  return new RegExp(`(?<= )(?:${source})(?= )`, 'u');
}

/** The most urgent kind is reported when several match. */
const KIND_ORDER: readonly CrisisKind[] = ['self_harm', 'violence', 'emergency'];

/** Every pattern of each kind, all locales, as regular-expression sources. */
const SOURCES: Readonly<Record<CrisisKind, readonly string[]>> = Object.fromEntries(
  KIND_ORDER.map((kind) => [kind, Object.values(PATTERNS).flatMap((table) => table[kind].map(patternSource))]),
) as unknown as Record<CrisisKind, readonly string[]>;

/**
 * One alternation per kind: every message is checked, and one pass of one expression costs
 * about half of ~150 separate ones (BENCHMARKS.md). It matches exactly when one of its patterns does.
 */
const RULES: ReadonlyArray<{ kind: CrisisKind; re: RegExp }> = KIND_ORDER.map((kind) => ({ kind, re: onWordBoundaries(SOURCES[kind].join('|')) }));

/** Bounds the work done on hostile input; a crisis is said early in a message. */
const MAX_SCAN_CHARS = 4000;

export function detectCrisis(text: string): CrisisSignal | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const normalized = normalizeForMatching(text.slice(0, MAX_SCAN_CHARS));
  for (const rule of RULES) {
    if (rule.re.test(normalized)) return { kind: rule.kind };
  }
  return null;
}

/**
 * The same detection one pattern at a time, as it was before the patterns were combined: the
 * reference tests compare detectCrisis with.
 */
export function detectCrisisPatternByPattern(text: string): CrisisSignal | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const normalized = normalizeForMatching(text.slice(0, MAX_SCAN_CHARS));
  for (const kind of KIND_ORDER) {
    for (const source of SOURCES[kind]) if (onWordBoundaries(source).test(normalized)) return { kind };
  }
  return null;
}

/** Locales whose patterns are shipped; exported so tests can prove every locale is covered. */
export const CRISIS_PATTERN_LOCALES: readonly string[] = Object.keys(PATTERNS);
