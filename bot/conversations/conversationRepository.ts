/** Users and conversations as real rows, so later features can report on them and erase them. */
import type { ConversationReference } from 'botbuilder';
import type { PrismaClient, SqlClient } from '../db/database.js';
import { newRowId } from '../db/ids.js';
import type { Clock } from '../kernel/clock.js';

export interface TouchInput {
  channelId: string;
  conversationId: string;
  channelUserId?: string;
  locale?: string;
  reference: Partial<ConversationReference>;
}

/** Refresh lastActivityAt at most this often per conversation, to keep turns cheap. */
const TOUCH_INTERVAL_MS = 60_000;
const MAX_CACHED = 10_000;

export class ConversationRepository {
  private readonly touched = new Map<string, number>();
  private readonly prisma: PrismaClient;
  private readonly sql: SqlClient;

  constructor(
    db: { prisma: PrismaClient; sql: SqlClient },
    private readonly clock: Clock,
  ) {
    this.prisma = db.prisma;
    this.sql = db.sql;
  }

  /** Records the conversation (and its user) on a turn. Cheap when called on every turn. */
  async touch(input: TouchInput): Promise<void> {
    const cacheKey = `${input.channelId}\u0000${input.conversationId}`;
    const now = this.clock.now();
    const last = this.touched.get(cacheKey);
    if (last !== undefined && now.getTime() - last < TOUCH_INTERVAL_MS) return;
    // The user and the conversation in one statement straight to the driver: this runs on the
    // first turn of every conversation, where two Prisma upserts cost more CPU than the turn's
    // own work. Same rows as Prisma's upserts would write; a missing user id or locale leaves the
    // stored one as it is.
    const at = now.toISOString();
    const reference = JSON.stringify(input.reference);
    const conversation = `INSERT INTO "Conversation" ("id", "channelId", "conversationId", "userId", "locale", "reference", "startedAt", "lastActivityAt")
      VALUES ($1, $2, $3, {USER}, $4, $5::jsonb, $6::timestamp(3), $6::timestamp(3))
      ON CONFLICT ("channelId", "conversationId") DO UPDATE SET
        "lastActivityAt" = EXCLUDED."lastActivityAt",
        "userId" = COALESCE(EXCLUDED."userId", "Conversation"."userId"),
        "reference" = EXCLUDED."reference",
        "locale" = COALESCE(NULLIF(EXCLUDED."locale", ''), "Conversation"."locale")`;
    const params = [newRowId(now), input.channelId, input.conversationId, input.locale ?? null, reference, at];
    if (input.channelUserId) {
      await this.sql.query(
        `WITH u AS (
          INSERT INTO "User" ("id", "channelId", "channelUserId", "createdAt", "lastSeenAt") VALUES ($7, $2, $8, $6::timestamp(3), $6::timestamp(3))
          ON CONFLICT ("channelId", "channelUserId") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"
          RETURNING "id"
        ) ${conversation.replace('{USER}', '(SELECT "id" FROM u)')}`,
        [...params, newRowId(now), input.channelUserId],
      );
    } else {
      await this.sql.query(conversation.replace('{USER}', 'NULL'), params);
    }
    if (this.touched.size >= MAX_CACHED) this.touched.delete(this.touched.keys().next().value as string);
    this.touched.set(cacheKey, now.getTime());
  }

  /** Forget the cache entry so the next turn writes through (after a locale change, for example). */
  invalidate(channelId: string, conversationId: string): void {
    this.touched.delete(`${channelId}\u0000${conversationId}`);
  }

  /** Stores the user's explicit language choice in their profile row. */
  async setPreferredLocale(channelId: string, channelUserId: string, locale: string): Promise<void> {
    const now = this.clock.now();
    await this.prisma.user.upsert({
      where: { channelId_channelUserId: { channelId, channelUserId } },
      create: { channelId, channelUserId, locale, localeChosenAt: now, lastSeenAt: now },
      update: { locale, localeChosenAt: now },
    });
  }

  async findUser(channelId: string, channelUserId: string) {
    return this.prisma.user.findUnique({ where: { channelId_channelUserId: { channelId, channelUserId } } });
  }

  async findConversation(channelId: string, conversationId: string) {
    return this.prisma.conversation.findUnique({ where: { channelId_conversationId: { channelId, conversationId } } });
  }

  /** Conversations with activity at or after `since`. */
  async countActiveSince(since: Date): Promise<number> {
    return this.prisma.conversation.count({ where: { lastActivityAt: { gte: since } } });
  }

  /**
   * The stored transcript of a conversation, oldest first. Ordered by when each activity was said,
   * not by seq: with several bot processes each flushes its own batches, so seq is the order rows
   * reached the database, and one process's late flush would otherwise move a message later.
   */
  async transcript(channelId: string, conversationId: string, take = 500) {
    return this.prisma.transcriptMessage.findMany({
      where: { channelId, conversationId },
      orderBy: [{ timestamp: 'asc' }, { seq: 'asc' }],
      take,
    });
  }
}
