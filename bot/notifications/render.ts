/**
 * Renders outbox rows into emails and chat messages: the coach's email (in Finnish, the note as the
 * jobseeker wrote it plus a Finnish translation when one is given), the jobseeker's emails and
 * reminder in their own language, and the .ics invite with a stable UID and the row's SEQUENCE.
 * User text is escaped in HTML; plain text carries it as written.
 */
import type { AppointmentRow as Appointment } from '../booking/appointmentRepository.js';
import type { CoachRow as Coach } from '../booking/coachRepository.js';
import { appointmentEvent, officeAddress, type OfficeAddress } from '../kernel/calendar.js';
import { buildInvite, type CalendarAttendee, type InviteMethod } from '../kernel/ics.js';
import type { Translator, TFunction } from '../i18n/i18n.js';
import { toSupportedLocale, type Locale } from '../i18n/locales.js';
import { formatDateTime, formatTime, intlLocale } from '../language/format.js';
import type { ChatKind, MailKind, OutboxPayload } from '../kernel/outbox.js';
import { escapeHtml } from '../kernel/html.js';

export type AppointmentWithCoach = Appointment & { coach: Coach };

/** The language coach emails are written in. */
export const COACH_LOCALE: Locale = 'fi';

export interface RenderSettings {
  translator: Translator;
  publicBaseUrl: string;
  /** MAIL_FROM, e.g. "OMA-botti <no-reply@example.fi>": the organizer of the invites. */
  mailFrom: string;
}

export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  ics?: { method: InviteMethod; content: string; filename: string };
}

export interface MailInput {
  kind: MailKind;
  payload: OutboxPayload;
  appointment: AppointmentWithCoach;
  /** For a reassignment: the coach who had the appointment before. */
  previousCoach?: Coach | null;
  /** The note in Finnish (machine translation), for the coach's email. */
  noteFinnish?: string;
  /** DTSTAMP of the invite. */
  now: Date;
}

/** How a coach or jobseeker email is meant, beyond its kind. */
type Variant = 'booked' | 'cancelled' | 'rescheduled' | 'reassignedIn' | 'reassignedAway' | 'movedAway' | 'reassigned' | 'reminder' | 'erased';

/**
 * The jobseeker's details are gone (they had their data deleted, or retention anonymised a past
 * appointment): a booking always has a name, so an empty one means nothing of theirs is left.
 */
export function isAnonymised(a: Appointment): boolean {
  return !a.jobseekerName.trim();
}

const REASSIGNED = 'reassigned';

/** The address part of "Name <address>" (or the whole value). */
export function mailAddress(from: string): { email: string; name?: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { email: m[2].trim(), name: m[1].trim() || undefined } : { email: from.trim() };
}

function localeOf(appointment: Appointment): Locale {
  return toSupportedLocale(appointment.locale) ?? COACH_LOCALE;
}

/** The language's name in `locale`, e.g. fi "arabia" for "ar". */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(code === 'fi-x-selko' ? 'fi' : code) ?? code;
  } catch {
    return code;
  }
}

function timeRange(t: TFunction, start: Date, end: Date, locale: Locale): string {
  return t('notifications:timeRange', { start: formatDateTime(start, locale), end: formatTime(end, locale) });
}

export function coachOffice(coach: Coach): OfficeAddress {
  return { street: coach.officeStreet, postalCode: coach.officePostalCode, city: coach.officeCity };
}

function place(a: AppointmentWithCoach): string {
  return officeAddress(coachOffice(a.coach));
}

interface Line {
  label: string;
  value: string;
  /** Written by the jobseeker: escaped and kept on its own lines. */
  userText?: boolean;
}

