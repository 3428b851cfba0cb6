/**
 * What a coach can do with their own token: list their appointments, mark one completed, and
 * manage their availability. Every method takes the authenticated coach's id; another coach's
 * row is a ForbiddenError.
 */
import type { Clock } from '../kernel/clock.js';
import type { AppointmentRow as Appointment } from '../booking/appointmentRepository.js';
import { availabilityExceptionSchema, weeklyHoursSchema } from '../booking/coachData.js';
import type { CoachRepository, CoachRow as Coach } from '../booking/coachRepository.js';
import { appointmentEvent } from '../kernel/calendar.js';
import { buildFeed, type CalendarEvent } from '../kernel/ics.js';
import type { AvailabilityException, WeeklyHours } from '../booking/slots.js';
import { coachOffice, languageName, mailAddress, type RenderSettings } from '../notifications/render.js';
import { formatDateTime, formatTime } from '../language/format.js';
import type { CoachAppointmentRepository } from './coachAppointmentRepository.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.js';

export interface CoachAppointment {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  meetingLanguage: string;
  locale: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string | null;
  topic: string;
  note: string | null;
  jobseekerName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  videoLink: string | null;
  sequence: number;
  cancelReason: string | null;
  cancelledAt: string | null;
  completedAt: string | null;
}

export function appointmentJson(a: Appointment): CoachAppointment {
  return {
    id: a.id,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    mode: a.mode,
    meetingLanguage: a.meetingLanguage,
    locale: a.locale,
    interpreterNeeded: a.interpreterNeeded,
    interpreterLanguage: a.interpreterLanguage,
    topic: a.topic,
    note: a.note,
    jobseekerName: a.jobseekerName,
    contactPhone: a.contactPhone,
    contactEmail: a.contactEmail,
    videoLink: a.videoLink,
    sequence: a.sequence,
    cancelReason: a.cancelReason,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
    completedAt: a.completedAt?.toISOString() ?? null,
  };
}

export interface AvailabilityView {
  weekly: WeeklyHours;
  exceptions: Array<AvailabilityException & { id: string }>;
}

const STATUSES = new Set(['booked', 'cancelled', 'completed', 'not_attended']);
const DAY_MS = 24 * 60 * 60 * 1000;

export class CoachService {
  constructor(
    private readonly appointments: CoachAppointmentRepository,
    private readonly coaches: CoachRepository,
    private readonly clock: Clock,
  ) {}

  async listAppointments(coachId: string, query: { from?: string; to?: string; status?: string } = {}): Promise<CoachAppointment[]> {
    const from = query.from ? parseInstant(query.from, 'from') : new Date(this.clock.now().getTime() - 30 * DAY_MS);
    const to = query.to ? parseInstant(query.to, 'to') : undefined;
    if (query.status !== undefined && !STATUSES.has(query.status)) throw new ValidationError('"status" must be booked, cancelled, completed or not_attended.');
    const rows = await this.appointments.listForCoach(coachId, { from, to, status: query.status }, 1000);
    return rows.map(appointmentJson);
  }

  private async own(coachId: string, appointmentId: string): Promise<Appointment> {
    const row = await this.appointments.find(appointmentId);
    if (!row) throw new NotFoundError('appointment');
    if (row.coachId !== coachId) throw new ForbiddenError('appointment');
    return row;
  }

  async getAppointment(coachId: string, appointmentId: string): Promise<CoachAppointment> {
    return appointmentJson(await this.own(coachId, appointmentId));
  }

  /** Marks a meeting that has begun as held; doing it twice is harmless. */
  async complete(coachId: string, appointmentId: string): Promise<CoachAppointment> {
    return this.markOutcome(coachId, appointmentId, 'completed');
  }

  /** Marks a meeting that has begun as not attended (the jobseeker did not come); twice is harmless. */
  async notAttended(coachId: string, appointmentId: string): Promise<CoachAppointment> {
    return this.markOutcome(coachId, appointmentId, 'not_attended');
  }

  private async markOutcome(coachId: string, appointmentId: string, outcome: 'completed' | 'not_attended'): Promise<CoachAppointment> {
    const row = await this.own(coachId, appointmentId);
    if (row.status === outcome) return appointmentJson(row);
    if (row.status === 'cancelled') throw new ConflictError(`A cancelled appointment cannot be marked ${outcome === 'completed' ? 'completed' : 'not attended'}.`);
    if (row.status !== 'booked') throw new ConflictError(`The appointment is marked ${row.status === 'completed' ? 'completed' : 'not attended'} already.`);
    const now = this.clock.now();
    if (row.startsAt.getTime() > now.getTime()) throw new ConflictError('The appointment has not started yet.');
    if (!(await this.appointments.markOutcome(row.id, coachId, outcome, now))) throw new ConflictError('The appointment changed meanwhile; fetch it again.');
    return appointmentJson(await this.own(coachId, appointmentId));
  }

