/**
 * What the staff console decides, on top of the coach, booking and admin services: a coach's
 * appointments grouped for the day with the note's Finnish translation, cancelling with a reason
 * (the jobseeker is told through the outbox), form input turned into the services' shapes, and
 * which active coaches cannot be booked.
 */
import type { BookingService } from '../booking/bookingService.js';
import { COACH_LANGUAGES } from '../booking/coachData.js';
import { WEEKDAY_KEYS, type WeeklyHours, type WeekdayKey } from '../booking/slots.js';
import type { CoachAdminService, CoachInfo } from '../coaches/adminService.js';
import type { CoachAppointment, CoachService } from '../coaches/coachService.js';
import { ValidationError } from '../coaches/errors.js';
import type { Clock } from '../kernel/clock.js';
import { helsinkiDate } from '../kernel/helsinkiTime.js';
import type { AuditLog } from '../privacy/audit.js';
import { knownArea } from './areas.js';

/** Translates a jobseeker's note into Finnish (the LLM note translator), when one is configured. */
export interface NoteTranslation {
  translateToFinnish(text: string, fromLocale: string): Promise<string | undefined>;
}

export interface ConsoleAppointment extends CoachAppointment {
  /** The note in Finnish when it was written in another language and an LLM is configured. */
  noteFinnish?: string;
}

export interface CoachDay {
  /** Booked meetings that have begun but are not marked completed or not attended yet (last 14 days). */
  toMark: ConsoleAppointment[];
  today: ConsoleAppointment[];
  upcoming: ConsoleAppointment[];
  /** Cancelled, completed and not attended ones of the last 14 days and ahead, for reference. */
  other: ConsoleAppointment[];
}

export type UnbookableReason = 'noHours' | 'noArea' | 'noFreeTime';

export interface CoachOverview extends CoachInfo {
  /** Set for an active coach a jobseeker cannot book now. */
  unbookable?: UnbookableReason;
  hasHours: boolean;
}

const DAY_MS = 86_400_000;
const TIME_RANGE_RE = /^(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})$/;

/** "09:00-11:30, 12:15-16:00" → ranges; throws ValidationError naming the day. */
export function parseDayRanges(day: WeekdayKey, text: string): Array<{ start: string; end: string }> {
  const parts = text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
  return parts.map((p) => {
    const m = TIME_RANGE_RE.exec(p);
    if (!m) throw new FormError(`weekly.${day}`, 'timeRange');
    const pad = (h: string, mm: string) => `${h.padStart(2, '0')}:${mm}`;
    return { start: pad(m[1], m[2]), end: pad(m[3], m[4]) };
  });
}

/** A form field that did not validate: the field's name and a console:errors.* key. */
export class FormError extends ValidationError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`"${field}" ${reason}`);
    this.name = 'FormError';
  }
}

/** Weekly hours from a form with one text field per weekday. */
export function weeklyFromForm(form: Record<string, string>): WeeklyHours {
  const weekly: Record<string, Array<{ start: string; end: string }>> = {};
  for (const day of WEEKDAY_KEYS) {
    const ranges = parseDayRanges(day, form[`weekly.${day}`] ?? '');
    if (ranges.length) weekly[day] = ranges;
  }
  return weekly as WeeklyHours;
}

/** Weekly hours as the form shows them. */
export function weeklyToForm(weekly: WeeklyHours): Record<WeekdayKey, string> {
  return Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, (weekly[d] ?? []).map((r) => `${r.start}–${r.end}`).join(', ')])) as Record<WeekdayKey, string>;
}

/** The areas, languages and municipalities a form chose; areas only from the known ones (or the coach's current one). */
export function serviceFromForm(form: Record<string, string | string[]>, current?: { area: string; municipalities: string[] }): { area: string; languages: string[]; municipalities: string[] } {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  const languages = list(form.languages).filter((l) => (COACH_LANGUAGES as readonly string[]).includes(l));
  if (languages.length === 0) throw new FormError('languages', 'required');
  const areaId = typeof form.area === 'string' ? form.area : '';
  const area = knownArea(areaId);
  if (!area) {
    // A coach added before the console (e.g. a demo coach) may keep an area of their own.
    if (current && areaId === current.area) return { area: current.area, languages, municipalities: current.municipalities };
    throw new FormError('area', 'unknownArea');
  }
  const chosen = list(form.municipalities).filter((m) => area.municipalities.includes(m));
  // Changing the area without ticking its municipalities means the whole new area.
  return { area: area.id, languages, municipalities: chosen.length ? chosen : area.municipalities };
}

