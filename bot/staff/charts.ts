/**
 * Simple charts drawn on the server as SVG (no script needed): horizontal bars
 * for categories and columns for days. A suppressed figure ("<5", "suppressed") draws no bar and
 * is written out instead, so a chart never shows more than the report's tables do.
 */
import { escapeHtml as e } from '../kernel/html.js';

export type ChartValue = number | string;

export interface ChartItem {
  label: string;
  value: ChartValue;
}

let seq = 0;

function numeric(v: ChartValue): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Horizontal bars, one per item, with the value at the end of each bar. */
export function barChart(title: string, items: ChartItem[], formatValue: (v: ChartValue) => string = String): string {
  const id = `chart-${++seq}`;
  const row = 28;
  const labelW = 150;
  const barW = 260;
  const height = Math.max(1, items.length) * row + 8;
  const max = Math.max(1, ...items.map((i) => numeric(i.value) ?? 0));
  const bars = items
    .map((item, i) => {
      const y = 4 + i * row;
      const n = numeric(item.value);
      const w = n === undefined ? 0 : Math.max(n > 0 ? 2 : 0, Math.round((n / max) * barW));
      return `<text x="${labelW - 8}" y="${y + 18}" text-anchor="end" class="chart-label">${e(item.label)}</text><rect x="${labelW}" y="${y + 4}" width="${w}" height="${row - 10}" class="chart-bar"></rect><text x="${labelW + w + 6}" y="${y + 18}" class="chart-value">${e(formatValue(item.value))}</text>`;
    })
    .join('');
  return `<figure class="chart"><svg role="img" aria-labelledby="${id}" viewBox="0 0 ${labelW + barW + 90} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="${id}">${e(title)}: ${e(items.map((i) => `${i.label} ${formatValue(i.value)}`).join(', '))}</title>${bars}</svg><figcaption>${e(title)}</figcaption></figure>`;
}

/** Columns, one per day, with the first and last day written under the axis. */
export function dayChart(title: string, items: ChartItem[], formatValue: (v: ChartValue) => string = String): string {
  const id = `chart-${++seq}`;
  const height = 140;
  const top = 16;
  const colW = Math.max(6, Math.min(28, Math.floor(560 / Math.max(1, items.length))));
  const width = Math.max(200, items.length * colW + 40);
  const max = Math.max(1, ...items.map((i) => numeric(i.value) ?? 0));
  const cols = items
    .map((item, i) => {
      const n = numeric(item.value);
      const h = n === undefined ? 0 : Math.round((n / max) * (height - top - 24));
      const x = 20 + i * colW;
      return `<rect x="${x}" y="${height - 24 - h}" width="${colW - 2}" height="${h}" class="chart-bar"><title>${e(item.label)}: ${e(formatValue(item.value))}</title></rect>`;
    })
    .join('');
  const first = items[0]?.label ?? '';
  const last = items[items.length - 1]?.label ?? '';
  const summary = items.map((i) => `${i.label} ${formatValue(i.value)}`).join(', ');
  return `<figure class="chart"><svg role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="${id}">${e(title)}: ${e(summary)}</title><line x1="18" y1="${height - 23}" x2="${width - 10}" y2="${height - 23}" class="chart-axis"></line>${cols}<text x="20" y="${height - 6}" class="chart-label">${e(first)}</text><text x="${width - 10}" y="${height - 6}" text-anchor="end" class="chart-label">${e(last)}</text><text x="20" y="12" class="chart-label">${e(formatValue(max))}</text></svg><figcaption>${e(title)}</figcaption></figure>`;
}
