/**
 * Booking decisions: which coaches fit a jobseeker, which times are free, and booking, cancelling
 * and rescheduling, each in one transaction together with its outbox rows (bot/booking/outbox.ts).
 * Double booking is prevented by the database: a partial unique index on booked (coach, start), and
 * an overlap check under a lock on the coach row, so it holds across processes; a lost race
 * surfaces as SlotTakenError.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../kernel/log.js';
import type { Metrics } from '../observability/metrics.js';
import { redact } from '../kernel/redact.js';
import { hashToken, newToken } from '../security/tokens.js';
import { AppointmentRepository, type Tx } from './appointmentRepository.js';
import { CoachRepository, type StoredCoach } from './coachRepository.js';
import { normaliseEmail, normalisePhone } from './contact.js';
import {
  AppointmentNotChangeableError,
  AppointmentNotFoundError,
  BookingLimitError,
  CoachNotFoundError,
  InvalidBookingInputError,
  isUniqueViolation,
  SlotTakenError,
} from './errors.js';
import { compileAvailability, findFreeSlots, type CompiledAvailability, type FreeSlot, type SlotCursor } from './slots.js';
import { matchTypedTime, parseTypedTime, type TypedTime, type TypedTimeMatch } from './typedTime.js';
import type { AppointmentView, ConversationInfo, Jobseeker, MeetingMode, Topic } from './types.js';
import type { Locale } from '../i18n/locales.js';
import { buildVideoLink, parseVideoLinkTemplate, type VideoLinkTemplate } from './videoLink.js';

export type BookingConfig = Pick<
  Config,
  | 'BOOKING_SLOT_MINUTES'
  | 'BOOKING_LEAD_MINUTES'
  | 'BOOKING_HORIZON_DAYS'
  | 'BOOKING_MAX_UPCOMING'
  | 'BOOKING_REMINDER_HOURS'
  | 'VIDEO_LINK_TEMPLATE'
  | 'publicBaseUrl'
>;

/** A manage link keeps working this long after the meeting, so the jobseeker can still look it up. */
const MANAGE_LINK_DAYS_AFTER = 30;
const DAY_MS = 86_400_000;

export type CoachMatch =
  | { kind: 'none' }
  /** Coaches who speak the jobseeker's language. */
  | { kind: 'speaks'; coachIds: string[]; meetingLanguage: string }
  /** Nobody speaks it: these coaches could meet with an interpreter, in one of `meetingLanguages`. */
  | { kind: 'interpreter'; coachIds: string[]; meetingLanguages: string[] };

export interface SlotPage {
  slots: FreeSlot[];
  /** Continue "later times" from here; undefined when nothing is left in the horizon. */
  next?: SlotCursor;
}

export interface ReserveInput {
  jobseeker: Jobseeker;
  coachId: string;
  startsAt: Date;
  mode: MeetingMode;
  topic: Topic;
  meetingLanguage: string;
  /** The jobseeker's chat language: their emails, manage page and reminders use it. */
  locale: string;
  interpreterNeeded?: boolean;
  interpreterLanguage?: string | null;
  note?: string | null;
  name: string;
  phone?: string | null;
  email?: string | null;
  conversation?: ConversationInfo;
}

export interface Reservation {
  appointment: AppointmentView;
  manageUrl: string;
  icsUrl: string;
}

export interface BookingServiceDeps {
  appointments: AppointmentRepository;
  coaches: CoachRepository;
  clock: Clock;
  config: BookingConfig;
  metrics?: Metrics;
  logger?: Logger;
}

/** The meeting language a chat locale stands for: plain Finnish is Finnish. */
function meetingLanguageOf(locale: string): string {
  return locale === 'fi-x-selko' ? 'fi' : locale;
}

function sameMunicipality(a: string, b: string): boolean {
  return a.localeCompare(b, 'fi', { sensitivity: 'base' }) === 0;
}

export class BookingService {
  private readonly video?: VideoLinkTemplate;
  private compiled = new Map<string, { key: string; availability: CompiledAvailability }>();

  constructor(private readonly deps: BookingServiceDeps) {
    const template = deps.config.VIDEO_LINK_TEMPLATE;
    if (template) {
      const parsed = parseVideoLinkTemplate(template);
      if (parsed.ok) this.video = parsed.template;
      else deps.logger?.warn({ booking: { videoTemplate: parsed.reason } }, 'VIDEO_LINK_TEMPLATE is unusable; video meetings are not offered');
    }
  }

