/**
 * Live chat with a coach: who is available, the queue, relaying messages both ways (translated
 * when an LLM is configured), typing indicators, ending, and call-back requests. It decides; the
 * repositories persist and the proactive messenger reaches the jobseeker on any channel.
 *
 * Everything a chat needs lives in the database, so the jobseeker's turns and the coach's requests
 * may reach different processes.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import { normalisePhone } from '../booking/contact.js';
import type { CoachRepository, StoredCoach } from '../booking/coachRepository.js';
import { findFreeSlots } from '../booking/slots.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../coaches/errors.js';
import type { ConversationRepository } from '../conversations/conversationRepository.js';
import type { ProactiveMessenger } from '../conversations/proactive.js';
import type { Translator } from '../i18n/i18n.js';
import { toSupportedLocale, type Locale } from '../i18n/locales.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/log.js';
import { redact } from '../kernel/redact.js';
import { formatDateTime } from '../language/format.js';
import type { CallbackRepository, CallbackRow } from './callbackRepository.js';
import type { HandoffMessageRow, HandoffRepository, HandoffRow, HandoffSender } from './handoffRepository.js';
import type { LiveStatusRepository } from './liveStatusRepository.js';
import { writtenLanguage, type MessageTranslator } from './translation.js';

/** What one live chat takes on average, for the queue estimate. */
export const MINUTES_PER_CHAT = 8;
/** A typing indicator is shown this long after the last one. */
export const TYPING_SHOWN_MS = 6_000;
/** The language coaches write in unless they say otherwise. */
export const COACH_LANGUAGE = 'fi';
/** How often a held poll for new messages looks again. */
const WAIT_STEP_MS = 250;
const MAX_MESSAGE_CHARS = 2000;
const MINUTE_MS = 60_000;

export interface LiveAvailability {
  /** The coaches' area serving the municipality; undefined when no coach serves it. */
  area?: string;
  /** Coaches of the area available for live chat now. */
  available: number;
  /** When the area's coaches next have working hours (now included), within a week. */
  nextHours?: Date;
}

export interface QueueView {
  handoffId: string;
  status: HandoffRow['status'];
  place: number;
  estimateMinutes: number;
  coachName?: string;
}

export interface ChatMessage {
  seq: number;
  sender: HandoffSender;
  /** As written: the coach reads the jobseeker's words as they wrote them. */
  text: string;
  language: string;
  translation: string | null;
  translationLanguage: string | null;
  machineTranslated: boolean;
  at: string;
}

export interface QueueEntry {
  id: string;
  locale: string;
  languageName: string;
  municipality: string | null;
  reason: string;
  place: number;
  waitingSince: string;
}

export interface ChatView {
  id: string;
  status: string;
  locale: string;
  languageName: string;
  municipality: string | null;
  coachId: string | null;
  requestedAt: string;
  acceptedAt: string | null;
  /** machine: messages are machine-translated; none: no LLM, an interpreter can be booked; same: no translation needed. */
  translation: 'machine' | 'none' | 'same';
  /** For the coach, in Finnish: the jobseeker's language and what to do without translation. */
  notice: string | null;
  /** The conversation with the bot before the handoff, as stored (redacted). */
  history: Array<{ direction: string; text: string; at: string }>;
  messages: ChatMessage[];
  jobseekerTyping: boolean;
}

export interface CallbackInput {
  channelId: string;
  conversationId: string;
  userId?: string;
  name: string;
  phone: string;
  preferredTime: string;
  locale: string;
  municipality?: string;
  area?: string;
}

export interface CallbackView {
  id: string;
  name: string;
  phone: string;
  preferredTime: string;
  locale: string;
  languageName: string;
  municipality: string | null;
  status: string;
  createdAt: string;
  handledAt: string | null;
}

