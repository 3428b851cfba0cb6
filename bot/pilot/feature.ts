/**
 * The employment pilot's services: pilot information, the eligibility check and its stored
 * results, the municipality matcher every feature shares, the pilot data seeded into the database
 * at startup when the data file changed, and the eligibility checks in "show my data" and
 * "delete my data". Its dialogs are in dialogs/pilot/.
 */
import type { Clock } from '../kernel/clock.js';
import type { Feature, PersonalDataProvider } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { PrismaClient } from '../db/database.js';
import { EligibilityRepository, type EligibilityStore } from './eligibilityRepository.js';
import { EligibilityService, type EligibilityServiceDeps } from './eligibilityService.js';
import { createMatcher, type Matcher } from './municipalityMatcher.js';
import { getPilotData, type PilotData } from './pilotData.js';
import { PilotDataRepository } from './pilotDataRepository.js';
import { PilotInfoService } from './pilotInfoService.js';
import { seedPilotData, type PilotSeedResult } from './seed.js';

export interface PilotServices {
  info: PilotInfoService;
  eligibility: EligibilityService;
  /** Finds a municipality in what the user typed; booking and questions use the same one. */
  matcher: Matcher;
}

/** The pilot's services over a store; shared by the app and the dialog tests. */
export function createPilotServices(deps: {
  clock: Clock;
  store: EligibilityStore;
  matcher?: Matcher;
  data?: PilotData;
  counter?: EligibilityServiceDeps['counter'];
}): PilotServices {
  const data = deps.data ?? getPilotData();
  const matcher = deps.matcher ?? createMatcher({ data });
  return {
    info: new PilotInfoService({ clock: deps.clock, matcher, data }),
    eligibility: new EligibilityService({ clock: deps.clock, store: deps.store, matcher, data, counter: deps.counter }),
    matcher,
  };
}

function eligibilityDataProvider(checks: EligibilityRepository): PersonalDataProvider {
  return {
    name: 'pilotEligibility',
    labelKey: 'privacy:features.pilot',
    export: async (subject) =>
      (await checks.listByUserId(subject.userId)).map((c) => ({
        evaluatedAt: c.evaluatedAt.toISOString(),
        municipality: c.municipalityName,
        ageYears: c.ageYears,
        birthYear: c.birthYear,
        foreignLanguage: c.foreignLanguage,
        benefit: c.benefit,
        unemployedOrInServices: c.unemployedOrInServices,
        outcome: c.outcome,
        reasons: c.reasons,
        nextStep: c.nextStep,
        locale: c.locale,
      })),
    erase: async (subject) => {
      await checks.deleteByUserId(subject.userId);
    },
  };
}

export interface PilotFeature extends Feature, PilotServices {
  checks: EligibilityRepository;
  seed: PilotSeedResult;
}

export interface PilotFeatureDeps {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  metrics: { eligibilityChecks: EligibilityServiceDeps['counter'] };
}

export async function createPilotFeature(deps: PilotFeatureDeps): Promise<PilotFeature> {
  // The embedded database starts empty: load the data file (a no-op when it is unchanged).
  const seed = await seedPilotData(new PilotDataRepository(deps.prisma));
  deps.logger.info({ pilot: { dataVersion: seed.version, seeded: seed.changed, ...seed.counts } }, 'pilot data ready');
  const checks = new EligibilityRepository(deps.prisma);
  const services = createPilotServices({ clock: deps.clock, store: checks, counter: deps.metrics.eligibilityChecks });
  return { name: 'pilot', personalData: [eligibilityDataProvider(checks)], ...services, checks, seed };
}
