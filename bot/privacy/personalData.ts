/**
 * "Show my data" and "delete my data" across the whole app: the core tables (user, conversations,
 * transcript, bot state, export links) here, and every feature's own tables through its
 * PersonalDataProvider.
 */
import type { Clock } from '../kernel/clock.js';
import type { DataSubject, PersonalDataProvider } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { AuditLog } from './audit.js';
import type { CoreRows, PersonalDataRepository } from './personalDataRepository.js';

/** Who is asking, as the channel identifies them on this turn. */
export interface SubjectRef {
  channelId: string;
  /** The channel's user id (activity.from.id); may be missing on odd channels. */
  channelUserId?: string;
  conversationId: string;
}

export type CoreExport = CoreRows;

export interface PersonalDataExport extends CoreExport {
  generatedAt: string;
  features: Record<string, unknown>;
}

export interface ErasureReport {
  transcriptMessages: number;
  conversations: number;
  botStates: number;
  exportLinks: number;
  profile: number;
  features: string[];
}

/** One or more features could not erase their part; the core data was kept so the user can retry. */
export class ErasureFailedError extends Error {
  constructor(readonly failedProviders: string[]) {
    super(`Erasure failed in: ${failedProviders.join(', ')}`);
    this.name = 'ErasureFailedError';
  }
}

/** Bot Framework's storage keys (ConversationState / UserState). */
export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}
export function userStateKey(channelId: string, channelUserId: string): string {
  return `${channelId}/users/${channelUserId}/`;
}

export class PersonalDataService {
  constructor(
    private readonly core: PersonalDataRepository,
    private readonly providers: readonly PersonalDataProvider[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: AuditLog,
  ) {}

  /** The user row and all their conversations, plus the current one even without a user row. */
  async subject(ref: SubjectRef): Promise<DataSubject> {
    const userId = ref.channelUserId ? await this.core.findUserId(ref.channelId, ref.channelUserId) : undefined;
    const found = await this.core.conversationIds(ref.channelId, { userId, conversationId: ref.conversationId });
    const conversationIds = [...new Set([ref.conversationId, ...found])];
    return { userId: userId ?? '', channelId: ref.channelId, channelUserId: ref.channelUserId ?? '', conversationIds };
  }

  async exportCore(subject: DataSubject): Promise<CoreExport> {
    return this.core.export(subject, this.stateKeys(subject));
  }

  /** The providers' names and summary labels, in the order they were wired in. */
  providerLabels(): ReadonlyMap<string, string | undefined> {
    return new Map(this.providers.map((p) => [p.name, p.labelKey]));
  }

  /** Everything stored about the subject, core and features, as plain JSON. */
  async export(subject: DataSubject): Promise<PersonalDataExport> {
    const core = await this.exportCore(subject);
    const features: Record<string, unknown> = {};
    for (const provider of this.providers) features[provider.name] = await provider.export(subject);
    return JSON.parse(JSON.stringify({ generatedAt: this.clock.now().toISOString(), ...core, features })) as PersonalDataExport;
  }

  /**
   * Erases everything: features first (booking cancels upcoming meetings and needs the user row
   * to find them), then the core rows. A failing feature stops before the core is touched.
   */
  async erase(subject: DataSubject, actor = 'user', options: { keepChannelOf?: string } = {}): Promise<ErasureReport> {
    // The conversation the request came from may still carry the confirmation to the user (the
    // widget's Direct Line rows); those providers erase it after the turn (eraseFeatures).
    const { done, failed } = await this.eraseFeatures(subject, options.keepChannelOf);
    if (failed.length > 0) {
      await this.audit.audit(actor, 'privacy.erase.failed', null, { failed: failed.join(',') });
      throw new ErasureFailedError(failed);
    }
    const counts = await this.eraseCore(subject);
    const report: ErasureReport = { ...counts, features: done };
    // No identifier of the person in the audit row: only that an erasure happened, and counts.
    await this.audit.audit(actor, 'privacy.erase', null, { ...counts, features: done.join(',') });
    return report;
  }

  /**
   * Every feature's erase; failures are logged and reported, the others still run. With
   * `keepChannelOf`, providers that deliver replies leave that conversation for later.
   */
  async eraseFeatures(subject: DataSubject, keepChannelOf?: string): Promise<{ done: string[]; failed: string[] }> {
    const failed: string[] = [];
    const done: string[] = [];
    const kept = keepChannelOf ? { ...subject, conversationIds: subject.conversationIds.filter((id) => id !== keepChannelOf) } : subject;
    for (const provider of this.providers) {
      try {
        await provider.erase(provider.deliversReplies ? kept : subject);
        done.push(provider.name);
      } catch (err) {
        failed.push(provider.name);
        this.logger.error({ provider: provider.name, err }, 'privacy: feature erasure failed');
      }
    }
    return { done, failed };
  }

  /** Deletes the core rows; safe to repeat (the end of the erasing turn runs it again). */
  async eraseCore(subject: DataSubject): Promise<Omit<ErasureReport, 'features'>> {
    return this.core.erase(subject, this.stateKeys(subject));
  }

  private stateKeys(subject: DataSubject): string[] {
    const keys = subject.conversationIds.map((id) => conversationStateKey(subject.channelId, id));
    if (subject.channelUserId) keys.push(userStateKey(subject.channelId, subject.channelUserId));
    return keys;
  }
}
