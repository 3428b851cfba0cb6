import type { KnownMunicipality, MatchResult } from './municipalityMatcher.js';
import {
  employmentAreaFor,
  findPilotAreaById,
  getPilotData,
  type EmploymentArea,
  type Municipality,
  type PilotArea,
  type PilotData,
} from './pilotData.js';
import { helsinkiDate } from '../kernel/helsinkiTime.js';
import { pilotPhase, type PilotPhase, type When } from './timeline.js';

/**
 * The pilot rule: lives in a pilot municipality AND is unemployed or in employment
 * services AND (not entitled to ansiopäiväraha OR under 30 OR immigrant /
 * foreign-language speaker), during the pilot period.
 *
 * Unknown answers use three-valued logic, so "don't know" yields 'cant_tell' unless
 * the known answers already decide the outcome. A municipality outside the data is
 * only ever "unknown": the seeds do not list all 118 pilot municipalities.
 *
 * Before 1.3.2021 the outcome is 'not_eligible' with 'pilot_not_started': nobody was
 * a pilot customer yet, whatever their situation. From 1.1.2025 it is 'pilot_over'.
 */

export type YesNoUnknown = 'yes' | 'no' | 'unknown';
/** kela = työmarkkinatuki or peruspäiväraha; fund = ansiopäiväraha from an unemployment fund. */
export type BenefitAnswer = 'kela' | 'fund' | 'none' | 'unknown';
export type AgeAnswer =
  | { kind: 'age'; years: number }
  | { kind: 'birth_year'; year: number }
  | { kind: 'birth_date'; date: string }
  | { kind: 'unknown' };
export type MunicipalityAnswer = MatchResult | { kind: 'unknown' };

/** An absent field means "not asked yet"; 'unknown' means skipped or "don't know". */
export interface EligibilityAnswers {
  municipality?: MunicipalityAnswer;
  age?: AgeAnswer;
  foreignLanguage?: YesNoUnknown;
  benefit?: BenefitAnswer;
  unemployedOrInServices?: YesNoUnknown;
}