export interface HandoffServiceDeps {
  handoffs: HandoffRepository;
  callbacks: CallbackRepository;
  live: LiveStatusRepository;
  coaches: CoachRepository;
  conversations: ConversationRepository;
  proactive: ProactiveMessenger;
  translator: Translator;
  /** Undefined without an LLM: the coach is told the language and that an interpreter can be booked. */
  messageTranslator?: MessageTranslator;
  clock: Clock;
  logger: Logger;
  /** A jobseeker waits at most this long in the queue before the call-back offer. */
  queueTimeoutMs: number;
  /** The bot's id, as the sender of relayed messages. */
  botId: string;
}

function sameMunicipality(a: string, b: string): boolean {
  return a.localeCompare(b, 'fi', { sensitivity: 'base' }) === 0;
}

/** The language's name in Finnish (the console's language), e.g. "arabia". */
export function finnishLanguageName(code: string): string {
  try {
    return new Intl.DisplayNames(['fi'], { type: 'language' }).of(writtenLanguage(code)) ?? code;
  } catch {
    return code;
  }
}

/** A jobseeker's request for a person, as the dialog knows it. */
export interface HandoffRequest {
  channelId: string;
  conversationId: string;
  channelUserId?: string;
  locale: string;
  municipality?: string;
  area?: string;
  reason: 'asked' | 'fallback';
  reference: Partial<ConversationReference>;
}

export class HandoffService {
  /** Typing is stored at most this often per chat and side, so a keystroke stream costs little. */
  private readonly typingWritten = new Map<string, number>();

  constructor(private readonly deps: HandoffServiceDeps) {}

  /** True when an LLM translates the chat. */
  get translates(): boolean {
    return this.deps.messageTranslator !== undefined;
  }

  // --- availability ----------------------------------------------------------------------------

  /** True when the coach's switch is on and it is within their working hours. */
  async isAvailable(coachId: string): Promise<boolean> {
    const coach = await this.deps.coaches.findActive(coachId);
    if (!coach || !(await this.deps.live.get(coachId))) return false;
    return this.inWorkingHours(coach);
  }

  async liveStatus(coachId: string): Promise<{ switchedOn: boolean; inWorkingHours: boolean; available: boolean }> {
    const coach = await this.deps.coaches.findActive(coachId);
    if (!coach) throw new NotFoundError('coach');
    const switchedOn = await this.deps.live.get(coachId);
    const inWorkingHours = this.inWorkingHours(coach);
    return { switchedOn, inWorkingHours, available: switchedOn && inWorkingHours };
  }

  /** The coach's "available for live chat" switch (the staff console and the coach API set it). */
  async setLive(coachId: string, available: boolean): Promise<{ switchedOn: boolean; inWorkingHours: boolean; available: boolean }> {
    const coach = await this.deps.coaches.findActive(coachId);
    if (!coach) throw new NotFoundError('coach');
    await this.deps.live.set(coachId, available);
    return this.liveStatus(coachId);
  }

  /** Who can take a live chat for someone in `municipality` now, and when the area's coaches next work. */
  async availability(municipality: string | undefined): Promise<LiveAvailability> {
    const all = await this.deps.coaches.listActive();
    const local = municipality ? all.filter((c) => c.municipalities.some((m) => sameMunicipality(m, municipality))) : [];
    if (local.length === 0) return { available: 0 };
    const area = local[0].area;
    const inArea = all.filter((c) => c.area === area);
    const on = new Set(await this.deps.live.switchedOn());
    const available = inArea.filter((c) => on.has(c.id) && this.inWorkingHours(c)).length;
    return { area, available, nextHours: this.nextWorkingTime(inArea) };
  }

  private inWorkingHours(coach: StoredCoach): boolean {
    const now = this.deps.clock.now();
    const next = this.nextWorkingTime([coach]);
    return next !== undefined && next.getTime() - now.getTime() < MINUTE_MS;
  }