  get config(): BookingConfig {
    return this.deps.config;
  }

  /** Modes the jobseeker can choose; video only with a usable link template. */
  modes(): MeetingMode[] {
    return this.video ? ['in_person', 'phone', 'video'] : ['in_person', 'phone'];
  }

  /** The municipality from the jobseeker's latest eligibility answers, if they gave one. */
  knownMunicipality(jobseeker: Jobseeker): Promise<string | undefined> {
    return this.deps.appointments.latestMunicipality(jobseeker.channelId, jobseeker.channelUserId);
  }

  /**
   * Coaches serving the municipality who speak the language. The jobseeker's earlier coach comes
   * alone when they still fit, since every customer has one personal coach.
   */
  async matchCoaches(input: { municipality: string; locale: string; jobseeker?: Jobseeker }): Promise<CoachMatch> {
    const all = await this.deps.coaches.listActive();
    const local = all.filter((c) => c.municipalities.some((m) => sameMunicipality(m, input.municipality)));
    if (local.length === 0) return { kind: 'none' };
    const language = meetingLanguageOf(input.locale);
    let speakers = local.filter((c) => c.languages.includes(language));
    const previous = input.jobseeker ? await this.previousCoach(input.jobseeker) : undefined;
    if (speakers.length > 0) {
      if (previous && speakers.some((c) => c.id === previous)) speakers = speakers.filter((c) => c.id === previous);
      return { kind: 'speaks', coachIds: speakers.map((c) => c.id), meetingLanguage: language };
    }
    const languages = [...new Set(local.flatMap((c) => c.languages))].sort((a, b) => (a === 'fi' ? -1 : b === 'fi' ? 1 : a.localeCompare(b)));
    return { kind: 'interpreter', coachIds: local.map((c) => c.id), meetingLanguages: languages };
  }

  /** Coaches of a match who speak the chosen meeting language. */
  async coachesSpeaking(coachIds: readonly string[], language: string): Promise<string[]> {
    const all = await this.deps.coaches.listActive();
    return all.filter((c) => coachIds.includes(c.id) && c.languages.includes(language)).map((c) => c.id);
  }

  private async previousCoach(jobseeker: Jobseeker): Promise<string | undefined> {
    const userId = await this.deps.appointments.findUserId(jobseeker.channelId, jobseeker.channelUserId);
    return userId ? this.deps.appointments.latestCoachId(userId) : undefined;
  }

  async coach(id: string) {
    return this.deps.coaches.find(id);
  }

  private availabilityOf(coach: StoredCoach): CompiledAvailability {
    const key = JSON.stringify(coach.availability);
    const cached = this.compiled.get(coach.id);
    if (cached?.key === key) return cached.availability;
    const availability = compileAvailability(coach.availability);
    this.compiled.set(coach.id, { key, availability });
    return availability;
  }

  /** The next free slots of these coaches, in time order, continuing after `after`. */
  async listSlots(coachIds: readonly string[], options: { after?: SlotCursor; limit?: number } = {}): Promise<SlotPage> {
    const { config, clock } = this.deps;
    const now = clock.now();
    const coaches = (await this.deps.coaches.listActive()).filter((c) => coachIds.includes(c.id));
    if (coaches.length === 0) return { slots: [] };
    const busy = await this.deps.appointments.busy(
      coaches.map((c) => c.id),
      now,
      new Date(now.getTime() + (config.BOOKING_HORIZON_DAYS + 1) * DAY_MS),
    );
    const limit = options.limit ?? 5;
    const found = findFreeSlots(
      coaches.map((c) => ({ availability: this.availabilityOf(c), busy: busy.get(c.id) ?? [] })),
      {
        now,
        slotMinutes: config.BOOKING_SLOT_MINUTES,
        leadMinutes: config.BOOKING_LEAD_MINUTES,
        horizonDays: config.BOOKING_HORIZON_DAYS,
        after: options.after,
        limit: limit + 1,
      },
    );
    const slots = found.slice(0, limit);
    const last = slots[slots.length - 1];
    return { slots, next: found.length > limit && last ? { start: last.start, coachId: last.coachId } : undefined };
  }

