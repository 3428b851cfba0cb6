import { describe, expect, it } from 'vitest';
import { HIDDEN, median, SMALL, suppressCount, suppressTable, type Shown } from '../../bot/analytics/suppression.js';

/** True when some line (row or column with its total) hides exactly one figure: it could be worked out. */
function derivable(t: ReturnType<typeof suppressTable>): boolean {
  const hidden = (v: Shown) => typeof v === 'string';
  const rows = t.cells.map((r, i) => [...r, t.rowTotals[i]]);
  rows.push([...t.columnTotals, t.total]);
  const lines = [...rows, ...rows[0].map((_, j) => rows.map((r) => r[j]))];
  return lines.some((l) => l.length > 2 && l.filter(hidden).length === 1);
}

describe('small-count suppression', () => {
  it('shows 0 and counts from 5, hides 1 to 4', () => {
    expect([0, 1, 4, 5, 120].map(suppressCount)).toEqual([0, SMALL, SMALL, 5, 120]);
  });

  it('hides a second figure when a total would reveal the small one', () => {
    // fi 7, en 6, ar 2 out of 15: with en shown, ar = 15 - 7 - 6.
    const t = suppressTable([[7, 6, 2]]);
    expect(t.cells[0]).toEqual([7, HIDDEN, SMALL]);
    expect(t.rowTotals).toEqual([15]);
    expect(derivable(t)).toBe(false);
  });

  it('keeps a table with no small counts as it is', () => {
    const t = suppressTable([
      [10, 0, 7],
      [5, 8, 0],
    ]);
    expect(t.cells).toEqual([
      [10, 0, 7],
      [5, 8, 0],
    ]);
    expect(t.rowTotals).toEqual([17, 13]);
    expect(t.columnTotals).toEqual([15, 8, 7]);
    expect(t.total).toBe(30);
  });

  it('leaves no figure derivable by subtraction across days and categories', () => {
    const t = suppressTable([
      [7, 6, 2, 0],
      [5, 0, 0, 1],
      [9, 12, 3, 6],
    ]);
    expect(derivable(t)).toBe(false);
    const numbers = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total].filter((v): v is number => typeof v === 'number');
    expect(numbers.every((n) => n === 0 || n >= 5)).toBe(true);
    // What stays visible is the truth.
    expect(t.total).toBe(51);
    expect(t.rowTotals).toEqual([15, 6, 30]);
  });

  it('hides another day when the range total would reveal a small day', () => {
    const t = suppressTable([[8], [1], [6]]);
    expect(t.cells.map((r) => r[0])).toEqual([8, SMALL, HIDDEN]);
    expect(t.total).toBe(15);
  });

  it('rejects counts that are not whole numbers', () => {
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([500, 100, 300])).toBe(300);
    expect(median([100, 200, 300, 400, 500, 2000])).toBe(350);
  });
});
