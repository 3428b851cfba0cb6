/**
 * Reminders to the jobseeker, about BOOKING_REMINDER_HOURS before the meeting: a proactive message
 * to the conversation where the booking was made and an email when they gave one. The schedule is
 * the Appointment row (reminderDueAt), so it survives restarts; a reminder is claimed and its
 * outbox rows written in one transaction, then delivered like any other notification.
 */
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/log.js';
import { outboxMessageId, type OutboxKind } from '../kernel/outbox.js';
import type { OutboxDelivery } from './outboxDelivery.js';
import type { ReminderRepository } from './reminderRepository.js';

export interface ReminderDeps {
  reminders: ReminderRepository;
  clock: Clock;
  logger: Logger;
  delivery: Pick<OutboxDelivery, 'deliverIds'>;
}

export class ReminderService {
  constructor(private readonly deps: ReminderDeps) {}

  /** Queues and sends every reminder that is due; returns how many appointments were reminded. */
  async sendDue(limit = 100): Promise<number> {
    const { reminders, clock } = this.deps;
    const now = clock.now();
    const due = await reminders.due(now, limit);
    let reminded = 0;
    for (const a of due) {
      const kinds: OutboxKind[] = [];
      // A meeting that already began (the process was down) gets no late reminder; it is still claimed.
      if (a.startsAt.getTime() > now.getTime()) {
        if (a.hasConversation) kinds.push('chat.reminder');
        if (a.contactEmail) kinds.push('jobseeker.reminder');
      }
      const messages = kinds.map((kind) => ({
        kind,
        appointmentId: a.appointmentId,
        payload: { sequence: a.sequence },
        nextAttemptAt: now,
        messageId: outboxMessageId(a.appointmentId, kind, a.sequence),
      }));
      const ids = await reminders.claim(a.appointmentId, now, messages);
      if (ids.length === 0) continue;
      reminded++;
      await this.deps.delivery.deliverIds(ids);
    }
    if (reminded > 0) this.deps.logger.info({ reminders: { sent: reminded } }, 'booking reminders queued');
    return reminded;
  }
}
