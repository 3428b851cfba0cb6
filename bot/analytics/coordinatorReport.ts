/**
 * Anonymous per-day figures for the municipality's coordinators: conversations by language,
 * eligibility outcomes, bookings, unanswered topics and how quickly the bot first replies.
 * Only aggregates leave the database (no ids, no text), days are Europe/Helsinki calendar days,
 * and every count goes through small-count suppression (suppression.ts).
 */
import type { Clock } from '../kernel/clock.js';
import { helsinkiToUtc } from '../kernel/helsinkiTime.js';
import { SUPPORTED_LOCALES } from '../i18n/locales.js';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import type { CountRow, ReportRepository } from './reportRepository.js';
import { MIN_SHOWN, median, suppressCount, suppressTable, type Shown } from './suppression.js';

export const ELIGIBILITY_OUTCOMES = ['eligible', 'not_eligible', 'cant_tell', 'pilot_over'] as const;
/**
 * How far a live chat with a coach got: a coach accepted, the jobseeker left or timed out, no coach
 * of the area was available (the jobseeker was offered a call-back or a booking), or still waiting.
 */
export const LIVE_CHAT_OUTCOMES = ['accepted', 'abandoned', 'noCoach', 'waiting'] as const;
/** Conversation languages, plus "other" for a missing or unsupported locale. */
export const REPORT_LOCALES = [...SUPPORTED_LOCALES, 'other'] as const;
export const MAX_REPORT_DAYS = 366;
const TOP_TOPICS = 10;

export interface DayFigures {
  /** YYYY-MM-DD, Europe/Helsinki; "total" for the whole range. */
  day: string;
  conversations: { total: Shown; byLocale: Record<string, Shown> };
  eligibility: { total: Shown; byOutcome: Record<string, Shown> };
  /** notAttended: meetings the jobseeker did not come to, on the day of the meeting. */
  bookings: { made: Shown; cancelled: Shown; completed: Shown; notAttended: Shown };
  unansweredQuestions: Shown;
  /** From a conversation's first inbound activity to the bot's first reply; median only from MIN_SHOWN conversations on. */
  firstReply: { conversations: Shown; medianMs: number | null };
  /** Live chats with a coach by the day requested, call-back requests, and the time from a request to the coach's first message. */
  liveChat: {
    requested: Shown;
    byOutcome: Record<string, Shown>;
    callbackRequests: Shown;
    firstCoachReply: { chats: Shown; medianMs: number | null };
  };
}

export interface TopicFigure {
  /** The knowledge article the unanswered questions came closest to; null when none was close. */
  articleId: string | null;
  title: string | null;
  count: Shown;
}

export interface CoordinatorReport {
  from: string;
  to: string;
  generatedAt: string;
  /** Counts below this are shown as "<5"; "suppressed" marks a figure hidden so that a small one cannot be worked out by subtraction. */
  minimumCount: number;
  days: DayFigures[];
  total: DayFigures;
  /** Most frequent first; topics asked fewer than MIN_SHOWN times are folded into one "other" row. */
  topUnansweredTopics: TopicFigure[];
}

export class ReportRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportRangeError';
  }
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Every calendar day from..to inclusive; throws ReportRangeError for a bad or too long range. */
export function daysBetween(from: string, to: string): string[] {
  if (!DAY_RE.test(from) || !DAY_RE.test(to)) throw new ReportRangeError('"from" and "to" must be dates as YYYY-MM-DD.');
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || new Date(start).toISOString().slice(0, 10) !== from || new Date(end).toISOString().slice(0, 10) !== to) {
    throw new ReportRangeError('"from" and "to" must be real calendar dates.');
  }
  if (end < start) throw new ReportRangeError('"from" must not be after "to".');
  const count = Math.round((end - start) / 86_400_000) + 1;
  if (count > MAX_REPORT_DAYS) throw new ReportRangeError(`The range may cover at most ${MAX_REPORT_DAYS} days.`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}


export class CoordinatorReportService {
  constructor(
    private readonly figures: ReportRepository,
    private readonly clock: Clock,
    private readonly kb?: KnowledgeBase,
  ) {}

