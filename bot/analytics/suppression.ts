/**
 * Small-count suppression for the coordinator report, so no published figure can single out a
 * person. A count from 1 to MIN_SHOWN - 1 is shown as "<5" (primary suppression). Because row and
 * column totals are published too, a lone hidden cell could be worked out by subtraction; so in
 * every line (a row or column together with its total) that hides exactly one figure, the smallest
 * other non-zero figure is hidden as well ("suppressed", secondary suppression), until no line
 * hides exactly one. Zeros stay visible: they say nothing about anyone.
 */
export const MIN_SHOWN = 5;

export const SMALL = '<5' as const;
export const HIDDEN = 'suppressed' as const;
/** A published count: the number, "<5" for a small count, or "suppressed" for one hidden so a small one cannot be derived. */
export type Shown = number | typeof SMALL | typeof HIDDEN;

export interface SuppressedTable {
  cells: Shown[][];
  rowTotals: Shown[];
  columnTotals: Shown[];
  total: Shown;
}

/** One count on its own, with nothing to subtract it from. */
export function suppressCount(n: number): Shown {
  return n > 0 && n < MIN_SHOWN ? SMALL : n;
}

/**
 * Suppresses a table of counts (rows × columns) together with its row, column and grand totals,
 * which are computed here from the cells.
 */
export function suppressTable(cells: readonly (readonly number[])[]): SuppressedTable {
  const rows = cells.length;
  const cols = rows > 0 ? cells[0].length : 0;
  // The extended matrix: cells, row totals in the last column, column totals in the last row.
  const m: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = 0; i < rows; i++) {
    if (cells[i].length !== cols) throw new RangeError('every row needs the same number of columns');
    for (let j = 0; j < cols; j++) {
      const v = cells[i][j];
      if (!Number.isInteger(v) || v < 0) throw new RangeError('counts must be whole numbers ≥ 0');
      m[i][j] = v;
      m[i][cols] += v;
      m[rows][j] += v;
      m[rows][cols] += v;
    }
  }
  const state: Array<Array<'shown' | 'small' | 'hidden'>> = m.map((row) => row.map((v) => (v > 0 && v < MIN_SHOWN ? 'small' : 'shown')));

  // Every line of the extended matrix: its members' coordinates; the last one is the line's total.
  const lines: Array<Array<[number, number]>> = [];
  for (let i = 0; i <= rows; i++) lines.push(Array.from({ length: cols + 1 }, (_, j) => [i, j] as [number, number]));
  for (let j = 0; j <= cols; j++) lines.push(Array.from({ length: rows + 1 }, (_, i) => [i, j] as [number, number]));

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      // With one member only besides its total, the member equals the total: nothing to derive.
      if (line.length <= 2) continue;
      const hidden = line.filter(([i, j]) => state[i][j] !== 'shown');
      if (hidden.length !== 1) continue;
      const candidates = line.filter(([i, j]) => state[i][j] === 'shown' && m[i][j] > 0);
      if (candidates.length === 0) continue;
      // Prefer hiding a cell over a total, then the smallest figure: the least information lost.
      const total = line[line.length - 1];
      candidates.sort((a, b) => Number(a === total) - Number(b === total) || m[a[0]][a[1]] - m[b[0]][b[1]]);
      const [i, j] = candidates[0];
      state[i][j] = 'hidden';
      changed = true;
    }
  }
  const shown = (i: number, j: number): Shown => (state[i][j] === 'small' ? SMALL : state[i][j] === 'hidden' ? HIDDEN : m[i][j]);
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => shown(i, j))),
    rowTotals: Array.from({ length: rows }, (_, i) => shown(i, cols)),
    columnTotals: Array.from({ length: cols }, (_, j) => shown(rows, j)),
    total: shown(rows, cols),
  };
}

/** The median of some numbers, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
