/**
 * Coach credentials: "api" bearer tokens for the coach REST API and "feed" tokens for the personal
 * calendar URL. Only a hash is stored; the plain token is returned once, when issued. A token of
 * a deactivated coach, or a revoked one, no longer works.
 */
import type { Clock } from '../kernel/clock.js';
import type { CoachRepository, CoachRow } from '../booking/coachRepository.js';
import { hashToken, newToken, safeEqual } from '../security/tokens.js';
import type { CoachTokenRepository, TokenInfo } from './coachTokenRepository.js';
import { NotFoundError } from './errors.js';

export const TOKEN_KINDS = ['api', 'feed'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

const TOKEN_RE = /^[A-Za-z0-9_-]{20,200}$/;
/** lastUsedAt is written at most this often per token. */
const TOUCH_MS = 60_000;

export class CoachTokenService {
  constructor(
    private readonly tokens: CoachTokenRepository,
    private readonly coaches: CoachRepository,
    private readonly clock: Clock,
  ) {}

  async issue(coachId: string, kind: TokenKind, label?: string): Promise<{ id: string; token: string }> {
    if (!(await this.coaches.find(coachId))) throw new NotFoundError('coach');
    const token = newToken(32);
    const row = await this.tokens.create({ coachId, kind, tokenHash: hashToken(token), label: label?.slice(0, 100) ?? null, createdAt: this.clock.now() });
    return { id: row.id, token };
  }

  /** The active coach a presented token belongs to, or null. */
  async authenticate(token: string, kind: TokenKind): Promise<CoachRow | null> {
    if (!TOKEN_RE.test(token)) return null;
    const hash = hashToken(token);
    const row = await this.tokens.findByHash(hash);
    // The lookup is by hash; the compare is constant-time all the same.
    if (!row || !safeEqual(row.tokenHash, hash) || row.kind !== kind || row.revokedAt || !row.coach.active) return null;
    const now = this.clock.now();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) {
      await this.tokens.touch(row.id, now).catch(() => undefined);
    }
    return row.coach;
  }

  async revoke(tokenId: string): Promise<TokenInfo> {
    const row = await this.tokens.find(tokenId);
    if (!row) throw new NotFoundError('token');
    if (row.revokedAt) return row;
    return this.tokens.revoke(tokenId, this.clock.now());
  }

  async list(coachId: string): Promise<TokenInfo[]> {
    return this.tokens.list(coachId);
  }
}
