/**
 * Questions the bot could not answer well, counted for the knowledge team. Rows carry no user,
 * conversation or channel id and only the calendar day; the question text is redacted and kept
 * only when the user was told it is saved.
 */
import { BatchedWriter } from '../db/batchedWriter.js';
import { newRowId } from '../db/ids.js';
import type { PrismaClient, SqlClient } from '../db/database.js';
import type { Clock } from '../kernel/clock.js';
import { helsinkiDate } from '../kernel/helsinkiTime.js';
import { silentLogger, type Logger } from '../kernel/log.js';
import { redact } from '../kernel/redact.js';

export type GapKind = 'not_sure' | 'declined';

export interface GapInput {
  locale: string;
  kind: GapKind;
  topArticleId?: string;
  secondArticleId?: string;
  topScore: number;
  /** The user's words; stored redacted, and only when `told` is true. */
  question?: string;
  /** True when the reply told the user the question is saved anonymously. */
  told: boolean;
}

export interface GapRecorder {
  /** Resolves once the row is queued; it is written after the reply (see flush). */
  record(gap: GapInput): Promise<void>;
}

export interface GapReport {
  from: string;
  to: string;
  total: number;
  byKind: Record<string, number>;
  byLocale: Record<string, number>;
  /** The articles retrieval came closest with, most frequent first. */
  byTopArticle: Array<{ articleId: string | null; count: number; averageScore: number }>;
  /** The latest saved questions (redacted), newest day first. */
  questions: Array<{ day: string; locale: string; kind: string; topArticleId: string | null; score: number; question: string }>;
}

export const MAX_QUESTION_CHARS = 500;

interface GapRow {
  id: string;
  day: string;
  locale: string;
  kind: GapKind;
  topArticleId: string | null;
  secondArticleId: string | null;
  topScore: number;
  question: string | null;
}

export class GapRepository implements GapRecorder {
  private readonly prisma: PrismaClient;
  private readonly sql: SqlClient;
  /** Gap rows wait with the transcript rows: the "not sure" reply does not depend on them. */
  private readonly writer: BatchedWriter<GapRow>;

  constructor(db: { prisma: PrismaClient; sql: SqlClient }, private readonly clock: Clock, logger: Logger = silentLogger) {
    this.prisma = db.prisma;
    this.sql = db.sql;
    this.writer = new BatchedWriter({ what: 'knowledge gap', logger, insert: (batch) => this.insert(batch), describe: (row) => ({ day: row.day, locale: row.locale }) });
  }

  async record(gap: GapInput): Promise<void> {
    const question = gap.told && gap.question ? redact(gap.question).text.trim().slice(0, MAX_QUESTION_CHARS) : null;
    this.writer.push({
      // Time-ordered, so the report's "latest first" (day, then id) keeps meaning the latest.
      id: newRowId(this.clock.now()),
      day: helsinkiDate(this.clock),
      locale: gap.locale,
      kind: gap.kind,
      topArticleId: gap.topArticleId ?? null,
      secondArticleId: gap.secondArticleId ?? null,
      topScore: Number.isFinite(gap.topScore) ? gap.topScore : 0,
      question: question || null,
    });
  }

  /** Writes the queued rows; everything that reads or deletes rows waits for them first. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  private async insert(batch: GapRow[]): Promise<void> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const values = batch.map((r) => `(${p(r.id)}, ${p(r.day)}, ${p(r.locale)}, ${p(r.kind)}, ${p(r.topArticleId)}, ${p(r.secondArticleId)}, ${p(r.topScore)}::float8, ${p(r.question)})`);
    await this.sql.query(
      `INSERT INTO "KnowledgeGap" ("id", "day", "locale", "kind", "topArticleId", "secondArticleId", "topScore", "question") VALUES ${values.join(', ')}`,
      params,
    );
  }

  /** Counts and latest questions for the days from..to inclusive (YYYY-MM-DD, Helsinki). */
  async report(range: { from: string; to: string }, limit = 200): Promise<GapReport> {
    await this.flush();
    const where = { day: { gte: range.from, lte: range.to } };
    const [total, kinds, locales, articles, rows] = await Promise.all([
      this.prisma.knowledgeGap.count({ where }),
      this.prisma.knowledgeGap.groupBy({ by: ['kind'], where, _count: { _all: true } }),
      this.prisma.knowledgeGap.groupBy({ by: ['locale'], where, _count: { _all: true } }),
      this.prisma.knowledgeGap.groupBy({ by: ['topArticleId'], where, _count: { _all: true }, _avg: { topScore: true } }),
      this.prisma.knowledgeGap.findMany({ where: { ...where, question: { not: null } }, orderBy: [{ day: 'desc' }, { id: 'desc' }], take: limit }),
    ]);
    return {
      from: range.from,
      to: range.to,
      total,
      byKind: Object.fromEntries(kinds.map((k) => [k.kind, k._count._all])),
      byLocale: Object.fromEntries(locales.map((l) => [l.locale, l._count._all])),
      byTopArticle: articles
        .map((a) => ({ articleId: a.topArticleId, count: a._count._all, averageScore: round(a._avg.topScore ?? 0) }))
        .sort((a, b) => b.count - a.count || String(a.articleId).localeCompare(String(b.articleId))),
      questions: rows.map((r) => ({ day: r.day, locale: r.locale, kind: r.kind, topArticleId: r.topArticleId, score: round(r.topScore), question: r.question ?? '' })),
    };
  }

  /**
   * Saved questions written with one of the user's own messages (as the transcript stores them,
   * redacted). Rows carry no user id, so the user's words are the only link to them.
   */
  async findByOwnMessages(messages: readonly string[]): Promise<Array<{ day: string; locale: string; question: string | null }>> {
    const texts = questionKeys(messages);
    if (texts.length === 0) return [];
    await this.flush();
    return this.prisma.knowledgeGap.findMany({ where: { question: { in: texts } }, select: { day: true, locale: true, question: true } });
  }

  async deleteByOwnMessages(messages: readonly string[]): Promise<number> {
    const texts = questionKeys(messages);
    if (texts.length === 0) return 0;
    await this.flush();
    const { count } = await this.prisma.knowledgeGap.deleteMany({ where: { question: { in: texts } } });
    return count;
  }

  /** Deletes rows older than `days` days; returns how many went. */
  async deleteOlderThan(days: number): Promise<number> {
    const cutoff = helsinkiDate(new Date(this.clock.now().getTime() - days * 86_400_000));
    await this.flush();
    const { count } = await this.prisma.knowledgeGap.deleteMany({ where: { day: { lt: cutoff } } });
    return count;
  }
}

/** A stored question is the message trimmed and clipped, so both forms are looked up. */
function questionKeys(messages: readonly string[]): string[] {
  const texts = new Set<string>();
  for (const m of messages) {
    const t = m.trim();
    if (!t) continue;
    texts.add(t);
    texts.add(t.slice(0, MAX_QUESTION_CHARS));
  }
  return [...texts];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
