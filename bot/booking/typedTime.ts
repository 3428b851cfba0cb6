/**
 * A day or a time the jobseeker typed at the booking's time step ("tiistai 8.12. klo 9.45",
 * "huomenna klo 10", "next Tuesday at 2 pm", "الثلاثاء الساعة ١٠"), read in Helsinki time and
 * matched to the free times: the one asked for, or the nearest ones. Pure: the caller passes the
 * clock's time and the free slots. The words per locale live in
 * prisma/data/typed-time-words.json, beside the other data files.
 */
import { readFileSync } from 'node:fs';
import { formatLocalDate, helsinkiLocalToUtcMs, isoWeekdayOfDay, utcMsToHelsinkiLocal, type DayNumber } from '../kernel/helsinkiTime.js';
import type { Locale } from '../i18n/locales.js';
import { projectUrl } from '../kernel/paths.js';

interface LocaleWords {
  weekdays: string[][];
  today: string[];
  tomorrow: string[];
  dayAfterTomorrow: string[];
  next: string[];
  nextWeek: string[];
  timeMarkers: string[];
  am: string[];
  pm: string[];
}

export const TYPED_TIME_WORDS_URL = projectUrl('prisma', 'data', 'typed-time-words.json');
const KINDS = ['today', 'tomorrow', 'dayAfterTomorrow', 'next', 'nextWeek', 'timeMarkers', 'am', 'pm'] as const;

let words: Record<string, LocaleWords> | undefined;

/** Read once; a locale with a missing list or not seven weekdays fails loudly rather than reading nothing. */
function loadWords(): Record<string, LocaleWords> {
  if (words) return words;
  const data = JSON.parse(readFileSync(TYPED_TIME_WORDS_URL, 'utf8')) as Record<string, unknown>;
  const out: Record<string, LocaleWords> = {};
  for (const [locale, value] of Object.entries(data)) {
    if (locale.startsWith('_')) continue;
    const w = value as LocaleWords;
    if (!Array.isArray(w.weekdays) || w.weekdays.length !== 7 || KINDS.some((k) => !Array.isArray(w[k]))) {
      throw new Error(`typed-time-words.json: incomplete word lists for ${locale}`);
    }
    out[locale] = w;
  }
  words = out;
  return out;
}

/** What the text asked for: a Helsinki day (YYYY-MM-DD) and/or a minute of the day. */
export interface TypedTime {
  day?: string;
  minuteOfDay?: number;
}

export interface OfferedSlot {
  start: Date;
  coachId: string;
}

export type TypedTimeMatch<S extends OfferedSlot> =
  | { kind: 'exact'; slot: S }
  /**
   * The free times nearest to what was asked, same day first; empty when nothing is free. `reason`
   * says how to introduce them: free times on the asked day, or none on that day / at that time.
   */
  | { kind: 'nearest'; slots: S[]; reason: NearestReason };

export type NearestReason = 'onDay' | 'nearestDay' | 'nearestTime' | 'nearestDayTime';

const DIGITS: Record<string, string> = {};
'٠١٢٣٤٥٦٧٨٩'.split('').forEach((d, i) => (DIGITS[d] = String(i)));
'۰۱۲۳۴۵۶۷۸۹'.split('').forEach((d, i) => (DIGITS[d] = String(i)));

/** Lower case, Western digits, no direction or joiner marks, Arabic letter variants folded. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[٠-٩۰-۹]/g, (d) => DIGITS[d])
    .replace(/[\u200c\u200e\u200f\u061c\u064b-\u0652]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/،/g, ',')
    .replace(/٫/g, '.')
    .replace(/\s+/g, ' ');
}

/** Persian and Arabic share letters: the forms of ي and ك are folded the same way in the words. */
function normaliseWord(word: string): string {
  return normalise(word).trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{M}])';

/** Finds the first of `words` (longest first) in `text`; `prefix` lets inflected endings follow. */
function findWord(text: string, words: readonly string[], prefix: boolean): { index: number; length: number } | undefined {
  const sorted = [...new Set(words.map(normaliseWord))].sort((a, b) => b.length - a.length);
  for (const w of sorted) {
    const m = new RegExp(`${BEFORE}${escape(w)}${prefix ? '' : AFTER}`, 'u').exec(text);
    if (m) return { index: m.index, length: m[0].length };
  }
  return undefined;
}

