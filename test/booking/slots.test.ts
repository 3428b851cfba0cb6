import { describe, expect, it } from 'vitest';
import {
  type AvailabilityException,
  type BusyInterval,
  type CoachAvailability,
  type CoachSlotInput,
  type FreeSlot,
  type SlotQuery,
  type WeeklyHours,
  compileAvailability,
  cursorAfter,
  findFreeSlots,
  helsinkiToUtc,
  utcToHelsinki,
} from '../../bot/booking/slots.js';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function hours(days: readonly (typeof EVERY_DAY)[number][], ...ranges: [string, string][]): WeeklyHours {
  return Object.fromEntries(days.map((d) => [d, ranges.map(([start, end]) => ({ start, end }))]));
}

/** A slot as a Helsinki reader sees it: "2026-03-30 09:00 coach". */
function local(slot: FreeSlot): string {
  const s = utcToHelsinki(slot.start);
  return `${s.date} ${s.time} ${slot.coachId}`;
}

function hel(date: string, time: string): Date {
  return helsinkiToUtc(date, time);
}

const baseQuery = (now: Date, extra: Partial<SlotQuery> = {}): SlotQuery => ({
  now,
  slotMinutes: 60,
  horizonDays: 28,
  ...extra,
});

const coach = (
  coachId: string,
  weekly: WeeklyHours,
  exceptions: AvailabilityException[] = [],
  busy: BusyInterval[] = [],
): CoachSlotInput => ({ availability: { coachId, weekly, exceptions }, busy });

describe('free slots across daylight-saving changes', () => {
  it.each([
    {
      week: 'spring forward (Sun 29.3.2026)',
      now: '2026-03-26T00:00:00Z',
      expected: [
        ['2026-03-26', '2026-03-26T07:00:00.000Z'],
        ['2026-03-27', '2026-03-27T07:00:00.000Z'],
        ['2026-03-28', '2026-03-28T07:00:00.000Z'],
        ['2026-03-29', '2026-03-29T06:00:00.000Z'],
        ['2026-03-30', '2026-03-30T06:00:00.000Z'],
        ['2026-03-31', '2026-03-31T06:00:00.000Z'],
        ['2026-04-01', '2026-04-01T06:00:00.000Z'],
      ],
    },
    {
      week: 'fall back (Sun 25.10.2026)',
      now: '2026-10-22T00:00:00Z',
      expected: [
        ['2026-10-22', '2026-10-22T06:00:00.000Z'],
        ['2026-10-23', '2026-10-23T06:00:00.000Z'],
        ['2026-10-24', '2026-10-24T06:00:00.000Z'],
        ['2026-10-25', '2026-10-25T07:00:00.000Z'],
        ['2026-10-26', '2026-10-26T07:00:00.000Z'],
        ['2026-10-27', '2026-10-27T07:00:00.000Z'],
        ['2026-10-28', '2026-10-28T07:00:00.000Z'],
      ],
    },
  ])('a 09:00 slot stays 09:00 Helsinki time in the $week week', ({ now, expected }) => {
    const slots = findFreeSlots([coach('c1', hours(EVERY_DAY, ['09:00', '10:00']))], baseQuery(new Date(now), { horizonDays: 7 }));
    expect(slots.map((s) => [utcToHelsinki(s.start).date, s.start.toISOString()])).toEqual(expected);
    for (const s of slots) {
      expect(utcToHelsinki(s.start).time).toBe('09:00');
      expect(s.end.getTime() - s.start.getTime()).toBe(60 * 60_000);
    }
  });

  it('keeps real durations when a working period spans the night of the change', () => {
    // 02:00–05:00 on the spring Sunday is only two real hours long.
    const slots = findFreeSlots(
      [coach('night', { sun: [{ start: '02:00', end: '05:00' }] })],
      baseQuery(new Date('2026-03-28T12:00:00Z'), { horizonDays: 2 }),
    );
    expect(slots.map((s) => s.start.toISOString())).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z']);
    expect(slots.map((s) => utcToHelsinki(s.start).time)).toEqual(['02:00', '04:00']);
  });
});

