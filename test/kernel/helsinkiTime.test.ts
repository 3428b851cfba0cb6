import { describe, expect, it } from 'vitest';
import { helsinkiDate, helsinkiOffsetMinutesAt, helsinkiToUtc, utcToHelsinki } from '../../bot/kernel/helsinkiTime.js';

describe('Helsinki wall clock to UTC', () => {
  it.each([
    // date, time, UTC instant, why
    ['2026-03-27', '09:00', '2026-03-27T07:00:00.000Z', 'winter time, UTC+2'],
    ['2026-03-29', '02:59', '2026-03-29T00:59:00.000Z', 'last minute before the spring change'],
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z', 'skipped hour moves forward to 04:30'],
    ['2026-03-29', '04:00', '2026-03-29T01:00:00.000Z', 'first summer-time minute'],
    ['2026-03-30', '09:00', '2026-03-30T06:00:00.000Z', 'summer time, UTC+3'],
    ['2026-10-23', '09:00', '2026-10-23T06:00:00.000Z', 'summer time before the autumn change'],
    ['2026-10-25', '03:30', '2026-10-25T00:30:00.000Z', 'repeated hour takes the earlier instant'],
    ['2026-10-25', '04:00', '2026-10-25T02:00:00.000Z', 'after the autumn change'],
    ['2026-10-26', '09:00', '2026-10-26T07:00:00.000Z', 'winter time again'],
    ['2027-03-28', '12:00', '2027-03-28T09:00:00.000Z', 'next year, last Sunday of March'],
    ['2026-12-31', '24:00', '2026-12-31T22:00:00.000Z', '24:00 is the end of the day'],
  ])('%s %s is %s (%s)', (date, time, iso) => {
    expect(helsinkiToUtc(date, time).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-30T06:00:00Z', '2026-03-30', '09:00', 1, 180],
    ['2026-10-26T07:00:00Z', '2026-10-26', '09:00', 1, 120],
    ['2026-10-25T00:30:00Z', '2026-10-25', '03:30', 7, 180],
    ['2026-10-25T01:30:00Z', '2026-10-25', '03:30', 7, 120],
    ['2026-12-31T22:30:00Z', '2027-01-01', '00:30', 5, 120],
  ])('%s reads as %s %s in Helsinki', (iso, date, time, weekday, offset) => {
    expect(utcToHelsinki(new Date(iso))).toEqual({ date, time, weekday, offsetMinutes: offset });
  });

  it.each([['2026-02-30', '09:00'], ['2026-13-01', '09:00'], ['2026-01-01', '24:30'], ['2026-01-01', '9:00'], ['26-01-01', '09:00']])(
    'rejects %s %s',
    (date, time) => {
      expect(() => helsinkiToUtc(date, time)).toThrow(RangeError);
    },
  );

  it('agrees with the tz database for 2024–2030', () => {
    // The arithmetic rule replaces Intl in the hot path; Intl is the reference here.
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const mismatches: string[] = [];
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2031, 0, 1);
    for (let t = start; t < end; t += 47 * 60_000 * 7) {
      const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
      const expected = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
      const local = utcToHelsinki(new Date(t));
      if (`${local.date} ${local.time}` !== expected) mismatches.push(new Date(t).toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('changes offset exactly at 01:00 UTC on the transition Sundays', () => {
    expect(helsinkiOffsetMinutesAt(Date.parse('2026-03-29T00:59:59Z'))).toBe(120);
    expect(helsinkiOffsetMinutesAt(Date.parse('2026-03-29T01:00:00Z'))).toBe(180);
    expect(helsinkiOffsetMinutesAt(Date.parse('2026-10-25T00:59:59Z'))).toBe(180);
    expect(helsinkiOffsetMinutesAt(Date.parse('2026-10-25T01:00:00Z'))).toBe(120);
  });

  it('reports the Helsinki calendar date across daylight saving time', () => {
    expect(helsinkiDate(new Date('2021-02-28T23:30:00Z'))).toBe('2021-03-01');
    expect(helsinkiDate(new Date('2023-06-30T20:59:00Z'))).toBe('2023-06-30');
    expect(helsinkiDate(new Date('2023-06-30T21:00:00Z'))).toBe('2023-07-01');
  });
});
