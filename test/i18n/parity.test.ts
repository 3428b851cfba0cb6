/**
 * Translation parity across every namespace in locales/ and every shipped locale: the same
 * keys, the same interpolation variables, no English copied into another language, the right
 * script, Finnish service terms kept, and a meta.json that says whether the locale is
 * machine-made and reviewed.
 */
import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../bot/i18n/i18n.js';
import { isRtl, NATIVE_NAMES, SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';

const { resources, namespaces, locales, meta } = readLocaleResources();

type Leaf = string | string[];

/** Flattens a namespace to dotted key paths; arrays of strings are one leaf (command word lists). */
function flatten(value: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (Array.isArray(value)) {
    out.set(prefix, value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

type Resources = typeof resources;

function leaves(locale: string, ns: string, from: Resources = resources): Map<string, Leaf> | undefined {
  const data = (from[locale] as Record<string, unknown> | undefined)?.[ns];
  return data === undefined ? undefined : flatten(data);
}

/** Interpolation variables ({{name}}, {{date, datetime}}) and nested keys ($t(key)) in a value. */
function variables(value: Leaf): string[] {
  const text = Array.isArray(value) ? value.join('\n') : value;
  const vars = [...text.matchAll(/\{\{\s*-?\s*([\w.]+)[^}]*\}\}/gu)].map((m) => `{{${m[1]}}}`);
  const nested = [...text.matchAll(/\$t\(([^),]+)/gu)].map((m) => `$t(${m[1].trim()})`);
  return [...new Set([...vars, ...nested])].sort();
}

/** Names and terms that are the same in every language. */
const SAME_EVERYWHERE = new Set(
  [
    'OMA-botti', 'OMA-valmentaja', 'Kela', 'TE-toimisto', 'TE-palvelut', 'Ohjaamo', 'Työmarkkinatori', 'Suomi.fi', 'OmaAsiointi',
    'Oma asiointi', 'Teams', 'Zoom', 'GDPR', 'TEM', 'OK', 'ok', 'Helsinki', 'Salo', 'Tampere', 'Turku', 'Espoo', 'Vantaa',
    ...Object.values(NATIVE_NAMES),
  ].map((s) => s.toLowerCase()),
);

/** Finnish service terms (a stem that survives inflection): a translation keeps the term beside it. */
const SERVICE_TERMS = [
  'henkilötunnus', 'työkokeilu', 'työmarkkinatu', 'peruspäivära', 'ansiopäivära', 'palkkatu', 'starttira',
  'kotoutumissuunnitelm', 'työllistymissuunnitelm', 'työnhakuvelvollisuu',
];

const URL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;
const PLACEHOLDER = /\{\{[^}]*\}\}|\$t\([^)]*\)/gu;

/** The value with placeholders, URLs, parenthesised Finnish terms and shared names removed. */
function ownWords(text: string): string {
  let rest = text.replace(PLACEHOLDER, ' ').replace(URL, ' ').replace(/\([^)]*\)/gu, ' ');
  for (const name of SAME_EVERYWHERE) rest = rest.replace(new RegExp(`(?<![\\p{L}])${escapeRe(name)}(?![\\p{L}])`, 'giu'), ' ');
  return rest;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** True when the value has nothing to translate: names, numbers, placeholders, URLs. */
function untranslatable(text: string): boolean {
  return !/\p{L}/u.test(ownWords(text)) || SAME_EVERYWHERE.has(text.trim().toLowerCase());
}

const SCRIPT_OF: Record<Locale, 'latin' | 'cyrillic' | 'arabic'> = {
  fi: 'latin', 'fi-x-selko': 'latin', sv: 'latin', en: 'latin', et: 'latin', so: 'latin',
  ru: 'cyrillic', uk: 'cyrillic', ar: 'arabic', fa: 'arabic',
};
const SCRIPT_RE = { latin: /\p{Script=Latin}/u, cyrillic: /\p{Script=Cyrillic}/u, arabic: /\p{Script=Arabic}/u };

/** The share of letters written in the locale's script (after names and Finnish terms are removed). */
function scriptShare(text: string, locale: Locale): { share: number; letters: number } {
  const letters = [...ownWords(text)].filter((ch) => /\p{L}/u.test(ch));
  if (letters.length === 0) return { share: 1, letters: 0 };
  const inScript = letters.filter((ch) => SCRIPT_RE[SCRIPT_OF[locale]].test(ch)).length;
  return { share: inScript / letters.length, letters: letters.length };
}

/** Letters that give away the other Arabic-script language (Persian ی ک پ چ ژ گ vs Arabic ي ك ة). */
const FOREIGN_LETTERS: Partial<Record<Locale, RegExp>> = {
  ar: /[یکپچژگ]/u,
  fa: /[يكة]/u,
};

function valuesOf(leaf: Leaf): string[] {
  return Array.isArray(leaf) ? leaf : [leaf];
}

/** Every problem of one namespace in one locale, as readable lines. */
function problemsFor(ns: string, locale: Locale, from: Resources = resources): string[] {
  const problems: string[] = [];
  const own = leaves(locale, ns, from);
  if (!own) return [`${locale}/${ns}.json is missing`];
  const en = leaves('en', ns, from);
  const fi = leaves('fi', ns, from);

  // Keys: the union over every locale, so a key added anywhere must be added everywhere.
  const allKeys = new Set<string>();
  for (const l of SUPPORTED_LOCALES) for (const k of leaves(l, ns, from)?.keys() ?? []) allKeys.add(k);
  for (const key of allKeys) if (!own.has(key)) problems.push(`${locale}/${ns}: missing key ${key}`);

  for (const [key, value] of own) {
    if (!allKeys.has(key)) continue;
    const reference = fi?.get(key) ?? en?.get(key);
    if (Array.isArray(value) !== Array.isArray(reference ?? value)) problems.push(`${locale}/${ns}: ${key} is ${Array.isArray(value) ? 'a list' : 'a string'} here but not in fi`);
    if (Array.isArray(value) && value.length === 0) problems.push(`${locale}/${ns}: ${key} is an empty list`);
    for (const v of valuesOf(value)) if (!v.trim()) problems.push(`${locale}/${ns}: ${key} is empty`);

    // Interpolation variables must match the source (fi) exactly; lists have none.
    if (reference !== undefined && !Array.isArray(reference)) {
      const want = variables(reference);
      const got = variables(value);
      if (want.join() !== got.join()) problems.push(`${locale}/${ns}: ${key} has variables ${JSON.stringify(got)}, fi has ${JSON.stringify(want)}`);
    }

    // A copy of the English text is an untranslated string.
    const english = en?.get(key);
    if (locale !== 'en' && english !== undefined) {
      const englishValues = new Set(valuesOf(english).map((s) => s.trim().toLowerCase()));
      for (const v of valuesOf(value)) {
        if (englishValues.has(v.trim().toLowerCase()) && !untranslatable(v)) problems.push(`${locale}/${ns}: ${key} is a copy of the English ${JSON.stringify(v)}`);
      }
    }

    // Plain Finnish may keep a sentence that is already plain, but not a long one.
    if (locale === 'fi-x-selko' && fi?.get(key) !== undefined && !Array.isArray(value)) {
      if (value === fi.get(key) && longestSentence(value) > PLAIN_SENTENCE_WORDS) {
        problems.push(`fi-x-selko/${ns}: ${key} copies a long Finnish sentence instead of writing it plainly`);
      }
    }

    // The locale's own script.
    for (const v of valuesOf(value)) {
      const { share, letters } = scriptShare(v, locale);
      if (letters > 0 && share < 0.8) problems.push(`${locale}/${ns}: ${key} is not in ${SCRIPT_OF[locale]} script: ${JSON.stringify(v)}`);
      const foreign = FOREIGN_LETTERS[locale];
      if (foreign?.test(ownWords(v))) problems.push(`${locale}/${ns}: ${key} uses letters of the other Arabic-script language: ${JSON.stringify(v)}`);
    }

    // Finnish service terms stay beside the translation.
    const source = fi?.get(key);
    if (source !== undefined && !Array.isArray(source) && !locale.startsWith('fi')) {
      for (const term of SERVICE_TERMS) {
        if (source.toLowerCase().includes(term) && !valuesOf(value).some((v) => v.toLowerCase().includes(term))) {
          problems.push(`${locale}/${ns}: ${key} drops the Finnish service term "${term}…" (keep it in parentheses)`);
        }
      }
    }
  }
  // Plain Finnish as a whole is its own text, not standard Finnish again.
  if (locale === 'fi-x-selko' && fi) {
    const prose = [...own].filter(([k, v]) => typeof v === 'string' && typeof fi.get(k) === 'string' && wordCount(fi.get(k) as string) >= 5);
    const copied = prose.filter(([k, v]) => v === fi.get(k)).length;
    if (prose.length >= 4 && copied * 2 >= prose.length) problems.push(`fi-x-selko/${ns}: ${copied} of ${prose.length} sentences are copies of the Finnish text`);
  }
  return problems;
}

/** A sentence longer than this is not plain language. */
const PLAIN_SENTENCE_WORDS = 15;

function wordCount(text: string): number {
  return text.replace(PLACEHOLDER, ' x ').split(/\s+/u).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
}

function longestSentence(text: string): number {
  return Math.max(0, ...text.split(/[.!?:;]\s+/u).map(wordCount));
}

describe('locales', () => {
  it('ships a folder with meta.json for every supported locale', () => {
    expect(SUPPORTED_LOCALES.filter((l) => !locales.includes(l))).toEqual([]);
    expect(SUPPORTED_LOCALES.filter((l) => !meta[l])).toEqual([]);
    expect(locales.filter((l) => !(SUPPORTED_LOCALES as readonly string[]).includes(l))).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('%s meta.json names the language, its direction, and its review status', (locale) => {
    const m = meta[locale];
    expect(m.name).toBe(NATIVE_NAMES[locale]);
    expect(m.dir).toBe(isRtl(locale) ? 'rtl' : 'ltr');
    // Finnish is the source; everything else is a translation until a native speaker signs it off.
    expect(m.source).toBe(locale === 'fi');
    if (!m.source) expect(m.machineTranslated || m.reviewed).toBe(true);
  });

  it('keeps meta.json out of the translation namespaces', () => {
    expect(namespaces).not.toContain('meta');
    expect(namespaces).toContain('common');
  });
});

/**
 * Namespaces shipped in some locales only. The staff console is for municipal staff, who work in
 * Finnish, Swedish (the national languages) or English; the issue asks for exactly these three.
 */
const PARTIAL_NAMESPACES: Record<string, readonly Locale[]> = { console: ['fi', 'sv', 'en'] };

function localesOf(ns: string): readonly Locale[] {
  return PARTIAL_NAMESPACES[ns] ?? SUPPORTED_LOCALES;
}

const cases = namespaces.sort().flatMap((ns) => localesOf(ns).map((locale) => [ns, locale] as [string, Locale]));

describe('partial namespaces', () => {
  it.each(Object.entries(PARTIAL_NAMESPACES))('%s is in exactly its locales', (ns, want) => {
    expect(namespaces).toContain(ns);
    expect(locales.filter((l) => (resources[l] as Record<string, unknown>)[ns] !== undefined).sort()).toEqual([...want].sort());
  });
});

describe('translation parity', () => {
  it.each(cases)('%s in %s: keys, variables, no English copies, script, service terms', (ns, locale) => {
    expect(problemsFor(ns, locale)).toEqual([]);
  });
});

describe('the parity checks themselves', () => {
  it('read variables with formats and nesting', () => {
    expect(variables('{{count}} at {{date, datetime}} $t(common:menu.help)')).toEqual(['$t(common:menu.help)', '{{count}}', '{{date}}']);
  });

  it('tell scripts apart and ignore names, Finnish terms and placeholders', () => {
    expect(scriptShare('Привет, {{name}}! OMA-botti (henkilötunnus)', 'ru').share).toBe(1);
    expect(scriptShare('Hello there', 'ru').share).toBe(0);
    expect(scriptShare('مرحبا Salo', 'ar').share).toBe(1);
    expect(scriptShare('Hei hei', 'fa').share).toBe(0);
  });

  it('catch missing keys, changed variables, English copies, wrong script and dropped terms', () => {
    const fixture: Resources = {
      fi: { demo: { a: 'Hei {{name}}', b: 'Älä kirjoita henkilötunnustasi.', c: 'Varaa aika', d: 'Kieli' } },
      en: { demo: { a: 'Hi {{name}}', b: "Don't type your personal identity code (henkilötunnus).", c: 'Book a time', d: 'Language' } },
      ru: { demo: { a: 'Привет {{nimi}}', b: 'Не пишите личный код.', c: 'Book a time' } },
      fa: { demo: { a: 'سلام {{name}}', b: 'کد (henkilötunnus) را ننویسید', c: 'Varaa aika', d: 'زبان' } },
      ar: { demo: { a: 'مرحبا {{name}}', b: 'لا تكتب الرمز (henkilötunnus)', c: 'احجز موعدًا', d: 'زبان یک' } },
    };
    expect(problemsFor('demo', 'ru', fixture)).toEqual([
      'ru/demo: missing key d',
      'ru/demo: a has variables ["{{nimi}}"], fi has ["{{name}}"]',
      'ru/demo: b drops the Finnish service term "henkilötunnus…" (keep it in parentheses)',
      'ru/demo: c is a copy of the English "Book a time"',
      'ru/demo: c is not in cyrillic script: "Book a time"',
    ]);
    expect(problemsFor('demo', 'fa', fixture)).toEqual(['fa/demo: c is not in arabic script: "Varaa aika"']);
    // Persian ی and ک typed into Arabic.
    expect(problemsFor('demo', 'ar', fixture)).toEqual(['ar/demo: d uses letters of the other Arabic-script language: "زبان یک"']);
  });

  it('allow names and placeholders to equal the English value', () => {
    expect(untranslatable('OMA-botti')).toBe(true);
    expect(untranslatable('{{time}}')).toBe(true);
    expect(untranslatable('https://example.fi/apply')).toBe(true);
    expect(untranslatable('English')).toBe(true);
    expect(untranslatable('Book a time')).toBe(false);
  });
});
