/**
 * Demo coaches (prisma/data/demo-coaches.json, fictional, marked demo) seeded at startup. An
 * operator replaces them with real coaches through the admin API or their own seed file.
 */
import type { Config } from '../config.js';
import { projectUrl } from '../kernel/paths.js';
import { loadCoachSeedFile } from './coachData.js';
import type { CoachRepository } from './coachRepository.js';

const DEMO_COACHES_URL = projectUrl('prisma', 'data', 'demo-coaches.json');

/** SEED_DEMO_DATA true or false decides; unset seeds only the embedded database. */
export function shouldSeedDemoData(config: Pick<Config, 'SEED_DEMO_DATA'>, backend: 'pglite' | 'postgresql'): boolean {
  const v = config.SEED_DEMO_DATA;
  if (v === undefined) return backend === 'pglite';
  return ['true', '1', 'yes', 'on'].includes(v);
}

/** Idempotent: upserts every demo coach by id. Returns how many were written. */
export async function seedDemoCoaches(coaches: CoachRepository, file: URL | string = DEMO_COACHES_URL): Promise<number> {
  const data = await loadCoachSeedFile(file);
  await coaches.upsertSeed(data.coaches);
  return data.coaches.length;
}