/** Blanks out what was read so that later patterns do not read it again. */
function consume(text: string, at: { index: number; length: number }): string {
  return text.slice(0, at.index) + ' '.repeat(at.length) + text.slice(at.index + at.length);
}

function wordsFor(locale: Locale): LocaleWords[] {
  const all = loadWords();
  const own = all[locale === 'fi-x-selko' ? 'fi' : locale];
  // Times are shown with Finnish words ("klo") on notices and signs; English is the common second language.
  return [own, all.fi, all.en].filter((w, i, all): w is LocaleWords => w !== undefined && all.indexOf(w) === i);
}

function dayOf(day: DayNumber, month: number, year: number | undefined, today: DayNumber): DayNumber | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const todayYear = new Date(today * 86_400_000).getUTCFullYear();
  const build = (y: number) => {
    const ms = Date.UTC(y, month - 1, day);
    const d = new Date(ms);
    return d.getUTCMonth() === month - 1 ? ms / 86_400_000 : undefined;
  };
  if (year !== undefined) return build(year < 100 ? 2000 + year : year);
  // Without a year, the next such date: "5.1." typed in December means January.
  const thisYear = build(todayYear);
  return thisYear !== undefined && thisYear >= today ? thisYear : build(todayYear + 1);
}

/**
 * Office hours run in the day, so "at 2" or "klo 3" without am/pm means the afternoon; an hour
 * of 7 or later is taken as written.
 */
function hourOf(hour: number, ampm: 'am' | 'pm' | undefined): number | undefined {
  if (hour > 23) return undefined;
  if (ampm === 'pm' && hour < 12) return hour + 12;
  if (ampm === 'am' && hour === 12) return 0;
  if (ampm === undefined && hour >= 1 && hour <= 6) return hour + 12;
  return hour;
}

/** Reads a day and/or a time from the text, in Helsinki time; undefined when it holds neither. */
export function parseTypedTime(text: string, locale: Locale, now: Date): TypedTime | undefined {
  let rest = ` ${normalise(text)} `;
  const lists = wordsFor(locale);
  const all = (pick: (w: LocaleWords) => string[]) => lists.flatMap(pick);
  const today = utcMsToHelsinkiLocal(now.getTime()).day;
  let day: DayNumber | undefined;

  // am / pm first, so "2 pm" reads as 14.00 and the word is not taken for anything else.
  let ampm: 'am' | 'pm' | undefined;
  const pm = findWord(rest, all((w) => w.pm), false);
  const am = findWord(rest, all((w) => w.am), false);
  if (pm && (!am || pm.length >= am.length)) {
    ampm = 'pm';
    rest = consume(rest, pm);
  } else if (am) {
    ampm = 'am';
    rest = consume(rest, am);
  }

  // A written date: 8.12., 8.12.2026, 08.12.2026, 8/12, 8/12/2026, 2026-12-08.
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(rest);
  if (iso) {
    day = dayOf(Number(iso[3]), Number(iso[2]), Number(iso[1]), today);
    rest = consume(rest, { index: iso.index, length: iso[0].length });
  } else {
    for (const dotted of rest.matchAll(/(?<![\d.:])(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}(?!\d))|\.(?!\d)|\/(?!\d))?/g)) {
      // "8.12." or "8/12" is a date; "10.30" without a final dot is a time and is read below.
      if (dotted[3] === undefined && !/[./]$/.test(dotted[0]) && !dotted[0].includes('/')) continue;
      day = dayOf(Number(dotted[1]), Number(dotted[2]), dotted[3] ? Number(dotted[3]) : undefined, today);
      if (day === undefined) continue;
      rest = consume(rest, { index: dotted.index, length: dotted[0].length });
      break;
    }
  }

  // Relative days, longest phrase first ("day after tomorrow" before "tomorrow").
  if (day === undefined) {
    for (const [words, offset] of [[all((w) => w.dayAfterTomorrow), 2], [all((w) => w.tomorrow), 1], [all((w) => w.today), 0]] as const) {
      const found = findWord(rest, words, false);
      if (found) {
        day = today + offset;
        rest = consume(rest, found);
        break;
      }
    }
  }

  // "Next week" names a week, not the next such weekday: "ensi viikon torstaina" typed on a Monday
  // is Thursday of the following week, where "ensi torstaina" is this week's.
  const nextWeek = day === undefined ? findWord(rest, all((w) => w.nextWeek), true) : undefined;
  if (nextWeek) rest = consume(rest, nextWeek);

  // A weekday: the next one from today ("Tuesday" on a Tuesday is today); "next Tuesday" is after today.
  let weekday: number | undefined;
  for (const w of lists) {
    for (let i = 0; i < 7 && weekday === undefined; i++) {
      const found = findWord(rest, w.weekdays[i], true);
      if (found) {
        weekday = i + 1;
        rest = consume(rest, found);
      }
    }
    if (weekday !== undefined) break;
  }
  if (nextWeek && day === undefined) {
    const nextMonday = today - (isoWeekdayOfDay(today) - 1) + 7;
    day = nextMonday + (weekday ?? 1) - 1;
  } else if (weekday !== undefined && day === undefined) {
    const next = findWord(rest, all((w) => w.next), true) !== undefined;
    const ahead = (weekday - isoWeekdayOfDay(today) + 7) % 7;
    day = today + (ahead === 0 && next ? 7 : ahead);
  }

  // The time: after a marker ("klo 9.45", "at 2", "в 10", "الساعة ١٠"), then h:mm or h.mm, then a lone hour.
  let minuteOfDay: number | undefined;
  const markers = all((w) => w.timeMarkers).map(normaliseWord).sort((a, b) => b.length - a.length).map(escape).join('|');
  const patterns = [
    new RegExp(`${BEFORE}(?:${markers})\\.?\\s*(\\d{1,2})(?:[:.](\\d{2}))?(?!\\d)`, 'u'),
    /(?<![\d.:/])(\d{1,2})[:.](\d{2})(?![\d/])/,
    /(?<![\d.:/])(\d{1,2})(?![\d.:/])/,
  ];
  for (const re of patterns) {
    const m = re.exec(rest);
    if (!m) continue;
    const minute = m[2] === undefined ? 0 : Number(m[2]);
    const hour = hourOf(Number(m[1]), ampm);
    if (hour !== undefined && minute < 60) {
      minuteOfDay = hour * 60 + minute;
      break;
    }
  }

  if (day === undefined && minuteOfDay === undefined) return undefined;
  return { ...(day !== undefined ? { day: formatLocalDate(day) } : {}), ...(minuteOfDay !== undefined ? { minuteOfDay } : {}) };
}

