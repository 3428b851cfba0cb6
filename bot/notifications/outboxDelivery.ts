/**
 * Delivers the outbox: emails over SMTP and proactive chat messages. Each row is claimed before it
 * is sent, so two deliverers (the outbox job and a reminder run) never send the same row at once.
 * A failure retries with exponential backoff until OUTBOX_MAX_ATTEMPTS, then the row is 'failed'.
 * Without SMTP, email rows stay pending in the outbox, where the admin API and CLI show them.
 */
import type { Clock } from '../kernel/clock.js';
import type { ProactiveMessenger } from '../conversations/proactive.js';
import type { Logger } from '../kernel/log.js';
import type { Metrics } from '../observability/metrics.js';
import { CHAT_KINDS, isChatKind, kindSpellings, MAIL_KINDS, normaliseKind, outboxMessageId, parsePayload, type OutboxKind } from '../kernel/outbox.js';
import type { Mailer } from './mailer.js';
import type { OutboxRepository, OutboxRow as OutboxMessage } from './outboxRepository.js';
import { isAnonymised, renderChat, renderMail, type AppointmentWithCoach, type RenderSettings } from './render.js';
import { isPlainObject } from '../kernel/json.js';

/** Translates a jobseeker's note into Finnish (bot/knowledge/noteTranslator.ts). */
export interface NoteTranslator {
  translateToFinnish(text: string, fromLocale: string): Promise<string | undefined>;
}

export interface OutboxDeliveryDeps {
  outbox: OutboxRepository;
  clock: Clock;
  logger: Logger;
  render: RenderSettings;
  maxAttempts: number;
  mailer?: Mailer;
  proactive?: Pick<ProactiveMessenger, 'send'>;
  noteTranslator?: NoteTranslator;
  metrics?: Metrics;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped' | 'busy';

const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** How long a claimed row is left alone by other deliverers. */
const CLAIM_MS = 2 * 60 * 1000;

export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * The manage link holds the jobseeker's private token, kept in clear only until the email is out:
 * after that only its hash (on the appointment) remains.
 */
function withoutLinks(payload: unknown): { payload?: Record<string, unknown> } {
  if (!isPlainObject(payload)) return {};
  const { manageUrl, icsUrl, ...rest } = payload;
  return manageUrl === undefined && icsUrl === undefined ? {} : { payload: rest };
}

export class OutboxDelivery {
  constructor(private readonly deps: OutboxDeliveryDeps) {}

  /** Kinds this process can deliver now: chat always, email only with SMTP. */
  deliverableKinds(): OutboxKind[] {
    return [...(this.deps.proactive ? CHAT_KINDS : []), ...(this.deps.mailer ? MAIL_KINDS : [])];
  }

  async deliverDue(limit = 50): Promise<Record<DeliveryOutcome, number>> {
    const counts: Record<DeliveryOutcome, number> = { sent: 0, retry: 0, failed: 0, skipped: 0, busy: 0 };
    const kinds = this.deliverableKinds();
    if (kinds.length === 0) return counts;
    const due = await this.deps.outbox.due(kindSpellings(kinds), this.deps.clock.now(), limit);
    for (const row of due) counts[await this.deliver(row)]++;
    return counts;
  }

  /** Delivers the given rows now if they are due (used right after they are written). */
  async deliverIds(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.deps.outbox.pendingByIds(ids);
    const kinds = new Set<string>(kindSpellings(this.deliverableKinds()));
    for (const row of rows) if (kinds.has(row.kind)) await this.deliver(row);
  }

  private async claim(row: OutboxMessage): Promise<boolean> {
    const now = this.deps.clock.now();
    return this.deps.outbox.claim(row.id, now, new Date(now.getTime() + CLAIM_MS));
  }

  private async finish(row: OutboxMessage, status: 'sent' | 'skipped' | 'failed', lastError: string | null): Promise<void> {
    await this.deps.outbox.update(row.id, {
      status,
      lastError,
      attempts: row.attempts + (status === 'skipped' ? 0 : 1),
      sentAt: status === 'sent' ? this.deps.clock.now() : null,
      ...withoutLinks(row.payload),
    });
  }

