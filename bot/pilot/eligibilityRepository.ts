/**
 * EligibilityCheck rows: one per finished check, linked to the User row (found or created by
 * channel and channel user id, as ConversationRepository does). The booking reads the latest
 * row for coach matching by municipality and language.
 */
import type { PrismaClient } from '../db/database.js';
import { ageOn, type EligibilityAnswers, type EligibilityResult } from './eligibility.js';

export interface UserKey {
  channelId: string;
  channelUserId: string;
}

export interface CheckToStore {
  user: UserKey;
  locale: string;
  answers: EligibilityAnswers;
  result: EligibilityResult;
  evaluatedAt: Date;
}

/** The answers as the row stores them ("null when not asked"). */
export interface RowFields {
  municipalityId: string | null;
  municipalityName: string | null;
  municipalityKind: string | null;
  ageYears: number | null;
  birthYear: number | null;
  foreignLanguage: string | null;
  benefit: string | null;
  unemployedOrInServices: string | null;
}

export interface StoredCheck extends RowFields {
  id: string;
  userId: string;
  outcome: EligibilityResult['outcome'];
  reasons: string[];
  nextStep: string;
  phase: string;
  locale: string;
  evaluatedAt: Date;
  createdAt: Date;
}

/** What the dialog needs from storage; tests of other features can hand-write one. */
export interface EligibilityStore {
  record(check: CheckToStore): Promise<StoredCheck>;
}

export function rowFields(answers: EligibilityAnswers, evaluatedAt: Date): RowFields {
  const m = answers.municipality;
  const municipality =
    m === undefined
      ? { municipalityId: null, municipalityName: null, municipalityKind: null }
      : m.kind === 'match'
        ? { municipalityId: m.municipality.id, municipalityName: m.municipality.name.fi, municipalityKind: 'match' }
        : m.kind === 'known_outside_data'
          ? { municipalityId: null, municipalityName: m.municipality.fi, municipalityKind: 'outside_data' }
          : { municipalityId: null, municipalityName: null, municipalityKind: 'unknown' };
  const a = answers.age;
  const age =
    a?.kind === 'age'
      ? { ageYears: Number.isInteger(a.years) ? a.years : null, birthYear: null }
      : a?.kind === 'birth_year'
        ? { ageYears: null, birthYear: a.year }
        : a?.kind === 'birth_date'
          ? { ageYears: ageOn(a.date, evaluatedAt) ?? null, birthYear: Number(a.date.slice(0, 4)) }
          : { ageYears: null, birthYear: null };
  return {
    ...municipality,
    ...age,
    foreignLanguage: answers.foreignLanguage ?? null,
    benefit: answers.benefit ?? null,
    unemployedOrInServices: answers.unemployedOrInServices ?? null,
  };
}

export class EligibilityRepository implements EligibilityStore {
  constructor(private readonly prisma: PrismaClient) {}

  async record(check: CheckToStore): Promise<StoredCheck> {
    const { channelId, channelUserId } = check.user;
    const user = await this.prisma.user.upsert({
      where: { channelId_channelUserId: { channelId, channelUserId } },
      create: { channelId, channelUserId, lastSeenAt: check.evaluatedAt },
      update: {},
      select: { id: true },
    });
    const fields = rowFields(check.answers, check.evaluatedAt);
    // A municipality the seeded tables don't hold (an operator removed it) keeps its name only.
    if (fields.municipalityId) {
      const exists = await this.prisma.pilotMunicipality.findUnique({ where: { id: fields.municipalityId }, select: { id: true } });
      if (!exists) fields.municipalityId = null;
    }
    return this.prisma.eligibilityCheck.create({
      data: {
        userId: user.id,
        ...fields,
        outcome: check.result.outcome,
        reasons: check.result.reasons,
        nextStep: check.result.nextStep,
        phase: check.result.phase,
        locale: check.locale,
        evaluatedAt: check.evaluatedAt,
      },
    });
  }

  /** The newest check of a user (booking: coach matching by municipality and language). */
  async latestFor(user: UserKey): Promise<StoredCheck | null> {
    return this.prisma.eligibilityCheck.findFirst({
      where: { user: { channelId: user.channelId, channelUserId: user.channelUserId } },
      orderBy: [{ evaluatedAt: 'desc' }, { createdAt: 'desc' }],
    });
  }

  async listByUserId(userId: string): Promise<StoredCheck[]> {
    return this.prisma.eligibilityCheck.findMany({ where: { userId }, orderBy: { evaluatedAt: 'asc' } });
  }

  async deleteByUserId(userId: string): Promise<number> {
    const { count } = await this.prisma.eligibilityCheck.deleteMany({ where: { userId } });
    return count;
  }
}
