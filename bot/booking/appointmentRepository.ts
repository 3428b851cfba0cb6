/** Appointments as stored rows; the booking service decides, this persists. */
import { randomBytes } from 'node:crypto';
import { Prisma, type PrismaClient } from '../db/database.js';
import type { Appointment } from '../../generated/prisma/client.js';
import { toCoachSummary } from './coachRepository.js';
import { outboxRows, type OutboxChange } from './outbox.js';
import type { AppointmentStatus, AppointmentView, MeetingMode, Topic } from './types.js';

/** An open transaction: the booking service passes it from transaction() to this repository's methods, and never uses it itself. */
export type Tx = Prisma.TransactionClient;

/** The stored Appointment row, as notifications and the coach API read it. */
export type AppointmentRow = Appointment;

/** A new appointment's columns: what the booking shows, plus who and where it belongs to. */
export interface NewAppointment
  extends Pick<
    AppointmentView,
    'id' | 'startsAt' | 'endsAt' | 'mode' | 'meetingLanguage' | 'locale' | 'interpreterNeeded' | 'interpreterLanguage' | 'topic' | 'note' | 'status' | 'sequence' | 'jobseekerName'
  > {
  coachId: string;
  userId: string;
  manageTokenHash: string;
  contactPhone: string | null;
  contactEmail: string | null;
  videoLink: string | null;
  channelId: string | null;
  conversationId: string | null;
  /** The Bot Framework conversation reference, stored as JSON. */
  conversationRef?: object;
  reminderDueAt: Date | null;
}

/** The columns a booking change sets. */
export interface AppointmentChanges {
  coachId?: string;
  startsAt?: Date;
  endsAt?: Date;
  status?: AppointmentStatus;
  cancelReason?: string | null;
  cancelledBy?: string;
  cancelledAt?: Date;
  sequence?: number;
  reminderDueAt?: Date | null;
  reminderSentAt?: Date | null;
  videoLink?: string | null;
}

const withCoach = { coach: true } as const;
type Row = Prisma.AppointmentGetPayload<{ include: typeof withCoach }>;

