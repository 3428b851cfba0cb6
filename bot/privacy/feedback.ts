/**
 * The feedback channel (law 306/2019 and privacy questions): every message is stored first, then
 * emailed to the operator by a scheduled job with retries. Without SMTP the messages wait for the
 * operator in the admin endpoint.
 */
import nodemailer from 'nodemailer';
import type { Clock } from '../kernel/clock.js';
import type { DataSubject, PersonalDataProvider } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import { redact } from '../kernel/redact.js';
import type { FeedbackRepository, StoredFeedback } from './feedbackRepository.js';

export const FEEDBACK_TOPICS = ['accessibility', 'privacy', 'other'] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const MAX_FEEDBACK_CHARS = 4000;
export const MAX_CONTACT_CHARS = 200;
export const MAX_PAGE_CHARS = 200;

export interface FeedbackInput {
  topic: unknown;
  message: unknown;
  contact?: unknown;
  locale?: string;
  page?: unknown;
  /** Who gave it, when it was given in a chat: links it to their data for export and erasure. */
  from?: { channelId: string; conversationId: string; channelUserId?: string };
}

export class FeedbackValidationError extends Error {
  constructor(readonly field: 'topic' | 'message' | 'contact') {
    super(`Invalid feedback field: ${field}`);
    this.name = 'FeedbackValidationError';
  }
}

export interface Mailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}

// Control characters other than newline and tab have no place in a message and can fool a terminal or mail client.
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}

export class FeedbackService {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly delivery?: { mailer: Mailer; to: string; maxAttempts: number },
  ) {}

  get emailEnabled(): boolean {
    return this.delivery !== undefined;
  }

  async submit(input: FeedbackInput): Promise<{ id: string }> {
    const topic = typeof input.topic === 'string' && (FEEDBACK_TOPICS as readonly string[]).includes(input.topic) ? (input.topic as FeedbackTopic) : undefined;
    if (!topic) throw new FeedbackValidationError('topic');
    const message = typeof input.message === 'string' ? clean(input.message) : '';
    if (!message || message.length > MAX_FEEDBACK_CHARS) throw new FeedbackValidationError('message');
    let contact: string | null = null;
    if (input.contact !== undefined && input.contact !== null && input.contact !== '') {
      if (typeof input.contact !== 'string') throw new FeedbackValidationError('contact');
      const c = clean(input.contact).replace(/\n/g, ' ');
      if (c.length > MAX_CONTACT_CHARS) throw new FeedbackValidationError('contact');
      contact = c || null;
    }
    const page = typeof input.page === 'string' && /^\/[\w\-/]*$/.test(input.page) ? input.page.slice(0, MAX_PAGE_CHARS) : null;
    // The message is stored (and emailed) as the transcript stores messages: identity codes, phone
    // numbers, emails and account numbers removed. The contact field is the one place meant for
    // a reply address, and it goes with the rest on "delete my data".
    const from = input.from;
    return this.feedback.create({
      topic,
      message: redact(message).text,
      contact,
      locale: input.locale ?? null,
      page,
      createdAt: this.clock.now(),
      channelId: from?.channelId ?? null,
      conversationId: from?.conversationId ?? null,
      channelUserId: from?.channelUserId || null,
    });
  }

  /** Feedback given in a chat, in "show my data" and "delete my data". */
  personalData(): PersonalDataProvider {
    const owner = (subject: DataSubject) => ({ channelId: subject.channelId, conversationIds: subject.conversationIds, channelUserId: subject.channelUserId });
    return {
      name: 'feedback',
      labelKey: 'privacy:features.feedback',
      export: async (subject) => (await this.feedback.findByOwner(owner(subject))).map((f) => ({ ...f, createdAt: f.createdAt.toISOString(), emailedAt: f.emailedAt?.toISOString() ?? null })),
      erase: async (subject) => {
        await this.feedback.deleteByOwner(owner(subject));
      },
    };
  }

  /** Newest first, for the operator. */
  async list(take = 100): Promise<StoredFeedback[]> {
    return this.feedback.list(Math.min(Math.max(take, 1), 500));
  }

  /** Emails undelivered feedback; a failure counts an attempt and is retried on the next run. */
  async deliverPending(): Promise<{ sent: number; failed: number }> {
    if (!this.delivery) return { sent: 0, failed: 0 };
    const { mailer, to, maxAttempts } = this.delivery;
    const pending = await this.feedback.undelivered(maxAttempts, 50);
    let sent = 0;
    let failed = 0;
    for (const row of pending) {
      try {
        await mailer.send({
          to,
          subject: `OMA-botti feedback (${row.topic}) ${row.id}`,
          // Plain text only: nothing the sender wrote is ever interpreted as HTML.
          text: [
            `Topic: ${row.topic}`,
            `Received: ${row.createdAt.toISOString()}`,
            `Language: ${row.locale ?? '-'}`,
            `Page: ${row.page ?? '-'}`,
            `Reply to: ${row.contact ?? '(no contact given)'}`,
            '',
            row.message,
          ].join('\n'),
        });
        await this.feedback.markEmailed(row.id, this.clock.now());
        sent++;
      } catch (err) {
        failed++;
        await this.feedback.countFailedAttempt(row.id);
        this.logger.warn({ feedbackId: row.id, err }, 'feedback: email failed, will retry');
      }
    }
    return { sent, failed };
  }
}