  /**
   * A day or time the jobseeker typed instead of tapping a time, matched to every free time of
   * these coaches in the booking horizon (not only the page on screen); undefined when the text
   * names no day or time.
   */
  async typedTime(coachIds: readonly string[], text: string, locale: Locale): Promise<{ asked: TypedTime; match: TypedTimeMatch<FreeSlot> } | undefined> {
    const asked = parseTypedTime(text, locale, this.deps.clock.now());
    if (!asked) return undefined;
    const { slots } = await this.listSlots(coachIds, { limit: Number.POSITIVE_INFINITY });
    return { asked, match: matchTypedTime(asked, slots) };
  }

  /** True when the coach's availability offers exactly this slot now (ignoring bookings: the database decides those). */
  private offered(coach: StoredCoach, startsAt: Date): boolean {
    const { config, clock } = this.deps;
    const [slot] = findFreeSlots([{ availability: this.availabilityOf(coach) }], {
      now: clock.now(),
      slotMinutes: config.BOOKING_SLOT_MINUTES,
      leadMinutes: config.BOOKING_LEAD_MINUTES,
      horizonDays: config.BOOKING_HORIZON_DAYS,
      from: startsAt,
      limit: 1,
    });
    return slot !== undefined && slot.start.getTime() === startsAt.getTime();
  }

  private links(token: string): { manageUrl: string; icsUrl: string } {
    const manageUrl = `${this.deps.config.publicBaseUrl}/booking/manage/${token}`;
    return { manageUrl, icsUrl: `${manageUrl}/appointment.ics` };
  }

  private reminderDue(startsAt: Date, now: Date): Date | null {
    const due = new Date(startsAt.getTime() - this.deps.config.BOOKING_REMINDER_HOURS * 3_600_000);
    return due.getTime() > now.getTime() ? due : null;
  }

