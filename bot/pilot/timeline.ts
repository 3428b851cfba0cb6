import type { Clock } from '../kernel/clock.js';
import { helsinkiDate } from '../kernel/helsinkiTime.js';
import { getPilotData, type PilotData } from './pilotData.js';

/**
 * - before: the pilot law was not yet in force (before 1.3.2021);
 * - running: the period the seeds announce (1.3.2021–30.6.2023);
 * - extension: the HE 17/2022 extension (1.7.2023–31.12.2024);
 * - ended: employment areas under act 380/2023 (from 1.1.2025).
 */
export type PilotPhase = 'before' | 'running' | 'extension' | 'ended';

export type When = Date | Clock;

// Phase boundaries come from the data file so an operator edit stays consistent.
export function pilotPhase(when: When, data: PilotData = getPilotData()): PilotPhase {
  const day = helsinkiDate(when);
  const p = data.period;
  if (day < p.start.date) return 'before';
  if (day <= p.endPerSeeds.date) return 'running';
  if (day <= p.extendedEnd.date) return 'extension';
  return 'ended';
}

export function isPilotActive(when: When, data: PilotData = getPilotData()): boolean {
  const phase = pilotPhase(when, data);
  return phase === 'running' || phase === 'extension';
}