function detailLines(t: TFunction, locale: Locale, a: AppointmentWithCoach, forCoach: boolean, payload: OutboxPayload, noteFinnish?: string): Line[] {
  const lines: Line[] = [];
  const field = (k: string) => t(`notifications:field.${k}`);
  lines.push({ label: field('time'), value: timeRange(t, a.startsAt, a.endsAt, locale) });
  if (payload.previousStartsAt) {
    const prev = new Date(payload.previousStartsAt);
    if (Number.isFinite(prev.getTime())) lines.push({ label: field('previousTime'), value: formatDateTime(prev, locale) });
  }
  if (forCoach && !isAnonymised(a)) lines.push({ label: field('name'), value: a.jobseekerName, userText: true });
  else lines.push({ label: field('coach'), value: a.coach.name });
  lines.push({ label: field('mode'), value: t(`notifications:mode.${a.mode}`) });
  if (a.mode === 'in_person') lines.push({ label: field('place'), value: place(a) });
  if (a.mode === 'video' && a.videoLink) lines.push({ label: field('video'), value: a.videoLink });
  if (forCoach && a.contactPhone) lines.push({ label: field('phone'), value: a.contactPhone });
  if (forCoach && a.contactEmail) lines.push({ label: field('email'), value: a.contactEmail });
  if (!forCoach && a.mode === 'phone' && a.contactPhone) lines.push({ label: field('callsYou'), value: a.contactPhone });
  lines.push({ label: field('language'), value: languageName(a.meetingLanguage, locale) });
  if (forCoach || a.interpreterNeeded) {
    lines.push({
      label: field('interpreter'),
      value: a.interpreterNeeded
        ? t('notifications:interpreter.yes', { language: languageName(a.interpreterLanguage ?? a.locale, locale) })
        : t('notifications:interpreter.no'),
    });
  }
  lines.push({ label: field('topic'), value: t(`notifications:topic.${a.topic}`, { defaultValue: a.topic }) });
  if (forCoach && a.note) {
    lines.push({ label: t('notifications:field.note', { language: languageName(a.locale, locale) }), value: a.note, userText: true });
    if (noteFinnish) lines.push({ label: field('noteFinnish'), value: noteFinnish, userText: true });
  }
  // The jobseeker reads the reason when the coach or an admin cancelled (the coach writes it for them).
  const cancelledForThem = a.cancelledBy === 'coach' || a.cancelledBy === 'admin';
  if ((forCoach || cancelledForThem) && a.cancelReason && a.status === 'cancelled' && payload.reason !== REASSIGNED && !isAnonymised(a)) {
    lines.push({ label: field('reason'), value: a.cancelReason, userText: true });
  }
  return lines;
}

function textBody(t: TFunction, paragraphs: string[], lines: Line[], footer: string): string {
  const body = lines.map((l) => t('notifications:line', { label: l.label, value: l.value })).join('\n');
  return [...paragraphs, body, footer].join('\n\n') + '\n';
}

