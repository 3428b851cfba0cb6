/**
 * i18next with locales/{lng}/{namespace}.json. Each turn uses a fixed `t` for the user's
 * language (getFixedT); the global language is never changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type TFunction, type Resource } from 'i18next';
import { projectPath } from '../kernel/paths.js';
import { META_FILE, parseLocaleMeta, type LocaleMeta } from './localeMeta.js';

const GLOSSARY_FILE = 'glossary.json';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from './locales.js';

export type { TFunction } from 'i18next';

const LOCALES_DIR = projectPath('locales');

export interface LocaleResources {
  resources: Resource;
  namespaces: string[];
  locales: string[];
  /** locales/{lng}/meta.json of each locale that has one (not an i18next namespace). */
  meta: Record<string, LocaleMeta>;
}

/** Reads every locales/{lng}/{ns}.json into an i18next resource object, and each meta.json beside it. */
export function readLocaleResources(dir = LOCALES_DIR): LocaleResources {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  const locales: string[] = [];
  const meta: Record<string, LocaleMeta> = {};
  for (const lng of fs.readdirSync(dir).sort()) {
    const lngDir = path.join(dir, lng);
    if (!fs.statSync(lngDir).isDirectory()) continue;
    locales.push(lng);
    resources[lng] = {};
    for (const file of fs.readdirSync(lngDir).filter((f) => f.endsWith('.json')).sort()) {
      // The glossary (one translation per service term) is checked by test/i18n/glossary.test.ts, not rendered.
      if (file === GLOSSARY_FILE) continue;
      if (file === META_FILE) {
        meta[lng] = parseLocaleMeta(lng, JSON.parse(fs.readFileSync(path.join(lngDir, file), 'utf8')));
        continue;
      }
      const ns = file.replace(/\.json$/, '');
      namespaces.add(ns);
      resources[lng][ns] = JSON.parse(fs.readFileSync(path.join(lngDir, file), 'utf8'));
    }
  }
  return { resources, namespaces: [...namespaces], locales, meta };
}

export interface Translator {
  i18n: I18n;
  /** The shipped locales: supported ones that have a folder in locales/. */
  shipped: Locale[];
  t(locale: string): TFunction;
  /** The locale's meta.json (name, direction, machine-made, reviewed), if it has one. */
  meta(locale: string): LocaleMeta | undefined;
}

/** Labels without arguments remembered per locale; more keys than the resources hold means misuse. */
const MAX_MEMO_ENTRIES = 10_000;

interface MemoTranslator {
  t: TFunction;
  forget(): void;
}

/**
 * A fixed translator that remembers what argument-free keys render to: menu and choice labels are
 * rendered again whenever an answer is recognised (14.8 i18next calls per turn, BENCHMARKS.md),
 * always to the same text. Calls with arguments, options or several keys go to i18next.
 */
function memoised(fixedT: TFunction): MemoTranslator {
  const fixed = fixedT as unknown as (...args: unknown[]) => unknown;
  const memo = new Map<string, unknown>();
  const t = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
    const plain = typeof key === 'string' && rest.length === 0 && (options === undefined || (isPlainObject(options) && Object.keys(options).length === 0));
    if (!plain) return fixed(key, options, ...rest);
    if (memo.has(key)) return memo.get(key);
    const value = fixed(key);
    if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
    memo.set(key, value);
    return value;
  }) as unknown as TFunction;
  return { t, forget: () => memo.clear() };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

export function createTranslator(dir = LOCALES_DIR): Translator {
  const { resources, namespaces, locales, meta } = readLocaleResources(dir);
  const shipped = SUPPORTED_LOCALES.filter((l) => locales.includes(l));
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...shipped],
    // Keep `fi-x-selko` as written; i18next would otherwise upper-case parts of the tag.
    lowerCaseLng: true,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0]);
  // One translator per shipped locale: any other tag (a channel may send anything) gets the
  // default's, so the map never grows past the shipped locales.
  const byLocale = new Map<string, MemoTranslator>();
  for (const locale of shipped) byLocale.set(locale, memoised(instance.getFixedT(locale)));
  const fallback = byLocale.get(DEFAULT_LOCALE) ?? memoised(instance.getFixedT(DEFAULT_LOCALE));
  // Article titles are added after start-up; a label looked up before must not stay stale.
  instance.store.on('added', () => {
    for (const fixed of byLocale.values()) fixed.forget();
    fallback.forget();
  });
  return {
    i18n: instance,
    shipped,
    t(locale: string) {
      return (byLocale.get(locale) ?? fallback).t;
    },
    meta: (locale: string) => meta[locale],
  };
}
