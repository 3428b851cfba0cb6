/**
 * Coach administration, shared by the admin API and the CLI: add and deactivate coaches, issue and
 * revoke their tokens, reassign a coach's bookings while they are away, and view the outbox.
 * Every action is written to the audit log with the caller's actor name.
 */
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { COACH_LANGUAGES, weeklyHoursSchema } from '../booking/coachData.js';
import type { CoachRepository } from '../booking/coachRepository.js';
import { normaliseEmail } from '../booking/contact.js';
import { isUniqueViolation } from '../booking/errors.js';
import { helsinkiToUtc } from '../kernel/helsinkiTime.js';
import type { AuditLog } from '../privacy/audit.js';
import { isChatKind, normaliseKind, outboxMessageId, parsePayload, type OutboxKind } from '../kernel/outbox.js';
import type { OutboxRepository } from '../notifications/outboxRepository.js';
import { renderChat, renderMail, type RenderSettings } from '../notifications/render.js';
import type { CoachAppointmentRepository } from './coachAppointmentRepository.js';
import type { CoachTokenRepository, TokenInfo } from './coachTokenRepository.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { CoachTokenService, TOKEN_KINDS, type TokenKind } from './tokens.js';

const email = z.string().trim().transform((v, ctx) => {
  const r = normaliseEmail(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: 'is not a valid email address' });
    return z.NEVER;
  }
  return r.value;
});

export const newCoachSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/, 'must be 3–64 characters a-z, 0-9 and -'),
  name: z.string().trim().min(1).max(200),
  email,
  languages: z.array(z.enum(COACH_LANGUAGES)).min(1),
  area: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be an area slug such as "pirkanmaa"'),
  municipalities: z.array(z.string().trim().min(1).max(100)).min(1).max(200),
  office: z.object({
    street: z.string().trim().min(1).max(200),
    postalCode: z.string().regex(/^\d{5}$/, 'must be five digits'),
    city: z.string().trim().min(1).max(100),
  }),
  weekly: weeklyHoursSchema.default({}),
});

/** What an admin may change about a coach after adding them. */
export const coachDetailsSchema = newCoachSchema.omit({ id: true, weekly: true });

export interface CoachInfo {
  id: string;
  name: string;
  email: string;
  languages: string[];
  area: string;
  municipalities: string[];
  office: { street: string; postalCode: string; city: string };
  active: boolean;
  demo: boolean;
}

export interface ReassignResult {
  moved: string[];
  /** Appointments the other coach could not take (already busy then); they stay as they were. */
  conflicts: string[];
}

export interface OutboxEntry {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  appointmentId: string | null;
  messageId: string;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  to?: string;
  subject?: string;
}

export interface OutboxPreview extends OutboxEntry {
  /** Rendered now from the appointment row; email text, or the chat message. */
  text?: string;
  html?: string;
  ics?: string;
}

function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  return `"${issue?.path.join('.') || 'body'}" ${issue?.message ?? 'is invalid'}`;
}

/** The rows coach administration reads and changes. */
export interface CoachAdminRepositories {
  coaches: CoachRepository;
  tokens: CoachTokenRepository;
  appointments: CoachAppointmentRepository;
  outbox: OutboxRepository;
}

export class CoachAdminService {
  readonly tokens: CoachTokenService;
  private readonly coaches: CoachRepository;
  private readonly appointments: CoachAppointmentRepository;
  private readonly outbox: OutboxRepository;

  constructor(
    repositories: CoachAdminRepositories,
    private readonly clock: Clock,
    private readonly auditLog: AuditLog,
    private readonly render: RenderSettings,
  ) {
    this.coaches = repositories.coaches;
    this.appointments = repositories.appointments;
    this.outbox = repositories.outbox;
    this.tokens = new CoachTokenService(repositories.tokens, repositories.coaches, clock);
  }

  async listCoaches(): Promise<CoachInfo[]> {
    return this.coaches.listAll();
  }

