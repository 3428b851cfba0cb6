/** DataExportToken rows: one per "show my data" download link, keyed by the token's hash. */
import type { PrismaClient } from '../db/database.js';

export interface StoredExportLink {
  channelId: string;
  channelUserId: string;
  conversationId: string;
  expiresAt: Date;
}

export class ExportLinkRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(hash: string, link: StoredExportLink, createdAt: Date): Promise<void> {
    await this.prisma.dataExportToken.create({ data: { hash, ...link, createdAt } });
  }

  /** The primary key is the hash, so this is an exact, indexed match. */
  async findByHash(hash: string): Promise<StoredExportLink | null> {
    return this.prisma.dataExportToken.findUnique({
      where: { hash },
      select: { channelId: true, channelUserId: true, conversationId: true, expiresAt: true },
    });
  }

  /** Deletes links that expired at or before `now`; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const { count } = await this.prisma.dataExportToken.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
