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
}

export type NewFeedback = Pick<StoredFeedback, 'topic' | 'message' | 'contact' | 'locale' | 'page' | 'createdAt'>;

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

  async countFailedAttempt(id: string): Promise<void> {
    await this.prisma.feedback.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }
}
