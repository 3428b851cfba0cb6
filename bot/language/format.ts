/**
 * Dates, times and numbers for a locale, always in Helsinki time (the bot serves Finland,
 * whatever the server's or the user's zone). Dates use the Gregorian calendar in every
 * locale, because appointments and letters refer to Gregorian dates.
 *
 * Every locale writes the day before the month and uses a 24-hour clock. Weekday names and
 * number separators come from Intl; the order of the date, the clock and the digits are fixed
 * here per locale, because the platform's data is wrong for a reader in Finland in several of
 * them (measured with Node 20's ICU):
 * - Somali (`so`) writes month/day ("12/7/2026" for 7 December) and a 12-hour clock ("8:00 GH");
 * - Arabic (`ar`) uses a 12-hour clock ("8:00 ص");
 * - Persian (`fa`) puts the year first ("۲۰۲۶/۱۲/۷"), which reads as a Solar Hijri date;
 * - English for Finland (`en-FI`) mixes Finnish punctuation into English ("8.00", "0,5"), so
 *   English follows British usage throughout ("07/12/2026", "08:00", "1,234.5").
 * Finnish and Finland-Swedish keep their own "klo 8.00" / "kl. 8.00".
 */
import type { Locale } from '../i18n/locales.js';

export const TIME_ZONE = 'Europe/Helsinki';

const INTL_TAGS: Record<Locale, string> = {
  fi: 'fi',
  'fi-x-selko': 'fi',
  sv: 'sv-FI',
  en: 'en-GB',
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

/** The Helsinki wall-clock fields of an instant, as Latin digits. */
interface Fields {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

interface LocaleStyle {
  date(f: Fields): string;
  time(f: Fields): string;
  /** Weekday, date and time; `weekday` is short or long as the caller asked. */
  dateTime(weekday: string, date: string, time: string): string;
  /** Digits other than 0–9, in order from zero. */
  digits?: string;
}

const pad = (s: string): string => s.padStart(2, '0');
const FI_STYLE: LocaleStyle = {
  date: (f) => `${f.day}.${f.month}.${f.year}`,
  time: (f) => `${f.hour}.${f.minute}`,
  dateTime: (w, d, t) => `${w} ${d} klo ${t}`,
};
const COMMA_STYLE = (date: (f: Fields) => string): LocaleStyle => ({
  date,
  time: (f) => `${f.hour}:${f.minute}`,
  dateTime: (w, d, t) => `${w}, ${d}, ${t}`,
});

const STYLES: Record<Locale, LocaleStyle> = {
  fi: FI_STYLE,
  'fi-x-selko': FI_STYLE,
  sv: {
    date: (f) => `${f.day}.${f.month}.${f.year}`,
    time: (f) => `${f.hour}.${f.minute}`,
    dateTime: (w, d, t) => `${w} ${d} kl. ${t}`,
  },
  en: {
    date: (f) => `${pad(f.day)}/${pad(f.month)}/${f.year}`,
    time: (f) => `${pad(f.hour)}:${f.minute}`,
    dateTime: (w, d, t) => `${w} ${d}, ${t}`,
  },
  ru: COMMA_STYLE((f) => `${pad(f.day)}.${pad(f.month)}.${f.year}`),
  uk: COMMA_STYLE((f) => `${pad(f.day)}.${pad(f.month)}.${f.year}`),
  et: COMMA_STYLE((f) => `${f.day}.${f.month}.${f.year}`),
  so: COMMA_STYLE((f) => `${f.day}/${f.month}/${f.year}`),
  ar: {
    // The right-to-left marks keep day/month/year in reading order inside Arabic text (as CLDR does).
    date: (f) => `${f.day}\u200f/${f.month}\u200f/${f.year}`,
    time: (f) => `${f.hour}:${f.minute}`,
    dateTime: (w, d, t) => `${w}، ${d}، ${t}`,
  },
  fa: {
    date: (f) => `${f.day}/${f.month}/${f.year}`,
    time: (f) => `${f.hour}:${f.minute}`,
    dateTime: (w, d, t) => `${w} ${d}، ${t}`,
    digits: '۰۱۲۳۴۵۶۷۸۹',
  },
};

const FIELDS_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function fieldsOf(date: Date): Fields {
  const out: Record<string, string> = {};
  for (const p of FIELDS_FORMAT.formatToParts(date)) out[p.type] = p.value;
  return {
    year: out.year,
    month: String(Number(out.month)),
    day: String(Number(out.day)),
    hour: String(Number(out.hour)),
    minute: pad(out.minute),
  };
}

function localDigits(text: string, locale: Locale): string {
  const digits = STYLES[locale].digits;
  return digits ? text.replace(/[0-9]/gu, (d) => digits[Number(d)]) : text;
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The weekday as it stands before a date and time in the locale: Finnish "maanantaina",
 * not the dictionary form "maanantai", so it is taken from a whole date-time format.
 */
function weekdayInDateTime(date: Date, locale: Locale, style: WeekdayStyle): string {
  const key = `${locale}|${style}`;
  let f = weekdayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: TIME_ZONE, calendar: 'gregory', weekday: style, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit',
    });
    weekdayFormats.set(key, f);
  }
  return f.formatToParts(date).find((p) => p.type === 'weekday')?.value ?? formatWeekday(date, locale, style);
}

