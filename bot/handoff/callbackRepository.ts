/** Call-back requests as stored rows. */
import type { PrismaClient } from '../db/database.js';
import type { CallbackRequest } from '../../generated/prisma/client.js';

export type CallbackRow = CallbackRequest;

export interface NewCallback {
  userId?: string;
  channelId: string;
  conversationId: string;
  name: string;
  phone: string;
  preferredTime: string;
  locale: string;
  municipality?: string;
  area?: string;
  createdAt: Date;
}

export class CallbackRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: NewCallback): Promise<CallbackRow> {
    return this.prisma.callbackRequest.create({ data: input });
  }

  /** Requests of an area (and those without one), open ones first, newest first within each. */
  async list(query: { area?: string; status?: 'open' | 'done'; take?: number }): Promise<CallbackRow[]> {
    return this.prisma.callbackRequest.findMany({
      where: { ...(query.status ? { status: query.status } : {}), ...(query.area ? { OR: [{ area: query.area }, { area: null }] } : {}) },
      orderBy: [{ status: 'desc' }, { createdAt: 'desc' }],
      take: query.take ?? 200,
    });
  }

  async find(id: string): Promise<CallbackRow | null> {
    return this.prisma.callbackRequest.findUnique({ where: { id } });
  }

  async markDone(id: string, coachId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.callbackRequest.updateMany({ where: { id, status: 'open' }, data: { status: 'done', handledBy: coachId, handledAt: at } });
    return count === 1;
  }

  async forSubject(channelId: string, conversationIds: readonly string[], userId: string): Promise<CallbackRow[]> {
    return this.prisma.callbackRequest.findMany({ where: { OR: [{ userId }, { channelId, conversationId: { in: [...conversationIds] } }] }, orderBy: { createdAt: 'asc' } });
  }

  async eraseSubject(channelId: string, conversationIds: readonly string[], userId: string): Promise<number> {
    const { count } = await this.prisma.callbackRequest.deleteMany({ where: { OR: [{ userId }, { channelId, conversationId: { in: [...conversationIds] } }] } });
    return count;
  }

  /** Deletes requests made before `cutoff`, handled or not. */
  async purgeBefore(cutoff: Date): Promise<number> {
    const { count } = await this.prisma.callbackRequest.deleteMany({ where: { createdAt: { lt: cutoff } } });
    return count;
  }
}
