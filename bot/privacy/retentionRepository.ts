/**
 * The rows the privacy retention job deletes by age that no feature owns: transcript messages,
 * idle conversations with their state, old feedback and inactive users. Export links and audit
 * entries go through their own services; each feature ages out its own rows (booking anonymises
 * past appointments, the web widget purges expired tokens).
 */
import type { PrismaClient } from '../db/database.js';

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

  /**
   * Clears the dialog stack and the language-offer memory of conversations whose state has not
   * changed since `before`: what an unfinished dialog holds (contact details typed for a booking,
   * a message waiting on a language offer) does not wait for the conversation's retention.
   * The rest of the state (the welcome flag) stays; the next message starts at the main menu.
   */
  async clearAbandonedDialogs(before: Date, now: Date): Promise<number> {
    return this.prisma.$executeRawUnsafe(
      `UPDATE "BotState" SET "data" = ("data" - 'dialogState') - 'languageSwitch', "etag" = md5(random()::text || clock_timestamp()::text), "updatedAt" = $2::timestamp(3)
       WHERE "key" LIKE '%/conversations/%' AND "updatedAt" < $1::timestamp(3) AND (("data" -> 'dialogState') IS NOT NULL OR ("data" -> 'languageSwitch') IS NOT NULL)`,
      before,
      now,
    );
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

}
