/**
 * Free appointment slots for one or more coaches.
 *
 * Availability is stated in Helsinki wall-clock time (weekly hours plus dated
 * exceptions); appointments already booked are UTC intervals. The result is a
 * list of UTC slots ordered by (start, coachId), so several coaches interleave
 * by time and a page can be continued exactly where the previous one ended.
 *
 * Speed: availability is compiled once per coach into minute ranges, and each
 * coach's slots are generated lazily day by day and merged through a small heap,
 * so a request for the next ten slots touches only a day or two per coach.
 */
import {
  type DayNumber,
  helsinkiLocalToUtcMs,
  isoWeekdayOfDay,
  parseLocalDate,
  parseLocalTime,
  utcMsToHelsinkiLocal,
} from '../kernel/helsinkiTime.js';

export { helsinkiToUtc, utcToHelsinki } from '../kernel/helsinkiTime.js';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** A wall-clock range within one day, `HH:MM`–`HH:MM`, end exclusive; `24:00` ends the day. */
export interface TimeRange {
  start: string;
  end: string;
}

/** Working hours per weekday in Helsinki time; a missing weekday means no hours. */
export type WeeklyHours = Partial<Record<WeekdayKey, readonly TimeRange[]>>;

export type ExceptionReason = 'holiday' | 'sick' | 'training' | 'other';

/**
 * A dated change to the weekly hours, in Helsinki time, for each date from `from`
 * to `to` inclusive (`to` defaults to `from`).
 * - `off` without start/end removes whole days; with them, that part of each day.
 * - `extra` adds hours. When `off` and `extra` overlap, `off` wins: an absence
 *   such as a sick day must never leave bookable time behind.
 */
export type AvailabilityException =
  | { kind: 'off'; from: string; to?: string; start?: string; end?: string; reason?: ExceptionReason }
  | { kind: 'extra'; from: string; to?: string; start: string; end: string; reason?: ExceptionReason };

export interface CoachAvailability {
  coachId: string;
  weekly: WeeklyHours;
  exceptions?: readonly AvailabilityException[];
}

/** A booked appointment (or other busy time) as a UTC interval, end exclusive. */
export interface BusyInterval {
  start: Date;
  end: Date;
}

export interface FreeSlot {
  coachId: string;
  start: Date;
  end: Date;
}

/** Continues a listing after this slot (exclusive), for "later times". */
export interface SlotCursor {
  start: Date;
  coachId: string;
}

export interface SlotQuery {
  now: Date;
  /** Length of an appointment. */
  slotMinutes: number;
  /** Distance between offered starts within a working period; defaults to `slotMinutes`. */
  stepMinutes?: number;
  /** No slot starts earlier than now + lead time. Defaults to 0 (never in the past). */
  leadMinutes?: number;
  /** Slots start before now + horizon. */
  horizonDays: number;
  /** Only slots starting at or after this instant. */
  from?: Date;
  /** Only slots ordered after this one: pass the last slot of the previous page. */
  after?: SlotCursor;
  /** At most this many slots; all within the horizon when omitted. */
  limit?: number;
}

/** Minute ranges [start, end) within a day, sorted and non-overlapping. */
export type MinuteRanges = readonly (readonly [number, number])[];

/** Availability prepared once per coach; reuse it across requests. */
export interface CompiledAvailability {
  readonly coachId: string;
  /** Index 1..7 by ISO weekday; index 0 unused. */
  readonly weekly: readonly MinuteRanges[];
  readonly offByDay: ReadonlyMap<DayNumber, MinuteRanges>;
  readonly extraByDay: ReadonlyMap<DayNumber, MinuteRanges>;
  readonly compiled: true;
}

