/**
 * The employment pilot as a feature: two main-menu entries (information, eligibility check), the
 * pilot data seeded into the database at startup when the data file changed, and the eligibility
 * checks in the user's data export and erasure.
 */
import type { Feature, FeatureContext, PersonalDataProvider } from '../features.js';
import { normalizeCommandText } from '../i18n/commandWords.js';
import type { Translator } from '../i18n/i18n.js';
import { EligibilityDialog, type EligibilityNextDialog } from '../../dialogs/eligibilityDialog.js';
import type { MenuFeature } from '../../dialogs/mainDialog.js';
import { PILOT_INFO_DIALOG, PilotInfoDialog } from '../../dialogs/pilotInfoDialog.js';
import { EligibilityRepository, type EligibilityStore } from './eligibilityRepository.js';
import { EligibilityService, type EligibilityServiceDeps } from './eligibilityService.js';
import { createMatcher, type Matcher } from './municipalityMatcher.js';
import { getPilotData, type PilotData } from './pilotData.js';
import { PilotInfoService } from './pilotInfoService.js';
import { seedPilotData, type PilotSeedResult } from './seed.js';

export const PILOT_MENU = { info: 'pilotInfo', eligibility: 'pilotEligibility' } as const;

export interface PilotFeature extends Feature {
  info: PilotInfoService;
  eligibility: EligibilityService;
  checks: EligibilityRepository;
  seed: PilotSeedResult;
}

export interface PilotFeatureOptions {
  /** Every feature in the app, read when the result offers another feature's dialog (booking). */
  features(): readonly Feature[];
}

/** "back" in every shipped locale, normalised like the other command words. */
export function backWords(translator: Translator): Set<string> {
  const words = new Set<string>();
  for (const locale of translator.shipped) {
    const list = translator.t(locale)('pilot:elig.commands.back', { returnObjects: true }) as unknown;
    if (Array.isArray(list)) for (const w of list) words.add(normalizeCommandText(String(w)));
  }
  return words;
}

export interface PilotDialogParts {
  info: PilotInfoService;
  eligibility: EligibilityService;
  menu: MenuFeature[];
}

/** The services, dialogs and menu entries; shared by the app and the dialog tests. */
export function createPilotDialogs(deps: {
  clock: FeatureContext['clock'];
  translator: Translator;
  store: EligibilityStore;
  matcher?: Matcher;
  data?: PilotData;
  counter?: EligibilityServiceDeps['counter'];
  /** Another feature's dialog for an action ("booking"), if wired in. */
  dialogFor?: (action: 'booking') => { dialogId: string; options?: object } | undefined;
}): PilotDialogParts {
  const data = deps.data ?? getPilotData();
  const matcher = deps.matcher ?? createMatcher({ data });
  const info = new PilotInfoService({ clock: deps.clock, matcher, data });
  const eligibility = new EligibilityService({ clock: deps.clock, store: deps.store, matcher, data, counter: deps.counter });
  const next: EligibilityNextDialog = (action) => (action === 'info' ? { dialogId: PILOT_INFO_DIALOG } : deps.dialogFor?.(action));
  const eligibilityDialog = new EligibilityDialog({
    service: eligibility,
    dates: () => info.dates(),
    fallback: () => info.nationalFallback(),
    backWords: backWords(deps.translator),
    next,
  });
  const infoDialog = new PilotInfoDialog({ service: info, eligibility: eligibilityDialog });
  return {
    info,
    eligibility,
    menu: [
      { id: PILOT_MENU.info, labelKey: 'pilot:menu.info', dialog: infoDialog },
      { id: PILOT_MENU.eligibility, labelKey: 'pilot:menu.eligibility', dialog: eligibilityDialog },
    ],
  };
}

export function eligibilityDataProvider(checks: EligibilityRepository): PersonalDataProvider {
  return {
    name: 'pilotEligibility',
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

export async function createPilotFeature(ctx: FeatureContext, options: PilotFeatureOptions): Promise<PilotFeature> {
  // The embedded database starts empty: load the data file (a no-op when it is unchanged).
  const seed = await seedPilotData(ctx.prisma);
  ctx.logger.info({ pilot: { dataVersion: seed.version, seeded: seed.changed, ...seed.counts } }, 'pilot data ready');
  const checks = new EligibilityRepository(ctx.prisma);
  const parts = createPilotDialogs({
    clock: ctx.clock,
    translator: ctx.translator,
    store: checks,
    counter: ctx.metrics.eligibilityChecks,
    dialogFor: (action) => {
      const entry = options
        .features()
        .filter((f) => f.name !== 'pilot')
        .flatMap((f) => f.menu ?? [])
        .find((m) => m.id.toLowerCase().includes(action) || m.dialog.id.toLowerCase().includes(action));
      return entry ? { dialogId: entry.dialog.id, options: entry.options } : undefined;
    },
  });
  return {
    name: 'pilot',
    menu: parts.menu,
    personalData: [eligibilityDataProvider(checks)],
    info: parts.info,
    eligibility: parts.eligibility,
    checks,
    seed,
  };
}