describe('working hours and exceptions', () => {
  // Monday 7.12.2026 … Friday 11.12.2026; "now" is the Sunday before.
  const now = hel('2026-12-06', '12:00');
  const weekly = hours(WORKDAYS, ['09:00', '11:30'], ['12:15', '16:00']);
  const dayOf = (slots: FreeSlot[], date: string) =>
    slots.filter((s) => utcToHelsinki(s.start).date === date).map((s) => utcToHelsinki(s.start).time);

  it.each<{ name: string; exceptions: AvailabilityException[]; date: string; times: string[] }>([
    { name: 'ordinary day', exceptions: [], date: '2026-12-08', times: ['09:00', '09:30', '10:00', '10:30', '11:00', '12:15', '12:45', '13:15', '13:45', '14:15', '14:45', '15:15'] },
    { name: 'whole day off', exceptions: [{ kind: 'off', from: '2026-12-08', reason: 'sick' }], date: '2026-12-08', times: [] },
    {
      name: 'date range off covers the middle day',
      exceptions: [{ kind: 'off', from: '2026-12-07', to: '2026-12-09', reason: 'holiday' }],
      date: '2026-12-08',
      times: [],
    },
    {
      name: 'afternoon off',
      exceptions: [{ kind: 'off', from: '2026-12-08', start: '12:00', end: '16:00', reason: 'training' }],
      date: '2026-12-08',
      times: ['09:00', '09:30', '10:00', '10:30', '11:00'],
    },
    {
      name: 'short absence splits a period and later slots follow its end',
      exceptions: [{ kind: 'off', from: '2026-12-08', start: '09:40', end: '10:00' }],
      date: '2026-12-08',
      times: ['09:00', '10:00', '10:30', '11:00', '12:15', '12:45', '13:15', '13:45', '14:15', '14:45', '15:15'],
    },
    {
      name: 'extra hours on a Saturday',
      exceptions: [{ kind: 'extra', from: '2026-12-12', start: '10:00', end: '12:00' }],
      date: '2026-12-12',
      times: ['10:00', '10:30', '11:00', '11:30'],
    },
    {
      name: 'extra hours joining the lunch gap',
      exceptions: [{ kind: 'extra', from: '2026-12-08', start: '11:30', end: '12:15' }],
      date: '2026-12-08',
      times: ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30'],
    },
    {
      name: 'a sick day cancels extra hours on the same day',
      exceptions: [
        { kind: 'extra', from: '2026-12-12', start: '10:00', end: '12:00' },
        { kind: 'off', from: '2026-12-12', reason: 'sick' },
      ],
      date: '2026-12-12',
      times: [],
    },
  ])('$name', ({ exceptions, date, times }) => {
    const slots = findFreeSlots([coach('c1', weekly, exceptions)], baseQuery(now, { slotMinutes: 30, horizonDays: 7 }));
    expect(dayOf(slots, date)).toEqual(times);
  });

  it('offers overlapping starts when the step is shorter than the slot', () => {
    const slots = findFreeSlots(
      [coach('c1', hours(['mon'], ['09:00', '11:30']))],
      baseQuery(now, { slotMinutes: 60, stepMinutes: 30, horizonDays: 2 }),
    );
    expect(slots.map((s) => utcToHelsinki(s.start).time)).toEqual(['09:00', '09:30', '10:00', '10:30']);
  });

  it.each<[string, CoachAvailability]>([
    ['end before start', { coachId: 'x', weekly: { mon: [{ start: '10:00', end: '09:00' }] } }],
    ['impossible time', { coachId: 'x', weekly: { mon: [{ start: '09:00', end: '25:00' }] } }],
    ['impossible date', { coachId: 'x', weekly: {}, exceptions: [{ kind: 'off', from: '2026-02-30' }] }],
    ['range ending before it starts', { coachId: 'x', weekly: {}, exceptions: [{ kind: 'off', from: '2026-12-10', to: '2026-12-09' }] }],
    ['start without end', { coachId: 'x', weekly: {}, exceptions: [{ kind: 'off', from: '2026-12-10', start: '09:00' }] }],
  ])('rejects availability with %s', (_, availability) => {
    expect(() => compileAvailability(availability)).toThrow(RangeError);
  });
});