  /** Runs a booking change; a unique violation on the booked slot becomes SlotTakenError. */
  private async change<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.deps.appointments.transaction(fn);
    } catch (err) {
      if (err instanceof SlotTakenError || isUniqueViolation(err)) {
        this.deps.metrics?.bookings.inc({ event: 'conflict' });
        throw new SlotTakenError();
      }
      throw err;
    }
  }

  /** Books a slot: the appointment, its manage token (stored hashed) and its outbox rows, in one transaction. */
  async reserve(input: ReserveInput): Promise<Reservation> {
    const { clock, config, appointments } = this.deps;
    const now = clock.now();
    const coach = await this.deps.coaches.findActive(input.coachId);
    if (!coach) throw new CoachNotFoundError(input.coachId);
    const name = input.name.trim();
    if (name === '' || name.length > 200) throw new InvalidBookingInputError('name', 'empty_or_too_long');
    const phone = input.phone ? normalisePhone(input.phone) : undefined;
    if (phone && !phone.ok) throw new InvalidBookingInputError('phone', phone.reason);
    const email = input.email ? normaliseEmail(input.email) : undefined;
    if (email && !email.ok) throw new InvalidBookingInputError('email', email.reason);
    if (input.mode === 'phone' && !phone) throw new InvalidBookingInputError('phone', 'required_for_phone_meeting');
    if (input.mode === 'video' && !this.video) throw new InvalidBookingInputError('mode', 'video_not_available');
    if (!this.offered(coach, input.startsAt)) throw new SlotTakenError();

    const id = `a${randomBytes(12).toString('hex')}`;
    const token = newToken();
    const links = this.links(token);
    const startsAt = input.startsAt;
    const endsAt = new Date(startsAt.getTime() + config.BOOKING_SLOT_MINUTES * 60_000);
    const note = input.note?.trim() ? redact(input.note.trim()).text.slice(0, 1000) : null;

    const appointment = await this.change(async (tx) => {
      const userId = await appointments.lockUser(tx, input.jobseeker.channelId, input.jobseeker.channelUserId, now);
      const upcoming = await appointments.countUpcoming(tx, userId, now);
      if (upcoming >= config.BOOKING_MAX_UPCOMING) throw new BookingLimitError(config.BOOKING_MAX_UPCOMING);
      if (await appointments.coachBusy(tx, coach.id, startsAt, endsAt)) throw new SlotTakenError();
      const created = await appointments.create(tx, {
        id,
        coachId: coach.id,
        userId,
        startsAt,
        endsAt,
        mode: input.mode,
        meetingLanguage: input.meetingLanguage,
        locale: input.locale,
        interpreterNeeded: input.interpreterNeeded ?? false,
        interpreterLanguage: input.interpreterNeeded ? (input.interpreterLanguage ?? meetingLanguageOf(input.locale)) : null,
        topic: input.topic,
        note,
        status: 'booked',
        sequence: 0,
        manageTokenHash: hashToken(token),
        jobseekerName: name,
        contactPhone: phone?.ok ? phone.value : null,
        contactEmail: email?.ok ? email.value : null,
        videoLink: input.mode === 'video' && this.video ? buildVideoLink(this.video, { appointmentId: id, coachId: coach.id }) : null,
        channelId: input.conversation?.channelId ?? null,
        conversationId: input.conversation?.conversationId ?? null,
        conversationRef: input.conversation?.reference,
        reminderDueAt: this.reminderDue(startsAt, now),
      });
      await appointments.writeOutbox(tx, { appointmentId: id, change: 'booked', sequence: 0, jobseekerEmail: created.contactEmail !== null, links }, now);
      return created;
    });
    this.deps.metrics?.bookings.inc({ event: 'made' });
    return { appointment, ...links };
  }

  async upcoming(jobseeker: Jobseeker): Promise<AppointmentView[]> {
    const userId = await this.deps.appointments.findUserId(jobseeker.channelId, jobseeker.channelUserId);
    return userId ? this.deps.appointments.upcomingForUser(userId, this.deps.clock.now()) : [];
  }

  /** The appointment behind a manage token, or undefined for an unknown, erased or expired link. */
  async findByToken(token: string): Promise<AppointmentView | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const found = await this.deps.appointments.findByTokenHash(hashToken(token));
    if (!found || found.jobseekerName === '') return undefined;
    if (found.endsAt.getTime() + MANAGE_LINK_DAYS_AFTER * DAY_MS < this.deps.clock.now().getTime()) return undefined;
    const { userId: _userId, ...view } = found;
    return view;
  }

  /** What is true to tell the jobseeker about the coach's notice: sent, or still on its way. */
  async coachNotice(appointmentId: string): Promise<'sent' | 'pending' | undefined> {
    return this.deps.appointments.coachMessageState(appointmentId);
  }

  linksFor(token: string): { manageUrl: string; icsUrl: string } {
    return this.links(token);
  }

  private changeable(a: AppointmentView, now: Date): void {
    if (a.status !== 'booked' || a.startsAt.getTime() <= now.getTime()) throw new AppointmentNotChangeableError();
  }

  private async owned(jobseeker: Jobseeker, appointmentId: string): Promise<void> {
    const userId = await this.deps.appointments.findUserId(jobseeker.channelId, jobseeker.channelUserId);
    const a = userId ? await this.deps.appointments.upcomingForUser(userId, this.deps.clock.now()) : [];
    if (!a.some((x) => x.id === appointmentId)) throw new AppointmentNotFoundError();
  }

  /** Cancels from the chat: only the jobseeker's own upcoming appointment. */
  async cancelOwn(jobseeker: Jobseeker, appointmentId: string, reason?: string): Promise<AppointmentView> {
    await this.owned(jobseeker, appointmentId);
    return this.cancel(appointmentId, { actor: 'jobseeker', reason });
  }

  async cancelByToken(token: string, reason?: string): Promise<AppointmentView> {
    const a = await this.findByToken(token);
    if (!a) throw new AppointmentNotFoundError();
    return this.cancel(a.id, { actor: 'jobseeker', reason });
  }

  /** Cancels an appointment (sequence + 1) and tells the coach, and the jobseeker by email when they gave one. */
  async cancel(appointmentId: string, options: { actor: 'jobseeker' | 'coach' | 'admin'; reason?: string; notifyJobseeker?: boolean }): Promise<AppointmentView> {
    const now = this.deps.clock.now();
    const { appointments } = this.deps;
    const reason = options.reason ? redact(options.reason).text.slice(0, 500) : undefined;
    const result = await this.change(async (tx) => {
      const a = await appointments.lockById(tx, appointmentId);
      if (!a) throw new AppointmentNotFoundError();
      this.changeable(a, now);
      const updated = await appointments.update(tx, a.id, {
        status: 'cancelled',
        cancelReason: reason ?? null,
        cancelledBy: options.actor,
        cancelledAt: now,
        reminderDueAt: null,
        sequence: a.sequence + 1,
      });
      await appointments.writeOutbox(
        tx,
        {
          appointmentId: a.id,
          change: 'cancelled',
          sequence: updated.sequence,
          jobseekerEmail: options.notifyJobseeker !== false && a.contactEmail !== null,
          // The jobseeker cancelled it themselves in the chat or on the manage page: no need to tell them there.
          chat: options.notifyJobseeker !== false && options.actor !== 'jobseeker' && reason !== undefined && (await appointments.bookedInChat(tx, a.id)),
          reason,
        },
        now,
      );
      return updated;
    });
    this.deps.metrics?.bookings.inc({ event: 'cancelled' });
    return result;
  }

  async rescheduleOwn(jobseeker: Jobseeker, appointmentId: string, slot: { coachId: string; startsAt: Date }): Promise<AppointmentView> {
    await this.owned(jobseeker, appointmentId);
    return this.reschedule(appointmentId, slot);
  }

  async rescheduleByToken(token: string, slot: { coachId?: string; startsAt: Date }): Promise<AppointmentView> {
    const a = await this.findByToken(token);
    if (!a) throw new AppointmentNotFoundError();
    return this.reschedule(a.id, { coachId: slot.coachId ?? a.coach.id, startsAt: slot.startsAt }, token);
  }

  /**
   * Moves an appointment to another free slot (sequence + 1), keeping its manage link. A slot
   * taken meanwhile raises SlotTakenError and leaves the appointment as it was.
   */
  async reschedule(appointmentId: string, slot: { coachId: string; startsAt: Date }, token?: string): Promise<AppointmentView> {
    const { clock, config, appointments } = this.deps;
    const now = clock.now();
    const coach = await this.deps.coaches.findActive(slot.coachId);
    if (!coach) throw new CoachNotFoundError(slot.coachId);
    if (!this.offered(coach, slot.startsAt)) throw new SlotTakenError();
    const result = await this.change(async (tx) => {
      const a = await appointments.lockById(tx, appointmentId);
      if (!a) throw new AppointmentNotFoundError();
      this.changeable(a, now);
      if (a.startsAt.getTime() === slot.startsAt.getTime() && a.coach.id === coach.id) return a;
      const endsAt = new Date(slot.startsAt.getTime() + config.BOOKING_SLOT_MINUTES * 60_000);
      if (await appointments.coachBusy(tx, coach.id, slot.startsAt, endsAt, a.id)) throw new SlotTakenError();
      const updated = await appointments.update(tx, a.id, {
        coachId: coach.id,
        startsAt: slot.startsAt,
        endsAt,
        sequence: a.sequence + 1,
        reminderDueAt: this.reminderDue(slot.startsAt, now),
        reminderSentAt: null,
        videoLink: a.mode === 'video' && this.video ? buildVideoLink(this.video, { appointmentId: a.id, coachId: coach.id }) : a.videoLink,
      });
      await appointments.writeOutbox(
        tx,
        {
          appointmentId: a.id,
          change: 'rescheduled',
          sequence: updated.sequence,
          jobseekerEmail: a.contactEmail !== null,
          previousStartsAt: a.startsAt,
          previousCoachId: a.coach.id !== coach.id ? a.coach.id : undefined,
          links: token ? this.links(token) : undefined,
        },
        now,
      );
      return updated;
    });
    this.deps.metrics?.bookings.inc({ event: 'rescheduled' });
    return result;
  }

  /** Everything stored about the jobseeker's appointments (for "show my data"). */
  async exportFor(userId: string): Promise<AppointmentView[]> {
    return this.deps.appointments.allForUser(userId);
  }

  /** Erasure: cancel upcoming appointments (the coach is told), then anonymise every row in place. */
  async eraseFor(userId: string): Promise<void> {
    const now = this.deps.clock.now();
    for (const a of await this.deps.appointments.upcomingForUser(userId, now)) {
      if (a.startsAt.getTime() <= now.getTime()) continue;
      try {
        await this.cancel(a.id, { actor: 'jobseeker', reason: 'erasure', notifyJobseeker: false });
      } catch (err) {
        if (!(err instanceof AppointmentNotChangeableError)) throw err;
      }
    }
    await this.deps.appointments.anonymiseForUser(userId);
  }
}
