/**
 * i18next with locales/{lng}/{namespace}.json. Each turn uses a fixed `t` for the user's
 * language (getFixedT); the global language is never changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type TFunction, type Resource } from 'i18next';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from './locales.js';

export type { TFunction } from 'i18next';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');

/** Reads every locales/{lng}/{ns}.json into an i18next resource object. */
export function readLocaleResources(dir = LOCALES_DIR): { resources: Resource; namespaces: string[]; locales: string[] } {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  const locales: string[] = [];
  for (const lng of fs.readdirSync(dir).sort()) {
    const lngDir = path.join(dir, lng);
    if (!fs.statSync(lngDir).isDirectory()) continue;
    locales.push(lng);
    resources[lng] = {};
    for (const file of fs.readdirSync(lngDir).filter((f) => f.endsWith('.json')).sort()) {
      const ns = file.replace(/\.json$/, '');
      namespaces.add(ns);
      resources[lng][ns] = JSON.parse(fs.readFileSync(path.join(lngDir, file), 'utf8'));
    }
  }
  return { resources, namespaces: [...namespaces], locales };
}

export interface Translator {
  i18n: I18n;
  /** The shipped locales: supported ones that have a folder in locales/. */
  shipped: Locale[];
  t(locale: string): TFunction;
}

export function createTranslator(dir = LOCALES_DIR): Translator {
  const { resources, namespaces, locales } = readLocaleResources(dir);
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
  };
}
