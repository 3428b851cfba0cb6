/** Appointment reminders: which are due, and claiming one together with its outbox rows. */
import type { PrismaClient } from '../db/database.js';
import type { NewOutboxMessage } from '../kernel/outbox.js';
import { pendingRow } from './outboxRepository.js';

export interface DueReminder {
  appointmentId: string;
  sequence: number;
  startsAt: Date;
  contactEmail: string | null;
  /** The booking was made in a conversation the bot can write to. */
  hasConversation: boolean;
}

export class ReminderRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Booked appointments whose reminder is due at `now` and not yet sent, earliest due first. */
  async due(now: Date, take: number): Promise<DueReminder[]> {
    const rows = await this.prisma.appointment.findMany({
      where: { status: 'booked', reminderSentAt: null, reminderDueAt: { lte: now } },
      select: { id: true, sequence: true, startsAt: true, contactEmail: true, conversationRef: true },
      orderBy: { reminderDueAt: 'asc' },
      take,
    });
    return rows.map((a) => ({ appointmentId: a.id, sequence: a.sequence, startsAt: a.startsAt, contactEmail: a.contactEmail, hasConversation: Boolean(a.conversationRef) }));
  }

  /**
   * Marks the reminder sent, if the appointment is still booked and unreminded, and queues
   * `messages` in the same transaction. Returns the ids of the queued outbox rows: none when
   * another run claimed it first, or when there was nothing to queue.
   */
  async claim(appointmentId: string, now: Date, messages: readonly NewOutboxMessage[]): Promise<string[]> {
    const claimed = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.appointment.updateMany({ where: { id: appointmentId, status: 'booked', reminderSentAt: null }, data: { reminderSentAt: now } });
      if (count !== 1) return false;
      if (messages.length) await tx.outboxMessage.createMany({ data: messages.map(pendingRow), skipDuplicates: true });
      return true;
    });
    if (!claimed || messages.length === 0) return [];
    const rows = await this.prisma.outboxMessage.findMany({ where: { messageId: { in: messages.map((m) => m.messageId) } }, select: { id: true } });
    return rows.map((r) => r.id);
  }
}
