/** The coordinator report as plain-text tables, for the `npm run report` CLI. */
import type { CoordinatorReport, DayFigures } from './coordinatorReport.js';
import { ELIGIBILITY_OUTCOMES, LIVE_CHAT_OUTCOMES, REPORT_LOCALES } from './coordinatorReport.js';
import type { Shown } from './suppression.js';

function table(headers: string[], rows: string[][], textColumns = 1): string {
  const widths = headers.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j < textColumns ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const show = (v: Shown): string => String(v);
const seconds = (ms: number | null): string => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

export function renderReportTable(report: CoordinatorReport): string {
  const all: DayFigures[] = [...report.days, report.total];
  // Languages nobody used in the whole range would only add empty columns.
  const locales = REPORT_LOCALES.filter((l) => report.total.conversations.byLocale[l] !== 0);
  const parts = [
    `OMA-botti coordinator report ${report.from} – ${report.to} (Europe/Helsinki days)`,
    `Counts from 1 to ${report.minimumCount - 1} are shown as "<${report.minimumCount}"; "suppressed" hides a figure that would reveal one of them.`,
    '',
    'Conversations by language',
    table(['day', 'total', ...locales], all.map((d) => [d.day, show(d.conversations.total), ...locales.map((l) => show(d.conversations.byLocale[l]))])),
    '',
    'Eligibility checks and bookings',
    table(
      ['day', 'checks', ...ELIGIBILITY_OUTCOMES, 'booked', 'cancelled', 'completed', 'not attended'],
      all.map((d) => [d.day, show(d.eligibility.total), ...ELIGIBILITY_OUTCOMES.map((o) => show(d.eligibility.byOutcome[o])), show(d.bookings.made), show(d.bookings.cancelled), show(d.bookings.completed), show(d.bookings.notAttended)]),
    ),
    '',
    'Unanswered questions and time to first reply',
    table(['day', 'unanswered', 'conversations', 'median first reply'], all.map((d) => [d.day, show(d.unansweredQuestions), show(d.firstReply.conversations), seconds(d.firstReply.medianMs)])),
    '',
    'Live chats with a coach and call-back requests',
    table(
      ['day', 'requested', ...LIVE_CHAT_OUTCOMES, 'call-backs', 'median first coach reply'],
      all.map((d) => [d.day, show(d.liveChat.requested), ...LIVE_CHAT_OUTCOMES.map((o) => show(d.liveChat.byOutcome[o])), show(d.liveChat.callbackRequests), seconds(d.liveChat.firstCoachReply.medianMs)]),
    ),
    '',
    'Top unanswered topics (closest knowledge article)',
    report.topUnansweredTopics.length === 0
      ? '(none)'
      : table(['article', 'title', 'questions'], report.topUnansweredTopics.map((t) => [t.articleId ?? '(no close article)', t.title ?? '', show(t.count)]), 2),
  ];
  return `${parts.join('\n')}\n`;
}
