/**
 * One appointment as an iCalendar event, the same in the jobseeker's .ics download, the invites
 * mailed to coach and jobseeker, and the coach's calendar feed: a calendar that receives it from
 * more than one of them must see one event, with the same UID, times, place and version.
 */
import type { CalendarAttendee, CalendarEvent, CalendarPerson, EventStatus } from './ics.js';
import { calendarUid } from './outbox.js';

export interface OfficeAddress {
  street: string;
  postalCode: string;
  city: string;
}

/** What the event needs of an appointment row. */
export interface CalendarAppointment {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
  mode: string;
  status: string;
  videoLink: string | null;
}

export interface AppointmentEventOptions {
  publicBaseUrl: string;
  /** The coach's office: the place of an in-person meeting. */
  office: OfficeAddress;
  summary: string;
  description: string;
  organizer: CalendarPerson;
  attendees?: readonly CalendarAttendee[];
  url?: string;
  /**
   * For an invite announcing one change (iTIP): that change's SEQUENCE, stamped when it is sent.
   * The row may have changed again since, so its LAST-MODIFIED and status are left out; the
   * invite's method says whether the event is cancelled. Without it the event shows the row as it
   * is now, stamped with its last change.
   */
  invite?: { sequence: number; sentAt: Date };
}

export function officeAddress(office: OfficeAddress): string {
  return `${office.street}, ${office.postalCode} ${office.city}`;
}

export function appointmentEvent(a: CalendarAppointment, options: AppointmentEventOptions): CalendarEvent {
  const { invite } = options;
  const status: EventStatus = a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED';
  return {
    uid: calendarUid(a.id, options.publicBaseUrl),
    sequence: invite ? invite.sequence : a.sequence,
    start: a.startsAt,
    end: a.endsAt,
    stamp: invite ? invite.sentAt : a.updatedAt,
    created: a.createdAt,
    lastModified: invite ? undefined : a.updatedAt,
    summary: options.summary,
    description: options.description,
    location: a.mode === 'in_person' ? officeAddress(options.office) : a.mode === 'video' && a.videoLink ? a.videoLink : undefined,
    url: options.url,
    organizer: options.organizer,
    attendees: options.attendees,
    status: invite ? undefined : status,
  };
}
