/** Feedback rows: stored on receipt, then marked as emailed (or their attempts counted) by the delivery job. */
import type { PrismaClient } from '../db/database.js';

export interface StoredFeedback {
  id: string;
  createdAt: Date;
  topic: string;
  message: string;
  contact: string | null;
  locale: string | null;
  page: string | null;
  emailedAt: Date | null;
  attempts: number;
  channelId: string | null;
  conversationId: string | null;
  channelUserId: string | null;
}

export type NewFeedback = Pick<StoredFeedback, 'topic' | 'message' | 'contact' | 'locale' | 'page' | 'createdAt' | 'channelId' | 'conversationId' | 'channelUserId'>;

/** Whose feedback: the chat user's conversations on one channel, and their channel user id. */
export interface FeedbackOwner {
  channelId: string;
  conversationIds: readonly string[];
  channelUserId?: string;
}

export class FeedbackRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(feedback: NewFeedback): Promise<{ id: string }> {
    return this.prisma.feedback.create({ data: feedback, select: { id: true } });
  }

  /** Newest first. */
  async list(take: number): Promise<StoredFeedback[]> {
    return this.prisma.feedback.findMany({ orderBy: { createdAt: 'desc' }, take });
  }

  /** Not yet emailed and tried fewer than `maxAttempts` times, oldest first. */
  async undelivered(maxAttempts: number, take: number): Promise<StoredFeedback[]> {
    return this.prisma.feedback.findMany({
      where: { emailedAt: null, attempts: { lt: maxAttempts } },
      orderBy: { createdAt: 'asc' },
      take,
    });
  }

  async markEmailed(id: string, at: Date): Promise<void> {
    await this.prisma.feedback.update({ where: { id }, data: { emailedAt: at, attempts: { increment: 1 } } });
  }

  /** Feedback the owner gave in a chat, oldest first (the web form's rows carry no owner). */
  async findByOwner(owner: FeedbackOwner): Promise<Array<Pick<StoredFeedback, 'createdAt' | 'topic' | 'message' | 'contact' | 'locale' | 'emailedAt'>>> {
    return this.prisma.feedback.findMany({
      where: this.ownerWhere(owner),
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, topic: true, message: true, contact: true, locale: true, emailedAt: true },
    });
  }

  async deleteByOwner(owner: FeedbackOwner): Promise<number> {
    const { count } = await this.prisma.feedback.deleteMany({ where: this.ownerWhere(owner) });
    return count;
  }

  private ownerWhere(owner: FeedbackOwner) {
    const or: Array<{ conversationId: { in: string[] } } | { channelUserId: string }> = [{ conversationId: { in: [...owner.conversationIds] } }];
    if (owner.channelUserId) or.push({ channelUserId: owner.channelUserId });
    return { channelId: owner.channelId, OR: or };
  }

  async countFailedAttempt(id: string): Promise<void> {
    await this.prisma.feedback.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }
}