  async report(range: { from: string; to: string }): Promise<CoordinatorReport> {
    const days = daysBetween(range.from, range.to);
    const start = helsinkiToUtc(range.from, '00:00');
    const endDay = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const end = helsinkiToUtc(endDay, '00:00');

    const f = this.figures;
    const [conversations, eligibility, made, cancelled, completed, notAttended, gapsByDay, gapsByTopic, replies, liveChats, callbacks, coachReplies] = await Promise.all([
      f.conversationsByLocale(start, end),
      f.eligibilityByOutcome(start, end),
      f.bookingsMade(start, end),
      f.bookingsCancelled(start, end),
      f.bookingsCompleted(start, end),
      f.bookingsNotAttended(start, end),
      f.gapsByDay(range.from, range.to),
      f.gapsByTopic(range.from, range.to),
      f.firstReplies(start, end),
      f.liveChatsByOutcome(start, end),
      f.callbackRequests(start, end),
      f.firstCoachReplies(start, end),
    ]);

    const dayIndex = new Map(days.map((d, i) => [d, i]));
    const table = (rows: CountRow[], keys: readonly string[], keyOf: (k: string | null) => string): number[][] => {
      const t = days.map(() => new Array<number>(keys.length).fill(0));
      const col = new Map(keys.map((k, j) => [k, j]));
      for (const r of rows) {
        const i = dayIndex.get(r.day);
        const j = col.get(keyOf(r.key));
        if (i !== undefined && j !== undefined) t[i][j] += r.n;
      }
      return t;
    };
    const localeKey = (k: string | null) => (k && (SUPPORTED_LOCALES as readonly string[]).includes(k) ? k : 'other');
    const conv = suppressTable(table(conversations, REPORT_LOCALES, localeKey));
    const elig = suppressTable(table(eligibility, ELIGIBILITY_OUTCOMES, (k) => k ?? ''));
    const series = (rows: CountRow[]) => suppressTable(table(rows, ['n'], () => 'n'));
    const [madeS, cancelledS, completedS, notAttendedS, gapsS, callbacksS] = [series(made), series(cancelled), series(completed), series(notAttended), series(gapsByDay), series(callbacks)];
    const live = suppressTable(table(liveChats, LIVE_CHAT_OUTCOMES, (k) => k ?? ''));
    const coachDays = days.map(() => [] as number[]);
    for (const r of coachReplies) {
      const i = dayIndex.get(r.day);
      if (i !== undefined) coachDays[i].push(r.ms);
    }
    const coachCounts = suppressTable(coachDays.map((v) => [v.length]));

    const replyDays = days.map(() => [] as number[]);
    for (const r of replies) {
      const i = dayIndex.get(r.day);
      if (i !== undefined) replyDays[i].push(r.ms);
    }
    const replyCounts = suppressTable(replyDays.map((v) => [v.length]));
    const firstReply = (values: number[], count: Shown) => ({
      conversations: count,
      medianMs: values.length >= MIN_SHOWN ? Math.round(median(values)!) : null,
    });

    const figures = (day: string, i: number | null): DayFigures => {
      const convRow = i === null ? conv.columnTotals : conv.cells[i];
      const eligRow = i === null ? elig.columnTotals : elig.cells[i];
      const one = (s: ReturnType<typeof series>) => (i === null ? s.total : s.cells[i][0]);
      return {
        day,
        conversations: { total: i === null ? conv.total : conv.rowTotals[i], byLocale: Object.fromEntries(REPORT_LOCALES.map((l, j) => [l, convRow[j]])) },
        eligibility: { total: i === null ? elig.total : elig.rowTotals[i], byOutcome: Object.fromEntries(ELIGIBILITY_OUTCOMES.map((o, j) => [o, eligRow[j]])) },
        bookings: { made: one(madeS), cancelled: one(cancelledS), completed: one(completedS), notAttended: one(notAttendedS) },
        unansweredQuestions: one(gapsS),
        firstReply: i === null ? firstReply(replyDays.flat(), replyCounts.total) : firstReply(replyDays[i], replyCounts.cells[i][0]),
        liveChat: {
          requested: i === null ? live.total : live.rowTotals[i],
          byOutcome: Object.fromEntries(LIVE_CHAT_OUTCOMES.map((o, j) => [o, (i === null ? live.columnTotals : live.cells[i])[j]])),
          callbackRequests: one(callbacksS),
          firstCoachReply: (() => {
            const values = i === null ? coachDays.flat() : coachDays[i];
            return { chats: i === null ? coachCounts.total : coachCounts.cells[i][0], medianMs: values.length >= MIN_SHOWN ? Math.round(median(values)!) : null };
          })(),
        },
      };
    };

    return {
      from: range.from,
      to: range.to,
      generatedAt: this.clock.now().toISOString(),
      minimumCount: MIN_SHOWN,
      days: days.map((d, i) => figures(d, i)),
      total: figures('total', null),
      topUnansweredTopics: this.topics(gapsByTopic),
    };
  }

  /** Topics asked about at least MIN_SHOWN times by name; the rest together as "other". */
  private topics(rows: CountRow[]): TopicFigure[] {
    const sorted = [...rows].sort((a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)));
    const named = sorted.filter((r) => r.n >= MIN_SHOWN).slice(0, TOP_TOPICS);
    const rest = sorted.filter((r) => !named.includes(r)).reduce((n, r) => n + r.n, 0);
    const out: TopicFigure[] = named.map((r) => ({ articleId: r.key, title: r.key ? (this.kb?.get(r.key, 'fi')?.title ?? null) : null, count: r.n }));
    if (rest > 0) out.push({ articleId: 'other', title: null, count: suppressCount(rest) });
    return out;
  }
}
