/**
 * i18next with locales/{lng}/{namespace}.json. Each turn uses a fixed `t` for the user's
 * language (getFixedT); the global language is never changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type TFunction, type Resource } from 'i18next';
import { projectPath } from '../kernel/paths.js';
import { META_FILE, parseLocaleMeta, type LocaleMeta } from './localeMeta.js';
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
  const cache = new Map<string, TFunction>();
  return {
    i18n: instance,
    shipped,
    t(locale: string) {
      let fixed = cache.get(locale);
      if (!fixed) {
        fixed = instance.getFixedT(shipped.includes(locale as Locale) ? locale : DEFAULT_LOCALE);
        cache.set(locale, fixed);
      }
      return fixed;
    },
    meta: (locale: string) => meta[locale],
  };
}
