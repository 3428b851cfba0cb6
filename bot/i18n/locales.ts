/**
 * The shipped locales. Plain Finnish (selkosuomi) uses the BCP 47 private-use tag
 * `fi-x-selko`, so Intl falls back to Finnish formatting for it.
 */
export const SUPPORTED_LOCALES = ['fi', 'fi-x-selko', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'so', 'fa'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'fi';

const RTL_LOCALES: readonly Locale[] = ['ar', 'fa'];

/** Each language written in its own name, for pickers and menus. */
export const NATIVE_NAMES: Record<Locale, string> = {
  fi: 'Suomi',
  'fi-x-selko': 'Selkosuomi',
  sv: 'Svenska',
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  et: 'Eesti',
  ar: 'العربية',
  so: 'Soomaali',
  fa: 'فارسی',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Maps a channel locale such as `en-US` or `sv_FI` to a shipped locale, or undefined. */
export function toSupportedLocale(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const lower = value.trim().toLowerCase().replace('_', '-');
  if (isLocale(lower)) return lower;
  if (lower.startsWith('fi-x-selko')) return 'fi-x-selko';
  const base = lower.split('-')[0];
  if (base === 'pes' || base === 'prs') return 'fa';
  return isLocale(base) ? base : undefined;
}

export function isRtl(locale: string): boolean {
  return (RTL_LOCALES as readonly string[]).includes(locale);
}

/** The best shipped locale from an Accept-Language header. */
export function fromAcceptLanguage(header: string | undefined, shipped: readonly Locale[]): Locale | undefined {
  if (!header || header.length > 1000) return undefined;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = toSupportedLocale(tag);
    if (locale && shipped.includes(locale)) return locale;
  }
  return undefined;
}
