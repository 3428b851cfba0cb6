/** Staff console sign-in rows: sessions, one-time sign-in links and OpenID Connect sign-ins in progress. */
import type { PrismaClient } from '../db/database.js';
import type { StaffSession } from '../../generated/prisma/client.js';

/** The stored StaffSession row. */
export type StaffSessionRow = StaffSession;

export interface NewStaffSession {
  tokenHash: string;
  email: string;
  coachId: string | null;
  admin: boolean;
  method: 'oidc' | 'link';
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

export class StaffAuthRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async createSession(s: NewStaffSession): Promise<void> {
    await this.prisma.staffSession.create({ data: s });
  }

  async findSession(tokenHash: string): Promise<StaffSessionRow | null> {
    return this.prisma.staffSession.findUnique({ where: { tokenHash } });
  }

  async touchSession(tokenHash: string, at: Date): Promise<void> {
    await this.prisma.staffSession.updateMany({ where: { tokenHash }, data: { lastSeenAt: at } });
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.prisma.staffSession.deleteMany({ where: { tokenHash } });
  }

  /** Ends every session of a coach (deactivated or deleted coaches lose console access at once). */
  async deleteSessionsOfCoach(coachId: string): Promise<number> {
    const { count } = await this.prisma.staffSession.deleteMany({ where: { coachId } });
    return count;
  }

  async createLink(link: { tokenHash: string; email: string; admin: boolean; expiresAt: Date }): Promise<void> {
    await this.prisma.staffSignInLink.create({ data: link });
  }

  /** The link if it is unused and unexpired at `now`. */
  async findUsableLink(tokenHash: string, now: Date): Promise<{ email: string; admin: boolean } | null> {
    return this.prisma.staffSignInLink.findFirst({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, select: { email: true, admin: true } });
  }

  /** Marks the link used; false when someone used it first (only one sign-in per link). */
  async useLink(tokenHash: string, now: Date): Promise<{ email: string; admin: boolean } | null> {
    const { count } = await this.prisma.staffSignInLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) return null;
    return this.prisma.staffSignInLink.findUnique({ where: { tokenHash }, select: { email: true, admin: true } });
  }

  async saveLoginState(state: { stateHash: string; codeVerifier: string; nonce: string; expiresAt: Date }): Promise<void> {
    await this.prisma.staffLoginState.create({ data: state });
  }

  /** Takes (reads and deletes) a sign-in in progress, so a callback can be used once only. */
  async takeLoginState(stateHash: string, now: Date): Promise<{ codeVerifier: string; nonce: string } | null> {
    const row = await this.prisma.staffLoginState.findUnique({ where: { stateHash } });
    if (!row) return null;
    const { count } = await this.prisma.staffLoginState.deleteMany({ where: { stateHash } });
    if (count !== 1 || row.expiresAt.getTime() <= now.getTime()) return null;
    return { codeVerifier: row.codeVerifier, nonce: row.nonce };
  }

  /** Deletes expired sessions, links and sign-ins in progress. */
  async purgeExpired(now: Date, idleBefore: Date): Promise<number> {
    const [a, b, c] = await Promise.all([
      this.prisma.staffSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleBefore } }] } }),
      this.prisma.staffSignInLink.deleteMany({ where: { expiresAt: { lte: now } } }),
      this.prisma.staffLoginState.deleteMany({ where: { expiresAt: { lte: now } } }),
    ]);
    return a.count + b.count + c.count;
  }
}