export class StaffConsoleService {
  private readonly translations = new Map<string, string | null>();

  constructor(
    private readonly deps: {
      coaches: CoachService;
      admin: CoachAdminService;
      booking: BookingService;
      audit: AuditLog;
      clock: Clock;
      notes?: NoteTranslation;
    },
  ) {}

  /** The coach's meetings from 14 days back, grouped as the coach's day needs them. */
  async coachDay(coachId: string): Promise<CoachDay> {
    const now = this.deps.clock.now();
    const today = helsinkiDate(now);
    const rows = await this.deps.coaches.listAppointments(coachId, { from: new Date(now.getTime() - 14 * DAY_MS).toISOString() });
    const withNotes = await Promise.all(rows.map((a) => this.withTranslation(a)));
    const day: CoachDay = { toMark: [], today: [], upcoming: [], other: [] };
    for (const a of withNotes) {
      const starts = new Date(a.startsAt);
      const date = helsinkiDate(starts);
      if (a.status !== 'booked') day.other.push(a);
      else if (date === today) day.today.push(a);
      else if (starts.getTime() < now.getTime()) day.toMark.push(a);
      else day.upcoming.push(a);
    }
    day.other.reverse();
    return day;
  }

  private async withTranslation(a: CoachAppointment): Promise<ConsoleAppointment> {
    if (!a.note || !this.deps.notes || a.locale === 'fi' || a.locale === 'fi-x-selko') return a;
    const key = `${a.id}\u0000${a.note}`;
    if (!this.translations.has(key)) {
      this.translations.set(key, (await this.deps.notes.translateToFinnish(a.note, a.locale)) ?? null);
      if (this.translations.size > 2000) this.translations.delete(this.translations.keys().next().value!);
    }
    const fi = this.translations.get(key);
    return fi ? { ...a, noteFinnish: fi } : a;
  }

  /** Cancels the coach's own booked meeting; the jobseeker is told by email (and in the chat) through the outbox. */
  async cancelByCoach(actor: string, coachId: string, appointmentId: string, reason: string): Promise<void> {
    const text = reason.trim();
    if (!text) throw new FormError('reason', 'required');
    if (text.length > 500) throw new FormError('reason', 'tooLong');
    const a = await this.deps.coaches.getAppointment(coachId, appointmentId);
    if (a.status !== 'booked') throw new FormError('reason', 'notBooked');
    await this.deps.booking.cancel(appointmentId, { actor: 'coach', reason: text });
    await this.deps.audit.audit(actor, 'appointment.cancel', `appointment:${appointmentId}`);
  }

  /** The languages, area and municipalities a coach serves (from the console's form). */
  async setService(actor: string, coachId: string, service: { area: string; languages: string[]; municipalities: string[] }): Promise<void> {
    const c = (await this.deps.admin.listCoaches()).find((x) => x.id === coachId);
    if (!c) throw new ValidationError('No such coach.');
    await this.deps.admin.updateCoach(actor, coachId, { name: c.name, email: c.email, office: c.office, ...service });
  }

  /** Writes a console action to the audit log (the services audit their own changes). */
  async audit(actor: string, action: string, target: string | null, detail?: Record<string, string | number | boolean>): Promise<void> {
    await this.deps.audit.audit(actor, action, target, detail);
  }

  /** Every coach, with why an active one cannot be booked now (no hours, no area, or no free time in the horizon). */
  async coachOverview(): Promise<CoachOverview[]> {
    const all = await this.deps.admin.listCoaches();
    return Promise.all(
      all.map(async (c) => {
        const availability = await this.deps.coaches.availability(c.id);
        const hasHours = Object.values(availability.weekly).some((r) => (r ?? []).length > 0) || availability.exceptions.some((e) => e.kind === 'extra');
        if (!c.active) return { ...c, hasHours };
        let unbookable: UnbookableReason | undefined;
        if (!hasHours) unbookable = 'noHours';
        else if (c.municipalities.length === 0) unbookable = 'noArea';
        else if ((await this.deps.booking.listSlots([c.id], { limit: 1 })).slots.length === 0) unbookable = 'noFreeTime';
        return { ...c, hasHours, ...(unbookable ? { unbookable } : {}) };
      }),
    );
  }
}
