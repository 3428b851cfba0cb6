/**
 * The database side of the self-hosted Direct Line channel: conversations, their activity lists
 * and their tokens. Nothing here lives only in process memory, so every process that shares the
 * database serves every conversation.
 *
 * The activity list is the delivery queue of pages that are polling; what a reloaded page shows
 * comes from the transcript (see transcriptMessages), so the stored history is one store.
 *
 * Watermarks are per-conversation sequence numbers. A writer bumps the conversation's lastSeq
 * under its row lock in the same transaction as the insert, so the numbers are gap-free and
 * become visible in order: a reader that has seen seq n has seen everything before it.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import type { Prisma, PrismaClient } from '../db/database.js';
import { hashToken, newToken } from '../security/tokens.js';

/** An activity as a Direct Line client receives it. */
export type DirectLineActivityJson = Record<string, unknown> & { id: string; type: string };

export interface StoredConversation {
  id: string;
  userId: string;
  locale: string | null;
  lastSeq: number;
  startedAt: Date | null;
}

export interface IssuedToken {
  token: string;
  conversationId: string;
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; conversationId: string; expiresAt: Date }
  | { ok: false; reason: 'unknown' | 'expired' };

/** A random id in the style of Direct Line's (URL-safe, unguessable). */
export function randomId(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

const TOKEN_CACHE_MS = 30_000;
const TOKEN_CACHE_MAX = 10_000;

export class DirectLineStore {
  /** Token hash → what it grants; kept briefly so polls don't look the token up every time. */
  private readonly tokenCache = new Map<string, { conversationId: string; expiresAt: number; cachedAt: number }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    readonly tokenTtlSeconds: number,
  ) {}

  /** Starts a conversation for a new page visit and issues its first token. */
  async createConversation(locale: string | undefined): Promise<IssuedToken & { userId: string }> {
    const id = randomId();
    // Not dl_: Web Chat reserves that prefix for ids embedded in Azure's JWT tokens.
    const userId = `web_${randomId(12)}`;
    const now = this.clock.now();
    await this.prisma.directLineConversation.create({ data: { id, userId, locale: locale ?? null, createdAt: now, lastActivityAt: now } });
    const issued = await this.issueToken(id);
    return { ...issued, userId };
  }

  async issueToken(conversationId: string): Promise<IssuedToken> {
    const token = newToken(32);
    const expiresAt = new Date(this.clock.now().getTime() + this.tokenTtlSeconds * 1000);
    await this.prisma.directLineToken.create({ data: { hash: hashToken(token), conversationId, expiresAt, createdAt: this.clock.now() } });
    return { token, conversationId, expiresAt };
  }

  /** What a presented token grants. Only the hash is looked up; the token itself is never stored. */
  async checkToken(token: string): Promise<TokenCheck> {
    const hash = hashToken(token);
    const nowMs = this.clock.now().getTime();
    let entry = this.tokenCache.get(hash);
    if (!entry || nowMs - entry.cachedAt > TOKEN_CACHE_MS || nowMs < entry.cachedAt) {
      const row = await this.prisma.directLineToken.findUnique({ where: { hash } });
      if (!row) {
        this.tokenCache.delete(hash);
        return { ok: false, reason: 'unknown' };
      }
      entry = { conversationId: row.conversationId, expiresAt: row.expiresAt.getTime(), cachedAt: nowMs };
      if (this.tokenCache.size >= TOKEN_CACHE_MAX) this.tokenCache.delete(this.tokenCache.keys().next().value as string);
      this.tokenCache.set(hash, entry);
    }
    if (entry.expiresAt <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, conversationId: entry.conversationId, expiresAt: new Date(entry.expiresAt) };
  }

  /** Forgets cached token lookups older than the cache period (idle conversations). */
  sweepCache(): void {
    const nowMs = this.clock.now().getTime();
    for (const [hash, entry] of this.tokenCache) {
      if (nowMs - entry.cachedAt > TOKEN_CACHE_MS || entry.expiresAt <= nowMs) this.tokenCache.delete(hash);
    }
  }

  get cachedTokens(): number {
    return this.tokenCache.size;
  }

  async findConversation(id: string): Promise<StoredConversation | null> {
    return this.prisma.directLineConversation.findUnique({
      where: { id },
      select: { id: true, userId: true, locale: true, lastSeq: true, startedAt: true },
    });
  }

  /** Marks the conversation started; true only for the one caller that did it (in any process). */
  async markStarted(id: string, locale: string | undefined): Promise<boolean> {
    const now = this.clock.now();
    const { count } = await this.prisma.directLineConversation.updateMany({
      where: { id, startedAt: null },
      data: { startedAt: now, lastActivityAt: now, ...(locale ? { locale } : {}) },
    });
    return count === 1;
  }

  /**
   * Appends activities to the conversation's list and returns their seqs. Returns null when the
   * conversation does not exist (it ended or was erased).
   */
  async append(conversationId: string, activities: DirectLineActivityJson[]): Promise<number[] | null> {
    if (activities.length === 0) return [];
    const now = this.clock.now();
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.directLineConversation.updateMany({
        where: { id: conversationId },
        data: { lastSeq: { increment: activities.length }, lastActivityAt: now },
      });
      if (updated.count === 0) return null;
      const row = await tx.directLineConversation.findUniqueOrThrow({ where: { id: conversationId }, select: { lastSeq: true } });
      const first = row.lastSeq - activities.length + 1;
      const seqs = activities.map((_, i) => first + i);
      await tx.directLineActivity.createMany({
        data: activities.map((activity, i) => ({
          conversationId,
          seq: seqs[i],
          activityId: activity.id,
          activity: activity as unknown as Prisma.InputJsonValue,
          createdAt: now,
        })),
      });
      return seqs;
    });
  }

  /** Activities after the watermark, oldest first. */
  async activitiesAfter(conversationId: string, afterSeq: number, take = 100): Promise<Array<{ seq: number; activity: DirectLineActivityJson }>> {
    const rows = await this.prisma.directLineActivity.findMany({
      where: { conversationId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take,
      select: { seq: true, activity: true },
    });
    return rows.map((r) => ({ seq: r.seq, activity: r.activity as unknown as DirectLineActivityJson }));
  }

  /**
   * The conversation's messages from the transcript (the one stored history, already redacted,
   * covered by retention and erasure), oldest first: what a reloaded page shows.
   */
  async transcriptMessages(channelId: string, conversationId: string, take: number) {
    return this.prisma.transcriptMessage.findMany({
      where: { channelId, conversationId, type: 'message' },
      orderBy: { seq: 'asc' },
      take,
      select: { seq: true, activityId: true, replyToId: true, type: true, text: true, attachments: true, value: true, suggestedActions: true, locale: true, fromId: true, fromRole: true, timestamp: true },
    });
  }

  /**
   * Drops delivered activities older than the cutoff. The list is only the delivery queue: live
   * pages read it within seconds, and a reload reads the history from the transcript.
   */
  async pruneDelivered(olderThan: Date): Promise<number> {
    const { count } = await this.prisma.directLineActivity.deleteMany({ where: { createdAt: { lt: olderThan } } });
    return count;
  }

  /** lastSeq of each listed conversation (one query for every waiting long-poll). */
  async lastSeqs(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.prisma.directLineConversation.findMany({ where: { id: { in: ids } }, select: { id: true, lastSeq: true } });
    return new Map(rows.map((r) => [r.id, r.lastSeq]));
  }

  // -------------------------------------------------------------------------------------------
  // Personal data: export and erasure per conversation, and retention.

  async exportConversations(ids: string[]) {
    if (ids.length === 0) return [];
    const conversations = await this.prisma.directLineConversation.findMany({
      where: { id: { in: ids } },
      select: { id: true, userId: true, locale: true, createdAt: true, lastActivityAt: true, activities: { orderBy: { seq: 'asc' }, select: { seq: true, activity: true, createdAt: true } } },
    });
    return conversations.map((c) => ({
      conversationId: c.id,
      userId: c.userId,
      locale: c.locale,
      createdAt: c.createdAt.toISOString(),
      lastActivityAt: c.lastActivityAt.toISOString(),
      activities: c.activities.map((a) => a.activity),
    }));
  }

  /** Deletes the conversations with their activity lists and tokens. */
  async eraseConversations(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await this.prisma.directLineConversation.deleteMany({ where: { id: { in: ids } } });
    for (const [hash, entry] of this.tokenCache) if (ids.includes(entry.conversationId)) this.tokenCache.delete(hash);
    return count;
  }

  /** Retention: conversations idle for longer than the period, and expired tokens. */
  async purge(olderThan: Date): Promise<{ conversations: number; tokens: number }> {
    const tokens = await this.prisma.directLineToken.deleteMany({ where: { expiresAt: { lt: this.clock.now() } } });
    const conversations = await this.prisma.directLineConversation.deleteMany({ where: { lastActivityAt: { lt: olderThan } } });
    return { conversations: conversations.count, tokens: tokens.count };
  }
}
