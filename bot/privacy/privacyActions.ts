/**
 * What the privacy dialogs may do, behind one interface so that dialogs never see the database:
 * summarise and link a user's data, erase it, and pass on feedback.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import type { ConversationRepository } from '../conversations/conversationRepository.js';
import type { TranscriptStore } from '../conversations/transcriptStore.js';
import type { DataSubject } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { ExportLinks } from './exportLinks.js';
import type { FeedbackInput, FeedbackService } from './feedback.js';
import type { PersonalDataService, SubjectRef } from './personalData.js';

export interface MyDataSummary {
  profile?: { createdAt: Date; locale: string | null };
  conversations: number;
  messages: number;
  /** Rows per feature that holds any: the provider's name and its summary label key. */
  features: Array<{ name: string; labelKey?: string; count: number }>;
  link: { url: string; expiresAt: Date; minutes: number };
}

export interface PrivacyActions {
  showMyData(ref: SubjectRef): Promise<MyDataSummary>;
  /** Erases everything now, and once more after the turn (its own messages and state). */
  deleteMyData(context: TurnContext, ref: SubjectRef): Promise<void>;
  sendFeedback(input: FeedbackInput): Promise<void>;
  noticeUrl(locale: string): string;
}

/** Turn state key: set when this turn erased its user; the middleware finishes the job. */
const ERASED = Symbol('privacy.erasedSubject');

interface ErasedTurn {
  subject: DataSubject;
  /** The conversation the erasure was asked in; its channel rows carry the confirmation. */
  current: string;
}

/** How long the confirmation has to reach a polling client before its conversation goes. */
const CHANNEL_ERASURE_DELAY_MS = 3000;

/** Roughly how many stored items an export value holds, for the readable summary. */
function countItems(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object') {
    if (depth > 0) return Object.keys(value).length > 0 ? 1 : 0;
    return Object.values(value).reduce<number>((n, v) => n + countItems(v, depth + 1), 0);
  }
  return 1;
}

export class PrivacyActionsService implements PrivacyActions {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly links: ExportLinks,
    private readonly feedback: FeedbackService,
    private readonly publicBaseUrl: string,
    private readonly linkMinutes: number,
  ) {}

  async showMyData(ref: SubjectRef): Promise<MyDataSummary> {
    const subject = await this.personalData.subject(ref);
    const data = await this.personalData.export(subject);
    const link = await this.links.create(ref);
    const profile = data.profile as { createdAt: string; locale: string | null } | null;
    const labels = this.personalData.providerLabels();
    return {
      profile: profile ? { createdAt: new Date(profile.createdAt), locale: profile.locale } : undefined,
      conversations: data.conversations.length,
      messages: data.transcript.filter((m) => (m as { type?: string }).type === 'message').length,
      features: Object.entries(data.features)
        .map(([name, value]) => ({ name, labelKey: labels.get(name), count: countItems(value) }))
        .filter((f) => f.count > 0),
      link: { url: `${this.publicBaseUrl}/privacy/export/${link.token}`, expiresAt: link.expiresAt, minutes: this.linkMinutes },
    };
  }

  async deleteMyData(context: TurnContext, ref: SubjectRef): Promise<void> {
    const subject = await this.personalData.subject(ref);
    await this.personalData.erase(subject, 'user', { keepChannelOf: ref.conversationId });
    context.turnState.set(ERASED, { subject, current: ref.conversationId } satisfies ErasedTurn);
  }

  async sendFeedback(input: FeedbackInput): Promise<void> {
    await this.feedback.submit(input);
  }

  noticeUrl(locale: string): string {
    return `${this.publicBaseUrl}/privacy?lang=${encodeURIComponent(locale)}`;
  }
}

/**
 * Runs outside the transcript logger: after the erasing turn, its own messages, the state saved
 * at the end of the turn and the conversation row written at its start are erased too.
 */
export class ErasureMiddleware implements Middleware {
  private readonly pending = new Map<NodeJS.Timeout, () => Promise<void>>();

  constructor(
    private readonly personalData: PersonalDataService,
    private readonly transcripts: TranscriptStore,
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await next();
    const erased = context.turnState.get(ERASED) as ErasedTurn | undefined;
    if (!erased) return;
    const { subject, current } = erased;
    await this.core(subject);
    // The confirmation is on its way through the current conversation's channel; a moment later
    // the features erase that conversation too, and the core once more.
    const finish = async () => {
      const { failed } = await this.personalData.eraseFeatures({ ...subject, conversationIds: [current] });
      if (failed.length > 0) this.logger.error({ failed }, 'privacy: erasure of the requesting conversation failed');
      await this.core(subject);
    };
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      void finish().catch(() => undefined);
    }, CHANNEL_ERASURE_DELAY_MS);
    timer.unref();
    this.pending.set(timer, finish);
  }

  /** On shutdown: nothing waits for a timer that will never fire. */
  async close(): Promise<void> {
    const jobs = [...this.pending.entries()];
    this.pending.clear();
    for (const [timer, finish] of jobs) {
      clearTimeout(timer);
      await finish().catch(() => undefined);
    }
  }

  private async core(subject: DataSubject): Promise<void> {
    try {
      await this.transcripts.flush();
      await this.personalData.eraseCore(subject);
      for (const id of subject.conversationIds) this.conversations.invalidate(subject.channelId, id);
    } catch (err) {
      this.logger.error({ err }, 'privacy: post-turn erasure failed');
    }
  }
}
