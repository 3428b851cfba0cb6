/** Handoffs and their relayed messages as stored rows. */
import type { Prisma, PrismaClient } from '../db/database.js';
import type { Handoff, HandoffMessage } from '../../generated/prisma/client.js';

export type HandoffRow = Handoff;
export type HandoffMessageRow = HandoffMessage;

/** unstaffed: asked for when no coach of the area was available, so never queued (kept for the report). */
export type HandoffStatus = 'queued' | 'active' | 'ended' | 'abandoned' | 'timed_out' | 'unstaffed';
export type HandoffSender = 'jobseeker' | 'coach';

export interface NewHandoff {
  channelId: string;
  conversationId: string;
  userId?: string;
  locale: string;
  municipality?: string;
  area?: string;
  reason: 'asked' | 'fallback';
  conversationRef: unknown;
  requestedAt: Date;
  /** Queued unless given. */
  status?: HandoffStatus;
  endedAt?: Date;
}

export interface NewHandoffMessage {
  handoffId: string;
  sender: HandoffSender;
  text: string;
  language: string;
  translation?: string;
  translationLanguage?: string;
  createdAt: Date;
}

export class HandoffRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: NewHandoff): Promise<HandoffRow> {
    return this.prisma.handoff.create({ data: { ...input, conversationRef: input.conversationRef as Prisma.InputJsonValue } });
  }

  async find(id: string): Promise<HandoffRow | null> {
    return this.prisma.handoff.findUnique({ where: { id } });
  }

  /** The conversation's handoff still queued or live, newest first. */
  async openFor(channelId: string, conversationId: string): Promise<HandoffRow | null> {
    return this.prisma.handoff.findFirst({ where: { channelId, conversationId, status: { in: ['queued', 'active'] } }, orderBy: { requestedAt: 'desc' } });
  }

  /** Queued handoffs, oldest first; of one area (or without one) when `area` is given. */
  async queued(area?: string | null): Promise<HandoffRow[]> {
    return this.prisma.handoff.findMany({
      where: { status: 'queued', ...(area === undefined ? {} : { OR: [{ area }, { area: null }] }) },
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
  }

  /** How many of the same area were queued at or before this one (its place, from 1). */
  async placeOf(handoff: Pick<HandoffRow, 'id' | 'area' | 'requestedAt'>): Promise<number> {
    const ahead = await this.prisma.handoff.count({
      where: { status: 'queued', area: handoff.area, id: { not: handoff.id }, requestedAt: { lte: handoff.requestedAt } },
    });
    return ahead + 1;
  }

  async activeFor(coachId: string): Promise<HandoffRow[]> {
    return this.prisma.handoff.findMany({ where: { coachId, status: 'active' }, orderBy: { acceptedAt: 'asc' } });
  }

  /** Accepts a queued handoff; false when someone else took it or it left the queue first. */
  async accept(id: string, coachId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.handoff.updateMany({ where: { id, status: 'queued' }, data: { status: 'active', coachId, acceptedAt: at } });
    return count === 1;
  }

  /** Ends a queued or live handoff; false when it had already ended. */
  async end(id: string, status: Exclude<HandoffStatus, 'queued' | 'active'>, endedBy: string, at: Date, onlyIf?: HandoffStatus): Promise<boolean> {
    const { count } = await this.prisma.handoff.updateMany({
      where: { id, status: onlyIf ? onlyIf : { in: ['queued', 'active'] } },
      data: { status, endedBy, endedAt: at },
    });
    return count === 1;
  }

  async markFirstCoachReply(id: string, at: Date): Promise<void> {
    await this.prisma.handoff.updateMany({ where: { id, firstCoachReplyAt: null }, data: { firstCoachReplyAt: at } });
  }

  async setTyping(id: string, who: HandoffSender, at: Date): Promise<void> {
    await this.prisma.handoff.update({ where: { id }, data: who === 'coach' ? { coachTypingAt: at } : { userTypingAt: at } });
  }

  async setQueueNotice(id: string, at: Date): Promise<void> {
    await this.prisma.handoff.update({ where: { id }, data: { lastQueueNoticeAt: at } });
  }

  async addMessage(input: NewHandoffMessage): Promise<HandoffMessageRow> {
    return this.prisma.handoffMessage.create({ data: input });
  }

  async messages(handoffId: string, afterSeq = 0, take = 200): Promise<HandoffMessageRow[]> {
    return this.prisma.handoffMessage.findMany({ where: { handoffId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take });
  }

  /** Replaces the texts of an ended chat with their redacted versions. */
  async rewriteTexts(rows: Array<{ seq: number; text: string; translation: string | null }>): Promise<void> {
    if (rows.length === 0) return;
    await this.prisma.$transaction(rows.map((r) => this.prisma.handoffMessage.update({ where: { seq: r.seq }, data: { text: r.text, translation: r.translation } })));
  }

  /** Queued handoffs requested before `cutoff` (the queue timeout). */
  async queuedBefore(cutoff: Date): Promise<HandoffRow[]> {
    return this.prisma.handoff.findMany({ where: { status: 'queued', requestedAt: { lt: cutoff } }, orderBy: { requestedAt: 'asc' }, take: 200 });
  }

  /** Queued handoffs last told their place before `cutoff`. */
  async queuedNoticeDue(cutoff: Date): Promise<HandoffRow[]> {
    return this.prisma.handoff.findMany({
      where: { status: 'queued', OR: [{ lastQueueNoticeAt: null, requestedAt: { lt: cutoff } }, { lastQueueNoticeAt: { lt: cutoff } }] },
      orderBy: { requestedAt: 'asc' },
      take: 200,
    });
  }

  /** Ended handoffs whose messages still hold text as written. */
  async endedWithRawText(): Promise<string[]> {
    const rows = await this.prisma.handoff.findMany({ where: { status: { in: ['ended', 'abandoned', 'timed_out'] }, messages: { some: {} }, endedAt: { not: null } }, select: { id: true }, take: 200 });
    return rows.map((r) => r.id);
  }

  async forSubject(channelId: string, conversationIds: readonly string[], userId: string): Promise<Array<HandoffRow & { messages: HandoffMessageRow[] }>> {
    return this.prisma.handoff.findMany({
      where: { OR: [{ userId }, { channelId, conversationId: { in: [...conversationIds] } }] },
      include: { messages: { orderBy: { seq: 'asc' } } },
      orderBy: { requestedAt: 'asc' },
    });
  }

  async eraseSubject(channelId: string, conversationIds: readonly string[], userId: string): Promise<number> {
    const { count } = await this.prisma.handoff.deleteMany({ where: { OR: [{ userId }, { channelId, conversationId: { in: [...conversationIds] } }] } });
    return count;
  }

  /** Deletes handoffs that ended before `cutoff` (their messages go with them). */
  async purgeEndedBefore(cutoff: Date): Promise<number> {
    const { count } = await this.prisma.handoff.deleteMany({ where: { status: { notIn: ['queued', 'active'] }, endedAt: { lt: cutoff } } });
    return count;
  }
}
