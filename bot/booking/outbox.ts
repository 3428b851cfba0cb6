/**
 * The booking side of the notification outbox.
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
 */
import type { Prisma } from '../db/database.js';
import { appointmentUid } from '../kernel/ics.js';

export const OUTBOX_KINDS = [
  'coach.booked',
  'coach.cancelled',
  'coach.rescheduled',
  'jobseeker.booked',
  'jobseeker.cancelled',
  'jobseeker.rescheduled',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export type BookingChange = 'booked' | 'cancelled' | 'rescheduled';

export interface OutboxPayload {
  sequence: number;
  previousStartsAt?: string;
  previousCoachId?: string;
  reason?: string;
  manageUrl?: string;
  icsUrl?: string;
}

export function outboxMessageId(appointmentId: string, kind: OutboxKind, sequence: number): string {
  return `<${appointmentId}.${kind}.${sequence}@oma-botti>`;
}

/** The stable iCalendar UID of an appointment for this deployment. */
export function calendarUid(appointmentId: string, publicBaseUrl: string): string {
  return appointmentUid(appointmentId, new URL(publicBaseUrl).hostname || 'oma-botti');
}

export interface OutboxChange {
  appointmentId: string;
  change: BookingChange;
  sequence: number;
  /** True when the jobseeker gave an email address. */
  jobseekerEmail: boolean;
  previousStartsAt?: Date;
  previousCoachId?: string;
  reason?: string;
  links?: { manageUrl: string; icsUrl: string };
}

/** The rows one booking change produces. */
export function outboxRows(change: OutboxChange, now: Date): Prisma.OutboxMessageCreateManyInput[] {
  const base: OutboxPayload = { sequence: change.sequence };
  if (change.previousStartsAt) base.previousStartsAt = change.previousStartsAt.toISOString();
  if (change.previousCoachId) base.previousCoachId = change.previousCoachId;
  if (change.reason) base.reason = change.reason;
  const kinds: OutboxKind[] = [`coach.${change.change}`];
  if (change.jobseekerEmail) kinds.push(`jobseeker.${change.change}`);
  return kinds.map((kind) => ({
    kind,
    appointmentId: change.appointmentId,
    payload: (kind.startsWith('jobseeker.') && change.links ? { ...base, ...change.links } : base) as unknown as Prisma.InputJsonValue,
    status: 'pending',
    nextAttemptAt: now,
    messageId: outboxMessageId(change.appointmentId, kind, change.sequence),
  }));
}

/** Writes the rows inside the caller's transaction. */
export async function writeOutbox(tx: Prisma.TransactionClient, change: OutboxChange, now: Date): Promise<void> {
  await tx.outboxMessage.createMany({ data: outboxRows(change, now) });
}
