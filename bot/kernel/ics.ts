/**
 * iCalendar (RFC 5545) text for appointment invites (iTIP, RFC 5546) and for a
 * coach's subscription feed. Times are written in UTC, so no VTIMEZONE is needed.
 */

export const DEFAULT_PRODID = '-//OMA-botti//Booking//FI';

export type ParticipationRole = 'CHAIR' | 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT';

export interface CalendarPerson {
  email: string;
  name?: string;
}

export interface CalendarAttendee extends CalendarPerson {
  role?: ParticipationRole;
  /** Ask the attendee's client to reply; defaults to false, since replies are not processed. */
  rsvp?: boolean;
}

export type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface CalendarEvent {
  /** Stable across every change of the same appointment; see `appointmentUid`. */
  uid: string;
  /** Starts at 0 and grows with every change (reschedule, cancel) sent for the same UID. */
  sequence: number;
  start: Date;
  end: Date;
  /** When this version of the event was produced. */
  stamp: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer?: CalendarPerson;
  attendees?: readonly CalendarAttendee[];
  /** Defaults to CONFIRMED; a CANCEL invite is always CANCELLED. */
  status?: EventStatus;
  /** When the appointment was created and last changed, if known. */
  created?: Date;
  lastModified?: Date;
}

export type InviteMethod = 'REQUEST' | 'CANCEL';

export interface CalendarOptions {
  prodId?: string;
}

export interface FeedOptions extends CalendarOptions {
  /** Shown as the calendar's name by Outlook, Google and Apple (X-WR-CALNAME). */
  calendarName: string;
  /** How often subscribers should refetch, in minutes (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshMinutes?: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A stable UID for an appointment, e.g. `appointment-42@bot.example.org`. */
export function appointmentUid(appointmentId: string, host: string): string {
  if (!/^[A-Za-z0-9._~-]+$/.test(appointmentId)) throw new RangeError('appointmentId has characters unsafe in a UID');
  if (!/^[A-Za-z0-9.-]+$/.test(host)) throw new RangeError('host must be a plain host name');
  return `appointment-${appointmentId}@${host.toLowerCase()}`;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control characters. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A parameter value (e.g. CN): quoted when it holds `:;,`; DQUOTE and control characters cannot be represented and are dropped. */
function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so that no physical line exceeds 75 octets (RFC 5545 §3.1),
 * breaking only between code points so a UTF-8 sequence is never split.
 * Returns the physical lines joined with CRLF, without a trailing CRLF.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > MAX_OCTETS) {
      parts.push(current);
      // The continuation line's leading space counts towards its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** `YYYYMMDDTHHMMSSZ`. */
export function formatUtc(instant: Date): string {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid date');
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function mailto(email: string): string {
  // A mail address with spaces or control characters would break the line's structure.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f"]/.test(email) || !email.includes('@')) throw new RangeError('unusable email address');
  return `mailto:${email}`;
}

function uri(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) throw new RangeError('URL contains whitespace or control characters');
  return value;
}

function eventLines(event: CalendarEvent, forceCancelled: boolean): string[] {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError('sequence must be a non-negative integer');
  if (event.end.getTime() <= event.start.getTime()) throw new RangeError('event ends before it starts');
  if (/[\s\u0000-\u001f]/.test(event.uid) || event.uid === '') throw new RangeError('unusable UID');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
  ];
  if (event.created) lines.push(`CREATED:${formatUtc(event.created)}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(event.lastModified)}`);
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url !== undefined) lines.push(`URL:${uri(event.url)}`);
  if (event.organizer) {
    const cn = event.organizer.name ? `;CN=${paramValue(event.organizer.name)}` : '';
    lines.push(`ORGANIZER${cn}:${mailto(event.organizer.email)}`);
  }
  for (const a of event.attendees ?? []) {
    const cn = a.name ? `;CN=${paramValue(a.name)}` : '';
    const partstat = forceCancelled ? '' : ';PARTSTAT=NEEDS-ACTION';
    lines.push(
      `ATTENDEE${cn};CUTYPE=INDIVIDUAL;ROLE=${a.role ?? 'REQ-PARTICIPANT'}${partstat};RSVP=${a.rsvp ? 'TRUE' : 'FALSE'}:${mailto(a.email)}`,
    );
  }
  lines.push(`STATUS:${forceCancelled ? 'CANCELLED' : (event.status ?? 'CONFIRMED')}`);
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

function serialise(lines: readonly string[]): string {
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A single-event invite: METHOD:REQUEST for a new or changed appointment,
 * METHOD:CANCEL (with STATUS:CANCELLED) for a cancelled one. Send every version
 * of an appointment with the same UID and a higher SEQUENCE than the last, so
 * calendars replace or remove the existing entry instead of adding another.
 */
export function buildInvite(method: InviteMethod, event: CalendarEvent, options: CalendarOptions = {}): string {
  if (!event.organizer) throw new RangeError('an iTIP invite needs an organizer');
  return serialise([
    'BEGIN:VCALENDAR',
    `PRODID:${options.prodId ?? DEFAULT_PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...eventLines(event, method === 'CANCEL'),
    'END:VCALENDAR',
  ]);
}

/** A subscribable calendar (METHOD:PUBLISH) with one VEVENT per appointment. */
export function buildFeed(events: readonly CalendarEvent[], options: FeedOptions): string {
  const refresh = options.refreshMinutes ?? 15;
  if (!Number.isInteger(refresh) || refresh <= 0) throw new RangeError('refreshMinutes must be a positive integer');
  return serialise([
    'BEGIN:VCALENDAR',
    `PRODID:${options.prodId ?? DEFAULT_PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
    `NAME:${escapeText(options.calendarName)}`,
    'X-WR-TIMEZONE:Europe/Helsinki',
    `REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`,
    `X-PUBLISHED-TTL:PT${refresh}M`,
    ...events.flatMap((e) => eventLines(e, e.status === 'CANCELLED')),
    'END:VCALENDAR',
  ]);
}