  async addCoach(actor: string, input: unknown): Promise<CoachInfo> {
    const parsed = newCoachSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
    const c = parsed.data;
    try {
      const coach = await this.coaches.add(c.id, { ...c, demo: false });
      await this.auditLog.audit(actor, 'coach.add', `coach:${coach.id}`);
      return coach;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`A coach with id "${c.id}" exists already.`);
      throw err;
    }
  }

  /** Changes a coach's name, email, languages, area, municipalities and office (not the id or hours). */
  async updateCoach(actor: string, coachId: string, input: unknown): Promise<CoachInfo> {
    const parsed = coachDetailsSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
    if (!(await this.coaches.updateDetails(coachId, parsed.data))) throw new NotFoundError('coach');
    await this.auditLog.audit(actor, 'coach.update', `coach:${coachId}`);
    return (await this.coaches.find(coachId))!;
  }

  /** Deletes a coach who has never had an appointment (bookings keep their coach for the records). */
  async deleteCoach(actor: string, coachId: string): Promise<void> {
    if (!(await this.coaches.find(coachId))) throw new NotFoundError('coach');
    if (!(await this.coaches.deleteWithoutAppointments(coachId))) throw new ConflictError('A coach with appointments cannot be deleted; deactivate them instead.');
    await this.auditLog.audit(actor, 'coach.delete', `coach:${coachId}`);
  }

  /** How many appointments, of any status, the coach has (a coach with none can be deleted). */
  async appointmentCount(coachId: string): Promise<number> {
    return this.coaches.appointmentCount(coachId);
  }

  /** Revokes the coach's calendar feed links and issues a new one: the URL is in the result only. */
  async reissueFeed(actor: string, coachId: string): Promise<{ feedUrl: string }> {
    for (const t of await this.listTokens(coachId)) {
      if (t.kind === 'feed' && !t.revokedAt) await this.tokens.revoke(t.id);
    }
    const issued = await this.issueToken(actor, coachId, 'feed', 'calendar feed');
    return { feedUrl: issued.feedUrl! };
  }

  /** Deactivated coaches get no new bookings, and their tokens and feed stop working. */
  async setActive(actor: string, coachId: string, active: boolean): Promise<CoachInfo> {
    if (!(await this.coaches.setActive(coachId, active))) throw new NotFoundError('coach');
    await this.auditLog.audit(actor, active ? 'coach.activate' : 'coach.deactivate', `coach:${coachId}`);
    return (await this.coaches.find(coachId))!;
  }

  /** The plain token is in the result only; it is never stored or shown again. */
  async issueToken(actor: string, coachId: string, kind: unknown, label?: unknown): Promise<{ id: string; coachId: string; kind: TokenKind; token: string; feedUrl?: string }> {
    if (!TOKEN_KINDS.includes(kind as TokenKind)) throw new ValidationError('"kind" must be "api" or "feed".');
    if (label !== undefined && (typeof label !== 'string' || label.length > 100)) throw new ValidationError('"label" must be text of at most 100 characters.');
    const { id, token } = await this.tokens.issue(coachId, kind as TokenKind, label as string | undefined);
    await this.auditLog.audit(actor, 'coach.token.issue', `coach:${coachId}`, { tokenId: id, kind: kind as string });
    return { id, coachId, kind: kind as TokenKind, token, ...(kind === 'feed' ? { feedUrl: `${this.render.publicBaseUrl}/coach/feed/${token}.ics` } : {}) };
  }

  async revokeToken(actor: string, tokenId: string): Promise<TokenInfo> {
    const info = await this.tokens.revoke(tokenId);
    await this.auditLog.audit(actor, 'coach.token.revoke', `coach:${info.coachId}`, { tokenId });
    return info;
  }

  async listTokens(coachId: string): Promise<TokenInfo[]> {
    if (!(await this.coaches.find(coachId))) throw new NotFoundError('coach');
    return this.tokens.list(coachId);
  }

  /**
   * Moves the coach's upcoming booked appointments (optionally only those from `from` up to `to`,
   * Helsinki dates, inclusive) to another active coach. Each move raises the iCalendar SEQUENCE and
   * queues, in the same transaction: a CANCEL to the absent coach (coach.released), a REQUEST to the
   * new one (coach.rescheduled with previousCoachId), and the
   * jobseeker's email and chat message where they can be reached.
   */
  async reassign(actor: string, fromCoachId: string, toCoachId: string, range: { from?: string; to?: string } = {}): Promise<ReassignResult> {
    if (fromCoachId === toCoachId) throw new ValidationError('Choose a different coach to take the appointments.');
    const [from, to] = await Promise.all([this.coaches.find(fromCoachId), this.coaches.find(toCoachId)]);
    if (!from) throw new NotFoundError('coach');
    if (!to) throw new NotFoundError('coach');
    if (!to.active) throw new ConflictError(`Coach "${toCoachId}" is not active.`);
    const now = this.clock.now();
    const start = range.from ? dayStart(range.from, 'from') : now;
    const end = range.to ? dayStart(range.to, 'to', 1) : undefined;
    const candidates = await this.appointments.bookedForCoach(fromCoachId, start.getTime() < now.getTime() ? now : start, end);
    const result: ReassignResult = { moved: [], conflicts: [] };
    for (const a of candidates) {
      try {
        const sequence = a.sequence + 1;
        const payload = { sequence, previousCoachId: fromCoachId, reason: 'reassigned' };
        const kinds: OutboxKind[] = ['coach.released', 'coach.rescheduled'];
        if (a.contactEmail) kinds.push('jobseeker.rescheduled');
        if (a.conversationRef) kinds.push('chat.reassigned');
        const messages = kinds.map((kind) => ({ kind, appointmentId: a.id, payload, nextAttemptAt: now, messageId: outboxMessageId(a.id, kind, sequence) }));
        const moved = await this.appointments.reassign(a, { fromCoachId, toCoachId, sequence }, messages);
        (moved ? result.moved : result.conflicts).push(a.id);
      } catch (err) {
        // The partial unique index refused the move: the other coach was booked at that time.
        if (isUniqueViolation(err)) result.conflicts.push(a.id);
        else throw err;
      }
    }
    await this.auditLog.audit(actor, 'coach.reassign', `coach:${fromCoachId}`, { toCoachId, moved: result.moved.length, conflicts: result.conflicts.length });
    return result;
  }

  async listOutbox(actor: string, query: { status?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
    if (query.status !== undefined && !['pending', 'sent', 'failed', 'skipped'].includes(query.status)) {
      throw new ValidationError('"status" must be pending, sent, failed or skipped.');
    }
    const take = query.limit ?? 50;
    if (!Number.isInteger(take) || take < 1 || take > 500) throw new ValidationError('"limit" must be a whole number from 1 to 500.');
    const rows = await this.outbox.list({ status: query.status, take });
    await this.auditLog.audit(actor, 'outbox.list', null, { count: rows.length });
    const out: OutboxEntry[] = [];
    for (const row of rows) {
      const preview = await this.preview(row.id, false);
      out.push({ ...entry(row), to: preview?.to, subject: preview?.subject });
    }
    return out;
  }

  /** Sends a failed message again (or every failed one, with id "failed"), e.g. after fixing SMTP settings. */
  async retryOutbox(actor: string, id: string): Promise<{ requeued: number }> {
    if (id !== 'failed' && !(await this.outbox.find(id))) throw new NotFoundError('outbox message');
    const count = await this.outbox.requeueFailed(id === 'failed' ? undefined : id, this.clock.now());
    if (id !== 'failed' && count === 0) throw new ConflictError('Only a failed message can be retried.');
    await this.auditLog.audit(actor, 'outbox.retry', id === 'failed' ? null : `outbox:${id}`, { requeued: count });
    return { requeued: count };
  }

  /** One outbox message rendered as it would be sent now. */
  async showOutbox(actor: string, id: string): Promise<OutboxPreview> {
    const row = await this.outbox.find(id);
    if (!row) throw new NotFoundError('outbox message');
    await this.auditLog.audit(actor, 'outbox.show', `outbox:${id}`);
    const preview = await this.preview(id, true);
    return { ...entry(row), ...preview };
  }

  private async preview(id: string, full: boolean): Promise<(Partial<OutboxPreview> & { to?: string; subject?: string }) | undefined> {
    const row = await this.outbox.find(id);
    const kind = row ? normaliseKind(row.kind) : undefined;
    if (!row || !kind || !row.appointmentId) return undefined;
    const a = await this.outbox.appointment(row.appointmentId);
    if (!a) return undefined;
    if (isChatKind(kind)) return { to: `chat:${a.channelId ?? '?'}`, text: full ? renderChat(this.render, kind, a) : undefined };
    const payload = parsePayload(row.payload);
    const previousCoach = payload.previousCoachId ? await this.outbox.coach(payload.previousCoachId) : null;
    const mail = renderMail(this.render, { kind, payload, appointment: a, previousCoach, now: this.clock.now() });
    if (!mail) return undefined;
    return full ? { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, ics: mail.ics?.content } : { to: mail.to, subject: mail.subject };
  }
}

function entry(row: { id: string; kind: string; status: string; attempts: number; appointmentId: string | null; messageId: string; createdAt: Date; nextAttemptAt: Date; sentAt: Date | null; lastError: string | null }): OutboxEntry {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    appointmentId: row.appointmentId,
    messageId: row.messageId,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    lastError: row.lastError,
  };
}

function dayStart(date: string, name: string, plusDays = 0): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ValidationError(`"${name}" must be a date as YYYY-MM-DD.`);
  try {
    const d = helsinkiToUtc(date, '00:00');
    return new Date(d.getTime() + plusDays * 24 * 60 * 60 * 1000);
  } catch {
    throw new ValidationError(`"${name}" must be an existing date.`);
  }
}
