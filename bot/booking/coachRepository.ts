/** Coaches and their availability as stored rows. */
import type { Prisma, PrismaClient } from '../db/database.js';
import type { Coach } from '../../generated/prisma/client.js';
import type { AvailabilityException, CoachAvailability, WeeklyHours } from './slots.js';
import type { CoachSeed } from './coachData.js';
import type { CoachSummary } from './types.js';

/** The stored Coach row, as the coach API, the calendar feed and notifications read it. */
export type CoachRow = Coach;

type CoachWithExceptions = Prisma.CoachGetPayload<{ include: { exceptions: true } }>;

/** An AvailabilityException row. */
export interface StoredException {
  id: string;
  coachId: string;
  kind: string;
  fromDate: string;
  toDate: string | null;
  startTime: string | null;
  endTime: string | null;
  reason: string | null;
}

const exceptionFields = { id: true, coachId: true, kind: true, fromDate: true, toDate: true, startTime: true, endTime: true, reason: true } as const;

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

/** The AvailabilityException row's columns for an exception. */
function exceptionColumns(e: AvailabilityException) {
  return { kind: e.kind, fromDate: e.from, toDate: e.to ?? null, startTime: e.start ?? null, endTime: e.end ?? null, reason: e.reason ?? null };
}

export function toCoachSummary(row: CoachRow): CoachSummary {
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

function toStored(row: CoachWithExceptions): StoredCoach {
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
          await tx.availabilityException.createMany({ data: c.exceptions.map((e) => ({ coachId: c.id, ...exceptionColumns(e) })) });
        }
      }
    });
  }

  /** Every coach, active or not, by id. */
  async listAll(): Promise<CoachSummary[]> {
    return (await this.prisma.coach.findMany({ orderBy: { id: 'asc' } })).map(toCoachSummary);
  }

  /** Adds an active coach; a taken id is a unique violation. */
  async add(id: string, coach: CoachInput): Promise<CoachSummary> {
    return toCoachSummary(await this.prisma.coach.create({ data: { id, ...coachColumns(coach), active: true } }));
  }

  /** False when there is no such coach. */
  async setActive(id: string, active: boolean): Promise<boolean> {
    const { count } = await this.prisma.coach.updateMany({ where: { id }, data: { active } });
    return count === 1;
  }

  /** The active coach with this email (compared without case), if any: how the staff console knows a coach. */
  async findActiveByEmail(email: string): Promise<CoachSummary | undefined> {
    const row = await this.prisma.coach.findFirst({ where: { active: true, email: { equals: email, mode: 'insensitive' } }, orderBy: { id: 'asc' } });
    return row ? toCoachSummary(row) : undefined;
  }

  /** Changes a coach's details (not its id, hours or active flag); false when there is no such coach. */
  async updateDetails(id: string, c: Pick<CoachInput, 'name' | 'email' | 'languages' | 'area' | 'municipalities' | 'office'>): Promise<boolean> {
    const { count } = await this.prisma.coach.updateMany({
      where: { id },
      data: {
        name: c.name,
        email: c.email,
        languages: c.languages,
        area: c.area,
        municipalities: c.municipalities,
        officeStreet: c.office.street,
        officePostalCode: c.office.postalCode,
        officeCity: c.office.city,
        ...(c.office.demoAddress === undefined ? {} : { officeDemoAddress: c.office.demoAddress }),
      },
    });
    return count === 1;
  }

  /** The areas and languages a coach serves; false when there is no such coach. */
  async updateService(id: string, c: Pick<CoachInput, 'languages' | 'area' | 'municipalities'>): Promise<boolean> {
    const { count } = await this.prisma.coach.updateMany({ where: { id }, data: { languages: c.languages, area: c.area, municipalities: c.municipalities } });
    return count === 1;
  }

  /** How many appointments, of any status, name the coach. */
  async appointmentCount(id: string): Promise<number> {
    return this.prisma.appointment.count({ where: { coachId: id } });
  }

  /**
   * Deletes a coach with no appointments, with their tokens and exceptions; false when the coach
   * does not exist or has appointments (checked in the same transaction).
   */
  async deleteWithoutAppointments(id: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if ((await tx.appointment.count({ where: { coachId: id } })) > 0) return false;
      const { count } = await tx.coach.deleteMany({ where: { id } });
      return count === 1;
    });
  }

  /** The coach's weekly hours and exceptions (by start date), or undefined for no such coach. */
  async availability(coachId: string): Promise<{ weekly: WeeklyHours; exceptions: StoredException[] } | undefined> {
    const coach = await this.prisma.coach.findUnique({ where: { id: coachId }, include: { exceptions: { orderBy: { fromDate: 'asc' }, select: exceptionFields } } });
    return coach ? { weekly: (coach.weeklyHours ?? {}) as WeeklyHours, exceptions: coach.exceptions } : undefined;
  }

  async setWeeklyHours(coachId: string, weekly: WeeklyHours): Promise<void> {
    await this.prisma.coach.update({ where: { id: coachId }, data: { weeklyHours: weekly as Prisma.InputJsonValue } });
  }

  async addException(coachId: string, exception: AvailabilityException): Promise<StoredException> {
    return this.prisma.availabilityException.create({ data: { coachId, ...exceptionColumns(exception) }, select: exceptionFields });
  }

  async findException(id: string): Promise<StoredException | undefined> {
    return (await this.prisma.availabilityException.findUnique({ where: { id }, select: exceptionFields })) ?? undefined;
  }

  async deleteException(id: string): Promise<void> {
    await this.prisma.availabilityException.delete({ where: { id } });
  }
}