  /** The first minute within a week that one of `coaches` works. */
  private nextWorkingTime(coaches: readonly StoredCoach[]): Date | undefined {
    if (coaches.length === 0) return undefined;
    try {
      const [slot] = findFreeSlots(
        coaches.map((c) => ({ availability: c.availability })),
        { now: this.deps.clock.now(), slotMinutes: 1, stepMinutes: 1, horizonDays: 8, limit: 1 },
      );
      return slot?.start;
    } catch (err) {
      this.deps.logger.warn({ err }, 'handoff: coach hours could not be read');
      return undefined;
    }
  }

  // --- the jobseeker's side ----------------------------------------------------------------------

  /** Joins the queue; the jobseeker has agreed that a person reads the conversation. */
  async request(input: HandoffRequest): Promise<QueueView> {
    const open = await this.deps.handoffs.openFor(input.channelId, input.conversationId);
    if (open) return this.view(open.id) as Promise<QueueView>;
    const row = await this.createRow(input, 'queued');
    await this.deps.handoffs.setQueueNotice(row.id, row.requestedAt);
    return (await this.view(row.id))!;
  }

  /**
   * Records a request for a person that no coach could take (none of the area at work): it never
   * queues, but the coordinator report counts it among the requests, and "show my data" and
   * erasure see it like any other handoff.
   */
  async recordUnstaffed(input: HandoffRequest): Promise<void> {
    await this.createRow(input, 'unstaffed');
  }

  private async createRow(input: HandoffRequest, status: 'queued' | 'unstaffed'): Promise<HandoffRow> {
    const user = input.channelUserId ? await this.deps.conversations.findUser(input.channelId, input.channelUserId) : null;
    const now = this.deps.clock.now();
    return this.deps.handoffs.create({
      channelId: input.channelId,
      conversationId: input.conversationId,
      userId: user?.id,
      locale: input.locale,
      municipality: input.municipality,
      area: input.area,
      reason: input.reason,
      conversationRef: JSON.parse(JSON.stringify(input.reference)),
      requestedAt: now,
      status,
      endedAt: status === 'unstaffed' ? now : undefined,
    });
  }

  /** The handoff as the jobseeker's dialog sees it; undefined when it is gone (erased). */
  async view(handoffId: string): Promise<QueueView | undefined> {
    const row = await this.deps.handoffs.find(handoffId);
    if (!row) return undefined;
    const place = row.status === 'queued' ? await this.deps.handoffs.placeOf(row) : 0;
    const coach = row.coachId ? await this.deps.coaches.find(row.coachId) : undefined;
    return { handoffId: row.id, status: row.status, place, estimateMinutes: await this.estimate(row, place), coachName: coach?.name };
  }

  private async estimate(row: HandoffRow, place: number): Promise<number> {
    if (place === 0) return 0;
    const on = new Set(await this.deps.live.switchedOn());
    const coaches = (await this.deps.coaches.listActive()).filter((c) => (row.area ? c.area === row.area : true) && on.has(c.id) && this.inWorkingHours(c));
    return Math.ceil(place / Math.max(1, coaches.length)) * MINUTES_PER_CHAT;
  }

  /** The jobseeker left the queue or the chat ("stop"); false when it had already ended. */
  async leave(handoffId: string): Promise<boolean> {
    const row = await this.deps.handoffs.find(handoffId);
    if (!row) return false;
    const now = this.deps.clock.now();
    const done =
      row.status === 'queued'
        ? await this.deps.handoffs.end(row.id, 'abandoned', 'jobseeker', now, 'queued')
        : await this.deps.handoffs.end(row.id, 'ended', 'jobseeker', now, 'active');
    if (done) await this.redactEnded(row.id);
    return done;
  }