const DEFAULT_NEAREST = 5;

/**
 * The free time asked for, or the nearest free times: on the asked day first (closest to the asked
 * time), then the other days by distance. With only a time, the earliest day offering it wins.
 */
export function matchTypedTime<S extends OfferedSlot>(asked: TypedTime, slots: readonly S[], count = DEFAULT_NEAREST): TypedTimeMatch<S> {
  const local = slots.map((slot) => {
    const l = utcMsToHelsinkiLocal(slot.start.getTime());
    return { slot, day: formatLocalDate(l.day), dayNumber: l.day, minute: l.minuteOfDay };
  });
  if (asked.minuteOfDay !== undefined) {
    const exact = local.find((s) => s.minute === asked.minuteOfDay && (asked.day === undefined || s.day === asked.day));
    if (exact) return { kind: 'exact', slot: exact.slot };
  }
  const target =
    asked.day !== undefined
      ? helsinkiLocalToUtcMs(Date.parse(`${asked.day}T00:00:00Z`) / 86_400_000, asked.minuteOfDay ?? 0)
      : undefined;
  const scored = local.map((s) => {
    const sameDay = asked.day !== undefined && s.day === asked.day;
    const distance =
      target !== undefined
        ? Math.abs(s.slot.start.getTime() - target)
        : // Only a time: closest time of day first, earlier days before later ones.
          Math.abs(s.minute - (asked.minuteOfDay ?? 0)) * 100_000 + s.dayNumber;
    return { s, rank: sameDay ? 0 : 1, distance };
  });
  scored.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.s.slot.start.getTime() - b.s.slot.start.getTime());
  const nearest = scored.slice(0, count).map((x) => x.s.slot);
  nearest.sort((a, b) => a.start.getTime() - b.start.getTime());
  const dayHasTimes = scored.some((x) => x.rank === 0);
  const reason: NearestReason =
    asked.minuteOfDay === undefined ? (dayHasTimes ? 'onDay' : 'nearestDay') : asked.day === undefined ? 'nearestTime' : 'nearestDayTime';
  return { kind: 'nearest', slots: nearest, reason };
}
