/** Users and conversations as real rows, so later features can report on them and erase them. */
import type { ConversationReference } from 'botbuilder';
import type { Prisma, PrismaClient } from '../db/database.js';
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

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** Records the conversation (and its user) on a turn. Cheap when called on every turn. */
  async touch(input: TouchInput): Promise<void> {
    const cacheKey = `${input.channelId}\u0000${input.conversationId}`;
    const now = this.clock.now();
    const last = this.touched.get(cacheKey);
    if (last !== undefined && now.getTime() - last < TOUCH_INTERVAL_MS) return;
    let userId: string | undefined;
    if (input.channelUserId) {
      const user = await this.prisma.user.upsert({
        where: { channelId_channelUserId: { channelId: input.channelId, channelUserId: input.channelUserId } },
        create: { channelId: input.channelId, channelUserId: input.channelUserId, lastSeenAt: now },
        update: { lastSeenAt: now },
        select: { id: true },
      });
      userId = user.id;
    }
    const reference = JSON.parse(JSON.stringify(input.reference)) as Prisma.InputJsonValue;
    await this.prisma.conversation.upsert({
      where: { channelId_conversationId: { channelId: input.channelId, conversationId: input.conversationId } },
      create: { channelId: input.channelId, conversationId: input.conversationId, userId, locale: input.locale, reference, startedAt: now, lastActivityAt: now },
      update: { lastActivityAt: now, userId, reference, ...(input.locale ? { locale: input.locale } : {}) },
    });
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

  /** The stored transcript of a conversation, oldest first. */
  async transcript(channelId: string, conversationId: string, afterSeq = 0, take = 500) {
    return this.prisma.transcriptMessage.findMany({
      where: { channelId, conversationId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take,
    });
  }
}