  /** A jobseeker's message for the coach (queued or live), translated for the coach when possible. */
  async fromJobseeker(handoffId: string, text: string, locale: string): Promise<void> {
    const row = await this.deps.handoffs.find(handoffId);
    if (!row || (row.status !== 'queued' && row.status !== 'active')) return;
    const written = text.slice(0, MAX_MESSAGE_CHARS);
    const coach = row.coachId ? await this.deps.coaches.find(row.coachId) : undefined;
    // A coach who speaks the jobseeker's language reads it as written; otherwise the console shows
    // the message once its translation is ready, so the coach never reads it twice.
    const translation = coach?.languages.includes(writtenLanguage(locale)) ? undefined : await this.deps.messageTranslator?.translate(written, locale, COACH_LANGUAGE);
    await this.deps.handoffs.addMessage({
      handoffId,
      sender: 'jobseeker',
      text: written,
      language: locale,
      ...(translation ? { translation, translationLanguage: COACH_LANGUAGE } : {}),
      createdAt: this.deps.clock.now(),
    });
  }

  /** A message the bot answered itself (a crisis): the coach of an open chat in this conversation gets it too. */
  async relayIfOpen(channelId: string, conversationId: string, text: string, locale: string): Promise<void> {
    const row = await this.deps.handoffs.openFor(channelId, conversationId);
    if (row) await this.fromJobseeker(row.id, text, locale);
  }

  /** The jobseeker is typing: shown in the coach's console for a few seconds. */
  async jobseekerTyping(channelId: string, conversationId: string): Promise<void> {
    const key = `u\u0000${channelId}\u0000${conversationId}`;
    const now = this.deps.clock.now();
    if (!this.typingDue(key, now)) return;
    const row = await this.deps.handoffs.openFor(channelId, conversationId);
    if (row?.status === 'active') await this.deps.handoffs.setTyping(row.id, 'jobseeker', now);
  }

  private typingDue(key: string, now: Date): boolean {
    const last = this.typingWritten.get(key);
    if (last !== undefined && now.getTime() - last < TYPING_SHOWN_MS / 2) return false;
    if (this.typingWritten.size > 10_000) this.typingWritten.clear();
    this.typingWritten.set(key, now.getTime());
    return true;
  }

  /** Stores a call-back request; the phone number must be valid. */
  async requestCallback(input: CallbackInput): Promise<CallbackRow> {
    const phone = normalisePhone(input.phone);
    if (!phone.ok) throw new ValidationError('The phone number is not valid.');
    const user = await this.userIdOf(input.channelId, input.userId);
    return this.deps.callbacks.create({
      channelId: input.channelId,
      conversationId: input.conversationId,
      userId: user,
      name: input.name.trim().slice(0, 200),
      phone: phone.value,
      preferredTime: input.preferredTime.trim().slice(0, 500),
      locale: input.locale,
      municipality: input.municipality,
      area: input.area,
      createdAt: this.deps.clock.now(),
    });
  }

  private async userIdOf(channelId: string, channelUserId: string | undefined): Promise<string | undefined> {
    if (!channelUserId) return undefined;
    return (await this.deps.conversations.findUser(channelId, channelUserId))?.id;
  }

  // --- the coach's side ------------------------------------------------------------------------

  private async coachOf(coachId: string): Promise<StoredCoach> {
    const coach = await this.deps.coaches.findActive(coachId);
    if (!coach) throw new NotFoundError('coach');
    return coach;
  }

  /** Jobseekers waiting in the coach's area, first come first. */
  async queueFor(coachId: string): Promise<QueueEntry[]> {
    const coach = await this.coachOf(coachId);
    const rows = await this.deps.handoffs.queued(coach.area);
    const places = new Map<string, number>();
    return rows.map((r) => {
      const key = r.area ?? '';
      const place = (places.get(key) ?? 0) + 1;
      places.set(key, place);
      return {
        id: r.id,
        locale: r.locale,
        languageName: finnishLanguageName(r.locale),
        municipality: r.municipality,
        reason: r.reason,
        place,
        waitingSince: r.requestedAt.toISOString(),
      };
    });
  }

