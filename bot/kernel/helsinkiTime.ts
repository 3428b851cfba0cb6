/**
 * Europe/Helsinki wall-clock time <-> UTC instants, without Intl.
 *
 * Finland follows the EU summer-time rule (Directive 2000/84/EC): summer time
 * starts at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC on the
 * last Sunday of October. Standard time is UTC+2, summer time UTC+3. The rule
 * is computed with plain arithmetic so that slot computation can call it
 * thousands of times per request; a test checks it against the tz database
 * through Intl. Valid from 1996, when the EU moved the autumn change to October.
 */
import type { Clock } from './clock.js';

export const HELSINKI_STANDARD_OFFSET_MIN = 120;
export const HELSINKI_SUMMER_OFFSET_MIN = 180;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A calendar date as the number of days since 1970-01-01 (the "day number"). */
export type DayNumber = number;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface HelsinkiDateTime {
  /** `YYYY-MM-DD` in Helsinki. */
  date: string;
  /** `HH:MM` in Helsinki (24-hour clock). */
  time: string;
  weekday: IsoWeekday;
  /** Minutes east of UTC in force at that instant: 120 or 180. */
  offsetMinutes: number;
}

const transitionsByYear = new Map<number, readonly [number, number]>();

function lastSundayUtcMs(year: number, monthIndex: number): number {
  const lastDay = Date.UTC(year, monthIndex + 1, 0);
  const dow = new Date(lastDay).getUTCDay(); // 0 = Sunday
  return lastDay - dow * DAY_MS;
}

/** UTC instants (ms) at which summer time starts and ends in `year`. */
export function summerTimeBounds(year: number): readonly [number, number] {
  let bounds = transitionsByYear.get(year);
  if (!bounds) {
    bounds = [lastSundayUtcMs(year, 2) + 3_600_000, lastSundayUtcMs(year, 9) + 3_600_000];
    transitionsByYear.set(year, bounds);
  }
  return bounds;
}

/** UTC offset in minutes in force in Helsinki at the instant `utcMs`. */
export function helsinkiOffsetMinutesAt(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const [start, end] = summerTimeBounds(year);
  return utcMs >= start && utcMs < end ? HELSINKI_SUMMER_OFFSET_MIN : HELSINKI_STANDARD_OFFSET_MIN;
}

/**
 * UTC ms for a Helsinki wall-clock time given as day number + minutes after
 * local midnight. Times that do not exist (the spring-forward hour) move
 * forward by an hour, and times that occur twice (the autumn hour) take the
 * earlier instant, as Temporal's "compatible" disambiguation does.
 */
export function helsinkiLocalToUtcMs(day: DayNumber, minuteOfDay: number): number {
  const wallMs = day * DAY_MS + minuteOfDay * MINUTE_MS;
  const summerCandidate = wallMs - HELSINKI_SUMMER_OFFSET_MIN * MINUTE_MS;
  if (helsinkiOffsetMinutesAt(summerCandidate) === HELSINKI_SUMMER_OFFSET_MIN) return summerCandidate;
  // Either standard time, or the skipped hour: both resolve with the standard offset.
  return wallMs - HELSINKI_STANDARD_OFFSET_MIN * MINUTE_MS;
}

/** Helsinki day number and minute of day for a UTC instant. */
export function utcMsToHelsinkiLocal(utcMs: number): { day: DayNumber; minuteOfDay: number; offsetMinutes: number } {
  const offsetMinutes = helsinkiOffsetMinutesAt(utcMs);
  const wallMs = utcMs + offsetMinutes * MINUTE_MS;
  const day = Math.floor(wallMs / DAY_MS);
  return { day, minuteOfDay: Math.floor((wallMs - day * DAY_MS) / MINUTE_MS), offsetMinutes };
}

export function isoWeekdayOfDay(day: DayNumber): IsoWeekday {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((day + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Parses `YYYY-MM-DD` to a day number; throws RangeError for impossible dates. */
export function parseLocalDate(date: string): DayNumber {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${date}`);
  }
  return ms / DAY_MS;
}

/** Parses `HH:MM` (00:00–24:00) to minutes after midnight; throws RangeError otherwise. */
export function parseLocalTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not an HH:MM time: ${time}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) throw new RangeError(`no such time: ${time}`);
  return h * 60 + min;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatLocalDate(day: DayNumber): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function formatLocalTime(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** The UTC instant of a Helsinki wall-clock date and time, e.g. ('2026-03-30', '09:00'). */
export function helsinkiToUtc(date: string, time: string): Date {
  return new Date(helsinkiLocalToUtcMs(parseLocalDate(date), parseLocalTime(time)));
}

/** The Helsinki wall-clock date, time and weekday of a UTC instant. */
export function utcToHelsinki(instant: Date): HelsinkiDateTime {
  const { day, minuteOfDay, offsetMinutes } = utcMsToHelsinkiLocal(instant.getTime());
  return {
    date: formatLocalDate(day),
    time: formatLocalTime(minuteOfDay),
    weekday: isoWeekdayOfDay(day),
    offsetMinutes,
  };
}

/** The Helsinki calendar date (YYYY-MM-DD) of an instant, or of a clock's now. */
export function helsinkiDate(when: Date | Clock): string {
  const utcMs = (when instanceof Date ? when : when.now()).getTime();
  if (!Number.isFinite(utcMs)) throw new RangeError('Invalid time value');
  return formatLocalDate(utcMsToHelsinkiLocal(utcMs).day);
}

/** The last `days` Helsinki days up to today: a report's default range. */
export function lastHelsinkiDays(clock: Clock, days: number): { from: string; to: string } {
  const now = clock.now().getTime();
  return { from: helsinkiDate(new Date(now - (days - 1) * DAY_MS)), to: helsinkiDate(new Date(now)) };
}