export const QUESTION_IDS = ['municipality', 'age', 'foreign_language', 'benefit', 'unemployed_or_in_services'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

const OUTCOMES = ['eligible', 'not_eligible', 'cant_tell', 'pilot_over'] as const;
export type EligibilityOutcome = (typeof OUTCOMES)[number];

const REASON_CODES = [
  'pilot_not_started',
  'pilot_extended',
  'pilot_ended',
  'lives_in_pilot_municipality',
  'municipality_outside_pilot',
  'municipality_unconfirmed',
  'pori_unconfirmed',
  'municipality_unknown',
  'unemployed_or_in_services',
  'not_unemployed_or_in_services',
  'employment_status_unknown',
  'under_30',
  'age_30_or_over',
  'age_ambiguous',
  'age_unknown',
  'kela_benefit',
  'no_unemployment_benefit',
  'earnings_related_allowance',
  'benefit_unknown',
  'foreign_language',
  'not_foreign_language',
  'foreign_language_unknown',
  'no_target_group',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const NEXT_STEPS = [
  'book_coach',
  'contact_employment_area',
  'contact_municipality_employment_services',
  'contact_te_office',
  'register_tyomarkkinatori',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** true = met, false = not met, null = unknown. */
export type Tri = boolean | null;

export interface EligibilityCriteria {
  livesInPilotMunicipality: Tri;
  unemployedOrInServices: Tri;
  inTargetGroup: Tri;
  under30: Tri;
  notEntitledToEarningsRelated: Tri;
  foreignLanguage: Tri;
}

export interface EligibilityResult {
  outcome: EligibilityOutcome;
  phase: PilotPhase;
  /** The reasons that decided the outcome (or kept it open), in a stable order. */
  reasons: ReasonCode[];
  criteria: EligibilityCriteria;
  nextStep: NextStep;
  otherSteps: NextStep[];
  municipality?: Municipality;
  pilotArea?: PilotArea;
  outsideMunicipality?: KnownMunicipality;
  /** Where the person is served since 1.1.2025, when the municipality is in the data. */
  employmentArea?: { area: EmploymentArea; certainty: 'stated' | 'inferred' };
  /**
   * After the pilot: whether the person would have been in its target group while it ran
   * (1.3.2021–31.12.2024), judged by the same rule on the pilot's first day.
   */
  duringPilot?: { outcome: 'eligible' | 'not_eligible' | 'cant_tell'; reasons: ReasonCode[] };
}

interface Judged {
  value: Tri;
  reasons: ReasonCode[];
}

const and = (...xs: Tri[]): Tri => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or = (...xs: Tri[]): Tri => (xs.includes(true) ? true : xs.includes(null) ? null : false);

function parseIsoDate(date: string): { y: number; m: number; d: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return { y, m, d };
}

/**
 * Age in whole years on the Helsinki calendar date of `when`. Someone born on 29 February
 * turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, when: When): number | undefined {
  const birth = parseIsoDate(birthDate);
  const today = parseIsoDate(helsinkiDate(when));
  if (!birth || !today) return undefined;
  const hadBirthday = today.m > birth.m || (today.m === birth.m && today.d >= birth.d);
  const age = today.y - birth.y - (hadBirthday ? 0 : 1);
  return age >= 0 ? age : undefined;
}

function judgeAge(answer: AgeAnswer | undefined, when: When): Judged {
  const unknown: Judged = { value: null, reasons: ['age_unknown'] };
  if (!answer || answer.kind === 'unknown') return unknown;
  const fromAge = (age: number | undefined): Judged =>
    age === undefined || !Number.isFinite(age) || age < 0 || age > 130
      ? unknown
      : age < 30
        ? { value: true, reasons: ['under_30'] }
        : { value: false, reasons: ['age_30_or_over'] };
  switch (answer.kind) {
    case 'age':
      return fromAge(answer.years);
    case 'birth_date':
      return fromAge(ageOn(answer.date, when));
    case 'birth_year': {
      const year = Number(helsinkiDate(when).slice(0, 4));
      if (!Number.isInteger(answer.year) || answer.year > year) return unknown;
      // Depending on the birthday, the person is one of these two ages today.
      const youngest = year - answer.year - 1;
      const oldest = year - answer.year;
      if (oldest > 130) return unknown;
      if (oldest < 30) return { value: true, reasons: ['under_30'] };
      if (youngest >= 30) return { value: false, reasons: ['age_30_or_over'] };
      return { value: null, reasons: ['age_ambiguous'] };
    }
  }
}

function judgeMunicipality(answer: MunicipalityAnswer | undefined, data: PilotData): Judged {
  if (!answer || answer.kind !== 'match') {
    return { value: null, reasons: [answer?.kind === 'known_outside_data' ? 'municipality_outside_pilot' : 'municipality_unknown'] };
  }
  const m = answer.municipality;
  if (m.status === 'confirmed') return { value: true, reasons: ['lives_in_pilot_municipality'] };
  const area = findPilotAreaById(m.pilotAreaId, data);
  const reasons: ReasonCode[] = ['municipality_unconfirmed'];
  if (area?.caveatIds?.includes('pori_participation_unknown')) reasons.push('pori_unconfirmed');
  return { value: null, reasons };
}

function judgeYesNo(answer: YesNoUnknown | undefined, yes: ReasonCode, no: ReasonCode, unknown: ReasonCode): Judged {
  if (answer === 'yes') return { value: true, reasons: [yes] };
  if (answer === 'no') return { value: false, reasons: [no] };
  return { value: null, reasons: [unknown] };
}

function judgeBenefit(answer: BenefitAnswer | undefined): Judged {
  switch (answer) {
    case 'kela':
      return { value: true, reasons: ['kela_benefit'] };
    case 'none':
      return { value: true, reasons: ['no_unemployment_benefit'] };
    case 'fund':
      return { value: false, reasons: ['earnings_related_allowance'] };
    default:
      return { value: null, reasons: ['benefit_unknown'] };
  }
}

interface Judgements {
  residence: Judged;
  jobseeker: Judged;
  under30: Judged;
  benefit: Judged;
  foreign: Judged;
}

function judgeAll(answers: EligibilityAnswers, when: When, data: PilotData): Judgements {
  return {
    residence: judgeMunicipality(answers.municipality, data),
    jobseeker: judgeYesNo(answers.unemployedOrInServices, 'unemployed_or_in_services', 'not_unemployed_or_in_services', 'employment_status_unknown'),
    under30: judgeAge(answers.age, when),
    benefit: judgeBenefit(answers.benefit),
    foreign: judgeYesNo(answers.foreignLanguage, 'foreign_language', 'not_foreign_language', 'foreign_language_unknown'),
  };
}

function ruleValue(residence: Tri, jobseeker: Tri, under30: Tri, benefit: Tri, foreign: Tri): Tri {
  return and(residence, jobseeker, or(under30, benefit, foreign));
}

function outcomeOf(value: Tri): EligibilityOutcome {
  return value === true ? 'eligible' : value === false ? 'not_eligible' : 'cant_tell';
}

function collectReasons(j: Judgements, value: Tri): ReasonCode[] {
  const target = [j.under30, j.benefit, j.foreign];
  const targetValue = or(...target.map((t) => t.value));
  const pick = (items: Judged[], want: Tri) => items.filter((i) => i.value === want).flatMap((i) => i.reasons);
  if (value === true) return [...j.residence.reasons, ...j.jobseeker.reasons, ...pick(target, true)];
  if (value === false) {
    const reasons: ReasonCode[] = [];
    if (j.jobseeker.value === false) reasons.push(...j.jobseeker.reasons);
    if (targetValue === false) reasons.push('no_target_group', ...pick(target, false));
    return reasons;
  }
  const reasons: ReasonCode[] = [];
  if (j.residence.value === null) reasons.push(...j.residence.reasons);
  if (j.jobseeker.value === null) reasons.push(...j.jobseeker.reasons);
  if (targetValue === null) reasons.push(...pick(target, null));
  return reasons;
}

export function evaluateEligibility(
  answers: EligibilityAnswers,
  when: When,
  data: PilotData = getPilotData(),
): EligibilityResult {
  const phase = pilotPhase(when, data);
  const j = judgeAll(answers, when, data);
  const targetValue = or(j.under30.value, j.benefit.value, j.foreign.value);
  const criteria: EligibilityCriteria = {
    livesInPilotMunicipality: j.residence.value,
    unemployedOrInServices: j.jobseeker.value,
    inTargetGroup: targetValue,
    under30: j.under30.value,
    notEntitledToEarningsRelated: j.benefit.value,
    foreignLanguage: j.foreign.value,
  };

  const matched = answers.municipality?.kind === 'match' ? answers.municipality.municipality : undefined;
  const context: Pick<EligibilityResult, 'municipality' | 'pilotArea' | 'outsideMunicipality' | 'employmentArea'> = {};
  if (matched) {
    context.municipality = matched;
    context.pilotArea = findPilotAreaById(matched.pilotAreaId, data);
    context.employmentArea = employmentAreaFor(matched, data);
  } else if (answers.municipality?.kind === 'known_outside_data') {
    context.outsideMunicipality = answers.municipality.municipality;
  }

  if (phase === 'ended') {
    const past = asDuringPilot(answers, when, data);
    const j0 = judgeAll(past.answers, past.when, data);
    const value0 = ruleValue(j0.residence.value, j0.jobseeker.value, j0.under30.value, j0.benefit.value, j0.foreign.value);
    return {
      outcome: 'pilot_over',
      phase,
      reasons: ['pilot_ended'],
      duringPilot: { outcome: outcomeOf(value0) as 'eligible' | 'not_eligible' | 'cant_tell', reasons: collectReasons(j0, value0) },
      criteria,
      ...(context.employmentArea
        ? { nextStep: 'contact_employment_area' as const, otherSteps: ['register_tyomarkkinatori' as const] }
        : { nextStep: 'contact_municipality_employment_services' as const, otherSteps: ['register_tyomarkkinatori' as const] }),
      ...context,
    };
  }
  if (phase === 'before') {
    return { outcome: 'not_eligible', phase, reasons: ['pilot_not_started'], criteria, nextStep: 'contact_te_office', otherSteps: [], ...context };
  }

  const value = ruleValue(j.residence.value, j.jobseeker.value, j.under30.value, j.benefit.value, j.foreign.value);
  const reasons = collectReasons(j, value);
  if (phase === 'extension') reasons.unshift('pilot_extended');
  const outcome = outcomeOf(value);
  const nextStep: NextStep = outcome === 'eligible' ? 'book_coach' : 'contact_te_office';
  const otherSteps: NextStep[] = outcome === 'cant_tell' ? ['contact_municipality_employment_services'] : [];
  return { outcome, phase, reasons, criteria, nextStep, otherSteps, ...context };
}

/**
 * The answers and the date the rule is judged on. While the pilot runs, today. After it, the
 * pilot's first day: "would I have belonged?" is about the time it ran, and an age stated
 * today becomes a birth year, so a 31-year-old today counts as the under-30 they were then.
 */
function asDuringPilot(answers: EligibilityAnswers, when: When, data: PilotData): { answers: EligibilityAnswers; when: When } {
  if (pilotPhase(when, data) !== 'ended') return { answers, when };
  const start = new Date(`${data.period.start.date}T12:00:00Z`);
  const age = answers.age;
  if (age?.kind !== 'age') return { answers, when: start };
  const year = Number(helsinkiDate(when).slice(0, 4));
  return { answers: { ...answers, age: { kind: 'birth_year', year: year - age.years } }, when: start };
}

/**
 * Which questions the dialog asks on this date. Before the pilot, only the municipality. While it
 * ran and after it, all of them: after it, for the verdict on the pilot period and who serves
 * the person now.
 */
export function questionsNeeded(when: When, data: PilotData = getPilotData()): QuestionId[] {
  const phase = pilotPhase(when, data);
  return phase === 'before' ? ['municipality'] : [...QUESTION_IDS];
}

const ANSWER_KEY: Record<QuestionId, keyof EligibilityAnswers> = {
  municipality: 'municipality',
  age: 'age',
  foreign_language: 'foreignLanguage',
  benefit: 'benefit',
  unemployed_or_in_services: 'unemployedOrInServices',
};

function isAnswered(answers: EligibilityAnswers, question: QuestionId): boolean {
  return answers[ANSWER_KEY[question]] !== undefined;
}

const TRI_VALUES: readonly Tri[] = [true, false, null];
// Residence can never be false: a place outside the data is only "unknown".
const RESIDENCE_VALUES: readonly Tri[] = [true, null];

/**
 * The next question to ask, or null when the outcome cannot change any more.
 * A question is skipped when no combination of the remaining answers would make its
 * answer matter (e.g. age once the person has said they speak a foreign language).
 */
export function nextQuestion(answers: EligibilityAnswers, when: When, data: PilotData = getPilotData()): QuestionId | null {
  const needed = questionsNeeded(when, data);
  if (needed.length === 1) return isAnswered(answers, 'municipality') ? null : 'municipality';

  const past = asDuringPilot(answers, when, data);
  const j = judgeAll(past.answers, past.when, data);
  const known: Record<QuestionId, Tri> = {
    municipality: j.residence.value,
    age: j.under30.value,
    foreign_language: j.foreign.value,
    benefit: j.benefit.value,
    unemployed_or_in_services: j.jobseeker.value,
  };
  const open = needed.filter((q) => !isAnswered(answers, q));
  const domain = (q: QuestionId) => (q === 'municipality' ? RESIDENCE_VALUES : TRI_VALUES);
  const evaluate = (v: Record<QuestionId, Tri>) =>
    ruleValue(v.municipality, v.unemployed_or_in_services, v.age, v.benefit, v.foreign_language);

  const matters = (q: QuestionId): boolean => {
    const others = open.filter((o) => o !== q);
    const assign = (i: number, v: Record<QuestionId, Tri>): boolean => {
      if (i === others.length) {
        const outcomes = new Set(domain(q).map((x) => evaluate({ ...v, [q]: x })));
        return outcomes.size > 1;
      }
      return domain(others[i]).some((x) => assign(i + 1, { ...v, [others[i]]: x }));
    };
    return assign(0, { ...known });
  };

  return open.find(matters) ?? null;
}
