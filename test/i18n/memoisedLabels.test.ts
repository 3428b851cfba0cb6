/**
 * The translator remembers argument-free labels per locale (they are rendered again on every
 * recognised answer). What it returns must be exactly what i18next renders, for every key of
 * every shipped locale, the first time and from memory, and it must not go stale when resources
 * are added after start-up.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createTranslator, readLocaleResources } from '../../bot/i18n/i18n.js';

const { resources, namespaces } = readLocaleResources();

function keysOf(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** A plain i18next with the same settings and no memory: the reference. */
function reference() {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    fallbackLng: 'fi',
    supportedLngs: Object.keys(resources),
    lowerCaseLng: true,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance;
}

describe('argument-free labels remembered per locale', () => {
  const translator = createTranslator();
  const plain = reference();

  it('render exactly as i18next does, for every key in every shipped locale, first and second time', () => {
    let compared = 0;
    for (const locale of translator.shipped) {
      const t = translator.t(locale);
      const expected = plain.getFixedT(locale);
      for (const ns of namespaces) {
        for (const key of keysOf((resources[locale] as Record<string, unknown> | undefined)?.[ns])) {
          const full = `${ns}:${key}`;
          const want = expected(full);
          expect(t(full), `${locale} ${full}`).toEqual(want);
          expect(t(full), `${locale} ${full} (remembered)`).toEqual(want);
          expect(t(full, {}), `${locale} ${full} with {}`).toEqual(want);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('still interpolates when given arguments', () => {
    const t = translator.t('en');
    expect(String(t('privacy:tooLong', { max: 1234 }))).toContain('1234');
    expect(String(t('privacy:tooLong', { max: 99 }))).toContain('99');
  });

  it('gives any unshipped tag the default language, without keeping a translator per tag', () => {
    const fi = translator.t('fi');
    for (const tag of ['en-US', 'xx', 'zz-Latn-ZZ', '']) expect(translator.t(tag)).toBe(fi);
  });

  it('forgets what it remembered when resources are added', () => {
    const t = translator.t('sv');
    expect(t('memoTest:label')).toBe('label');
    translator.i18n.addResourceBundle('sv', 'memoTest', { label: 'Etikett' }, true, true);
    expect(t('memoTest:label')).toBe('Etikett');
  });
});