  /** Chats the coach is in now. */
  async activeFor(coachId: string): Promise<QueueEntry[]> {
    const rows = await this.deps.handoffs.activeFor(coachId);
    return rows.map((r) => ({ id: r.id, locale: r.locale, languageName: finnishLanguageName(r.locale), municipality: r.municipality, reason: r.reason, place: 0, waitingSince: r.requestedAt.toISOString() }));
  }

  private async chatRow(coachId: string, handoffId: string, mustBeMine = true): Promise<HandoffRow> {
    const row = await this.deps.handoffs.find(handoffId);
    if (!row) throw new NotFoundError('chat');
    if (mustBeMine && row.coachId !== coachId) throw new ForbiddenError('chat');
    return row;
  }

  /** Takes a jobseeker from the queue; the jobseeker is told who joined. */
  async accept(coachId: string, handoffId: string): Promise<ChatView> {
    const coach = await this.coachOf(coachId);
    const row = await this.chatRow(coachId, handoffId, false);
    if (row.area && row.area !== coach.area) throw new ForbiddenError('chat');
    if (!(await this.deps.handoffs.accept(row.id, coachId, this.deps.clock.now()))) throw new ConflictError('This jobseeker is no longer waiting.');
    const t = this.t(row.locale);
    const lines = [t('handoff:live.joined', { name: coach.name })];
    if (!this.translates && !coach.languages.includes(writtenLanguage(row.locale))) lines.push(t('handoff:live.noTranslation'));
    await this.toJobseeker(row, lines.map((text) => ({ type: 'message', text })));
    return this.chat(coachId, handoffId);
  }

  /** The chat as the coach's console shows it: what was said to the bot before, and the chat so far. */
  async chat(coachId: string, handoffId: string): Promise<ChatView> {
    const row = await this.chatRow(coachId, handoffId);
    const coach = await this.coachOf(coachId);
    const transcript = await this.deps.conversations.transcript(row.channelId, row.conversationId);
    const history = transcript
      .filter((m) => m.type === 'message' && m.text && m.timestamp <= row.requestedAt)
      .map((m) => ({ direction: m.direction, text: m.text ?? '', at: m.timestamp.toISOString() }));
    const messages = await this.deps.handoffs.messages(row.id);
    const same = coach.languages.includes(writtenLanguage(row.locale)) || writtenLanguage(row.locale) === COACH_LANGUAGE;
    const translation = same ? 'same' : this.translates ? 'machine' : 'none';
    const t = this.t('fi');
    const notice =
      translation === 'none'
        ? String(t('handoff:coach.noTranslation', { language: finnishLanguageName(row.locale) }))
        : translation === 'machine'
          ? String(t('handoff:coach.machineTranslation', { language: finnishLanguageName(row.locale) }))
          : null;
    return {
      id: row.id,
      status: row.status,
      locale: row.locale,
      languageName: finnishLanguageName(row.locale),
      municipality: row.municipality,
      coachId: row.coachId,
      requestedAt: row.requestedAt.toISOString(),
      acceptedAt: row.acceptedAt?.toISOString() ?? null,
      translation,
      notice,
      history,
      messages: messages.map(messageJson),
      jobseekerTyping: this.typingNow(row.userTypingAt),
    };
  }

  /** New messages after `afterSeq`, the chat's status and whether the jobseeker is typing. */
  async messages(coachId: string, handoffId: string, afterSeq: number): Promise<{ status: string; messages: ChatMessage[]; jobseekerTyping: boolean }> {
    const row = await this.chatRow(coachId, handoffId);
    const messages = await this.deps.handoffs.messages(row.id, afterSeq);
    return { status: row.status, messages: messages.map(messageJson), jobseekerTyping: this.typingNow(row.userTypingAt) };
  }

