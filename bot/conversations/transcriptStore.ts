/**
 * Stores every inbound and outbound activity (typing included) in order, as a botbuilder
 * TranscriptLogger. Writes are queued and flushed in batches so a turn never waits on them,
 * and a storage failure is logged without breaking the user's turn.
 *
 * A batch holds many conversations' rows, so one row the database refuses must not cost the
 * others theirs: rows are normalised before they are queued (no NUL, no lone surrogate, a usable
 * timestamp), and a batch that still fails is written again row by row, losing only the bad row.
 */
import type { Activity, TranscriptLogger } from 'botbuilder';
import type { Logger } from '../kernel/log.js';
import { BatchedWriter } from '../db/batchedWriter.js';
import type { Prisma, PrismaClient, SqlClient } from '../db/database.js';
import { cleanJson, cleanText } from '../security/unicode.js';

export type TextRedactor = (text: string) => string;
/** Told how many rows were given up on (a metric). */
export type LostRowsListener = (rows: number) => void;

/** Client timestamps outside these years are not believed (and PostgreSQL refuses some). */
const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(9999, 11, 31);

export class TranscriptStore implements TranscriptLogger {
  private readonly writer: BatchedWriter<Prisma.TranscriptMessageCreateManyInput>;

  constructor(
    private readonly db: { prisma: PrismaClient; sql: SqlClient },
    private readonly logger: Logger,
    private readonly redact: TextRedactor = (t) => t,
    onLost: LostRowsListener = () => {},
  ) {
    this.writer = new BatchedWriter({
      what: 'transcript',
      logger,
      insert: (batch) => this.insert(batch),
      onLost,
      describe: (row) => ({ conversationId: row.conversationId }),
    });
  }

  /** Rows given up on since this store was made. */
  get rowsLost(): number {
    return this.writer.rowsLost;
  }

  logActivity(activity: Partial<Activity>): void {
    try {
      this.writer.push(this.toRow(activity));
    } catch (err) {
      this.logger.error({ err, conversationId: activity.conversation?.id }, 'transcript: activity could not be queued');
    }
  }

  /** Writes everything queued so far; resolves when it is stored (or failed and was logged). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** The user's own messages in these conversations, as stored (redacted). */
  async inboundTexts(channelId: string, conversationIds: readonly string[]): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    await this.flush();
    const rows = await this.db.prisma.transcriptMessage.findMany({
      where: { channelId, conversationId: { in: [...conversationIds] }, direction: 'inbound', text: { not: null } },
      select: { text: true },
    });
    return rows.map((r) => r.text ?? '').filter(Boolean);
  }

  /**
   * One multi-row INSERT straight to the driver: the transcript is written on every turn, and
   * Prisma 6's client spends more CPU on a statement than the database spends storing it.
   */
  private async insert(batch: Prisma.TranscriptMessageCreateManyInput[]): Promise<void> {
    const params: unknown[] = [];
    const now = new Date().toISOString();
    const p = (value: unknown) => `$${params.push(value)}`;
    const jsonb = (value: unknown) => (value === undefined || value === null ? 'NULL' : `${p(JSON.stringify(value))}::jsonb`);
    const values = batch.map(
      (r) =>
        `(${p(r.channelId)}, ${p(r.conversationId)}, ${p(r.activityId ?? null)}, ${p(r.replyToId ?? null)}, ${p(r.direction)}, ${p(r.type)}, ${p(r.text ?? null)}, ` +
        `${jsonb(r.attachments)}, ${jsonb(r.value)}, ${jsonb(r.suggestedActions)}, ${p(r.locale ?? null)}, ${p(r.fromId ?? null)}, ${p(r.fromRole ?? null)}, ` +
        `${p(new Date(r.timestamp).toISOString())}::timestamp(3), ${p(now)}::timestamp(3))`,
    );
    await this.db.sql.query(
      `INSERT INTO "TranscriptMessage" ("channelId", "conversationId", "activityId", "replyToId", "direction", "type", "text", "attachments", "value", "suggestedActions", "locale", "fromId", "fromRole", "timestamp", "createdAt") VALUES ${values.join(', ')}`,
      params,
    );
  }

  private toRow(a: Partial<Activity>): Prisma.TranscriptMessageCreateManyInput {
    // TranscriptLoggerMiddleware marks the incoming activity's sender with role 'user'.
    const inbound = a.from?.role === 'user';
    return {
      channelId: str(a.channelId) ?? 'unknown',
      conversationId: str(a.conversation?.id) ?? 'unknown',
      activityId: str(a.id),
      replyToId: str(a.replyToId),
      direction: inbound ? 'inbound' : 'outbound',
      type: str(a.type) ?? 'unknown',
      text: typeof a.text === 'string' ? this.redact(cleanText(a.text)) : null,
      attachments: a.attachments?.length ? (json(a.attachments) as Prisma.InputJsonValue) : undefined,
      value: a.value === undefined ? undefined : (json(a.value) as Prisma.InputJsonValue),
      suggestedActions: a.suggestedActions ? (json(a.suggestedActions) as Prisma.InputJsonValue) : undefined,
      locale: str(a.locale),
      fromId: str(a.from?.id),
      fromRole: str(a.from?.role) ?? (inbound ? 'user' : 'bot'),
      timestamp: usableTimestamp(a.timestamp),
    };
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? cleanText(value) : null;
}

/** A JSON copy the database can store: every string and key cleaned. */
function json(value: unknown): unknown {
  return cleanJson(JSON.parse(JSON.stringify(value)));
}

/** The client's timestamp when it is a believable date, otherwise the server's clock. */
function usableTimestamp(raw: unknown): Date {
  const date = raw instanceof Date ? raw : typeof raw === 'string' || typeof raw === 'number' ? new Date(raw) : undefined;
  const ms = date?.getTime();
  return ms !== undefined && Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS ? date! : new Date();
}
