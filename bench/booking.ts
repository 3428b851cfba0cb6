/** Free-slot computation for 50 coaches over 4 weeks (issue 6 target: p99 < 20 ms). */
import { type BenchRow, percentile, round, sample } from './lib.js';
import {
  type BusyInterval,
  type CoachAvailability,
  type CoachSlotInput,
  type SlotQuery,
  compileAvailability,
  findFreeSlots,
  helsinkiToUtc,
} from '../bot/booking/slots.js';

const COACHES = 50;
const TARGET_P99_MS = 20;

/** Deterministic pseudo-random numbers, so every run measures the same calendar. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function fixture(now: Date): { availability: CoachAvailability[]; busy: BusyInterval[][] } {
  const rand = lcg(6);
  const availability: CoachAvailability[] = [];
  const busy: BusyInterval[][] = [];
  for (let i = 0; i < COACHES; i++) {
    const morningStart = ['08:00', '08:30', '09:00'][i % 3];
    const day = [
      { start: morningStart, end: '11:30' },
      { start: '12:15', end: '16:00' },
    ];
    availability.push({
      coachId: `coach-${String(i).padStart(2, '0')}`,
      weekly: { mon: day, tue: day, wed: day, thu: day, fri: i % 4 === 0 ? [day[0]] : day },
      exceptions: [
        { kind: 'off', from: '2026-12-24', to: '2026-12-26', reason: 'holiday' },
        { kind: 'off', from: `2026-12-${String(1 + (i % 20)).padStart(2, '0')}`, start: '12:00', end: '16:00', reason: 'training' },
      ],
    });
    // About a third of each coach's time is booked already, at 45-minute grain.
    const list: BusyInterval[] = [];
    for (let k = 0; k < 60; k++) {
      const dayOffset = Math.floor(rand() * 28);
      const date = new Date(now.getTime() + dayOffset * 86_400_000).toISOString().slice(0, 10);
      const minute = 9 * 60 + Math.floor(rand() * 8) * 45;
      const start = helsinkiToUtc(date, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
      list.push({ start, end: new Date(start.getTime() + 45 * 60_000) });
    }
    busy.push(list);
  }
  return { availability, busy };
}

function figures(ms: number[]): Record<string, number> {
  return { p50Ms: round(percentile(ms, 50), 3), p99Ms: round(percentile(ms, 99), 3), runs: ms.length };
}

export async function bench(): Promise<BenchRow[]> {
  // A four-week window that contains both a holiday block and, via `now`, a partial first day.
  const now = new Date('2026-12-07T10:17:00Z');
  const { availability, busy } = fixture(now);
  const compiled = availability.map(compileAvailability);
  const inputs: CoachSlotInput[] = compiled.map((a, i) => ({ availability: a, busy: busy[i] }));
  const rawInputs: CoachSlotInput[] = availability.map((a, i) => ({ availability: a, busy: busy[i] }));
  const query: SlotQuery = { now, slotMinutes: 45, leadMinutes: 120, horizonDays: 28 };

  const total = findFreeSlots(inputs, query).length;
  const all = await sample(() => findFreeSlots(inputs, query), 300);
  const firstPage = await sample(() => findFreeSlots(inputs, { ...query, limit: 10 }), 1000);
  const uncompiled = await sample(() => findFreeSlots(rawInputs, query), 300);

  const target = `p99 < ${TARGET_P99_MS} ms`;
  return [
    {
      name: 'booking: all free slots, 50 coaches × 4 weeks (precompiled availability)',
      figures: { ...figures(all), slots: total },
      target,
      met: percentile(all, 99) < TARGET_P99_MS,
    },
    {
      name: 'booking: first 10 free slots, 50 coaches × 4 weeks',
      figures: figures(firstPage),
      target,
      met: percentile(firstPage, 99) < TARGET_P99_MS,
    },
    {
      name: 'booking: all free slots, 50 coaches × 4 weeks (compiling availability per request)',
      figures: { ...figures(uncompiled), slots: total },
      target,
      met: percentile(uncompiled, 99) < TARGET_P99_MS,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await bench()) console.log(JSON.stringify(row));
}