function htmlBody(locale: Locale, paragraphs: string[], lines: Line[], footer: string, rtl: boolean): string {
  const rows = lines
    .map((l) => `<tr><th style="text-align:start;vertical-align:top;padding:2px 12px 2px 0">${escapeHtml(l.label)}</th><td style="white-space:pre-wrap">${escapeHtml(l.value)}</td></tr>`)
    .join('\n');
  return [
    `<!doctype html><html lang="${escapeHtml(intlLocale(locale))}" dir="${rtl ? 'rtl' : 'ltr'}"><body>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<table>${rows}</table>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
}

function coachVariant(kind: MailKind, payload: OutboxPayload, a: Appointment): Variant {
  const reassigned = payload.reason === REASSIGNED;
  if (kind === 'coach.released') return reassigned ? 'reassignedAway' : 'movedAway';
  if (kind === 'coach.cancelled') return isAnonymised(a) ? 'erased' : 'cancelled';
  // The appointment came from another coach: for this coach it is new.
  if (payload.previousCoachId && payload.previousCoachId !== a.coachId) return reassigned ? 'reassignedIn' : 'booked';
  return kind === 'coach.rescheduled' ? 'rescheduled' : 'booked';
}

function jobseekerVariant(kind: MailKind, payload: OutboxPayload): Variant {
  if (kind === 'jobseeker.reminder') return 'reminder';
  if (payload.reason === REASSIGNED && payload.previousCoachId && kind !== 'jobseeker.cancelled') return 'reassigned';
  return kind === 'jobseeker.cancelled' ? 'cancelled' : kind === 'jobseeker.rescheduled' ? 'rescheduled' : 'booked';
}

function invite(method: InviteMethod, a: AppointmentWithCoach, settings: RenderSettings, input: MailInput, summary: string, description: string, attendees: CalendarAttendee[], url?: string) {
  const event = appointmentEvent(a, {
    publicBaseUrl: settings.publicBaseUrl,
    office: coachOffice(a.coach),
    summary,
    description,
    url,
    organizer: mailAddress(settings.mailFrom),
    attendees,
    invite: { sequence: input.payload.sequence, sentAt: input.now },
  });
  return { method, content: buildInvite(method, event), filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics' };
}

function safeAttendee(email: string | null | undefined, name: string, role: CalendarAttendee['role']): CalendarAttendee[] {
  return email && !/[\s"]/.test(email) && email.includes('@') ? [{ email, name, role }] : [];
}

/** The email to the coach: the appointment's own coach, or for a reassignment away, the previous one. */
export function renderCoachMail(settings: RenderSettings, input: MailInput): RenderedMail {
  const a = input.appointment;
  const locale = COACH_LOCALE;
  const t = settings.translator.t(locale);
  const variant = coachVariant(input.kind, input.payload, a);
  const away = variant === 'reassignedAway' || variant === 'movedAway';
  if (away && !input.previousCoach) throw new RangeError('a released appointment needs its previous coach');
  const recipient = away ? input.previousCoach! : a.coach;
  const otherCoach = away ? a.coach : variant === 'reassignedIn' ? input.previousCoach : undefined;
  const when = formatDateTime(a.startsAt, locale);
  const subject = t(`notifications:coach.subject.${variant}`, { time: when, name: a.jobseekerName });
  const paragraphs = [t(`notifications:coach.intro.${variant}`, { coach: recipient.name, otherCoach: otherCoach?.name ?? '' })];
  const payload = variant === 'rescheduled' ? input.payload : { ...input.payload, previousStartsAt: undefined };
  const lines = detailLines(t, locale, a, true, payload, input.noteFinnish);
  const footer = t('notifications:coach.footer');
  const method: InviteMethod = variant === 'cancelled' || variant === 'erased' || away ? 'CANCEL' : 'REQUEST';
  const topic = t(`notifications:topic.${a.topic}`, { defaultValue: a.topic });
  const summary = isAnonymised(a) ? t('notifications:coach.calendarSummaryNoName', { topic }) : t('notifications:coach.calendarSummary', { name: a.jobseekerName, topic });
  const description = lines.map((l) => t('notifications:line', { label: l.label, value: l.value })).join('\n');
  return {
    to: recipient.email,
    subject,
    text: textBody(t, paragraphs, lines, footer),
    html: htmlBody(locale, paragraphs, lines, footer, false),
    ics: invite(method, { ...a, coach: recipient }, settings, input, summary, description, [
      ...safeAttendee(recipient.email, recipient.name, 'REQ-PARTICIPANT'),
      ...safeAttendee(a.contactEmail, a.jobseekerName, 'REQ-PARTICIPANT'),
    ]),
  };
}

/** The email to the jobseeker, in the language they booked in; undefined when they gave no email. */
export function renderJobseekerMail(settings: RenderSettings, input: MailInput): RenderedMail | undefined {
  const a = input.appointment;
  if (!a.contactEmail) return undefined;
  const locale = localeOf(a);
  const t = settings.translator.t(locale);
  const variant = jobseekerVariant(input.kind, input.payload);
  const when = formatDateTime(a.startsAt, locale);
  const subject = t(`notifications:jobseeker.subject.${variant}`, { time: when });
  const paragraphs = [t('notifications:jobseeker.greeting', { name: a.jobseekerName }), t(`notifications:jobseeker.intro.${variant}`, { coach: a.coach.name })];
  const lines = detailLines(t, locale, a, false, input.payload);
  const manageUrl = input.payload.manageUrl;
  if (variant === 'cancelled') paragraphs.push(t('notifications:jobseeker.rebook'));
  else if (manageUrl) paragraphs.push(t('notifications:jobseeker.manage', { url: manageUrl }));
  const footer = t('notifications:jobseeker.footer');
  const method: InviteMethod = variant === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const summary = t('notifications:jobseeker.calendarSummary', { coach: a.coach.name });
  const description = lines.map((l) => t('notifications:line', { label: l.label, value: l.value })).join('\n');
  return {
    to: a.contactEmail,
    subject,
    text: textBody(t, paragraphs, lines, footer),
    html: htmlBody(locale, paragraphs, lines, footer, locale === 'ar' || locale === 'fa'),
    ics: invite(method, a, settings, input, summary, description, [
      ...safeAttendee(a.contactEmail, a.jobseekerName, 'REQ-PARTICIPANT'),
      ...safeAttendee(a.coach.email, a.coach.name, 'REQ-PARTICIPANT'),
    ], variant === 'cancelled' ? undefined : manageUrl),
  };
}

export function renderMail(settings: RenderSettings, input: MailInput): RenderedMail | undefined {
  return input.kind.startsWith('coach.') ? renderCoachMail(settings, input) : renderJobseekerMail(settings, input);
}

/** The proactive chat message, in the booking's language. */
export function renderChat(settings: RenderSettings, kind: ChatKind, a: AppointmentWithCoach): string {
  const locale = localeOf(a);
  const t = settings.translator.t(locale);
  const time = timeRange(t, a.startsAt, a.endsAt, locale);
  if (kind === 'chat.cancelled') return t('notifications:chat.cancelled', { time, coach: a.coach.name, reason: a.cancelReason ?? '' });
  const head = kind === 'chat.reminder' ? t('notifications:chat.reminder', { time, coach: a.coach.name }) : t('notifications:chat.reassigned', { time, coach: a.coach.name });
  const lines: string[] = [t('notifications:line', { label: t('notifications:field.mode'), value: t(`notifications:mode.${a.mode}`) })];
  if (a.mode === 'in_person') lines.push(t('notifications:line', { label: t('notifications:field.place'), value: place(a) }));
  if (a.mode === 'video' && a.videoLink) lines.push(t('notifications:line', { label: t('notifications:field.video'), value: a.videoLink }));
  if (a.mode === 'phone' && a.contactPhone) lines.push(t('notifications:line', { label: t('notifications:field.callsYou'), value: a.contactPhone }));
  return [head, lines.join('\n')].join('\n\n');
}
