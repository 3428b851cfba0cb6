/** An admin's report pages: the knowledge gaps and the coordinator report, with SVG charts and tables. */
import { ELIGIBILITY_OUTCOMES, REPORT_LOCALES, type CoordinatorReport } from '../analytics/coordinatorReport.js';
import { NATIVE_NAMES, isLocale } from '../i18n/locales.js';
import type { GapReport } from '../knowledge/gapRepository.js';
import { formatDate, formatNumber } from '../language/format.js';
import { barChart, dayChart, type ChartValue } from './charts.js';
import { e, field, layout, notice, table, tx, type View } from './html.js';

function rangeForm(v: View, action: string, range: { from: string; to: string }, error?: string): string {
  return `<form method="get" action="${action}" class="range">${field({ id: 'from', name: 'from', type: 'date', label: tx(v, 'range.from'), value: range.from, required: true })}${field({
    id: 'to',
    name: 'to',
    type: 'date',
    label: tx(v, 'range.to'),
    value: range.to,
    required: true,
  })}<button type="submit" class="btn btn-secondary">${tx(v, 'range.show')}</button></form>${error ? notice(e(error), 'error') : ''}`;
}

/** A Helsinki calendar day (YYYY-MM-DD) as the console's language writes dates. */
function dayLabel(day: string, v: View): string {
  return formatDate(new Date(`${day}T12:00:00Z`), v.locale);
}

function localeName(code: string, v: View): string {
  if (code === 'other') return String(v.t('console:report.otherLanguage'));
  return isLocale(code) ? NATIVE_NAMES[code] : code;
}

export function gapsPage(v: View, range: { from: string; to: string }, report: GapReport | undefined, error?: string): string {
  const n = (x: ChartValue) => (typeof x === 'number' ? formatNumber(x, v.locale) : String(x));
  let content = '';
  if (report) {
    const byLocale = Object.entries(report.byLocale).sort((a, b) => b[1] - a[1]);
    const byKind = Object.entries(report.byKind).sort((a, b) => b[1] - a[1]);
    content = [
      `<p>${tx(v, 'gaps.total', { count: report.total })}</p>`,
      report.total === 0
        ? `<p>${tx(v, 'gaps.none')}</p>`
        : [
            barChart(String(v.t('console:gaps.byLocale')), byLocale.map(([k, c]) => ({ label: localeName(k, v), value: c })), n),
            barChart(String(v.t('console:gaps.byKind')), byKind.map(([k, c]) => ({ label: String(v.t(`console:gaps.kind.${k}`, { defaultValue: k })), value: c })), n),
            table(tx(v, 'gaps.articles'), [tx(v, 'gaps.article'), tx(v, 'gaps.count'), tx(v, 'gaps.score')], report.byTopArticle.map((a) => [e(a.articleId ?? String(v.t('console:gaps.noArticle'))), n(a.count), a.averageScore.toFixed(2)])),
            report.questions.length
              ? table(
                  tx(v, 'gaps.questions'),
                  [tx(v, 'gaps.day'), tx(v, 'gaps.language'), tx(v, 'gaps.question')],
                  report.questions.map((q) => [e(q.day), e(localeName(q.locale, v)), `<span lang="${e(q.locale === 'fi-x-selko' ? 'fi' : q.locale)}">${e(q.question)}</span>`]),
                )
              : '',
          ].join(''),
    ].join('');
  }
  return layout(v, { title: String(v.t('console:gaps.title')), path: '/staff/gaps', body: `<p>${tx(v, 'gaps.intro')}</p>${rangeForm(v, '/staff/gaps', range, error)}${content}` });
}

export function reportPage(v: View, range: { from: string; to: string }, report: CoordinatorReport | undefined, error?: string): string {
  const shown = (x: ChartValue) => (x === 'suppressed' ? String(v.t('console:report.suppressed')) : typeof x === 'number' ? formatNumber(x, v.locale) : String(x));
  let content = '';
  if (report) {
    const total = report.total;
    const locales = REPORT_LOCALES.filter((l) => total.conversations.byLocale[l] !== 0);
    content = [
      `<p>${tx(v, 'report.suppression', { min: report.minimumCount })}</p>`,
      `<h2>${tx(v, 'report.conversations')}</h2>`,
      dayChart(String(v.t('console:report.conversationsByDay')), report.days.map((d) => ({ label: dayLabel(d.day, v), value: d.conversations.total })), shown),
      locales.length
        ? barChart(String(v.t('console:report.conversationsByLocale')), locales.map((l) => ({ label: localeName(l, v), value: total.conversations.byLocale[l] })), shown)
        : `<p>${tx(v, 'report.noConversations')}</p>`,
      `<h2>${tx(v, 'report.eligibility')}</h2>`,
      barChart(String(v.t('console:report.eligibilityOutcomes')), ELIGIBILITY_OUTCOMES.map((o) => ({ label: String(v.t(`console:report.outcome.${o}`)), value: total.eligibility.byOutcome[o] })), shown),
      `<h2>${tx(v, 'report.bookings')}</h2>`,
      barChart(
        String(v.t('console:report.bookingsTotal')),
        (['made', 'cancelled', 'completed', 'notAttended'] as const).map((k) => ({ label: String(v.t(`console:report.booking.${k}`)), value: total.bookings[k] })),
        shown,
      ),
      table(
        tx(v, 'report.byDay'),
        [tx(v, 'report.day'), tx(v, 'report.conversationsCol'), tx(v, 'report.checks'), tx(v, 'report.booking.made'), tx(v, 'report.booking.cancelled'), tx(v, 'report.booking.completed'), tx(v, 'report.booking.notAttended'), tx(v, 'report.unanswered')],
        [...report.days, total].map((d) => [
          d.day === 'total' ? tx(v, 'report.total') : `<time datetime="${e(d.day)}">${e(dayLabel(d.day, v))}</time>`,
          e(shown(d.conversations.total)),
          e(shown(d.eligibility.total)),
          e(shown(d.bookings.made)),
          e(shown(d.bookings.cancelled)),
          e(shown(d.bookings.completed)),
          e(shown(d.bookings.notAttended)),
          e(shown(d.unansweredQuestions)),
        ]),
      ),
    ].join('');
  }
  return layout(v, { title: String(v.t('console:report.title')), path: '/staff/report', body: `<p>${tx(v, 'report.intro')}</p>${rangeForm(v, '/staff/report', range, error)}${content}` });
}
