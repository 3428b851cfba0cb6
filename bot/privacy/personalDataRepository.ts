/**
 * The core rows of a data subject: their User row, conversations, transcript, bot state and export
 * links. Every feature's own tables are its PersonalDataProvider's.
 */
import type { PrismaClient } from '../db/database.js';
import type { DataSubject } from '../kernel/contracts.js';

export interface CoreRows {
  profile: unknown;
  conversations: unknown[];
  transcript: unknown[];
  botState: unknown[];
}

export interface CoreErasure {
  transcriptMessages: number;
  conversations: number;
  botStates: number;
  exportLinks: number;
  profile: number;
}

export class PersonalDataRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findUserId(channelId: string, channelUserId: string): Promise<string | undefined> {
    const user = await this.prisma.user.findUnique({ where: { channelId_channelUserId: { channelId, channelUserId } }, select: { id: true } });
    return user?.id;
  }

  /** The channel's conversations of the user (when known) and the one given. */
  async conversationIds(channelId: string, of: { userId?: string; conversationId: string }): Promise<string[]> {
    const rows = await this.prisma.conversation.findMany({
      where: { channelId, OR: [...(of.userId ? [{ userId: of.userId }] : []), { conversationId: of.conversationId }] },
      select: { conversationId: true },
    });
    return rows.map((r) => r.conversationId);
  }

  /** `stateKeys` are the subject's botbuilder storage keys. */
  async export(subject: DataSubject, stateKeys: string[]): Promise<CoreRows> {
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
      // When it was said, not when a process flushed it (see ConversationRepository.transcript).
      orderBy: [{ timestamp: 'asc' }, { seq: 'asc' }],
    });
    const botState = await this.prisma.botState.findMany({ where: { key: { in: stateKeys } }, select: { key: true, data: true, updatedAt: true } });
    return { profile, conversations, transcript, botState };
  }

  /** Deletes the core rows in one transaction; safe to repeat. */
  async erase(subject: DataSubject, stateKeys: string[]): Promise<CoreErasure> {
    const { channelId, channelUserId, conversationIds } = subject;
    return this.prisma.$transaction(async (tx) => {
      const transcript = await tx.transcriptMessage.deleteMany({ where: { channelId, conversationId: { in: conversationIds } } });
      const states = await tx.botState.deleteMany({ where: { key: { in: stateKeys } } });
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
}
