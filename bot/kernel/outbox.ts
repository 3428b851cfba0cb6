/**
 * The notification outbox: the contract between the features that write OutboxMessage rows (booking,
 * reminders, coach reassignment) and bot/notifications, which delivers them.
 *
 * CONTRACT with bot/notifications (which delivers these rows):
 * - Every booking change writes its OutboxMessage rows in the SAME transaction as the Appointment
 *   change, so a notification exists exactly when the change was committed.
 * - kind: 'coach.booked' | 'coach.cancelled' | 'coach.rescheduled' always, and the matching
 *   'jobseeker.booked' | 'jobseeker.cancelled' | 'jobseeker.rescheduled' only when the appointment
 *   has a contactEmail. 'coach.*' goes to the appointment's coach (for a reassignment, the new coach;
 *   the previous one is payload.previousCoachId).
 * - appointmentId is always set; the deliverer reads the rest (coach, times, mode, name, contact,
 *   note, videoLink, locale) from the Appointment row as it is at delivery.
 * - payload: { sequence, previousStartsAt?, previousCoachId?, reason?, manageUrl?, icsUrl? }
 *   sequence is the Appointment.sequence after the change (the iCalendar SEQUENCE to send);
 *   previousStartsAt is an ISO instant (reschedules); reason is the cancel reason;
 *   manageUrl/icsUrl (jobseeker.* only) are the private links for the jobseeker's email, since the
 *   manage token itself is stored only hashed.
 * - messageId: `<${appointmentId}.${kind}.${sequence}@oma-botti>`, unique and stable, so a retried
 *   or repeated delivery is recognisable; status 'pending'; nextAttemptAt = now.
 * - The calendar UID of an appointment is calendarUid(appointmentId, PUBLIC_BASE_URL), the same in
 *   the jobseeker's .ics download and in the coach's invites and feed.
 *
 * Reminders add 'jobseeker.reminder' and 'chat.reminder', a coach reassignment adds 'coach.released'
 * (a CANCEL to payload.previousCoachId) and 'chat.reassigned', and a cancellation by the coach or an
 * admin adds 'chat.cancelled' (with payload.reason) where the booking was made in a chat. Older rows may spell the kind with
 * underscores ("coach_booked").
 */
import { appointmentUid } from './ics.js';
import { isPlainObject } from './json.js';

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
export const CHAT_KINDS = ['chat.reminder', 'chat.reassigned', 'chat.cancelled'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export type OutboxKind = MailKind | ChatKind;

export type BookingChange = 'booked' | 'cancelled' | 'rescheduled';

/** The kinds one booking change writes. */
export type BookingKind = `${'coach' | 'jobseeker'}.${BookingChange}`;

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
  /** The appointment's iCalendar SEQUENCE after the change. */
  sequence: number;
  /** ISO instant of the old start, for a reschedule. */
  previousStartsAt?: string;
  /** The coach who had the appointment before a reassignment. */
  previousCoachId?: string;
  /** Why it was cancelled or changed, e.g. "reassigned", or the jobseeker's own words. */
  reason?: string;
  /** The jobseeker's private manage link (jobseeker.* rows written by a booking change). */
  manageUrl?: string;
  /** The jobseeker's private .ics download link, beside manageUrl. */
  icsUrl?: string;
}

/** A stored payload as the deliverer can trust it: wrong types are dropped, a missing sequence is 0. */
export function parsePayload(value: unknown): OutboxPayload {
  const v = isPlainObject(value) ? value : {};
  const str = (x: unknown) => (typeof x === 'string' && x.length > 0 ? x : undefined);
  return {
    sequence: typeof v.sequence === 'number' && Number.isInteger(v.sequence) && v.sequence >= 0 ? v.sequence : 0,
    previousStartsAt: str(v.previousStartsAt),
    previousCoachId: str(v.previousCoachId),
    reason: str(v.reason),
    manageUrl: str(v.manageUrl),
    icsUrl: str(v.icsUrl),
  };
}

/** The stable RFC 5322 Message-ID of one notification: the same on every retry. */
export function outboxMessageId(appointmentId: string, kind: OutboxKind, sequence: number): string {
  return `<${appointmentId}.${kind}.${sequence}@oma-botti>`;
}

/** The stable iCalendar UID of an appointment for this deployment. */
export function calendarUid(appointmentId: string, publicBaseUrl: string): string {
  return appointmentUid(appointmentId, new URL(publicBaseUrl).hostname || 'oma-botti');
}

/** A message to queue: every writer (booking, reminders, reassignment) queues rows of this shape, status pending. */
export interface NewOutboxMessage {
  kind: OutboxKind;
  appointmentId: string;
  payload: OutboxPayload;
  nextAttemptAt: Date;
  messageId: string;
}
