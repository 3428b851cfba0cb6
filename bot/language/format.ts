/**
 * Dates, times and numbers for a locale, always in Helsinki time (the bot serves Finland,
 * whatever the server's or the user's zone). Dates use the Gregorian calendar in every
 * locale, because appointments and letters refer to Gregorian dates; Persian still gets its
 * own digits and month names. English and Swedish use their Finland variants (30/03/2025,
 * 30.3.2025) rather than US or Sweden conventions.
 */
import type { Locale } from '../i18n/locales.js';

export const TIME_ZONE = 'Europe/Helsinki';

const INTL_TAGS: Record<Locale, string> = {
  fi: 'fi',
  'fi-x-selko': 'fi',
  sv: 'sv-FI',
  en: 'en-FI',
  ru: 'ru',
  uk: 'uk',
  et: 'et',
  ar: 'ar',
  so: 'so',
  fa: 'fa',
};

/** The BCP 47 tag handed to Intl for a locale; plain Finnish formats as Finnish. */
export function intlLocale(locale: Locale): string {
  return INTL_TAGS[locale];
}

export type WeekdayStyle = 'long' | 'short';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: TIME_ZONE, calendar: 'gregory' });
    dateFormats.set(key, f);
  }
  return f;
}

/** Numeric date, e.g. fi "30.3.2025", en "30/03/2025", fa "۲۰۲۵/۳/۳۰". */
export function formatDate(date: Date, locale: Locale): string {
  return dateFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(date);
}

/** Hours and minutes in Helsinki, e.g. fi "14.30", ru "14:30". */
export function formatTime(date: Date, locale: Locale): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** Weekday, date and time, e.g. fi "ma 31.3.2025 klo 14.30". */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** The localized weekday of the Helsinki date, e.g. fi "maanantai", sv "måndag". */
export function formatWeekday(date: Date, locale: Locale, style: WeekdayStyle = 'long'): string {
  return dateFormat(locale, { weekday: style }).format(date);
}

/** Monday first, as in Finland. */
export function weekdayNames(locale: Locale, style: WeekdayStyle = 'long'): string[] {
  // 2024-01-01 was a Monday; noon UTC is the same date in Helsinki.
  return Array.from({ length: 7 }, (_, i) => formatWeekday(new Date(Date.UTC(2024, 0, 1 + i, 12)), locale, style));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, f);
  }
  return f.format(value);
}
