/**
 * The eligibility answers a message already gives ("I'm 35, on labour market subsidy, I live in
 * Salo"), so the check asks only for what is missing.
 */
import type { EligibilityAnswers } from '../pilot/eligibility.js';
import type { Entities } from './entities.js';

export function eligibilityAnswersFrom(entities: Entities): EligibilityAnswers {
  const answers: EligibilityAnswers = {};
  const m = entities.municipality;
  if (m && (m.kind === 'match' || m.kind === 'known_outside_data')) answers.municipality = m;
  if (entities.age !== undefined) answers.age = { kind: 'age', years: entities.age };
  if (entities.benefit) answers.benefit = entities.benefit;
  // Moving to Finland says nothing certain about the mother tongue, but "immigrant" and "foreign
  // language" are one target group in the pilot rule, so the stated background answers it.
  if (entities.immigrant) answers.foreignLanguage = 'yes';
  return answers;
}

/** True when the message states at least one fact the check would otherwise ask. */
export function hasEligibilityFacts(entities: Entities): boolean {
  return Object.keys(eligibilityAnswersFrom(entities)).length > 0;
}
