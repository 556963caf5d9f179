/**
 * What the tables show, from the comparison and the panel state: which trials (columns) in which
 * order, which rows, and which cells differ from the reference trial. Pure: tested without a DOM.
 */
import type { Row } from '../src/core/compare/types';
import type { PageComparison as Comparison, PanelState } from '../src/shared/protocol';

export interface ViewRow {
  row: Row;
  /** Per shown column: the cell differs from the reference column's. */
  differs: boolean[];
}

export interface View {
  /** Trial indexes, in the order shown. */
  columns: number[];
  /** The group headers and rows, in order; a collapsed group keeps its header and hides its rows. */
  lines: ({ kind: 'group'; group: string; collapsed: boolean; count: number } | ({ kind: 'row' } & ViewRow))[];
}

/** Trials whose id, title or any cell holds the filter text (case-insensitive). */
function matches(c: Comparison, rows: readonly Row[], trial: number, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  const t = c.trials[trial];
  const texts = [t?.id, t?.title, t?.file, ...rows.map((r) => r.cells[trial]?.text)];
  return texts.some((x) => x?.toLowerCase().includes(f));
}

/** Orders trials by one row: numbers where the cells have them, else text; empty cells last; the pinned trial first. */
function order(columns: number[], rows: readonly Row[], s: PanelState, c: Comparison): number[] {
  const pinned = columns.filter((i) => c.trials[i]?.id === s.pinned);
  const rest = columns.filter((i) => c.trials[i]?.id !== s.pinned);
  const by = s.sort && rows.find((r) => r.id === s.sort?.row);
  if (by) {
    const sign = s.sort?.descending ? -1 : 1;
    rest.sort((a, b) => {
      const [x, y] = [by.cells[a], by.cells[b]];
      const emptyX = !x || x.state === 'absent';
      const emptyY = !y || y.state === 'absent';
      if (emptyX !== emptyY) return emptyX ? 1 : -1;
      if (x?.sort !== undefined && y?.sort !== undefined && x.sort !== y.sort) return sign * (x.sort - y.sort);
      return sign * (x?.text ?? '').localeCompare(y?.text ?? '', undefined, { numeric: true });
    });
  }
  return [...pinned, ...rest];
}

/** Trials whose condition, type and product kind cells hold each chosen value. */
function faceted(c: Comparison, trial: number, s: PanelState): boolean {
  return Object.entries(s.facets).every(([row, value]) => !value || (c.overview.find((r) => r.id === row)?.cells[trial]?.text ?? '').split(/; |, /).includes(value));
}

/** The values a facet row takes across the trials, for its select. */
export function facetValues(c: Comparison, row: string): string[] {
  const cells = c.overview.find((r) => r.id === row)?.cells ?? [];
  return [...new Set(cells.flatMap((x) => (x.state === 'value' ? x.text.split(/; |, /) : [])))].sort();
}

export function viewOf(c: Comparison, rows: readonly Row[], s: PanelState): View {
  const visible = c.trials.map((_, i) => i).filter((i) => faceted(c, i, s) && matches(c, [...c.overview, ...c.endpoints], i, s.filter));
  const columns = order(visible, rows, s, c);
  const reference = columns[0];
  const lines: View['lines'] = [];
  let header: { kind: 'group'; group: string; collapsed: boolean; count: number } | undefined;
  for (const row of rows) {
    const texts = columns.map((i) => row.cells[i]?.text ?? '');
    const differs = texts.map((t) => reference !== undefined && t !== (row.cells[reference]?.text ?? ''));
    if (s.differencesOnly && !differs.some(Boolean)) continue;
    if (row.group !== header?.group) {
      header = { kind: 'group', group: row.group, collapsed: s.collapsed.includes(row.group), count: 0 };
      lines.push(header);
    }
    header.count++;
    if (!header.collapsed) lines.push({ kind: 'row', row, differs });
  }
  return { columns, lines };
}
