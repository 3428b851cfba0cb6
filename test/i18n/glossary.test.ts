/**
 * Issue 15: a reader sees one term per concept, natural grammar and one label per action.
 * - locales/<lng>/glossary.json gives one translation per Finnish service term and the variants
 *   rejected for it; every string of the locale is checked against it.
 * - No "(а)"/"(ла)"-style gender hedges: a sentence is rephrased so gender is not needed.
 * - Where Finnish (the source) labels one action with one text under several keys, so does every
 *   locale: the same button never reads two ways.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../bot/i18n/i18n.js';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';

interface Glossary {
  terms: Record<string, { use: string; forms?: string[]; reject: string[] }>;
}

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');
const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../prisma/data/knowledge');
const { resources } = readLocaleResources();

function glossary(locale: Locale): Glossary {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, locale, 'glossary.json'), 'utf8')) as Glossary;
}

/** Every string of a locale, keyed "namespace:path". */
function strings(locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') out.set(key, value);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key.endsWith(':') ? `${key}${k}` : `${key}.${k}`);
  };
  for (const [ns, tree] of Object.entries(resources[locale] ?? {})) walk(tree, `${ns}:`);
  return out;
}

describe('glossary', () => {
  it.each(SUPPORTED_LOCALES)('%s has a glossary with one translation per service term', (locale) => {
    const g = glossary(locale);
    expect(Object.keys(g.terms).length).toBeGreaterThanOrEqual(5);
    for (const [term, entry] of Object.entries(g.terms)) {
      expect(entry.use.trim(), term).not.toBe('');
      // A rejected variant must not be the chosen term itself.
      expect(entry.reject.filter((r) => r === entry.use), term).toEqual([]);
    }
  });

  it.each(SUPPORTED_LOCALES)('%s: every string uses the glossary\'s term and never a rejected variant', (locale) => {
    const g = glossary(locale);
    const all = strings(locale);
    const text = [...all.values()].join('\n');
    const offending: string[] = [];
    for (const [term, entry] of Object.entries(g.terms)) {
      for (const variant of entry.reject) {
        for (const [key, value] of all) if (value.includes(variant)) offending.push(`${key}: "${variant}" (${term} is "${entry.use}")`);
      }
    }
    expect(offending).toEqual([]);
    const unused = Object.entries(g.terms).filter(([, e]) => ![e.use, ...(e.forms ?? [])].some((f) => text.toLocaleLowerCase().includes(f.toLocaleLowerCase())));
    expect(unused.map(([term]) => term), 'terms the locale never uses (a stale glossary)').toEqual([]);
  });
});

/** Every text of a locale's knowledge articles (what the bot answers questions with), keyed "knowledge/<lng>:<id>.<field>". */
function articleTexts(locale: Locale): Map<string, string> {
  const file = JSON.parse(fs.readFileSync(path.join(KNOWLEDGE_DIR, `${locale}.json`), 'utf8')) as { articles: Array<Record<string, unknown> & { id: string }> };
  const out = new Map<string, string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') out.set(key, value);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${key}.${k}`);
  };
  // What the bot writes: topic, title, short and long. The example questions are what users type, and
  // users say "TE-офис" as well as "бюро TE", so they keep both; the rest are ids and file names.
  for (const article of file.articles) for (const field of ['topic', 'title', 'short', 'long']) walk(article[field], `knowledge/${locale}:${article.id}.${field}`);
  return out;
}

describe('glossary in the knowledge articles', () => {
  it.each(SUPPORTED_LOCALES)('%s: the articles use the glossary\'s term and never a rejected variant', (locale) => {
    const texts = articleTexts(locale);
    expect(texts.size).toBeGreaterThan(20);
    const offending: string[] = [];
    for (const [term, entry] of Object.entries(glossary(locale).terms)) {
      for (const variant of entry.reject) for (const [key, value] of texts) if (value.includes(variant)) offending.push(`${key}: "${variant}" (${term} is "${entry.use}")`);
    }
    expect(offending).toEqual([]);
  });
});

describe('natural grammar', () => {
  // "участвовал(а)", "брав(ла)", "cancelled/а": a word with its feminine ending in brackets or after a slash.
  const HEDGE = /\p{L}\((?:а|ла|я|на|ая|ий|ой|ка|ся|лася|ла\s?ся)\)|[\p{Script=Cyrillic}]\/(?:а|ла|я|на)(?!\p{L})/u;
  it.each(SUPPORTED_LOCALES)('%s has no gender hedges', (locale) => {
    const hedged = [...strings(locale)].filter(([, v]) => HEDGE.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(hedged).toEqual([]);
  });
});

describe('one label per action', () => {
  // Labels the user taps or reads as a button: menu items, choices, actions, topics, skip and back.
  const ACTION_KEY = /:(?:.*\.)?(?:menu|choices|actions|topics?|mode)\.[^.]+$|:(?:.*\.)?(?:skip|back|book)$/u;
  const source = strings('fi');
  const groups = new Map<string, string[]>();
  for (const [key, value] of source) {
    if (!ACTION_KEY.test(key) || key.startsWith('console:')) continue;
    groups.set(value, [...(groups.get(value) ?? []), key]);
  }
  const shared = [...groups.entries()].filter(([, keys]) => keys.length > 1);

  it('finds actions Finnish labels the same way in several places', () => {
    expect(shared.length).toBeGreaterThan(3);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'fi'))('%s labels each such action one way', (locale) => {
    const own = strings(locale);
    const split = shared
      .map(([fi, keys]) => ({ fi, labels: [...new Set(keys.map((k) => own.get(k)).filter((v): v is string => v !== undefined))], keys }))
      .filter((g) => g.labels.length > 1)
      .map((g) => `"${g.fi}" -> ${g.labels.map((l) => `"${l}"`).join(' / ')} (${g.keys.join(', ')})`);
    expect(split).toEqual([]);
  });
});
