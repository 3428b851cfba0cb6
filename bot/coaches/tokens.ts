/**
 * Coach credentials: "api" bearer tokens for the coach REST API and "feed" tokens for the personal
 * calendar URL. Only a hash is stored; the plain token is returned once, when issued. A token of
 * a deactivated coach, or a revoked one, no longer works.
 */
import type { Clock } from '../kernel/clock.js';
import type { PrismaClient } from '../db/database.js';
import type { Coach } from '../../generated/prisma/client.js';
import { hashToken, newToken, safeEqual } from '../security/tokens.js';
import { NotFoundError } from './errors.js';

export const TOKEN_KINDS = ['api', 'feed'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface TokenInfo {
  id: string;
  coachId: string;
  kind: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{20,200}$/;
/** lastUsedAt is written at most this often per token. */
const TOUCH_MS = 60_000;

export class CoachTokenRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  async issue(coachId: string, kind: TokenKind, label?: string): Promise<{ id: string; token: string }> {
    const coach = await this.prisma.coach.findUnique({ where: { id: coachId }, select: { id: true } });
    if (!coach) throw new NotFoundError('coach');
    const token = newToken(32);
    const row = await this.prisma.coachToken.create({
      data: { coachId, kind, tokenHash: hashToken(token), label: label?.slice(0, 100) ?? null, createdAt: this.clock.now() },
    });
    return { id: row.id, token };
  }

  /** The active coach a presented token belongs to, or null. */
  async authenticate(token: string, kind: TokenKind): Promise<Coach | null> {
    if (!TOKEN_RE.test(token)) return null;
    const hash = hashToken(token);
    const row = await this.prisma.coachToken.findUnique({ where: { tokenHash: hash }, include: { coach: true } });
    // The lookup is by hash; the compare is constant-time all the same.
    if (!row || !safeEqual(row.tokenHash, hash) || row.kind !== kind || row.revokedAt || !row.coach.active) return null;
    const now = this.clock.now();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) {
      await this.prisma.coachToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
    }
    return row.coach;
  }

  async revoke(tokenId: string): Promise<TokenInfo> {
    const row = await this.prisma.coachToken.findUnique({ where: { id: tokenId } });
    if (!row) throw new NotFoundError('token');
    if (row.revokedAt) return strip(row);
    return strip(await this.prisma.coachToken.update({ where: { id: tokenId }, data: { revokedAt: this.clock.now() } }));
  }

  async list(coachId: string): Promise<TokenInfo[]> {
    const rows = await this.prisma.coachToken.findMany({ where: { coachId }, orderBy: { createdAt: 'asc' } });
    return rows.map(strip);
  }
}

function strip(row: TokenInfo & { tokenHash?: string }): TokenInfo {
  return { id: row.id, coachId: row.coachId, kind: row.kind, label: row.label, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}