export function toView(row: Row): AppointmentView {
  return {
    id: row.id,
    coach: toCoachSummary(row.coach),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    mode: row.mode as MeetingMode,
    meetingLanguage: row.meetingLanguage,
    locale: row.locale,
    interpreterNeeded: row.interpreterNeeded,
    interpreterLanguage: row.interpreterLanguage,
    topic: row.topic as Topic,
    note: row.note,
    status: row.status as AppointmentStatus,
    cancelReason: row.cancelReason,
    cancelledBy: row.cancelledBy,
    sequence: row.sequence,
    jobseekerName: row.jobseekerName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    videoLink: row.videoLink,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export class AppointmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn, { timeout: 15_000, maxWait: 15_000 });
  }

  /** Booked appointments of these coaches that end after `from`, as busy intervals per coach. */
  async busy(coachIds: readonly string[], from: Date, to: Date): Promise<Map<string, Array<{ start: Date; end: Date }>>> {
    const rows = await this.prisma.appointment.findMany({
      where: { coachId: { in: [...coachIds] }, status: 'booked', endsAt: { gt: from }, startsAt: { lt: to } },
      select: { coachId: true, startsAt: true, endsAt: true },
    });
    const out = new Map<string, Array<{ start: Date; end: Date }>>();
    for (const r of rows) {
      const list = out.get(r.coachId) ?? [];
      list.push({ start: r.startsAt, end: r.endsAt });
      out.set(r.coachId, list);
    }
    return out;
  }

  /** The User row for a channel identity, created if needed and locked until the transaction ends. */
  async lockUser(tx: Tx, channelId: string, channelUserId: string, now: Date): Promise<string> {
    // ON CONFLICT, so two first bookings of a new user at once do not collide on the user row.
    const id = `c${randomBytes(12).toString('hex')}`;
    await tx.$executeRaw`INSERT INTO "User" (id, "channelId", "channelUserId", "createdAt", "lastSeenAt") VALUES (${id}, ${channelId}, ${channelUserId}, ${now}, ${now}) ON CONFLICT ("channelId", "channelUserId") DO NOTHING`;
    // Serialises one user's concurrent bookings, so the upcoming-bookings limit holds across processes.
    const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "User" WHERE "channelId" = ${channelId} AND "channelUserId" = ${channelUserId} FOR UPDATE`;
    return rows[0].id;
  }

  /**
   * Locks the coach row and tells whether a booked appointment of theirs overlaps [start, end).
   * With the lock, bookings of one coach are checked one at a time, so overlaps with a different
   * start (which the unique index cannot see) are caught across processes too.
   */
  async coachBusy(tx: Tx, coachId: string, start: Date, end: Date, exceptId?: string): Promise<boolean> {
    await tx.$queryRaw`SELECT id FROM "Coach" WHERE id = ${coachId} FOR UPDATE`;
    const clash = await tx.appointment.findFirst({
      where: { coachId, status: 'booked', startsAt: { lt: end }, endsAt: { gt: start }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    return clash !== null;
  }

  async findUserId(channelId: string, channelUserId: string): Promise<string | undefined> {
    const user = await this.prisma.user.findUnique({ where: { channelId_channelUserId: { channelId, channelUserId } }, select: { id: true } });
    return user?.id;
  }

  countUpcoming(tx: Tx, userId: string, now: Date): Promise<number> {
    return tx.appointment.count({ where: { userId, status: 'booked', endsAt: { gt: now } } });
  }

  async create(tx: Tx, appointment: NewAppointment): Promise<AppointmentView> {
    const { conversationRef, ...columns } = appointment;
    const data = { ...columns, conversationRef: conversationRef === undefined ? undefined : (JSON.parse(JSON.stringify(conversationRef)) as Prisma.InputJsonValue) };
    return toView(await tx.appointment.create({ data, include: withCoach }));
  }

  async update(tx: Tx, id: string, changes: AppointmentChanges): Promise<AppointmentView> {
    return toView(await tx.appointment.update({ where: { id }, data: changes, include: withCoach }));
  }

  /** Writes a booking change's outbox rows (bot/booking/outbox.ts) inside the change's transaction. */
  async writeOutbox(tx: Tx, change: OutboxChange, now: Date): Promise<void> {
    const rows = outboxRows(change, now).map((row) => ({ ...row, payload: row.payload as unknown as Prisma.InputJsonValue, status: 'pending' }));
    await tx.outboxMessage.createMany({ data: rows });
  }

  /** Reads and locks the row for a change. */
  async lockById(tx: Tx, id: string): Promise<AppointmentView | undefined> {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Appointment" WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) return undefined;
    const row = await tx.appointment.findUnique({ where: { id }, include: withCoach });
    return row ? toView(row) : undefined;
  }

  /** True when the appointment was booked in a chat the bot can write to (it has a conversation reference). */
  async bookedInChat(tx: Tx, id: string): Promise<boolean> {
    const row = await tx.appointment.findUnique({ where: { id }, select: { conversationRef: true } });
    return row !== null && row.conversationRef !== null;
  }

  /**
   * Whether the coach has had the latest message about this appointment: 'sent' once the outbox
   * delivered it, 'pending' while it waits or is retried, undefined when there is none.
   */
  async coachMessageState(appointmentId: string): Promise<'sent' | 'pending' | undefined> {
    const row = await this.prisma.outboxMessage.findFirst({
      where: { appointmentId, kind: { startsWith: 'coach.' } },
      orderBy: { createdAt: 'desc' },
      select: { status: true },
    });
    if (!row) return undefined;
    return row.status === 'sent' ? 'sent' : 'pending';
  }

  async findById(id: string): Promise<AppointmentView | undefined> {
    const row = await this.prisma.appointment.findUnique({ where: { id }, include: withCoach });
    return row ? toView(row) : undefined;
  }

  async findByTokenHash(hash: string): Promise<(AppointmentView & { userId: string | null }) | undefined> {
    const row = await this.prisma.appointment.findUnique({ where: { manageTokenHash: hash }, include: withCoach });
    return row ? { ...toView(row), userId: row.userId } : undefined;
  }

  async upcomingForUser(userId: string, now: Date): Promise<AppointmentView[]> {
    const rows = await this.prisma.appointment.findMany({
      where: { userId, status: 'booked', endsAt: { gt: now } },
      include: withCoach,
      orderBy: { startsAt: 'asc' },
    });
    return rows.map(toView);
  }

  async allForUser(userId: string): Promise<AppointmentView[]> {
    const rows = await this.prisma.appointment.findMany({ where: { userId }, include: withCoach, orderBy: { startsAt: 'asc' } });
    return rows.map(toView);
  }

  /** The coach of the user's latest appointment, their personal coach from then on. */
  async latestCoachId(userId: string): Promise<string | undefined> {
    const row = await this.prisma.appointment.findFirst({ where: { userId }, orderBy: { createdAt: 'desc' }, select: { coachId: true } });
    return row?.coachId;
  }

  /** The municipality of the user's latest eligibility check, by its Finnish name. */
  async latestMunicipality(channelId: string, channelUserId: string): Promise<string | undefined> {
    const row = await this.prisma.eligibilityCheck.findFirst({
      where: { user: { channelId, channelUserId }, municipalityName: { not: null } },
      orderBy: { evaluatedAt: 'desc' },
      select: { municipalityName: true, municipality: { select: { nameFi: true } } },
    });
    return row?.municipality?.nameFi ?? row?.municipalityName ?? undefined;
  }

  /** Anonymises every appointment of the user in place and drops undelivered jobseeker mail. */
  async anonymiseForUser(userId: string): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.appointment.findMany({ where: { userId }, select: { id: true } });
      const ids = rows.map((r) => r.id);
      await tx.outboxMessage.deleteMany({ where: { appointmentId: { in: ids }, kind: { startsWith: 'jobseeker.' }, status: { not: 'sent' } } });
      const { count } = await tx.appointment.updateMany({
        where: { id: { in: ids } },
        data: {
          jobseekerName: '',
          contactPhone: null,
          contactEmail: null,
          note: null,
          channelId: null,
          conversationId: null,
          conversationRef: Prisma.DbNull,
          userId: null,
        },
      });
      return count;
    });
  }

  /**
   * Up to `take` appointments that ended before `before` and still name or reach the person: they
   * keep coach, time, mode, topic and status and lose the rest, and so do their notification
   * payloads, in one transaction. Returns how many.
   */
  async anonymisePastAppointments(before: Date, take: number): Promise<number> {
    const past = await this.prisma.appointment.findMany({
      where: { endsAt: { lt: before }, OR: [{ jobseekerName: { not: '' } }, { userId: { not: null } }, { contactPhone: { not: null } }, { contactEmail: { not: null } }, { note: { not: null } }] },
      select: { id: true },
      take,
    });
    if (past.length === 0) return 0;
    const ids = past.map((a) => a.id);
    await this.prisma.$transaction(async (tx) => {
      await tx.appointment.updateMany({
        where: { id: { in: ids } },
        data: {
          jobseekerName: '',
          userId: null,
          contactPhone: null,
          contactEmail: null,
          note: null,
          cancelReason: null,
          videoLink: null,
          channelId: null,
          conversationId: null,
          conversationRef: Prisma.DbNull,
          reminderDueAt: null,
        },
      });
      await tx.outboxMessage.updateMany({ where: { appointmentId: { in: ids } }, data: { payload: {} } });
    });
    return ids.length;
  }
}
