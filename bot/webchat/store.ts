/**
 * The database side of the self-hosted Direct Line channel: conversations, their activity lists
 * and their tokens. Nothing here lives only in process memory, so every process that shares the
 * database serves every conversation.
 *
 * The activity list is the delivery queue of pages that are polling; what a reloaded page shows
 * comes from the transcript (see transcriptMessages), so the stored history is one store.
 *
 * Watermarks are per-conversation sequence numbers. A writer bumps the conversation's lastSeq
 * under its row lock in the same transaction as the insert, so the numbers are gap-free and
 * become visible in order: a reader that has seen seq n has seen everything before it.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import { Prisma, type PrismaClient } from '../db/database.js';
import { hashToken, newToken } from '../security/tokens.js';

/** An activity as a Direct Line client receives it. */
export type DirectLineActivityJson = Record<string, unknown> & { id: string; type: string };

export interface StoredConversation {
  id: string;
  userId: string;
  locale: string | null;
  lastSeq: number;
  startedAt: Date | null;
}

export interface IssuedToken {
  token: string;
  conversationId: string;
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; conversationId: string; expiresAt: Date }
  | { ok: false; reason: 'unknown' | 'expired' };

export type AcceptResult = { status: 'stored'; seq: number } | { status: 'duplicate'; id: string } | null;

export interface InboxEntry {
  id: string;
  conversationId: string;
  activity: Record<string, unknown>;
  /** Claims so far, this one included. */
  attempts: number;
}

type Tx = Prisma.TransactionClient;

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inboxRow(conversationId: string, id: string, activity: Record<string, unknown>, clientActivityId: string | undefined, owner: string, leaseUntil: Date, now: Date) {
  return { id, conversationId, clientActivityId: clientActivityId ?? null, activity: activity as Prisma.InputJsonValue, claimedBy: owner, leaseUntil, attempts: 1, createdAt: now };
}

/** The list append inside a transaction: bumps lastSeq under the row lock, then inserts. */
async function appendIn(tx: Tx, conversationId: string, activities: DirectLineActivityJson[], now: Date): Promise<number[] | null> {
  const updated = await tx.directLineConversation.updateMany({
    where: { id: conversationId },
    data: { lastSeq: { increment: activities.length }, lastActivityAt: now },
  });
  if (updated.count === 0) return null;
  const row = await tx.directLineConversation.findUniqueOrThrow({ where: { id: conversationId }, select: { lastSeq: true } });
  const first = row.lastSeq - activities.length + 1;
  const seqs = activities.map((_, i) => first + i);
  await tx.directLineActivity.createMany({
    data: activities.map((activity, i) => ({
      conversationId,
      seq: seqs[i],
      activityId: activity.id,
      activity: activity as unknown as Prisma.InputJsonValue,
      createdAt: now,
    })),
  });
  return seqs;
}

