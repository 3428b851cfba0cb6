/** CoachToken rows: a coach's credentials, stored by hash only. */
import type { PrismaClient } from '../db/database.js';
import type { CoachRow } from '../booking/coachRepository.js';

export interface TokenInfo {
  id: string;
  coachId: string;
  kind: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface StoredToken extends TokenInfo {
  tokenHash: string;
}

const infoFields = { id: true, coachId: true, kind: true, label: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export class CoachTokenRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(token: { coachId: string; kind: string; tokenHash: string; label: string | null; createdAt: Date }): Promise<{ id: string }> {
    return this.prisma.coachToken.create({ data: token, select: { id: true } });
  }

  /** The token with that hash and the coach it belongs to. */
  async findByHash(tokenHash: string): Promise<(StoredToken & { coach: CoachRow }) | null> {
    return this.prisma.coachToken.findUnique({ where: { tokenHash }, include: { coach: true } });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.prisma.coachToken.update({ where: { id }, data: { lastUsedAt: at } });
  }

  async find(id: string): Promise<TokenInfo | null> {
    return this.prisma.coachToken.findUnique({ where: { id }, select: infoFields });
  }

  async revoke(id: string, at: Date): Promise<TokenInfo> {
    return this.prisma.coachToken.update({ where: { id }, data: { revokedAt: at }, select: infoFields });
  }

  /** Oldest first. */
  async list(coachId: string): Promise<TokenInfo[]> {
    return this.prisma.coachToken.findMany({ where: { coachId }, orderBy: { createdAt: 'asc' }, select: infoFields });
  }
}
