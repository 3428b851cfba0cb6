/**
 * OutboxMessage rows as delivery and the admin views read and change them, and the appointment
 * and coach rows a message is rendered from.
 */
import type { Prisma, PrismaClient } from '../db/database.js';
import type { OutboxMessage } from '../../generated/prisma/client.js';
import type { AppointmentRow } from '../booking/appointmentRepository.js';
import type { CoachRow } from '../booking/coachRepository.js';
import type { NewOutboxMessage } from '../kernel/outbox.js';

/** The stored OutboxMessage row. */
export type OutboxRow = OutboxMessage;

/** The OutboxMessage columns of a message to queue; the reminder and reassignment repositories write them in their own transactions. */
export function pendingRow(message: NewOutboxMessage): Prisma.OutboxMessageCreateManyInput {
  return { ...message, payload: message.payload as unknown as Prisma.InputJsonValue, status: 'pending' };
}

/** What a delivery attempt records on its row. */
export interface OutboxUpdate {
  status?: string;
  attempts?: number;
  lastError?: string | null;
  sentAt?: Date | null;
  nextAttemptAt?: Date;
  /** Replaces the payload (the clear-text links are dropped once the email is out). */
  payload?: Record<string, unknown>;
}

export class OutboxRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Pending rows of these kinds due at `now`, oldest due first. */
  async due(kinds: string[], now: Date, take: number): Promise<OutboxRow[]> {
    return this.prisma.outboxMessage.findMany({
      where: { status: 'pending', nextAttemptAt: { lte: now }, kind: { in: kinds } },
      orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
      take,
    });
  }

  async pendingByIds(ids: string[]): Promise<OutboxRow[]> {
    return this.prisma.outboxMessage.findMany({ where: { id: { in: ids }, status: 'pending' } });
  }

  /** Takes a due pending row by moving its next attempt to `until`; false when another deliverer has it. */
  async claim(id: string, now: Date, until: Date): Promise<boolean> {
    const { count } = await this.prisma.outboxMessage.updateMany({
      where: { id, status: 'pending', nextAttemptAt: { lte: now } },
      data: { nextAttemptAt: until },
    });
    return count === 1;
  }

  async update(id: string, changes: OutboxUpdate): Promise<void> {
    const { payload, ...columns } = changes;
    await this.prisma.outboxMessage.update({ where: { id }, data: { ...columns, ...(payload === undefined ? {} : { payload: payload as Prisma.InputJsonValue }) } });
  }

  /** Queues messages; one whose messageId is queued already is left as it is. */
  async enqueue(messages: readonly NewOutboxMessage[]): Promise<void> {
    await this.prisma.outboxMessage.createMany({ data: messages.map(pendingRow), skipDuplicates: true });
  }

  /** Deletes sent and skipped rows created before `before`; returns how many. */
  async deleteDeliveredBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.outboxMessage.deleteMany({ where: { status: { in: ['sent', 'skipped'] }, createdAt: { lt: before } } });
    return count;
  }

  /** Newest first. */
  async list(filter: { status?: string; take: number }): Promise<OutboxRow[]> {
    return this.prisma.outboxMessage.findMany({ where: filter.status ? { status: filter.status } : {}, orderBy: { createdAt: 'desc' }, take: filter.take });
  }

  async find(id: string): Promise<OutboxRow | null> {
    return this.prisma.outboxMessage.findUnique({ where: { id } });
  }

  /** Sets failed rows (one, or all without an id) pending again with fresh attempts; returns how many. */
  async requeueFailed(id: string | undefined, now: Date): Promise<number> {
    const { count } = await this.prisma.outboxMessage.updateMany({ where: id === undefined ? { status: 'failed' } : { id, status: 'failed' }, data: { status: 'pending', attempts: 0, nextAttemptAt: now } });
    return count;
  }

  async appointment(id: string): Promise<(AppointmentRow & { coach: CoachRow }) | null> {
    return this.prisma.appointment.findUnique({ where: { id }, include: { coach: true } });
  }

  async coach(id: string): Promise<CoachRow | null> {
    return this.prisma.coach.findUnique({ where: { id } });
  }
}
