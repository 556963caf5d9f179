/**
 * A plain <table> of rows × trials: one column per trial, a row header per fact. Every string
 * from an annotation is set as text, never as HTML. Keyboard: one cell is in the tab order
 * (roving tabindex); arrows, Home and End move; Enter on a cell reveals its source, on a row
 * header sorts the trials by that row, on a group header collapses it.
 */
import type { Cell } from '../src/core/compare/types';
import type { PageComparison as Comparison, PanelState } from '../src/shared/protocol';
import type { View } from './view';

export interface TableActions {
  reveal(cell: Cell): void;
  sortBy(row: string): void;
  toggleGroup(group: string): void;
  pin(trial: string): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const STATE_WORDS: Record<Cell['state'], string> = {
  value: '',
  absent: 'not in the file',
  'not-reported': 'not reported',
  'missing-expected': 'expected by the outcome set, not recorded',
  'declared-not-reported': 'declared, no result',
};

/** The header row: one column per trial, with its id, problems, title and file, and its pin button. */
function headerRow(c: Comparison, view: View, s: PanelState, actions: TableActions): HTMLTableRowElement {
  const headRow = el('tr');
  headRow.append(el('th', 'Field', 'corner'));
  for (const i of view.columns) {
    const t = c.trials[i];
    if (!t) continue;
    const th = el('th', undefined, t.id === s.pinned ? 'trial pinned' : 'trial');
    th.scope = 'col';
    th.title = `${t.title}\n${t.file}`;
    th.append(el('span', t.id, 'trial-id'));
    if (t.unreadable || t.problems.errors) th.append(el('span', t.unreadable ? 'unreadable' : `${t.problems.errors} errors`, 'problems'));
    const pin = el('button', t.id === s.pinned ? 'Unpin' : 'Pin', 'pin');
    pin.type = 'button';
    pin.setAttribute('aria-label', `${t.id === s.pinned ? 'Unpin' : 'Pin'} ${t.id} as the reference trial`);
    pin.addEventListener('click', () => actions.pin(t.id));
    th.append(pin);
    headRow.append(th);
  }
  return headRow;
}

/** What a drawn table shows, as a key: a live update with the same key patches cells in place. */
function shapeOf(c: Comparison, view: View, s: PanelState): string {
  const columns = view.columns.map((i) => c.trials[i]?.id ?? '');
  const lines = view.lines.map((l) => (l.kind === 'group' ? `g:${l.group}:${l.collapsed}:${l.count}` : `r:${l.row.id}:${l.row.label}`));
  return JSON.stringify([columns, lines, s.sort ?? null, s.pinned ?? null]);
}

interface Drawn {
  shape: string;
  cellOf: WeakMap<Element, Cell>;
}
const drawnTables = new WeakMap<HTMLTableElement, Drawn>();

/** A data cell's text, classes, tooltip and link, set only where they changed (a patch touches few). */
function fillCell(td: HTMLTableCellElement, cell: Cell, differs: boolean, cellOf: WeakMap<Element, Cell>): void {
  const text = cell.text || STATE_WORDS[cell.state];
  const className = `cell ${cell.state}${differs ? ' differs' : ''}${cell.source ? ' linked' : ''}`;
  const tip = [cell.written && cell.written !== cell.text ? `As written: ${cell.written}` : '', cell.note ?? '', cell.source ? `${cell.source.file}:${cell.source.line}` : '', STATE_WORDS[cell.state]].filter(Boolean).join('\n');
  if (td.textContent !== text) td.textContent = text;
  if (td.className !== className) td.className = className;
  if (td.title !== tip) td.title = tip;
  if (cell.source) cellOf.set(td, cell);
  else cellOf.delete(td);
}

/**
 * Updates a drawn table in place when the comparison changed but its shape did not (the same
 * trials in the same order, the same rows): a live edit of one file then rewrites the cells
 * that changed, and the focused cell and the scroll stay where they were. False when the shape
 * differs, for the caller to draw the table anew.
 */
export function patchTable(table: HTMLTableElement, c: Comparison, view: View, s: PanelState, actions: TableActions): boolean {
  const drawn = drawnTables.get(table);
  if (!drawn || drawn.shape !== shapeOf(c, view, s)) return false;
  const rows = table.tBodies[0]?.rows;
  if (!rows || rows.length !== view.lines.length) return false;
  // A trial's title, file or problem count may have changed: the header row is small, drawn anew.
  table.tHead?.replaceChildren(headerRow(c, view, s, actions));
  view.lines.forEach((line, r) => {
    if (line.kind === 'group') return;
    const tds = rows[r]?.cells;
    view.columns.forEach((i, k) => {
      const td = tds?.[k + 1];
      if (td) fillCell(td, line.row.cells[i] ?? { text: '', state: 'absent' }, line.differs[k] ?? false, drawn.cellOf);
    });
  });
  return true;
}

export function renderTable(label: string, c: Comparison, view: View, s: PanelState, actions: TableActions): HTMLTableElement {
  const table = el('table', undefined, 'grid');
  table.setAttribute('aria-label', label);
  const caption = el('caption', label, 'visually-hidden');
  table.append(caption);
  const head = el('thead');
  head.append(headerRow(c, view, s, actions));
  const body = el('tbody');
  // One listener for every cell (thousands in a large comparison), not one each.
  const cellOf = new WeakMap<Element, Cell>();
  body.addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest('td.linked');
    const cell = td && cellOf.get(td);
    if (cell) actions.reveal(cell);
  });
  for (const line of view.lines) {
    const tr = el('tr');
    if (line.kind === 'group') {
      tr.className = 'group';
      const th = el('th');
      th.colSpan = view.columns.length + 1;
      th.scope = 'rowgroup';
      const toggle = el('button', `${line.collapsed ? '▸' : '▾'} ${line.group} (${line.count})`, 'group-toggle');
      toggle.type = 'button';
      toggle.tabIndex = -1; // the cell holds the focus (roving tabindex); Enter presses it
      toggle.setAttribute('aria-expanded', String(!line.collapsed));
      toggle.addEventListener('click', () => actions.toggleGroup(line.group));
      th.append(toggle);
      tr.append(th);
    } else {
      const sorted = s.sort?.row === line.row.id;
      const th = el('th', undefined, 'row-header');
      th.scope = 'row';
      th.setAttribute('aria-sort', sorted ? (s.sort?.descending ? 'descending' : 'ascending') : 'none');
      const sort = el('button', `${line.row.label}${sorted ? (s.sort?.descending ? ' ↓' : ' ↑') : ''}`, 'sort');
      sort.type = 'button';
      sort.tabIndex = -1;
      sort.title = 'Order the trials by this row';
      sort.addEventListener('click', () => actions.sortBy(line.row.id));
      th.append(sort);
      tr.append(th);
      view.columns.forEach((i, k) => {
        const td = el('td');
        td.dataset.trial = c.trials[i]?.id ?? '';
        td.dataset.row = line.row.id;
        fillCell(td, line.row.cells[i] ?? { text: '', state: 'absent' }, line.differs[k] ?? false, cellOf);
        tr.append(td);
      });
    }
    body.append(tr);
  }
  table.append(head, body);
  roving(table);
  drawnTables.set(table, { shape: shapeOf(c, view, s), cellOf });
  return table;
}

