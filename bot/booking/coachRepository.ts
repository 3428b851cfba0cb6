/** Coaches and their availability as stored rows. */
import type { Prisma, PrismaClient } from '../db/database.js';
import type { AvailabilityException, CoachAvailability, WeeklyHours } from './slots.js';
import type { CoachSeed } from './coachData.js';
import type { CoachSummary } from './types.js';

type CoachRow = Prisma.CoachGetPayload<{ include: { exceptions: true } }>;

export interface StoredCoach extends CoachSummary {
  availability: CoachAvailability;
}

/** A coach as the seed file and the admin API describe one. */
export interface CoachInput {
  name: string;
  email: string;
  languages: string[];
  area: string;
  municipalities: string[];
  office: { street: string; postalCode: string; city: string; demoAddress?: boolean };
  weekly: WeeklyHours;
  demo?: boolean;
}

/** The Coach row's columns for a coach (the id, and whether it is active, are the caller's). */
export function coachColumns(c: CoachInput) {
  return {
    name: c.name,
    email: c.email,
    languages: c.languages,
    area: c.area,
    municipalities: c.municipalities,
    officeStreet: c.office.street,
    officePostalCode: c.office.postalCode,
    officeCity: c.office.city,
    officeDemoAddress: c.office.demoAddress ?? false,
    demo: c.demo ?? false,
    weeklyHours: c.weekly as unknown as Prisma.InputJsonValue,
  };
}

export function toCoachSummary(row: Prisma.CoachGetPayload<object>): CoachSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    languages: row.languages,
    area: row.area,
    municipalities: row.municipalities,
    office: { street: row.officeStreet, postalCode: row.officePostalCode, city: row.officeCity },
    active: row.active,
    demo: row.demo,
  };
}

function toStored(row: CoachRow): StoredCoach {
  const exceptions: AvailabilityException[] = row.exceptions.map((e) =>
    e.kind === 'extra'
      ? { kind: 'extra', from: e.fromDate, to: e.toDate ?? undefined, start: e.startTime ?? '00:00', end: e.endTime ?? '24:00' }
      : { kind: 'off', from: e.fromDate, to: e.toDate ?? undefined, start: e.startTime ?? undefined, end: e.endTime ?? undefined },
  );
  return { ...toCoachSummary(row), availability: { coachId: row.id, weekly: row.weeklyHours as WeeklyHours, exceptions } };
}

export class CoachRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async listActive(): Promise<StoredCoach[]> {
    const rows = await this.prisma.coach.findMany({ where: { active: true }, include: { exceptions: true }, orderBy: { id: 'asc' } });
    return rows.map(toStored);
  }

  async findActive(id: string): Promise<StoredCoach | undefined> {
    const row = await this.prisma.coach.findFirst({ where: { id, active: true }, include: { exceptions: true } });
    return row ? toStored(row) : undefined;
  }

  async find(id: string): Promise<CoachSummary | undefined> {
    const row = await this.prisma.coach.findUnique({ where: { id } });
    return row ? toCoachSummary(row) : undefined;
  }

  /**
   * Upserts seed coaches by id and replaces their availability exceptions, in one transaction.
   * Coaches not in the seed (added by an operator) are left alone.
   */
  async upsertSeed(coaches: readonly CoachSeed[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const c of coaches) {
        const data = coachColumns(c);
        await tx.coach.upsert({ where: { id: c.id }, create: { id: c.id, ...data }, update: data });
        await tx.availabilityException.deleteMany({ where: { coachId: c.id } });
        if (c.exceptions.length > 0) {
          await tx.availabilityException.createMany({
            data: c.exceptions.map((e) => ({
              coachId: c.id,
              kind: e.kind,
              fromDate: e.from,
              toDate: e.to ?? null,
              startTime: e.start ?? null,
              endTime: e.end ?? null,
              reason: e.reason ?? null,
            })),
          });
        }
      }
    });
  }
}