describe('booked appointments', () => {
  const now = hel('2026-12-06', '12:00');
  const weekly = hours(['mon'], ['09:00', '12:00']);
  const times = (busy: BusyInterval[]) =>
    findFreeSlots([coach('c1', weekly, [], busy)], baseQuery(now, { horizonDays: 2 })).map((s) => utcToHelsinki(s.start).time);

  it.each<[string, BusyInterval[], string[]]>([
    ['none', [], ['09:00', '10:00', '11:00']],
    ['one booked slot', [{ start: hel('2026-12-07', '10:00'), end: hel('2026-12-07', '11:00') }], ['09:00', '11:00']],
    ['an odd-length booking touching two slots', [{ start: hel('2026-12-07', '09:50'), end: hel('2026-12-07', '10:10') }], ['11:00']],
    ['a booking that ends as a slot starts', [{ start: hel('2026-12-07', '08:00'), end: hel('2026-12-07', '09:00') }], ['09:00', '10:00', '11:00']],
    [
      'overlapping and unsorted bookings',
      [
        { start: hel('2026-12-07', '10:30'), end: hel('2026-12-07', '11:30') },
        { start: hel('2026-12-07', '09:00'), end: hel('2026-12-07', '10:45') },
      ],
      [],
    ],
  ])('%s', (_, busy, expected) => {
    expect(times(busy)).toEqual(expected);
  });

  it('frees a slot again when its booking is removed (cancelled)', () => {
    const booking = { start: hel('2026-12-07', '10:00'), end: hel('2026-12-07', '11:00') };
    const compiled = compileAvailability({ coachId: 'c1', weekly });
    const query = baseQuery(now, { horizonDays: 2 });
    const before = findFreeSlots([{ availability: compiled, busy: [] }], query);
    const booked = findFreeSlots([{ availability: compiled, busy: [booking] }], query);
    const cancelled = findFreeSlots([{ availability: compiled, busy: [] }], query);
    expect(booked.map(local)).not.toContain('2026-12-07 10:00 c1');
    expect(cancelled).toEqual(before);
  });

  it("blocks only the coach who is booked", () => {
    const booking = { start: hel('2026-12-07', '10:00'), end: hel('2026-12-07', '11:00') };
    const slots = findFreeSlots([coach('a', weekly, [], [booking]), coach('b', weekly)], baseQuery(now, { horizonDays: 2 }));
    expect(slots.map(local).filter((s) => s.includes('10:00'))).toEqual(['2026-12-07 10:00 b']);
  });
});