/** A random id in the style of Direct Line's (URL-safe, unguessable). */
export function randomId(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

const TOKEN_CACHE_MS = 30_000;
const TOKEN_CACHE_MAX = 10_000;

/**
 * How long a token stays good after a refresh replaced it. Longer than the token cache period,
 * so every process has read the shortened expiry before it lapses; long enough for a page whose
 * refresh answer was lost, or a poll already in flight with the old token, to carry on.
 */
export const REFRESH_GRACE_MS = 60_000;
/**
 * Tokens a conversation may be issued per window (its first one included). Web Chat refreshes
 * every 15 minutes and the page once per reload, so this is only reached by a script.
 */
export const REFRESH_LIMIT = { tokens: 10, windowMs: 10 * 60 * 1000 };

export type RefreshResult = ({ ok: true } & IssuedToken) | { ok: false; retryAfterSeconds: number };

export class DirectLineStore {
  /** Token hash → what it grants; kept briefly so polls don't look the token up every time. */
  private readonly tokenCache = new Map<string, { conversationId: string; expiresAt: number; cachedAt: number }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    readonly tokenTtlSeconds: number,
  ) {}

  /** Starts a conversation for a new page visit and issues its first token. */
  async createConversation(locale: string | undefined): Promise<IssuedToken & { userId: string }> {
    const id = randomId();
    // Not dl_: Web Chat reserves that prefix for ids embedded in Azure's JWT tokens.
    const userId = `web_${randomId(12)}`;
    const now = this.clock.now();
    await this.prisma.directLineConversation.create({ data: { id, userId, locale: locale ?? null, createdAt: now, lastActivityAt: now } });
    const issued = await this.issueToken(id);
    return { ...issued, userId };
  }

  async issueToken(conversationId: string): Promise<IssuedToken> {
    const token = newToken(32);
    const expiresAt = new Date(this.clock.now().getTime() + this.tokenTtlSeconds * 1000);
    await this.prisma.directLineToken.create({ data: { hash: hashToken(token), conversationId, expiresAt, createdAt: this.clock.now() } });
    return { token, conversationId, expiresAt };
  }

  /**
   * A new token for the conversation, replacing every earlier one: they stop working
   * REFRESH_GRACE_MS from now (or sooner, if they expire sooner), so one token refreshed many
   * times yields one long-lived token, not many. Refused past REFRESH_LIMIT.
   */
  async refreshToken(conversationId: string): Promise<RefreshResult> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - REFRESH_LIMIT.windowMs);
    const recent = await this.prisma.directLineToken.findMany({
      where: { conversationId, createdAt: { gt: windowStart } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
    });
    if (recent.length >= REFRESH_LIMIT.tokens) {
      // The oldest token in the window has to leave it before another fits.
      const freeAt = recent[recent.length - REFRESH_LIMIT.tokens].createdAt.getTime() + REFRESH_LIMIT.windowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
    }
    const revokeAt = new Date(now.getTime() + REFRESH_GRACE_MS);
    await this.prisma.directLineToken.updateMany({ where: { conversationId, expiresAt: { gt: revokeAt } }, data: { expiresAt: revokeAt } });
    for (const entry of this.tokenCache.values()) {
      if (entry.conversationId === conversationId) entry.expiresAt = Math.min(entry.expiresAt, revokeAt.getTime());
    }
    const issued = await this.issueToken(conversationId);
    return { ok: true, ...issued };
  }

  /** What a presented token grants. Only the hash is looked up; the token itself is never stored. */
  async checkToken(token: string): Promise<TokenCheck> {
    const hash = hashToken(token);
    const nowMs = this.clock.now().getTime();
    let entry = this.tokenCache.get(hash);
    if (!entry || nowMs - entry.cachedAt > TOKEN_CACHE_MS || nowMs < entry.cachedAt) {
      const row = await this.prisma.directLineToken.findUnique({ where: { hash } });
      if (!row) {
        this.tokenCache.delete(hash);
        return { ok: false, reason: 'unknown' };
      }
      entry = { conversationId: row.conversationId, expiresAt: row.expiresAt.getTime(), cachedAt: nowMs };
      if (this.tokenCache.size >= TOKEN_CACHE_MAX) this.tokenCache.delete(this.tokenCache.keys().next().value as string);
      this.tokenCache.set(hash, entry);
    }
    if (entry.expiresAt <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, conversationId: entry.conversationId, expiresAt: new Date(entry.expiresAt) };
  }

  /** Forgets cached token lookups older than the cache period (idle conversations). */
  sweepCache(): void {
    const nowMs = this.clock.now().getTime();
    for (const [hash, entry] of this.tokenCache) {
      if (nowMs - entry.cachedAt > TOKEN_CACHE_MS || entry.expiresAt <= nowMs) this.tokenCache.delete(hash);
    }
  }

  get cachedTokens(): number {
    return this.tokenCache.size;
  }

  async findConversation(id: string): Promise<StoredConversation | null> {
    return this.prisma.directLineConversation.findUnique({
      where: { id },
      select: { id: true, userId: true, locale: true, lastSeq: true, startedAt: true },
    });
  }

  /** Marks the conversation started; true only for the one caller that did it (in any process). */
  async markStarted(id: string, locale: string | undefined): Promise<boolean> {
    const now = this.clock.now();
    const { count } = await this.prisma.directLineConversation.updateMany({
      where: { id, startedAt: null },
      data: { startedAt: now, lastActivityAt: now, ...(locale ? { locale } : {}) },
    });
    return count === 1;
  }

  /**
   * Appends activities to the conversation's list and returns their seqs. Returns null when the
   * conversation does not exist (it ended or was erased).
   */
  async append(conversationId: string, activities: DirectLineActivityJson[]): Promise<number[] | null> {
    if (activities.length === 0) return [];
    const now = this.clock.now();
    return this.prisma.$transaction(async (tx) => appendIn(tx, conversationId, activities, now));
  }

  // -------------------------------------------------------------------------------------------
  // The inbox: incoming activities, stored before the client is answered, run under a lease.

  /**
   * Stores a user's activity: its echo in the list and its inbox row, leased to `owner`, in one
   * transaction, so once the client has its 200 the turn cannot be lost. A client's retry (the
   * same clientActivityID) is not stored again: the first one's id comes back instead.
   */
  async acceptUserActivity(input: { conversationId: string; echo: DirectLineActivityJson; turn: Record<string, unknown>; clientActivityId?: string; owner: string; leaseUntil: Date }): Promise<AcceptResult> {
    const { conversationId, echo, clientActivityId } = input;
    const duplicate = async () =>
      clientActivityId
        ? this.prisma.directLineInbox.findUnique({ where: { conversationId_clientActivityId: { conversationId, clientActivityId } }, select: { id: true } })
        : null;
    const earlier = await duplicate();
    if (earlier) return { status: 'duplicate', id: earlier.id };
    const now = this.clock.now();
    try {
      const seqs = await this.prisma.$transaction(async (tx) => {
        const written = await appendIn(tx, conversationId, [echo], now);
        if (!written) return null;
        await tx.directLineInbox.create({ data: inboxRow(input.conversationId, echo.id, input.turn, clientActivityId, input.owner, input.leaseUntil, now) });
        return written;
      });
      return seqs ? { status: 'stored', seq: seqs[0] } : null;
    } catch (err) {
      // Two copies of one message at once: the unique (conversation, clientActivityID) let one in.
      const raced = await duplicate();
      if (raced) return { status: 'duplicate', id: raced.id };
      throw err;
    }
  }

  /**
   * Marks the conversation started and stores the turn that tells the bot so, together; true only
   * for the one caller (in any process) that did it.
   */
  async markStartedWithTurn(id: string, locale: string | undefined, turn: { id: string; activity: Record<string, unknown>; owner: string; leaseUntil: Date }): Promise<boolean> {
    const now = this.clock.now();
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.directLineConversation.updateMany({
        where: { id, startedAt: null },
        data: { startedAt: now, lastActivityAt: now, ...(locale ? { locale } : {}) },
      });
      if (count !== 1) return false;
      await tx.directLineInbox.create({ data: inboxRow(id, turn.id, turn.activity, undefined, turn.owner, turn.leaseUntil, now) });
      return true;
    });
  }

  /**
   * The activity of an inbox row `owner` holds, with its lease extended; null when it is done or
   * another process has taken it over (its lease had lapsed).
   */
  async holdInbox(id: string, owner: string, leaseUntil: Date): Promise<InboxEntry | null> {
    const { count } = await this.prisma.directLineInbox.updateMany({ where: { id, claimedBy: owner, processedAt: null }, data: { leaseUntil } });
    if (count !== 1) return null;
    const row = await this.prisma.directLineInbox.findUnique({ where: { id }, select: { id: true, conversationId: true, activity: true, attempts: true } });
    if (!row || !isJsonObject(row.activity)) return null;
    return { id: row.id, conversationId: row.conversationId, activity: row.activity, attempts: row.attempts };
  }

  /**
   * Takes over unprocessed rows whose lease has lapsed (their process died or stopped), oldest
   * first, for `owner`. Each is claimed with a conditional update, so one process gets each.
   */
  async claimLapsed(owner: string, leaseUntil: Date, take: number): Promise<Array<{ id: string; conversationId: string; attempts: number }>> {
    const now = this.clock.now();
    const candidates = await this.prisma.directLineInbox.findMany({
      where: { processedAt: null, leaseUntil: { lt: now } },
      orderBy: { createdAt: 'asc' },
      take,
      select: { id: true, conversationId: true },
    });
    const claimed: Array<{ id: string; conversationId: string; attempts: number }> = [];
    for (const c of candidates) {
      const { count } = await this.prisma.directLineInbox.updateMany({
        where: { id: c.id, processedAt: null, leaseUntil: { lt: now } },
        data: { claimedBy: owner, leaseUntil, attempts: { increment: 1 } },
      });
      if (count !== 1) continue;
      const row = await this.prisma.directLineInbox.findUnique({ where: { id: c.id }, select: { attempts: true } });
      claimed.push({ ...c, attempts: row?.attempts ?? 1 });
    }
    return claimed;
  }

  /** Keeps the leases of the rows `owner` holds (running or waiting their turn) from lapsing. */
  async renewLeases(ids: string[], owner: string, leaseUntil: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.directLineInbox.updateMany({ where: { id: { in: ids }, claimedBy: owner, processedAt: null }, data: { leaseUntil } });
  }

  /** The turn is done: the row forgets the activity (the user's words) and stays only for de-duplication. */
  async finishInbox(id: string, owner: string): Promise<void> {
    await this.prisma.directLineInbox.updateMany({ where: { id, claimedBy: owner }, data: { processedAt: this.clock.now(), activity: Prisma.DbNull } });
  }

  /** Shutdown: rows this process will not get to are free for another process at once. */
  async releaseInbox(ids: string[], owner: string): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.directLineInbox.updateMany({ where: { id: { in: ids }, claimedBy: owner, processedAt: null }, data: { leaseUntil: this.clock.now() } });
  }

  /** True when the bot has already answered this activity (a turn that finished but was not marked). */
  async botAnswered(conversationId: string, activityId: string): Promise<boolean> {
    const row = await this.prisma.directLineActivity.findFirst({
      where: { conversationId, AND: [{ activity: { path: ['replyToId'], equals: activityId } }, { activity: { path: ['type'], equals: 'message' } }] },
      select: { seq: true },
    });
    return row !== null;
  }

  /** Processed inbox rows older than the cutoff. */
  async pruneInbox(olderThan: Date): Promise<number> {
    const { count } = await this.prisma.directLineInbox.deleteMany({ where: { processedAt: { lt: olderThan } } });
    return count;
  }

  /** Unprocessed inbox rows (a gauge: more than a few means turns are not being run). */
  async pendingInbox(): Promise<number> {
    return this.prisma.directLineInbox.count({ where: { processedAt: null } });
  }

  /** Activities after the watermark, oldest first. */
  async activitiesAfter(conversationId: string, afterSeq: number, take = 100): Promise<Array<{ seq: number; activity: DirectLineActivityJson }>> {
    const rows = await this.prisma.directLineActivity.findMany({
      where: { conversationId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take,
      select: { seq: true, activity: true },
    });
    return rows.map((r) => ({ seq: r.seq, activity: r.activity as unknown as DirectLineActivityJson }));
  }

  /**
   * The conversation's messages from the transcript (the one stored history, already redacted,
   * covered by retention and erasure), oldest first: what a reloaded page shows.
   */
  async transcriptMessages(channelId: string, conversationId: string, take: number) {
    return this.prisma.transcriptMessage.findMany({
      where: { channelId, conversationId, type: 'message' },
      // Rows are numbered as each process flushes its batch; the activities' own time is the order.
      orderBy: [{ timestamp: 'asc' }, { seq: 'asc' }],
      take,
      select: { seq: true, activityId: true, replyToId: true, type: true, text: true, attachments: true, value: true, suggestedActions: true, locale: true, fromId: true, fromRole: true, timestamp: true },
    });
  }

  /**
   * Drops delivered activities older than the cutoff. The list is only the delivery queue: live
   * pages read it within seconds, and a reload reads the history from the transcript.
   */
  async pruneDelivered(olderThan: Date): Promise<number> {
    const { count } = await this.prisma.directLineActivity.deleteMany({ where: { createdAt: { lt: olderThan } } });
    return count;
  }

  /** lastSeq of each listed conversation (one query for every waiting long-poll). */
  async lastSeqs(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.prisma.directLineConversation.findMany({ where: { id: { in: ids } }, select: { id: true, lastSeq: true } });
    return new Map(rows.map((r) => [r.id, r.lastSeq]));
  }

  // -------------------------------------------------------------------------------------------
  // Personal data: export and erasure per conversation, and retention.

  async exportConversations(ids: string[]) {
    if (ids.length === 0) return [];
    const conversations = await this.prisma.directLineConversation.findMany({
      where: { id: { in: ids } },
      select: { id: true, userId: true, locale: true, createdAt: true, lastActivityAt: true, activities: { orderBy: { seq: 'asc' }, select: { seq: true, activity: true, createdAt: true } } },
    });
    return conversations.map((c) => ({
      conversationId: c.id,
      userId: c.userId,
      locale: c.locale,
      createdAt: c.createdAt.toISOString(),
      lastActivityAt: c.lastActivityAt.toISOString(),
      activities: c.activities.map((a) => a.activity),
    }));
  }

  /** Deletes the conversations with their activity lists and tokens. */
  async eraseConversations(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await this.prisma.directLineConversation.deleteMany({ where: { id: { in: ids } } });
    for (const [hash, entry] of this.tokenCache) if (ids.includes(entry.conversationId)) this.tokenCache.delete(hash);
    return count;
  }

  /** Tokens past their expiry, including those a refresh replaced once their grace is over. */
  async purgeExpiredTokens(): Promise<number> {
    const { count } = await this.prisma.directLineToken.deleteMany({ where: { expiresAt: { lt: this.clock.now() } } });
    return count;
  }

  /** Retention: conversations idle for longer than the period, and expired tokens. */
  async purge(olderThan: Date): Promise<{ conversations: number; tokens: number }> {
    const tokens = await this.purgeExpiredTokens();
    const conversations = await this.prisma.directLineConversation.deleteMany({ where: { lastActivityAt: { lt: olderThan } } });
    return { conversations: conversations.count, tokens };
  }
}
