/**
 * Short-lived download links for "show my data". Only the token's hash is stored; the export is
 * built when the link is opened, so it is always current and never sits on disk.
 */
import type { Clock } from '../kernel/clock.js';
import { hashToken, newToken } from '../security/tokens.js';
import type { ExportLinkRepository } from './exportLinkRepository.js';
import type { SubjectRef } from './personalData.js';

export interface ExportLink {
  token: string;
  expiresAt: Date;
}

export type LinkLookup = { status: 'valid'; ref: Required<SubjectRef> } | { status: 'expired' } | { status: 'unknown' };

const TOKEN_RE = /^[A-Za-z0-9_-]{32,128}$/;

export class ExportLinks {
  constructor(
    private readonly links: ExportLinkRepository,
    private readonly clock: Clock,
    private readonly minutes: number,
  ) {}

  async create(ref: SubjectRef): Promise<ExportLink> {
    const token = newToken(32);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.minutes * 60_000);
    await this.links.create(hashToken(token), { channelId: ref.channelId, channelUserId: ref.channelUserId ?? '', conversationId: ref.conversationId, expiresAt }, now);
    return { token, expiresAt };
  }

  async lookup(token: string): Promise<LinkLookup> {
    if (!TOKEN_RE.test(token)) return { status: 'unknown' };
    // Looked up by hash: the primary key is the hash, so this is an exact, indexed match.
    const row = await this.links.findByHash(hashToken(token));
    if (!row) return { status: 'unknown' };
    if (row.expiresAt.getTime() <= this.clock.now().getTime()) return { status: 'expired' };
    return { status: 'valid', ref: { channelId: row.channelId, channelUserId: row.channelUserId, conversationId: row.conversationId } };
  }

  async purgeExpired(): Promise<number> {
    return this.links.deleteExpired(this.clock.now());
  }
}
