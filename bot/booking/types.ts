/** Booking vocabulary shared by the service, repositories, dialogs, routes and notifications. */
import type { ConversationReference } from 'botbuilder';

const MEETING_MODES = ['in_person', 'phone', 'video'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const TOPICS = ['job_search', 'education', 'benefits', 'plan', 'other'] as const;
export type Topic = (typeof TOPICS)[number];

const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'completed', 'not_attended'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The jobseeker as the channel identifies them (the User row). */
export interface Jobseeker {
  channelId: string;
  channelUserId: string;
}

/** Where the booking was made, for reminders in the same conversation. */
export interface ConversationInfo {
  channelId: string;
  conversationId: string;
  reference: Partial<ConversationReference>;
}

export interface Office {
  street: string;
  postalCode: string;
  city: string;
}

export interface CoachSummary {
  id: string;
  name: string;
  email: string;
  languages: string[];
  area: string;
  municipalities: string[];
  office: Office;
  active: boolean;
  demo: boolean;
}

export interface AppointmentView {
  id: string;
  coach: CoachSummary;
  startsAt: Date;
  endsAt: Date;
  mode: MeetingMode;
  meetingLanguage: string;
  locale: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string | null;
  topic: Topic;
  note: string | null;
  status: AppointmentStatus;
  cancelReason: string | null;
  cancelledBy: string | null;
  sequence: number;
  jobseekerName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  videoLink: string | null;
  createdAt: Date;
  updatedAt: Date;
}