  async availability(coachId: string): Promise<AvailabilityView> {
    const stored = await this.coaches.availability(coachId);
    if (!stored) throw new NotFoundError('coach');
    return {
      weekly: stored.weekly,
      exceptions: stored.exceptions.map((e) => exceptionJson(e)),
    };
  }

  async setWeeklyHours(coachId: string, input: unknown): Promise<AvailabilityView> {
    const parsed = weeklyHoursSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(`Invalid weekly hours: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
    for (const [day, ranges] of Object.entries(parsed.data)) {
      const sorted = [...(ranges ?? [])].sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) throw new ValidationError(`Invalid weekly hours: ranges on ${day} overlap.`);
    }
    await this.coaches.setWeeklyHours(coachId, parsed.data);
    return this.availability(coachId);
  }

  async addException(coachId: string, input: unknown): Promise<AvailabilityException & { id: string }> {
    const parsed = availabilityExceptionSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(`Invalid exception: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
    return exceptionJson(await this.coaches.addException(coachId, parsed.data));
  }

  async deleteException(coachId: string, exceptionId: string): Promise<void> {
    const row = await this.coaches.findException(exceptionId);
    if (!row) throw new NotFoundError('exception');
    if (row.coachId !== coachId) throw new ForbiddenError('exception');
    await this.coaches.deleteException(exceptionId);
  }

  /** The coach's own calendar: 30 days back and everything ahead, cancellations as CANCELLED. */
  async feed(coach: Coach, settings: RenderSettings): Promise<string> {
    const now = this.clock.now();
    const rows = await this.appointments.listForCoach(coach.id, { from: new Date(now.getTime() - 30 * DAY_MS) }, 2000);
    const t = settings.translator.t('fi');
    const events: CalendarEvent[] = rows.map((a) => {
      const lines = [
        t('notifications:line', { label: t('notifications:field.time'), value: t('notifications:timeRange', { start: formatDateTime(a.startsAt, 'fi'), end: formatTime(a.endsAt, 'fi') }) }),
        t('notifications:line', { label: t('notifications:field.name'), value: a.jobseekerName }),
        t('notifications:line', { label: t('notifications:field.mode'), value: t(`notifications:mode.${a.mode}`) }),
        ...(a.contactPhone ? [t('notifications:line', { label: t('notifications:field.phone'), value: a.contactPhone })] : []),
        ...(a.contactEmail ? [t('notifications:line', { label: t('notifications:field.email'), value: a.contactEmail })] : []),
        ...(a.videoLink ? [t('notifications:line', { label: t('notifications:field.video'), value: a.videoLink })] : []),
        t('notifications:line', { label: t('notifications:field.topic'), value: t(`notifications:topic.${a.topic}`, { defaultValue: a.topic }) }),
        ...(a.interpreterNeeded ? [t('notifications:line', { label: t('notifications:field.interpreter'), value: t('notifications:interpreter.yes', { language: languageName(a.interpreterLanguage ?? a.locale, 'fi') }) })] : []),
        ...(a.note ? [t('notifications:line', { label: t('notifications:field.note', { language: languageName(a.locale, 'fi') }), value: a.note })] : []),
      ];
      return appointmentEvent(a, {
        publicBaseUrl: settings.publicBaseUrl,
        office: coachOffice(coach),
        summary: t('notifications:coach.calendarSummary', { name: a.jobseekerName, topic: t(`notifications:topic.${a.topic}`, { defaultValue: a.topic }) }),
        description: lines.join('\n'),
        organizer: mailAddress(settings.mailFrom),
      });
    });
    return buildFeed(events, { calendarName: t('notifications:coach.feedName', { coach: coach.name }) });
  }
}

function exceptionJson(e: { id: string; kind: string; fromDate: string; toDate: string | null; startTime: string | null; endTime: string | null; reason: string | null }): AvailabilityException & { id: string } {
  return {
    id: e.id,
    kind: e.kind as 'off',
    from: e.fromDate,
    ...(e.toDate ? { to: e.toDate } : {}),
    ...(e.startTime ? { start: e.startTime } : {}),
    ...(e.endTime ? { end: e.endTime } : {}),
    ...(e.reason ? { reason: e.reason as AvailabilityException['reason'] } : {}),
  } as AvailabilityException & { id: string };
}

function parseInstant(value: string, name: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (!Number.isFinite(d.getTime()) || value.length > 40) throw new ValidationError(`"${name}" must be a date (YYYY-MM-DD) or an ISO 8601 time.`);
  return d;
}
