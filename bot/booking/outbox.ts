/**
 * The booking side of the notification outbox: the rows one booking change writes, in the same
 * transaction as the change. The contract with bot/notifications is bot/kernel/outbox.ts.
 */
import { outboxMessageId, type BookingChange, type BookingKind, type NewOutboxMessage, type OutboxPayload } from '../kernel/outbox.js';

export interface OutboxChange {
  appointmentId: string;
  change: BookingChange;
  sequence: number;
  /** True when the jobseeker gave an email address. */
  jobseekerEmail: boolean;
  /** Tell the jobseeker in the chat where they booked too (a cancellation by the coach or an admin). */
  chat?: boolean;
  previousStartsAt?: Date;
  previousCoachId?: string;
  reason?: string;
  links?: { manageUrl: string; icsUrl: string };
}

/** The rows one booking change produces. */
export function outboxRows(change: OutboxChange, now: Date): NewOutboxMessage[] {
  const base: OutboxPayload = { sequence: change.sequence };
  if (change.previousStartsAt) base.previousStartsAt = change.previousStartsAt.toISOString();
  if (change.previousCoachId) base.previousCoachId = change.previousCoachId;
  if (change.reason) base.reason = change.reason;
  const kinds: Array<BookingKind | 'chat.cancelled'> = [`coach.${change.change}`];
  if (change.jobseekerEmail) kinds.push(`jobseeker.${change.change}`);
  if (change.chat && change.change === 'cancelled') kinds.push('chat.cancelled');
  return kinds.map((kind) => ({
    kind,
    appointmentId: change.appointmentId,
    payload: kind.startsWith('jobseeker.') && change.links ? { ...base, ...change.links } : base,
    nextAttemptAt: now,
    messageId: outboxMessageId(change.appointmentId, kind, change.sequence),
  }));
}
