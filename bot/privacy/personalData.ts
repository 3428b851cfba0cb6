/**
 * "Show my data" and "delete my data" across the whole app: the core tables (user, conversations,
 * transcript, bot state, export links) here, and every feature's own tables through its
 * PersonalDataProvider.
 */
import type { Clock } from '../kernel/clock.js';
import type { PrismaClient } from '../db/database.js';
import type { DataSubject, PersonalDataProvider } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { AuditLog } from './audit.js';

/** Who is asking, as the channel identifies them on this turn. */
export interface SubjectRef {
  channelId: string;
  /** The channel's user id (activity.from.id); may be missing on odd channels. */
  channelUserId?: string;
  conversationId: string;
}

export interface CoreExport {
  profile: unknown;
  conversations: unknown[];
  transcript: unknown[];
  botState: unknown[];
}

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
    private readonly prisma: PrismaClient,
    private readonly providers: readonly PersonalDataProvider[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: AuditLog,
  ) {}

  /** The user row and all their conversations, plus the current one even without a user row. */
  async subject(ref: SubjectRef): Promise<DataSubject> {
    const user = ref.channelUserId
      ? await this.prisma.user.findUnique({ where: { channelId_channelUserId: { channelId: ref.channelId, channelUserId: ref.channelUserId } }, select: { id: true } })
      : null;
    const rows = await this.prisma.conversation.findMany({
      where: { channelId: ref.channelId, OR: [...(user ? [{ userId: user.id }] : []), { conversationId: ref.conversationId }] },
      select: { conversationId: true },
    });
    const conversationIds = [...new Set([ref.conversationId, ...rows.map((r) => r.conversationId)])];
    return { userId: user?.id ?? '', channelId: ref.channelId, channelUserId: ref.channelUserId ?? '', conversationIds };
  }

  async exportCore(subject: DataSubject): Promise<CoreExport> {
    const { channelId, conversationIds } = subject;
    const profile = subject.userId ? await this.prisma.user.findUnique({ where: { id: subject.userId } }) : null;
    const conversations = await this.prisma.conversation.findMany({
      where: { channelId, conversationId: { in: conversationIds } },
      select: { conversationId: true, channelId: true, locale: true, startedAt: true, lastActivityAt: true },
      orderBy: { startedAt: 'asc' },
    });
    const transcript = await this.prisma.transcriptMessage.findMany({
      where: { channelId, conversationId: { in: conversationIds } },
      select: { conversationId: true, direction: true, type: true, text: true, value: true, locale: true, timestamp: true },
      orderBy: { seq: 'asc' },
    });
    const botState = await this.prisma.botState.findMany({ where: { key: { in: this.stateKeys(subject) } }, select: { key: true, data: true, updatedAt: true } });
    return { profile, conversations, transcript, botState };
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
    const { channelId, channelUserId, conversationIds } = subject;
    return this.prisma.$transaction(async (tx) => {
      const transcript = await tx.transcriptMessage.deleteMany({ where: { channelId, conversationId: { in: conversationIds } } });
      const states = await tx.botState.deleteMany({ where: { key: { in: this.stateKeys(subject) } } });
      const links = await tx.dataExportToken.deleteMany({
        where: { OR: [...(channelUserId ? [{ channelId, channelUserId }] : []), { channelId, conversationId: { in: conversationIds } }] },
      });
      const conversations = await tx.conversation.deleteMany({
        where: { OR: [{ channelId, conversationId: { in: conversationIds } }, ...(subject.userId ? [{ userId: subject.userId }] : [])] },
      });
      const profile = channelUserId ? await tx.user.deleteMany({ where: { channelId, channelUserId } }) : { count: 0 };
      return {
        transcriptMessages: transcript.count,
        conversations: conversations.count,
        botStates: states.count,
        exportLinks: links.count,
        profile: profile.count,
      };
    });
  }

  private stateKeys(subject: DataSubject): string[] {
    const keys = subject.conversationIds.map((id) => conversationStateKey(subject.channelId, id));
    if (subject.channelUserId) keys.push(userStateKey(subject.channelId, subject.channelUserId));
    return keys;
  }
}
