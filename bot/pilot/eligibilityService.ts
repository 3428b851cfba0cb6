/**
 * Decides the eligibility conversation: which question comes next on today's date, what a typed
 * age or place means, and the outcome, which it stores for the booking's coach matching.
 */
import type { Clock } from '../kernel/clock.js';
import type { Locale } from '../i18n/locales.js';
import { cyrillicPlaceToFinnish, cyrillicToLatin, hasCyrillic } from '../language/transliterate.js';
import { toAsciiDigits } from '../language/recognizers.js';
import { containsIdentityCode } from '../kernel/redact.js';
import {
  evaluateEligibility,
  nextQuestion,
  type AgeAnswer,
  type EligibilityAnswers,
  type EligibilityResult,
  type QuestionId,
} from './eligibility.js';
import type { EligibilityStore, UserKey } from './eligibilityRepository.js';
import type { MatchResult, Matcher } from './municipalityMatcher.js';
import { getPilotData, type PilotData } from './pilotData.js';
import { helsinkiDate } from '../kernel/helsinkiTime.js';
import { pilotPhase, type PilotPhase } from './timeline.js';

export interface EligibilityServiceDeps {
  clock: Clock;
  store: EligibilityStore;
  matcher: Matcher;
  data?: PilotData;
  /** omabotti_eligibility_checks_total, by outcome. */
  counter?: { inc(labels: { outcome: string }): void };
}

export interface FinishedCheck {
  result: EligibilityResult;
  checkId: string;
}

const MAX_AGE = 120;
// Below working age a number is more likely a button number typed by hand than an age.
const MIN_AGE = 15;
// Shaped like a henkilötunnus even when the checksum is wrong: still not something to ask for.
const IDENTITY_CODE_SHAPE = /(?<![\p{L}\p{N}])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\p{L}\p{N}])/iu;

/**
 * A place typed in Cyrillic ("Хельсинки", "в Тампере", "Гельсінкі") is matched through its
 * Finnish-style Latin spelling; the pilot data holds Finnish and Swedish names only.
 */
export function matchInAnyScript(matcher: Matcher, text: string, locale?: Locale): MatchResult {
  const direct = matcher(text);
  if (direct.kind !== 'none' || !hasCyrillic(text)) return direct;
  const first: 'ru' | 'uk' = locale === 'uk' ? 'uk' : 'ru';
  // A sure match in either spelling beats a "did you mean" in the other (и is i or y).
  const variants = [first, first === 'uk' ? 'ru' : 'uk'] as const;
  const results = [
    ...variants.map((variant) => matcher(cyrillicToLatin(text, variant))),
    ...variants.map((variant) => matcher(cyrillicPlaceToFinnish(text, variant))),
  ];
  return results.find((r) => r.kind === 'match' || r.kind === 'known_outside_data') ?? results.find((r) => r.kind === 'suggest') ?? direct;
}

/** True when the text holds a personal identity code, or something typed as one. */
export function mentionsIdentityCode(text: string): boolean {
  return containsIdentityCode(text) || IDENTITY_CODE_SHAPE.test(text);
}

export class EligibilityService {
  private readonly data: PilotData;

  constructor(private readonly deps: EligibilityServiceDeps) {
    this.data = deps.data ?? getPilotData();
  }

  phase(): PilotPhase {
    return pilotPhase(this.deps.clock, this.data);
  }

  nextQuestion(answers: EligibilityAnswers): QuestionId | null {
    return nextQuestion(answers, this.deps.clock, this.data);
  }

  matchMunicipality(text: string, locale?: Locale): MatchResult {
    return matchInAnyScript(this.deps.matcher, text, locale);
  }

  /**
   * An age ("27", "27 vuotta", "٢٧"), a year of birth ("1996") or a birth date ("15.6.1996",
   * "1996-06-15"); undefined when the text is none of these.
   */
  parseAge(text: string): AgeAnswer | undefined {
    const plain = toAsciiDigits(text.normalize('NFKC')).trim();
    const thisYear = Number(helsinkiDate(this.deps.clock).slice(0, 4));
    const iso = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/u.exec(plain);
    const dmy = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/u.exec(plain);
    const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : undefined;
    if (parts) {
      const [y, m, d] = parts.map(Number);
      const probe = new Date(Date.UTC(y, m - 1, d));
      const valid = probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
      if (!valid || y > thisYear || y < thisYear - MAX_AGE) return undefined;
      return { kind: 'birth_date', date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
    }
    const numbers = [...plain.matchAll(/(?<![\d.,])\d+(?![\d.,]\d)/gu)].map((m) => m[0]);
    if (numbers.length !== 1) return undefined;
    const n = Number(numbers[0]);
    if (numbers[0].length === 4) return n <= thisYear && n >= thisYear - MAX_AGE ? { kind: 'birth_year', year: n } : undefined;
    return numbers[0].length <= 3 && n >= MIN_AGE && n <= MAX_AGE ? { kind: 'age', years: n } : undefined;
  }

  /** Evaluates the answers on today's date and stores the check in the user's profile. */
  async finish(user: UserKey, locale: Locale, answers: EligibilityAnswers): Promise<FinishedCheck> {
    const evaluatedAt = this.deps.clock.now();
    const result = evaluateEligibility(answers, evaluatedAt, this.data);
    const row = await this.deps.store.record({ user, locale, answers, result, evaluatedAt });
    this.deps.counter?.inc({ outcome: result.outcome });
    return { result, checkId: row.id };
  }
}