  /**
   * New messages, held up to `waitMs` while there are none, the chat is live and the jobseeker is
   * not typing: a console sees a message within a moment of it being written. `stop` answers at once
   * (the app is shutting down).
   */
  async awaitMessages(coachId: string, handoffId: string, afterSeq: number, waitMs: number, stop: () => boolean = () => false): Promise<Awaited<ReturnType<HandoffService['messages']>>> {
    // Real time, not the business clock: this is how long an HTTP request is held.
    const end = Date.now() + waitMs;
    let answer = await this.messages(coachId, handoffId, afterSeq);
    while (answer.messages.length === 0 && answer.status === 'active' && !answer.jobseekerTyping && Date.now() < end && !stop()) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      answer = await this.messages(coachId, handoffId, afterSeq);
    }
    return answer;
  }

  private typingNow(at: Date | null): boolean {
    return at !== null && this.deps.clock.now().getTime() - at.getTime() < TYPING_SHOWN_MS;
  }

  /** The coach's message to the jobseeker, translated into their language with the original beside it. */
  async send(coachId: string, handoffId: string, text: string, language = COACH_LANGUAGE): Promise<ChatMessage> {
    const trimmed = text.trim();
    if (!trimmed) throw new ValidationError('"text" must not be empty.');
    if (trimmed.length > MAX_MESSAGE_CHARS) throw new ValidationError(`"text" may be at most ${MAX_MESSAGE_CHARS} characters.`);
    const row = await this.chatRow(coachId, handoffId);
    if (row.status !== 'active') throw new ConflictError('The chat has ended.');
    const coach = await this.coachOf(coachId);
    const now = this.deps.clock.now();
    const translation = await this.deps.messageTranslator?.translate(trimmed, language, row.locale);
    const message = await this.deps.handoffs.addMessage({
      handoffId: row.id,
      sender: 'coach',
      text: trimmed,
      language,
      ...(translation ? { translation, translationLanguage: row.locale } : {}),
      createdAt: now,
    });
    await this.deps.handoffs.markFirstCoachReply(row.id, now);
    const t = this.t(row.locale);
    const shown = translation
      ? t('handoff:relay.translated', { name: coach.name, translation, original: trimmed })
      : t('handoff:relay.plain', { name: coach.name, text: trimmed });
    const delivered = await this.toJobseeker(row, [{ type: 'message', text: String(shown), from: { id: this.deps.botId, name: coach.name, role: 'bot' } }]);
    if (!delivered) throw new ConflictError('The message could not be delivered to the jobseeker.');
    return messageJson(message);
  }

  /** The coach is typing: the jobseeker's chat shows it. */
  async coachTyping(coachId: string, handoffId: string): Promise<void> {
    const row = await this.chatRow(coachId, handoffId);
    if (row.status !== 'active') return;
    const now = this.deps.clock.now();
    if (!this.typingDue(`c\u0000${row.id}`, now)) return;
    await this.deps.handoffs.setTyping(row.id, 'coach', now);
    await this.toJobseeker(row, [{ type: 'typing' }]);
  }

  /** The coach ends the chat; the jobseeker is back with the bot. */
  async end(coachId: string, handoffId: string): Promise<void> {
    const row = await this.chatRow(coachId, handoffId);
    if (!(await this.deps.handoffs.end(row.id, 'ended', 'coach', this.deps.clock.now(), 'active'))) throw new ConflictError('The chat has already ended.');
    await this.toJobseeker(row, [{ type: 'message', text: String(this.t(row.locale)('handoff:live.coachEnded')) }]);
    await this.redactEnded(row.id);
  }

  async listCallbacks(coachId: string, status?: 'open' | 'done'): Promise<CallbackView[]> {
    const coach = await this.coachOf(coachId);
    const rows = await this.deps.callbacks.list({ area: coach.area, status });
    return rows.map(callbackJson);
  }

  async callbackDone(coachId: string, id: string): Promise<CallbackView> {
    const coach = await this.coachOf(coachId);
    const row = await this.deps.callbacks.find(id);
    if (!row) throw new NotFoundError('call-back request');
    if (row.area && row.area !== coach.area) throw new ForbiddenError('call-back request');
    if (!(await this.deps.callbacks.markDone(id, coachId, this.deps.clock.now()))) throw new ConflictError('The call-back request is already handled.');
    return callbackJson((await this.deps.callbacks.find(id))!);
  }

  // --- jobs ------------------------------------------------------------------------------------

  /** Jobseekers waiting past the timeout leave the queue and are offered a call-back. */
  async timeOutQueue(): Promise<number> {
    const now = this.deps.clock.now();
    const rows = await this.deps.handoffs.queuedBefore(new Date(now.getTime() - this.deps.queueTimeoutMs));
    let n = 0;
    for (const row of rows) {
      if (!(await this.deps.handoffs.end(row.id, 'timed_out', 'timeout', now, 'queued'))) continue;
      n++;
      const t = this.t(row.locale);
      const offer: Partial<Activity> = {
        type: 'message',
        text: String(t('handoff:queue.timedOut')),
        suggestedActions: {
          to: [],
          actions: [
            { type: 'imBack', title: String(t('handoff:offer.callback')), value: String(t('handoff:offer.callback')) },
            { type: 'imBack', title: String(t('handoff:offer.book')), value: String(t('handoff:offer.book')) },
            { type: 'imBack', title: String(t('handoff:offer.menu')), value: String(t('handoff:offer.menu')) },
          ],
        },
      };
      await this.toJobseeker(row, [offer]);
      await this.redactEnded(row.id);
    }
    return n;
  }

  /** Tells each waiting jobseeker their place again, so nobody waits in silence. */
  async remindQueue(intervalMs: number): Promise<number> {
    const now = this.deps.clock.now();
    const rows = await this.deps.handoffs.queuedNoticeDue(new Date(now.getTime() - intervalMs));
    for (const row of rows) {
      const view = await this.view(row.id);
      if (!view || view.status !== 'queued') continue;
      await this.deps.handoffs.setQueueNotice(row.id, now);
      await this.toJobseeker(row, [{ type: 'message', text: String(this.t(row.locale)('handoff:queue.still', { place: view.place, minutes: view.estimateMinutes })) }]);
    }
    return rows.length;
  }

  /** An ended chat's messages keep only their redacted text. */
  async redactEnded(handoffId: string): Promise<void> {
    const messages = await this.deps.handoffs.messages(handoffId, 0, 10_000);
    const changed = messages
      .map((m) => ({ seq: m.seq, text: redact(m.text).text, translation: m.translation === null ? null : redact(m.translation).text, before: m }))
      .filter((m) => m.text !== m.before.text || m.translation !== m.before.translation);
    await this.deps.handoffs.rewriteTexts(changed.map(({ seq, text, translation }) => ({ seq, text, translation })));
  }

  private t(locale: string) {
    return this.deps.translator.t(toSupportedLocale(locale) ?? ('fi' as Locale));
  }

  private async toJobseeker(row: HandoffRow, activities: Array<Partial<Activity>>): Promise<boolean> {
    const locale = toSupportedLocale(row.locale) ?? 'fi';
    return this.deps.proactive.send(row.conversationRef as Partial<ConversationReference>, activities.map((a) => ({ locale, ...a })));
  }
}

function messageJson(m: HandoffMessageRow): ChatMessage {
  return {
    seq: m.seq,
    sender: m.sender as HandoffSender,
    text: m.text,
    language: m.language,
    translation: m.translation,
    translationLanguage: m.translationLanguage,
    machineTranslated: m.translation !== null,
    at: m.createdAt.toISOString(),
  };
}

function callbackJson(r: CallbackRow): CallbackView {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    preferredTime: r.preferredTime,
    locale: r.locale,
    languageName: finnishLanguageName(r.locale),
    municipality: r.municipality,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    handledAt: r.handledAt?.toISOString() ?? null,
  };
}

/** "ma 8.12. klo 9.00" in the jobseeker's language, for "coaches are available from …". */
export function formatNextHours(when: Date, locale: string): string {
  return formatDateTime(when, toSupportedLocale(locale) ?? 'fi');
}
