/**
 * The coordinator report's aggregate queries, in SQL for speed: per Europe/Helsinki day counts
 * and first-reply times. Only counts and durations leave the database, never ids or text.
 */
import type { PrismaClient } from '../db/database.js';

/** One count of a day (YYYY-MM-DD, Helsinki) and key (a locale, an outcome, an article id, or null). */
export type CountRow = { day: string; key: string | null; n: number };

// Timestamps are stored as UTC "timestamp without time zone"; this turns one into its Helsinki day.
const helsinkiDay = (column: string) => `to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')`;

export class ReportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Conversations started in [start, end), by day and locale. */
  conversationsByLocale(start: Date, end: Date): Promise<CountRow[]> {
    return this.counts(`SELECT ${helsinkiDay('"startedAt"')} AS day, "locale" AS key, count(*)::int AS n FROM "Conversation" WHERE "startedAt" >= $1 AND "startedAt" < $2 GROUP BY 1, 2`, start, end);
  }

  /** Eligibility checks evaluated in [start, end), by day and outcome. */
  eligibilityByOutcome(start: Date, end: Date): Promise<CountRow[]> {
    return this.counts(`SELECT ${helsinkiDay('"evaluatedAt"')} AS day, "outcome"::text AS key, count(*)::int AS n FROM "EligibilityCheck" WHERE "evaluatedAt" >= $1 AND "evaluatedAt" < $2 GROUP BY 1, 2`, start, end);
  }

  /** Appointments made in [start, end), by day. */
  bookingsMade(start: Date, end: Date): Promise<CountRow[]> {
    return this.counts(`SELECT ${helsinkiDay('"createdAt"')} AS day, NULL AS key, count(*)::int AS n FROM "Appointment" WHERE "createdAt" >= $1 AND "createdAt" < $2 GROUP BY 1`, start, end);
  }

  /** Appointments cancelled in [start, end), by day. */
  bookingsCancelled(start: Date, end: Date): Promise<CountRow[]> {
    return this.counts(`SELECT ${helsinkiDay('"cancelledAt"')} AS day, NULL AS key, count(*)::int AS n FROM "Appointment" WHERE "status" = 'cancelled' AND "cancelledAt" >= $1 AND "cancelledAt" < $2 GROUP BY 1`, start, end);
  }

  /** Appointments completed in [start, end), by day. */
  bookingsCompleted(start: Date, end: Date): Promise<CountRow[]> {
    // A meeting marked completed without a completion time counts on the day it ended.
    return this.counts(`SELECT ${helsinkiDay('COALESCE("completedAt", "endsAt")')} AS day, NULL AS key, count(*)::int AS n FROM "Appointment" WHERE "status" = 'completed' AND COALESCE("completedAt", "endsAt") >= $1 AND COALESCE("completedAt", "endsAt") < $2 GROUP BY 1`, start, end);
  }

  /** Appointments marked not attended (the jobseeker did not come) in [start, end), by the day of the meeting. */
  bookingsNotAttended(start: Date, end: Date): Promise<CountRow[]> {
    return this.counts(`SELECT ${helsinkiDay('"endsAt"')} AS day, NULL AS key, count(*)::int AS n FROM "Appointment" WHERE "status" = 'not_attended' AND "endsAt" >= $1 AND "endsAt" < $2 GROUP BY 1`, start, end);
  }

  /** Unanswered questions on the Helsinki days from..to inclusive, by day. */
  gapsByDay(from: string, to: string): Promise<CountRow[]> {
    // Gap rows already hold the Helsinki day as text.
    return this.counts(`SELECT "day" AS day, NULL AS key, count(*)::int AS n FROM "KnowledgeGap" WHERE "day" >= $1 AND "day" <= $2 GROUP BY 1`, from, to);
  }

  /** Unanswered questions on the Helsinki days from..to inclusive, by closest article (day ''). */
  gapsByTopic(from: string, to: string): Promise<CountRow[]> {
    return this.counts(`SELECT '' AS day, "topArticleId" AS key, count(*)::int AS n FROM "KnowledgeGap" WHERE "day" >= $1 AND "day" <= $2 GROUP BY 2`, from, to);
  }

  /**
   * Per conversation whose first inbound activity falls in the range: the day of that activity and
   * the time until the first outbound one at or after it. Times come from the activities'
   * timestamps; a negative gap (a channel clock behind ours) is left out rather than guessed.
   */
  async firstReplies(start: Date, end: Date): Promise<Array<{ day: string; ms: number }>> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ day: string; ms: number | null }>>(
      `WITH firsts AS (
         SELECT "channelId", "conversationId", min("timestamp") AS first_in
         FROM "TranscriptMessage" WHERE "direction" = 'inbound'
         GROUP BY 1, 2 HAVING min("timestamp") >= $1 AND min("timestamp") < $2
       )
       SELECT ${helsinkiDay('f.first_in')} AS day,
              (EXTRACT(EPOCH FROM (
                 SELECT min(o."timestamp") FROM "TranscriptMessage" o
                 WHERE o."channelId" = f."channelId" AND o."conversationId" = f."conversationId"
                   AND o."direction" = 'outbound' AND o."timestamp" >= f.first_in
               ) - f.first_in) * 1000)::float8 AS ms
       FROM firsts f`,
      start,
      end,
    );
    return rows.filter((r): r is { day: string; ms: number } => r.ms !== null && Number.isFinite(Number(r.ms))).map((r) => ({ day: r.day, ms: Number(r.ms) }));
  }

  /** Live chats requested in [start, end), by the day requested and how far they got (accepted, abandoned, no coach available, waiting). */
  liveChatsByOutcome(start: Date, end: Date): Promise<CountRow[]> {
    return this.counts(
      `SELECT ${helsinkiDay('"requestedAt"')} AS day,
              CASE WHEN "acceptedAt" IS NOT NULL THEN 'accepted' WHEN "status" IN ('abandoned', 'timed_out') THEN 'abandoned' WHEN "status" = 'unstaffed' THEN 'noCoach' ELSE 'waiting' END AS key,
              count(*)::int AS n
       FROM "Handoff" WHERE "requestedAt" >= $1 AND "requestedAt" < $2 GROUP BY 1, 2`,
      start,
      end,
    );
  }

  /** Call-back requests made in [start, end), by day. */
  callbackRequests(start: Date, end: Date): Promise<CountRow[]> {
    return this.counts(`SELECT ${helsinkiDay('"createdAt"')} AS day, NULL AS key, count(*)::int AS n FROM "CallbackRequest" WHERE "createdAt" >= $1 AND "createdAt" < $2 GROUP BY 1`, start, end);
  }

  /** Per accepted live chat requested in the range: the time from the request to the coach's first message. */
  async firstCoachReplies(start: Date, end: Date): Promise<Array<{ day: string; ms: number }>> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ day: string; ms: number | null }>>(
      `SELECT ${helsinkiDay('"requestedAt"')} AS day, (EXTRACT(EPOCH FROM ("firstCoachReplyAt" - "requestedAt")) * 1000)::float8 AS ms
       FROM "Handoff" WHERE "requestedAt" >= $1 AND "requestedAt" < $2 AND "firstCoachReplyAt" IS NOT NULL`,
      start,
      end,
    );
    return rows.filter((r): r is { day: string; ms: number } => r.ms !== null && Number.isFinite(Number(r.ms)) && Number(r.ms) >= 0).map((r) => ({ day: r.day, ms: Number(r.ms) }));
  }

  private async counts(sql: string, ...params: unknown[]): Promise<CountRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ day: string; key: string | null; n: number | bigint }>>(sql, ...params);
    return rows.map((r) => ({ day: r.day, key: r.key, n: Number(r.n) }));
  }
}
