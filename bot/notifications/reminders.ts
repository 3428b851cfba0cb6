/**
 * Reminders to the jobseeker, about BOOKING_REMINDER_HOURS before the meeting: a proactive message
 * to the conversation where the booking was made and an email when they gave one. The schedule is
 * the Appointment row (reminderDueAt), so it survives restarts; a reminder is claimed and its
 * outbox rows written in one transaction, then delivered like any other notification.
 */
import type { Clock } from '../kernel/clock.js';
import type { PrismaClient } from '../db/database.js';
import type { Logger } from '../kernel/log.js';
import { outboxMessageId, type OutboxKind } from '../kernel/outbox.js';
import type { OutboxDelivery } from './outboxDelivery.js';

export interface ReminderDeps {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  delivery: Pick<OutboxDelivery, 'deliverIds'>;
}

export class ReminderService {
  constructor(private readonly deps: ReminderDeps) {}

  /** Queues and sends every reminder that is due; returns how many appointments were reminded. */
  async sendDue(limit = 100): Promise<number> {
    const { prisma, clock } = this.deps;
    const now = clock.now();
    const due = await prisma.appointment.findMany({
      where: { status: 'booked', reminderSentAt: null, reminderDueAt: { lte: now } },
      select: { id: true, sequence: true, startsAt: true, contactEmail: true, conversationRef: true },
      orderBy: { reminderDueAt: 'asc' },
      take: limit,
    });
    let reminded = 0;
    for (const a of due) {
      const messageIds = await prisma.$transaction(async (tx) => {
        const claimed = await tx.appointment.updateMany({ where: { id: a.id, status: 'booked', reminderSentAt: null }, data: { reminderSentAt: now } });
        // A meeting that already began (the process was down) gets no late reminder.
        if (claimed.count !== 1 || a.startsAt.getTime() <= now.getTime()) return [];
        const kinds: OutboxKind[] = [];
        if (a.conversationRef) kinds.push('chat.reminder');
        if (a.contactEmail) kinds.push('jobseeker.reminder');
        const rows = kinds.map((kind) => ({
          kind,
          appointmentId: a.id,
          payload: { sequence: a.sequence },
          status: 'pending',
          nextAttemptAt: now,
          messageId: outboxMessageId(a.id, kind, a.sequence),
        }));
        if (rows.length) await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
        return rows.map((r) => r.messageId);
      });
      if (messageIds.length === 0) continue;
      reminded++;
      const rows = await prisma.outboxMessage.findMany({ where: { messageId: { in: messageIds } }, select: { id: true } });
      await this.deps.delivery.deliverIds(rows.map((r) => r.id));
    }
    if (reminded > 0) this.deps.logger.info({ reminders: { sent: reminded } }, 'booking reminders queued');
    return reminded;
  }
}
