/** Appointments as a coach and the admin see them: by coach and time, completed, reassigned. */
import type { PrismaClient } from '../db/database.js';
import type { AppointmentRow } from '../booking/appointmentRepository.js';
import type { NewOutboxMessage } from '../kernel/outbox.js';
import { pendingRow } from '../notifications/outboxRepository.js';

export class CoachAppointmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The coach's appointments starting in [from, to), optionally of one status, by start time. */
  async listForCoach(coachId: string, filter: { from: Date; to?: Date; status?: string }, take: number): Promise<AppointmentRow[]> {
    return this.prisma.appointment.findMany({
      where: { coachId, startsAt: { gte: filter.from, ...(filter.to ? { lt: filter.to } : {}) }, ...(filter.status ? { status: filter.status } : {}) },
      orderBy: { startsAt: 'asc' },
      take,
    });
  }

  /** The coach's booked appointments starting in [from, to), by start time. */
  async bookedForCoach(coachId: string, from: Date, to?: Date): Promise<AppointmentRow[]> {
    return this.prisma.appointment.findMany({
      where: { coachId, status: 'booked', startsAt: { gte: from, ...(to ? { lt: to } : {}) } },
      orderBy: { startsAt: 'asc' },
    });
  }

  async find(id: string): Promise<AppointmentRow | null> {
    return this.prisma.appointment.findUnique({ where: { id } });
  }

  /**
   * Records how a booked appointment of the coach went: completed, or not attended (the jobseeker
   * did not come); completedAt is when it was marked. False when it was not (any longer) booked.
   */
  async markOutcome(id: string, coachId: string, outcome: 'completed' | 'not_attended', at: Date): Promise<boolean> {
    const { count } = await this.prisma.appointment.updateMany({ where: { id, coachId, status: 'booked' }, data: { status: outcome, completedAt: at } });
    return count === 1;
  }

  /**
   * Moves a booked appointment from one coach to another, setting its new `sequence`, with
   * `messages` queued in the same transaction. False, with nothing changed, when the other coach is
   * booked at that time or the appointment changed meanwhile (its sequence is no longer a.sequence).
   */
  async reassign(
    a: Pick<AppointmentRow, 'id' | 'sequence' | 'startsAt' | 'endsAt'>,
    move: { fromCoachId: string; toCoachId: string; sequence: number },
    messages: readonly NewOutboxMessage[],
  ): Promise<boolean> {
    const { fromCoachId, toCoachId, sequence } = move;
    return this.prisma.$transaction(async (tx) => {
      const busy = await tx.appointment.count({
        where: { coachId: toCoachId, status: 'booked', startsAt: { lt: a.endsAt }, endsAt: { gt: a.startsAt } },
      });
      if (busy > 0) return false;
      const { count } = await tx.appointment.updateMany({
        where: { id: a.id, coachId: fromCoachId, status: 'booked', sequence: a.sequence },
        data: { coachId: toCoachId, sequence },
      });
      if (count !== 1) return false;
      await tx.outboxMessage.createMany({ data: messages.map(pendingRow), skipDuplicates: true });
      return true;
    });
  }
}
