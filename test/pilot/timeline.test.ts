import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { isPilotActive, pilotPhase, type PilotPhase } from '../../bot/pilot/timeline.js';

describe('pilotPhase', () => {
  const cases: Array<[string, PilotPhase]> = [
    ['2020-12-15T10:00:00Z', 'before'],
    ['2021-02-28T10:00:00Z', 'before'],
    ['2021-02-28T21:59:59Z', 'before'],
    // 23:30 UTC is already 1 March 01:30 in Helsinki (UTC+2 in winter).
    ['2021-02-28T23:30:00Z', 'running'],
    ['2021-03-01T10:00:00Z', 'running'],
    ['2023-06-30T10:00:00Z', 'running'],
    // 30.6.2023 23:30 local is still the last day of the period the seeds announced.
    ['2023-06-30T20:30:00Z', 'running'],
    ['2023-06-30T21:30:00Z', 'extension'],
    ['2023-07-01T10:00:00Z', 'extension'],
    ['2024-12-31T10:00:00Z', 'extension'],
    ['2024-12-31T21:59:00Z', 'extension'],
    ['2024-12-31T22:00:00Z', 'ended'],
    ['2025-01-01T10:00:00Z', 'ended'],
    ['2026-11-25T10:00:00Z', 'ended'],
  ];
  it.each(cases)('%s is %s', (iso, phase) => {
    expect(pilotPhase(new Date(iso))).toBe(phase);
  });

  it('accepts an injectable clock', () => {
    const clock = new FixedClock(new Date('2022-05-01T09:00:00Z'));
    expect(pilotPhase(clock)).toBe('running');
    expect(isPilotActive(clock)).toBe(true);
    clock.set(new Date('2025-03-01T09:00:00Z'));
    expect(pilotPhase(clock)).toBe('ended');
    expect(isPilotActive(clock)).toBe(false);
  });
});
