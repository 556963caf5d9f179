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

export function renderTable(label: string, c: Comparison, view: View, s: PanelState, actions: TableActions): HTMLTableElement {
  const table = el('table', undefined, 'grid');
  table.setAttribute('aria-label', label);
  const caption = el('caption', label, 'visually-hidden');
  table.append(caption);
  const head = el('thead');
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
  head.append(headRow);
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
        const cell = line.row.cells[i] ?? { text: '', state: 'absent' as const };
        const td = el('td', cell.text || STATE_WORDS[cell.state], `cell ${cell.state}${line.differs[k] ? ' differs' : ''}`);
        td.dataset.trial = c.trials[i]?.id ?? '';
        td.dataset.row = line.row.id;
        const tip = [cell.written && cell.written !== cell.text ? `As written: ${cell.written}` : '', cell.note ?? '', cell.source ? `${cell.source.file}:${cell.source.line}` : '', STATE_WORDS[cell.state]].filter(Boolean);
        if (tip.length) td.title = tip.join('\n');
        if (cell.source) {
          td.classList.add('linked');
          cellOf.set(td, cell);
        }
        tr.append(td);
      });
    }
    body.append(tr);
  }
  table.append(head, body);
  roving(table);
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
