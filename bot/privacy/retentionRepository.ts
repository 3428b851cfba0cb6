/**
 * The rows the retention job deletes or anonymises by age that no other service owns: transcript
 * messages, idle conversations with their state, expired Direct Line tokens, old feedback, inactive
 * users and past appointments. Export links and audit entries go through their own services.
 */
import { Prisma, type PrismaClient } from '../db/database.js';

export interface IdleConversation {
  id: string;
  channelId: string;
  conversationId: string;
}

export class RetentionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async deleteTranscriptBefore(cutoff: Date): Promise<number> {
    const { count } = await this.prisma.transcriptMessage.deleteMany({ where: { timestamp: { lt: cutoff } } });
    return count;
  }

  async idleConversations(before: Date, take: number): Promise<IdleConversation[]> {
    return this.prisma.conversation.findMany({ where: { lastActivityAt: { lt: before } }, select: { id: true, channelId: true, conversationId: true }, take });
  }

  /** Deletes the conversations with their bot state (`stateKeys`) and transcript, in one transaction; returns how many conversations. */
  async deleteConversations(conversations: readonly IdleConversation[], stateKeys: string[]): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      await tx.botState.deleteMany({ where: { key: { in: stateKeys } } });
      // Later messages of a conversation idle since the cutoff cannot exist, but a clock skew could leave some.
      for (const c of conversations) await tx.transcriptMessage.deleteMany({ where: { channelId: c.channelId, conversationId: c.conversationId } });
      const { count } = await tx.conversation.deleteMany({ where: { id: { in: conversations.map((c) => c.id) } } });
      return count;
    });
  }

  async deleteExpiredDirectLineTokens(now: Date): Promise<number> {
    return (await this.prisma.directLineToken.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  }

  async deleteFeedbackBefore(before: Date): Promise<number> {
    return (await this.prisma.feedback.deleteMany({ where: { createdAt: { lt: before } } })).count;
  }

  async inactiveUsers(before: Date, take: number): Promise<Array<{ channelId: string; channelUserId: string }>> {
    return this.prisma.user.findMany({ where: { lastSeenAt: { lt: before } }, select: { channelId: true, channelUserId: true }, take });
  }

  /** Any one conversation of the user, to name them as a data subject. */
  async someConversationId(channelId: string, channelUserId: string): Promise<string | undefined> {
    const conversation = await this.prisma.conversation.findFirst({ where: { channelId, user: { channelUserId } }, select: { conversationId: true } });
    return conversation?.conversationId;
  }

  /**
   * Up to `take` appointments that ended before `before` and still name or reach the person: they
   * keep coach, time, mode, topic and status and lose the rest, and so do their notification
   * payloads, in one transaction. Returns how many.
   */
  async anonymisePastAppointments(before: Date, take: number): Promise<number> {
    const past = await this.prisma.appointment.findMany({
      where: { endsAt: { lt: before }, OR: [{ jobseekerName: { not: '' } }, { userId: { not: null } }, { contactPhone: { not: null } }, { contactEmail: { not: null } }, { note: { not: null } }] },
      select: { id: true },
      take,
    });
    if (past.length === 0) return 0;
    const ids = past.map((a) => a.id);
    await this.prisma.$transaction(async (tx) => {
      await tx.appointment.updateMany({
        where: { id: { in: ids } },
        data: {
          jobseekerName: '',
          userId: null,
          contactPhone: null,
          contactEmail: null,
          note: null,
          cancelReason: null,
          videoLink: null,
          channelId: null,
          conversationId: null,
          conversationRef: Prisma.DbNull,
          reminderDueAt: null,
        },
      });
      await tx.outboxMessage.updateMany({ where: { appointmentId: { in: ids } }, data: { payload: {} } });
    });
    return ids.length;
  }
}