/** Numeric date, day first: fi "7.12.2026", en "07/12/2026", so "7/12/2026", fa "۷/۱۲/۲۰۲۶". */
export function formatDate(date: Date, locale: Locale): string {
  return localDigits(STYLES[locale].date(fieldsOf(date)), locale);
}

/** Hours and minutes in Helsinki on a 24-hour clock: fi "14.30", en "08:00", ar "14:30". */
export function formatTime(date: Date, locale: Locale): string {
  return localDigits(STYLES[locale].time(fieldsOf(date)), locale);
}

/** Weekday, date and time: fi "ma 7.12.2026 klo 8.00", en "Mon 07/12/2026, 08:00". */
export function formatDateTime(date: Date, locale: Locale, weekday: WeekdayStyle = 'short'): string {
  const f = fieldsOf(date);
  const style = STYLES[locale];
  return localDigits(style.dateTime(weekdayInDateTime(date, locale, weekday), style.date(f), style.time(f)), locale);
}

const weekdayOnly = new Map<string, Intl.DateTimeFormat>();

/** The localized weekday of the Helsinki date, e.g. fi "maanantai", sv "måndag". */
export function formatWeekday(date: Date, locale: Locale, style: WeekdayStyle = 'long'): string {
  const key = `${locale}|${style}`;
  let f = weekdayOnly.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { weekday: style, timeZone: TIME_ZONE, calendar: 'gregory' });
    weekdayOnly.set(key, f);
  }
  return f.format(date);
}

/** Monday first, as in Finland. */
export function weekdayNames(locale: Locale, style: WeekdayStyle = 'long'): string[] {
  // 2024-01-01 was a Monday; noon UTC is the same date in Helsinki.
  return Array.from({ length: 7 }, (_, i) => formatWeekday(new Date(Date.UTC(2024, 0, 1 + i, 12)), locale, style));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Numbers with the locale's separators; Persian with Persian digits, the others with 0–9. */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), { numberingSystem: locale === 'fa' ? 'arabext' : 'latn', ...options });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/**
 * What the chat page needs to write a timestamp exactly as formatDateTime does, without a copy of
 * the rules above in the browser: the locale's date-time pattern with the fields as tokens ({d} or
 * {dd} day, {M} or {MM} month, {y} year, {H} or {HH} hour, {mm} minute, {w} weekday), the seven
 * weekdays in the form they take there (Monday first) and the locale's digits.
 */
export interface ClockPattern {
  dateTime: string;
  weekdays: string[];
  digits?: string;
}

// Friday 7 March 2031 08:05 in Helsinki: every field tells padded from unpadded and none repeats.
const PATTERN_SAMPLE = new Date(Date.UTC(2031, 2, 7, 6, 5));
const PATTERN_TOKENS: Record<string, string> = { '2031': '{y}', '07': '{dd}', '7': '{d}', '03': '{MM}', '3': '{M}', '08': '{HH}', '8': '{H}', '05': '{mm}' };

export function clockPattern(locale: Locale, weekday: WeekdayStyle = 'short'): ClockPattern {
  const digits = STYLES[locale].digits;
  const latin = (text: string) => (digits ? text.replace(/./gu, (c) => (digits.includes(c) ? String(digits.indexOf(c)) : c)) : text);
  const shown = latin(formatDateTime(PATTERN_SAMPLE, locale, weekday).replace(weekdayInDateTime(PATTERN_SAMPLE, locale, weekday), '{w}'));
  const dateTime = shown.replace(/[0-9]+/gu, (n) => {
    const token = PATTERN_TOKENS[n];
    if (!token) throw new Error(`${locale}: no token for "${n}" in "${shown}"`);
    return token;
  });
  // 2024-01-01 was a Monday; noon UTC is the same date in Helsinki.
  const weekdays = Array.from({ length: 7 }, (_, i) => weekdayInDateTime(new Date(Date.UTC(2024, 0, 1 + i, 12)), locale, weekday));
  return { dateTime, weekdays, ...(digits ? { digits } : {}) };
}