  /** Deletes delivered and skipped rows older than `days`; failed ones stay for the operator. */
  async purgeDelivered(days: number): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - days * 24 * 60 * 60 * 1000);
    return this.deps.outbox.deleteDeliveredBefore(before);
  }

  private async retry(row: OutboxMessage, code: string): Promise<DeliveryOutcome> {
    const attempts = row.attempts + 1;
    if (attempts >= this.deps.maxAttempts) {
      await this.deps.outbox.update(row.id, { status: 'failed', attempts, lastError: code, ...withoutLinks(row.payload) });
      this.deps.logger.error({ outbox: { id: row.id, kind: row.kind, attempts, code } }, 'notification failed for good');
      return 'failed';
    }
    const next = new Date(this.deps.clock.now().getTime() + backoffMs(attempts));
    await this.deps.outbox.update(row.id, { attempts, nextAttemptAt: next, lastError: code });
    this.deps.logger.warn({ outbox: { id: row.id, kind: row.kind, attempts, code } }, 'notification will be retried');
    return 'retry';
  }

  async deliver(row: OutboxMessage): Promise<DeliveryOutcome> {
    const kind = normaliseKind(row.kind);
    if (!(await this.claim(row))) return 'busy';
    if (!kind) {
      await this.finish(row, 'failed', 'unknown_kind');
      return 'failed';
    }
    const appointment = row.appointmentId ? await this.deps.outbox.appointment(row.appointmentId) : null;
    if (!appointment) {
      await this.finish(row, 'skipped', 'no_appointment');
      return 'skipped';
    }
    try {
      return isChatKind(kind) ? await this.deliverChat(row, kind, appointment) : await this.deliverMail(row, kind, appointment);
    } catch (err) {
      return this.retry(row, (err as { code?: string }).code ?? (err as Error).name ?? 'error');
    }
  }

  private async deliverChat(row: OutboxMessage, kind: (typeof CHAT_KINDS)[number], a: AppointmentWithCoach): Promise<DeliveryOutcome> {
    const reference = a.conversationRef as Record<string, unknown> | null;
    if (!reference || typeof reference !== 'object' || !reference.conversation) {
      await this.finish(row, 'skipped', 'no_conversation');
      return 'skipped';
    }
    // A cancellation is news about a meeting still ahead; anything else is about a meeting still booked.
    if (a.status !== (kind === 'chat.cancelled' ? 'cancelled' : 'booked') || a.startsAt.getTime() <= this.deps.clock.now().getTime()) {
      await this.finish(row, 'skipped', 'not_upcoming');
      return 'skipped';
    }
    const text = renderChat(this.deps.render, kind, a);
    const ok = await this.deps.proactive!.send(reference, [{ type: 'message', text, locale: a.locale }]);
    if (!ok) return this.retry(row, 'proactive_failed');
    await this.finish(row, 'sent', null);
    this.deps.metrics?.notificationsSent.inc({ channel: 'chat' });
    return 'sent';
  }

  private async deliverMail(row: OutboxMessage, kind: (typeof MAIL_KINDS)[number], a: AppointmentWithCoach): Promise<DeliveryOutcome> {
    const payload = parsePayload(row.payload);
    if (kind === 'jobseeker.reminder' && (a.status !== 'booked' || a.startsAt.getTime() <= this.deps.clock.now().getTime())) {
      await this.finish(row, 'skipped', 'not_upcoming');
      return 'skipped';
    }
    if ((kind === 'coach.booked' || kind === 'coach.rescheduled') && isAnonymised(a)) {
      // The jobseeker deleted their data before this went out: the erasure cancelled the
      // appointment and its cancellation (without their details) is what the coach gets.
      await this.finish(row, 'skipped', 'erased');
      return 'skipped';
    }
    const previousCoach = payload.previousCoachId ? await this.deps.outbox.coach(payload.previousCoachId) : null;
    if ((kind === 'coach.rescheduled' || kind === 'coach.booked') && previousCoach && previousCoach.id !== a.coachId) {
      // Moved to another coach: the previous one gets a CANCEL of their calendar entry (once).
      await this.deps.outbox.enqueue([
        {
          kind: 'coach.released',
          appointmentId: a.id,
          payload: { sequence: payload.sequence, previousCoachId: previousCoach.id, ...(payload.reason ? { reason: payload.reason } : {}) },
          nextAttemptAt: this.deps.clock.now(),
          messageId: outboxMessageId(a.id, 'coach.released', payload.sequence),
        },
      ]);
    }
    if (kind === 'coach.released' && !previousCoach) {
      await this.finish(row, 'skipped', 'no_recipient');
      return 'skipped';
    }
    let noteFinnish: string | undefined;
    if (kind.startsWith('coach.') && kind !== 'coach.cancelled' && a.note) {
      noteFinnish = await this.deps.noteTranslator?.translateToFinnish(a.note, a.locale);
    }
    const mail = renderMail(this.deps.render, { kind, payload, appointment: a, previousCoach, noteFinnish, now: this.deps.clock.now() });
    if (!mail) {
      await this.finish(row, 'skipped', 'no_recipient');
      return 'skipped';
    }
    await this.deps.mailer!.send({ ...mail, messageId: row.messageId });
    await this.finish(row, 'sent', null);
    this.deps.metrics?.notificationsSent.inc({ channel: 'email' });
    return 'sent';
  }
}