/** One cell in the tab order; arrows move it, Enter acts on it. */
function roving(table: HTMLTableElement): void {
  const cells = () => [...table.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => [...tr.querySelectorAll<HTMLElement>('th, td')]);
  const all = cells().flat();
  all.forEach((c, i) => (c.tabIndex = i === 0 ? 0 : -1));
  table.addEventListener('keydown', (e) => {
    const grid = cells();
    const target = (e.target as HTMLElement).closest<HTMLElement>('th, td');
    const r = grid.findIndex((row) => target && row.includes(target));
    if (r < 0 || !target) return;
    const col = grid[r]?.indexOf(target) ?? 0;
    const move = (nr: number, nc: number) => {
      const row = grid[Math.max(0, Math.min(grid.length - 1, nr))] ?? [];
      const next = row[Math.max(0, Math.min(row.length - 1, nc))];
      if (!next) return;
      target.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') move(r + 1, col);
    else if (e.key === 'ArrowUp') move(r - 1, col);
    else if (e.key === 'ArrowRight') move(r, col + 1);
    else if (e.key === 'ArrowLeft') move(r, col - 1);
    else if (e.key === 'Home') move(e.ctrlKey ? 0 : r, 0);
    else if (e.key === 'End') move(e.ctrlKey ? grid.length - 1 : r, Number.MAX_SAFE_INTEGER);
    else if (e.key === 'Enter' || e.key === ' ') {
      const button = target.querySelector('button');
      if (button) button.click();
      else target.click();
      e.preventDefault();
    }
  });
  table.addEventListener('focusin', (e) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('th, td');
    if (!cell || !table.contains(cell)) return;
    for (const c of table.querySelectorAll<HTMLElement>('[tabindex="0"]')) if (c !== cell && c.matches('th, td')) c.tabIndex = -1;
    if (cell.matches('th, td')) cell.tabIndex = 0;
  });
}