describe('lead time, past and horizon', () => {
  const weekly = hours(WORKDAYS, ['09:00', '11:30'], ['12:15', '16:00']);
  const firstTimes = (now: Date, extra: Partial<SlotQuery>) =>
    findFreeSlots([coach('c1', weekly)], baseQuery(now, { slotMinutes: 30, limit: 3, ...extra })).map((s) => {
      const l = utcToHelsinki(s.start);
      return `${l.date} ${l.time}`;
    });

  it.each<[string, Date, Partial<SlotQuery>, string[]]>([
    ['nothing in the past', hel('2026-12-07', '09:10'), {}, ['2026-12-07 09:30', '2026-12-07 10:00', '2026-12-07 10:30']],
    ['a slot starting right now is still offered', hel('2026-12-07', '09:30'), {}, ['2026-12-07 09:30', '2026-12-07 10:00', '2026-12-07 10:30']],
    ['two hours of lead time', hel('2026-12-07', '08:30'), { leadMinutes: 120 }, ['2026-12-07 10:30', '2026-12-07 11:00', '2026-12-07 12:15']],
    ['lead time across the weekend', hel('2026-12-11', '15:00'), { leadMinutes: 120 }, ['2026-12-14 09:00', '2026-12-14 09:30', '2026-12-14 10:00']],
    ['`from` in the past does not reach back before now', hel('2026-12-07', '10:40'), { from: hel('2026-12-01', '09:00') }, ['2026-12-07 11:00', '2026-12-07 12:15', '2026-12-07 12:45']],
    ['`from` later than now', hel('2026-12-07', '08:00'), { from: hel('2026-12-09', '13:00') }, ['2026-12-09 13:15', '2026-12-09 13:45', '2026-12-09 14:15']],
  ])('%s', (_, now, extra, expected) => {
    expect(firstTimes(now, extra)).toEqual(expected);
  });

  it('offers nothing that starts at or beyond the horizon', () => {
    const now = hel('2026-12-07', '09:00');
    const slots = findFreeSlots([coach('c1', weekly)], baseQuery(now, { slotMinutes: 30, horizonDays: 2 }));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.start.getTime() < now.getTime() + 2 * 86_400_000)).toBe(true);
    expect(local(slots[slots.length - 1])).toBe('2026-12-08 15:15 c1');
  });
});

describe('several coaches and "later times"', () => {
  const now = hel('2026-12-06', '12:00');
  const coaches = [
    coach('b-coach', hours(WORKDAYS, ['09:00', '12:00'])),
    coach('a-coach', hours(WORKDAYS, ['09:30', '12:00'])),
    coach('c-coach', hours(['tue'], ['08:00', '10:00'])),
  ];

  it('interleaves coaches by time, then by coach id', () => {
    const slots = findFreeSlots(coaches, baseQuery(now, { slotMinutes: 30, limit: 8 }));
    expect(slots.map(local)).toEqual([
      '2026-12-07 09:00 b-coach',
      '2026-12-07 09:30 a-coach',
      '2026-12-07 09:30 b-coach',
      '2026-12-07 10:00 a-coach',
      '2026-12-07 10:00 b-coach',
      '2026-12-07 10:30 a-coach',
      '2026-12-07 10:30 b-coach',
      '2026-12-07 11:00 a-coach',
    ]);
  });

  it.each([1, 2, 3, 5, 7])('pages of %i continue without overlap or gap', (pageSize) => {
    const query = baseQuery(now, { slotMinutes: 30, horizonDays: 9 });
    const all = findFreeSlots(coaches, query);
    const paged: FreeSlot[] = [];
    let after = undefined as ReturnType<typeof cursorAfter>;
    for (let guard = 0; guard < 1000; guard++) {
      const page = findFreeSlots(coaches, { ...query, limit: pageSize, after });
      if (page.length === 0) break;
      paged.push(...page);
      after = cursorAfter(page);
    }
    expect(paged.map(local)).toEqual(all.map(local));
    expect(new Set(paged.map(local)).size).toBe(paged.length);
  });

  it.each<[string, Partial<SlotQuery>]>([
    ['a zero slot length', { slotMinutes: 0 }],
    ['a fractional step', { stepMinutes: 7.5 }],
    ['a negative lead time', { leadMinutes: -30 }],
    ['an unknown horizon', { horizonDays: Number.NaN }],
    ['an invalid now', { now: new Date('not a date') }],
  ])('rejects a query with %s', (_, change) => {
    expect(() => findFreeSlots(coaches, { ...baseQuery(now), ...change })).toThrow(RangeError);
  });

  it('returns no slots for a limit of zero or an empty coach list', () => {
    expect(findFreeSlots(coaches, baseQuery(now, { limit: 0 }))).toEqual([]);
    expect(findFreeSlots([], baseQuery(now))).toEqual([]);
  });
});