export interface CoachSlotInput {
  availability: CoachAvailability | CompiledAvailability;
  /** Booked appointments; cancelled ones must not be passed in. */
  busy?: readonly BusyInterval[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WHOLE_DAY: MinuteRanges = [[0, 1440]];

function normaliseRanges(ranges: (readonly [number, number])[]): MinuteRanges {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function parseRange(range: TimeRange, what: string): readonly [number, number] {
  const s = parseLocalTime(range.start);
  const e = parseLocalTime(range.end);
  if (e <= s) throw new RangeError(`${what}: end ${range.end} is not after start ${range.start}`);
  return [s, e];
}

function subtractRanges(base: MinuteRanges, cut: MinuteRanges): MinuteRanges {
  if (cut.length === 0) return base;
  const out: [number, number][] = [];
  for (const [bs, be] of base) {
    let s = bs;
    for (const [cs, ce] of cut) {
      if (ce <= s || cs >= be) continue;
      if (cs > s) out.push([s, cs]);
      s = Math.max(s, ce);
      if (s >= be) break;
    }
    if (s < be) out.push([s, be]);
  }
  return out;
}

function addToDayMap(map: Map<DayNumber, [number, number][]>, day: DayNumber, range: readonly [number, number]): void {
  const list = map.get(day);
  if (list) list.push([range[0], range[1]]);
  else map.set(day, [[range[0], range[1]]]);
}

/** Validates and prepares a coach's availability; throws RangeError on malformed data. */
export function compileAvailability(input: CoachAvailability): CompiledAvailability {
  const weekly: MinuteRanges[] = [[]];
  for (const key of WEEKDAY_KEYS) {
    const ranges = (input.weekly[key] ?? []).map((r) => parseRange(r, `${input.coachId} ${key}`));
    weekly.push(normaliseRanges(ranges));
  }
  const off = new Map<DayNumber, [number, number][]>();
  const extra = new Map<DayNumber, [number, number][]>();
  for (const ex of input.exceptions ?? []) {
    const first = parseLocalDate(ex.from);
    const last = ex.to === undefined ? first : parseLocalDate(ex.to);
    if (last < first) throw new RangeError(`${input.coachId}: exception ends ${ex.to} before it starts ${ex.from}`);
    if ((ex.start === undefined) !== (ex.end === undefined)) {
      throw new RangeError(`${input.coachId}: exception ${ex.from} needs both start and end, or neither`);
    }
    const range =
      ex.start === undefined || ex.end === undefined
        ? WHOLE_DAY[0]
        : parseRange({ start: ex.start, end: ex.end }, `${input.coachId} exception ${ex.from}`);
    for (let day = first; day <= last; day++) addToDayMap(ex.kind === 'off' ? off : extra, day, range);
  }
  const finish = (m: Map<DayNumber, [number, number][]>) =>
    new Map<DayNumber, MinuteRanges>([...m].map(([d, r]) => [d, normaliseRanges(r)]));
  return { coachId: input.coachId, weekly, offByDay: finish(off), extraByDay: finish(extra), compiled: true };
}

function isCompiled(a: CoachAvailability | CompiledAvailability): a is CompiledAvailability {
  return (a as CompiledAvailability).compiled === true;
}

/** Working periods of one Helsinki day, in minutes after local midnight. */
function workingRangesOnDay(a: CompiledAvailability, day: DayNumber): MinuteRanges {
  let ranges = a.weekly[isoWeekdayOfDay(day)];
  const extra = a.extraByDay.get(day);
  if (extra) ranges = normaliseRanges([...ranges, ...extra]);
  const off = a.offByDay.get(day);
  if (off) ranges = subtractRanges(ranges, off);
  return ranges;
}

/** Merges busy intervals into sorted, disjoint [start, end) pairs in ms. */
function mergeBusy(busy: readonly BusyInterval[]): { starts: Float64Array; ends: Float64Array } {
  const pairs = busy
    .map((b) => [b.start.getTime(), b.end.getTime()] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of pairs) {
    const n = ends.length;
    if (n > 0 && s <= ends[n - 1]) ends[n - 1] = Math.max(ends[n - 1], e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/** Generates one coach's free slot starts in increasing order, a day at a time. */
class CoachSlotStream {
  /** Start (ms) of the current slot; valid while `done` is false. */
  current = 0;
  done = false;
  private buffer: number[] = [];
  private index = 0;
  private day: DayNumber;
  private busyIndex = 0;
  private readonly busyStarts: Float64Array;
  private readonly busyEnds: Float64Array;

  constructor(
    readonly coachId: string,
    private readonly availability: CompiledAvailability,
    busy: readonly BusyInterval[],
    private readonly slotMs: number,
    private readonly stepMs: number,
    /** Inclusive lower bound for starts. */
    private readonly earliest: number,
    /** Exclusive upper bound for starts. */
    private readonly latest: number,
    /** Starts equal to this are allowed only if coachId sorts after the cursor's. */
    private readonly tieStart: number,
    private readonly lastDay: DayNumber,
  ) {
    const merged = mergeBusy(busy);
    this.busyStarts = merged.starts;
    this.busyEnds = merged.ends;
    this.day = utcMsToHelsinkiLocal(earliest).day;
    this.advance();
  }

  advance(): void {
    while (this.index >= this.buffer.length) {
      if (this.day > this.lastDay) {
        this.done = true;
        return;
      }
      this.fillDay(this.day++);
    }
    this.current = this.buffer[this.index++];
  }

  private fillDay(day: DayNumber): void {
    this.buffer.length = 0;
    this.index = 0;
    for (const [startMin, endMin] of workingRangesOnDay(this.availability, day)) {
      const windowStart = helsinkiLocalToUtcMs(day, startMin);
      const windowEnd = helsinkiLocalToUtcMs(day, endMin);
      // Starts stay on the grid of the working period, not of the lower bound,
      // so the offered times do not shift with the moment of asking.
      let s = windowStart;
      if (s < this.earliest) s += Math.ceil((this.earliest - s) / this.stepMs) * this.stepMs;
      for (; s + this.slotMs <= windowEnd && s < this.latest; s += this.stepMs) {
        if (s === this.tieStart) continue;
        if (this.overlapsBusy(s, s + this.slotMs)) continue;
        this.buffer.push(s);
      }
    }
  }

  private overlapsBusy(start: number, end: number): boolean {
    // Slots arrive in increasing order, so intervals ending before this slot never matter again.
    while (this.busyIndex < this.busyEnds.length && this.busyEnds[this.busyIndex] <= start) this.busyIndex++;
    return this.busyIndex < this.busyStarts.length && this.busyStarts[this.busyIndex] < end;
  }
}

function before(a: CoachSlotStream, b: CoachSlotStream): boolean {
  return a.current < b.current || (a.current === b.current && a.coachId < b.coachId);
}

/** A binary min-heap of streams keyed by (current start, coachId). */
class StreamHeap {
  private readonly items: CoachSlotStream[] = [];

  get size(): number {
    return this.items.length;
  }

  push(s: CoachSlotStream): void {
    const a = this.items;
    a.push(s);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  peek(): CoachSlotStream {
    return this.items[0];
  }

  /** Restores order after the top stream advanced, or drops it when finished. */
  fixTop(): void {
    const a = this.items;
    if (a[0].done) {
      const last = a.pop()!;
      if (a.length === 0) return;
      a[0] = last;
    }
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && before(a[l], a[m])) m = l;
      if (r < a.length && before(a[r], a[m])) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m], a[i]];
      i = m;
    }
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/**
 * Free slots of the given coaches, sorted by start and then coachId.
 * A slot is free when it lies wholly inside a working period and overlaps no busy interval.
 */
export function findFreeSlots(coaches: readonly CoachSlotInput[], query: SlotQuery): FreeSlot[] {
  const slotMs = positiveInteger(query.slotMinutes, 'slotMinutes') * MINUTE_MS;
  const stepMs = positiveInteger(query.stepMinutes ?? query.slotMinutes, 'stepMinutes') * MINUTE_MS;
  const lead = query.leadMinutes ?? 0;
  if (!Number.isFinite(lead) || lead < 0) throw new RangeError('leadMinutes must be a non-negative number');
  if (!Number.isFinite(query.horizonDays) || query.horizonDays < 0) throw new RangeError('horizonDays must be a non-negative number');
  if (!Number.isFinite(query.now.getTime())) throw new RangeError('now is not a valid date');
  const leadMs = lead * MINUTE_MS;
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return [];
  const nowMs = query.now.getTime();
  const latest = nowMs + query.horizonDays * DAY_MS;
  let earliest = nowMs + leadMs;
  if (query.from) earliest = Math.max(earliest, query.from.getTime());
  const afterMs = query.after?.start.getTime();
  if (afterMs !== undefined) earliest = Math.max(earliest, afterMs);
  if (earliest >= latest) return [];
  const lastDay = utcMsToHelsinkiLocal(latest).day;

  const heap = new StreamHeap();
  for (const coach of coaches) {
    const availability = isCompiled(coach.availability) ? coach.availability : compileAvailability(coach.availability);
    // At the cursor's own start time, only coaches sorting after the cursor's coach remain.
    const tieStart =
      afterMs !== undefined && afterMs >= earliest && availability.coachId <= query.after!.coachId ? afterMs : Number.NaN;
    const stream = new CoachSlotStream(
      availability.coachId,
      availability,
      coach.busy ?? [],
      slotMs,
      stepMs,
      earliest,
      latest,
      tieStart,
      lastDay,
    );
    if (!stream.done) heap.push(stream);
  }

  const out: FreeSlot[] = [];
  while (heap.size > 0 && out.length < limit) {
    const top = heap.peek();
    out.push({ coachId: top.coachId, start: new Date(top.current), end: new Date(top.current + slotMs) });
    top.advance();
    heap.fixTop();
  }
  return out;
}

/** The cursor that continues after the last slot of a page, or undefined for an empty page. */
export function cursorAfter(slots: readonly FreeSlot[]): SlotCursor | undefined {
  const last = slots[slots.length - 1];
  return last ? { start: last.start, coachId: last.coachId } : undefined;
}
