/**
 * Outbox message kinds and ids. The booking service writes the `coach.*` and `jobseeker.*` rows in
 * the same transaction as the booking change (bot/booking/outbox.ts); reminders and coach
 * reassignment add their own. Older rows may spell the kind with underscores ("coach_booked").
 * A `coach.*` row goes to the appointment's current coach, except `coach.released`, which goes to
 * payload.previousCoachId.
 */

export const MAIL_KINDS = [
  'coach.booked',
  'coach.cancelled',
  'coach.rescheduled',
  /** A CANCEL to the coach who no longer has the appointment (reassigned, or moved to another coach). */
  'coach.released',
  'jobseeker.booked',
  'jobseeker.cancelled',
  'jobseeker.rescheduled',
  'jobseeker.reminder',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Proactive messages into the conversation where the booking was made. */
export const CHAT_KINDS = ['chat.reminder', 'chat.reassigned'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export type OutboxKind = MailKind | ChatKind;

export function normaliseKind(kind: string): OutboxKind | undefined {
  const k = kind.replace(/_/g, '.');
  return (MAIL_KINDS as readonly string[]).includes(k) || (CHAT_KINDS as readonly string[]).includes(k) ? (k as OutboxKind) : undefined;
}

export function isChatKind(kind: OutboxKind): kind is ChatKind {
  return (CHAT_KINDS as readonly string[]).includes(kind);
}

/** Both spellings, for queries. */
export function kindSpellings(kinds: readonly OutboxKind[]): string[] {
  return kinds.flatMap((k) => [k, k.replace(/\./g, '_')]);
}

/** The payload every outbox row carries. */
export interface OutboxPayload {
  /** The appointment's iCalendar SEQUENCE when the change was made. */
  sequence: number;
  /** ISO instant of the old start, for a reschedule. */
  previousStartsAt?: string;
  /** The coach who had the appointment before a reassignment. */
  previousCoachId?: string;
  /** Why it was cancelled or changed, e.g. "reassigned", or the jobseeker's own words. */
  reason?: string;
  /** The jobseeker's private manage link, when the booking service includes it. */
  manageUrl?: string;
}

export function parsePayload(value: unknown): OutboxPayload {
  const v = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' && x.length > 0 ? x : undefined);
  return {
    sequence: typeof v.sequence === 'number' && Number.isInteger(v.sequence) && v.sequence >= 0 ? v.sequence : 0,
    previousStartsAt: str(v.previousStartsAt),
    previousCoachId: str(v.previousCoachId),
    reason: str(v.reason),
    manageUrl: str(v.manageUrl),
  };
}

/** The stable RFC 5322 Message-ID of one notification: the same on every retry. */
export function outboxMessageId(appointmentId: string, kind: OutboxKind, sequence: number): string {
  return `<${appointmentId}.${kind}.${sequence}@oma-botti>`;
}
