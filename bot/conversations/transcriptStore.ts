/**
 * Stores every inbound and outbound activity (typing included) in order, as a botbuilder
 * TranscriptLogger. Writes are queued and flushed in batches so a turn never waits on them,
 * and a storage failure is logged without breaking the user's turn.
 */
import type { Activity, TranscriptLogger } from 'botbuilder';
import type { Logger } from '../kernel/log.js';
import type { Prisma, PrismaClient } from '../db/database.js';

export type TextRedactor = (text: string) => string;

const MAX_BATCH = 200;

export class TranscriptStore implements TranscriptLogger {
  private queue: Prisma.TranscriptMessageCreateManyInput[] = [];
  private flushing: Promise<void> | undefined;
  private scheduled = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    private readonly redact: TextRedactor = (t) => t,
  ) {}

  logActivity(activity: Partial<Activity>): void {
    try {
      this.queue.push(this.toRow(activity));
    } catch (err) {
      this.logger.error({ err, conversationId: activity.conversation?.id }, 'transcript: activity could not be queued');
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
  }

  /** Writes everything queued so far; resolves when it is stored (or failed and was logged). */
  async flush(): Promise<void> {
    // Chain flushes so batches land in the order they were queued.
    const previous = this.flushing ?? Promise.resolve();
    const run = previous.then(async () => {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.insert(batch);
        } catch (err) {
          this.logger.error({ err, rows: batch.length }, 'transcript: write failed');
        }
      }
    });
    this.flushing = run;
    await run;
    if (this.flushing === run) this.flushing = undefined;
  }

  /** The user's own messages in these conversations, as stored (redacted). */
  async inboundTexts(channelId: string, conversationIds: readonly string[]): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    await this.flush();
    const rows = await this.prisma.transcriptMessage.findMany({
      where: { channelId, conversationId: { in: [...conversationIds] }, direction: 'inbound', text: { not: null } },
      select: { text: true },
    });
    return rows.map((r) => r.text ?? '').filter(Boolean);
  }

  /**
   * One multi-row INSERT in plain SQL: the transcript is written on every turn, and Prisma 6's
   * client engine spends more CPU compiling a createMany than the database spends storing it.
   */
  private async insert(batch: Prisma.TranscriptMessageCreateManyInput[]): Promise<void> {
    const params: unknown[] = [];
    const now = new Date();
    const p = (value: unknown) => `$${params.push(value)}`;
    const jsonb = (value: unknown) => (value === undefined || value === null ? 'NULL' : `${p(JSON.stringify(value))}::jsonb`);
    const values = batch.map(
      (r) =>
        `(${p(r.channelId)}, ${p(r.conversationId)}, ${p(r.activityId ?? null)}, ${p(r.replyToId ?? null)}, ${p(r.direction)}, ${p(r.type)}, ${p(r.text ?? null)}, ` +
        `${jsonb(r.attachments)}, ${jsonb(r.value)}, ${jsonb(r.suggestedActions)}, ${p(r.locale ?? null)}, ${p(r.fromId ?? null)}, ${p(r.fromRole ?? null)}, ` +
        `${p(r.timestamp)}::timestamp(3), ${p(now)}::timestamp(3))`,
    );
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO "TranscriptMessage" ("channelId", "conversationId", "activityId", "replyToId", "direction", "type", "text", "attachments", "value", "suggestedActions", "locale", "fromId", "fromRole", "timestamp", "createdAt") VALUES ${values.join(', ')}`,
      ...params,
    );
  }

  private toRow(a: Partial<Activity>): Prisma.TranscriptMessageCreateManyInput {
    // TranscriptLoggerMiddleware marks the incoming activity's sender with role 'user'.
    const inbound = a.from?.role === 'user';
    return {
      channelId: a.channelId ?? 'unknown',
      conversationId: a.conversation?.id ?? 'unknown',
      activityId: a.id ?? null,
      replyToId: a.replyToId ?? null,
      direction: inbound ? 'inbound' : 'outbound',
      type: a.type ?? 'unknown',
      text: typeof a.text === 'string' ? this.redact(a.text) : null,
      attachments: a.attachments?.length ? (json(a.attachments) as Prisma.InputJsonValue) : undefined,
      value: a.value === undefined ? undefined : (json(a.value) as Prisma.InputJsonValue),
      suggestedActions: a.suggestedActions ? (json(a.suggestedActions) as Prisma.InputJsonValue) : undefined,
      locale: a.locale ?? null,
      fromId: a.from?.id ?? null,
      fromRole: a.from?.role ?? (inbound ? 'user' : 'bot'),
      timestamp: a.timestamp ? new Date(a.timestamp) : new Date(),
    };
  }
}

function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
