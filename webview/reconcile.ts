/**
 * The Reconcile Extractions page. It says `ready` once it listens, then shows the differences of
 * the pair the host sends, one row each, grouped by section. Every decision goes to the host,
 * which writes the consensus file; the page keeps the focused difference and the scroll in
 * getState/setState, and the decisions come back from the consensus file itself.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { Decision } from '../src/core/agree/consensus';
import type { Difference, SideValue } from '../src/core/agree/types';
import { isReconcileHostMessage, readReconcileState, type ReconcileHostMessage, type ReconcilePageMessage, type ReconcileState, type ReconcileView } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: ReconcilePageMessage): void;
  getState(): unknown;
  setState(state: ReconcileState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
let state = readReconcileState(api.getState());
let view: ReconcileView | undefined;
/** The difference being edited, if any. */
let editing: string | undefined;

function save(next: Partial<ReconcileState>): void {
  state = { ...state, ...next };
  api.setState(state);
}

function byId(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing from the page`);
  return e;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text; // always text: a value is never HTML
  return e;
}

const share = (n: number | null) => (n === null ? '–' : `${(n * 100).toFixed(1)}%`);

function settledCount(v: ReconcileView): number {
  return v.differences.filter((d) => v.decisions[d.id]).length;
}

function statusText(v: ReconcileView, d: Difference): string {
  const decision = v.decisions[d.id];
  if (!decision) return 'Unsettled';
  if (decision.taken === 'edited') return `Edited: ${decision.value}`;
  const who = decision.taken === 'left' ? v.left.curator : v.right.curator;
  return `Took ${decision.taken} (${who})`;
}

function sideCell(side: 'left' | 'right', value: SideValue | undefined): HTMLTableCellElement {
  const td = el('td', `side ${side}${value ? '' : ' none'}`);
  if (!value) {
    td.append(el('span', 'value', '(none)'));
    return td;
  }
  const button = el('button', 'value', value.text);
  button.type = 'button';
  button.dataset.side = side;
  button.title = value.source ? `Show line ${value.source.line} in its file` : 'Not found in the file';
  td.append(button);
  if (value.quote) td.append(el('blockquote', 'quote', value.quote));
  return td;
}

function decideCell(v: ReconcileView, d: Difference): HTMLTableCellElement {
  const td = el('td', 'decide');
  if (editing === d.id) {
    const decision = v.decisions[d.id];
    // A plain input in the grid, like the grid itself: it takes the focus at once, so the first
    // keys a curator types after E go into it, never to the row's shortcuts.
    const field = el('input', 'edit');
    field.type = 'text';
    field.spellcheck = false;
    field.setAttribute('aria-label', `New value of ${d.id} (Enter to keep, Escape to cancel)`);
    field.value = decision?.taken === 'edited' ? decision.value : (d.left?.text ?? d.right?.text ?? '');
    td.append(field, button('keep-edit', 'Keep', 'Keep this value (Enter)'), button('cancel-edit', 'Cancel', 'Cancel (Escape)'));
    return td;
  }
  const taken = v.decisions[d.id]?.taken;
  td.append(button('left', 'Take left', `Take ${v.left.curator}'s value (1)`, taken === 'left'), button('right', 'Take right', `Take ${v.right.curator}'s value (2)`, taken === 'right'), button('edit', 'Edit', 'Write the value anew (E)', taken === 'edited'));
  td.append(el('span', 'status', statusText(v, d)));
  return td;
}

function button(action: string, label: string, title: string, pressed?: boolean): HTMLElement {
  const b = document.createElement('vscode-button');
  b.dataset.action = action;
  b.textContent = label;
  b.title = title;
  if (pressed === undefined) return b;
  if (!pressed) b.setAttribute('secondary', '');
  b.setAttribute('aria-pressed', String(pressed));
  return b;
}

function row(v: ReconcileView, d: Difference): HTMLTableRowElement {
  const decision = v.decisions[d.id];
  const tr = el('tr', `difference${decision ? ` settled settled-${decision.taken}` : ''}`);
  tr.dataset.id = d.id;
  tr.tabIndex = -1;
  const th = el('th', 'field', d.label);
  th.scope = 'row';
  if (d.categorical) th.append(el('span', 'categorical', 'categorical'));
  tr.append(th, sideCell('left', d.left), sideCell('right', d.right), decideCell(v, d));
  return tr;
}

function render(): void {
  if (!view) return;
  const v = view;
  byId('title').textContent = `${v.id}: ${v.left.curator} and ${v.right.curator}`;
  updateProgress();
  const k = v.agreement.kappa;
  byId('agreement').textContent = `Agreement ${share(v.agreement.overall.share)} of ${v.agreement.overall.fields} fields · Cohen's κ ${k.kappa === null ? 'undefined' : k.kappa.toFixed(2)} over ${k.n} categorical fields`;
  const content = byId('content');
  content.replaceChildren();
  if (!v.differences.length) {
    content.append(el('p', 'empty', 'The two extractions agree on every field: nothing to settle.'));
    return finish();
  }
  const table = el('table', 'grid differences');
  const caption = el('caption', 'visually-hidden', 'Differences between the two extractions, by section');
  const head = el('thead');
  const hr = el('tr');
  for (const [text, cls] of [['Field', 'field'], [`Left: ${v.left.curator}`, 'left'], [`Right: ${v.right.curator}`, 'right'], ['Settled', 'decide']] as const) {
    const th = el('th', cls, text);
    th.scope = 'col';
    hr.append(th);
  }
  head.append(hr);
  const body = el('tbody');
  const sections = [...new Set(v.differences.map((d) => d.section))];
  for (const section of sections) {
    const figure = v.agreement.sections.find((s) => s.section === section);
    const g = el('tr', 'group');
    const th = el('th', undefined, `${section}${figure ? ` · ${figure.agreed} of ${figure.fields} fields agree` : ''}`);
    th.colSpan = 4;
    g.append(th);
    body.append(g);
    for (const d of v.differences.filter((x) => x.section === section)) body.append(row(v, d));
  }
  table.append(caption, head, body);
  content.append(table);
  finish();
}

/** The focus on the current difference (roving tab index), and the scroll restored. */
function finish(): void {
  const rows = differenceRows();
  // Where the curator was, else the first difference still to settle.
  const current = rows.find((r) => r.dataset.id === state.current) ?? rows.find((r) => !r.classList.contains('settled')) ?? rows[0];
  for (const r of rows) r.tabIndex = r === current ? 0 : -1;
  byId('content').scrollTop = state.scrollY;
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
}

function updateProgress(): void {
  if (!view) return;
  const settled = settledCount(view);
  byId('progress').textContent = `${settled} of ${view.differences.length} settled`;
}

const differenceRows = () => [...document.querySelectorAll<HTMLTableRowElement>('tr.difference')];

function focusRow(id: string | undefined): void {
  const rows = differenceRows();
  const target = rows.find((r) => r.dataset.id === id);
  if (!target) return;
  for (const r of rows) r.tabIndex = r === target ? 0 : -1;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
  save({ current: id });
}

/** The next unsettled difference after `from` (wrapping round), or undefined when all are settled. */
function nextUnsettled(from: string | undefined): string | undefined {
  if (!view) return undefined;
  const list = view.differences;
  const at = list.findIndex((d) => d.id === from);
  for (let i = 1; i <= list.length; i++) {
    const d = list[(at + i + list.length) % list.length];
    if (d && !view.decisions[d.id]) return d.id;
  }
  return undefined;
}

/** Draws one difference's row again (its decision or its edit box changed); the new row, if drawn. */
function redrawRow(id: string): HTMLTableRowElement | undefined {
  const d = view?.differences.find((x) => x.id === id);
  const old = differenceRows().find((r) => r.dataset.id === id);
  if (!view || !d || !old) return undefined;
  const fresh = row(view, d);
  old.replaceWith(fresh);
  return fresh;
}

function decide(id: string, decision: Decision | null): void {
  if (!view) return;
  if (decision) view.decisions[id] = decision;
  else delete view.decisions[id];
  editing = undefined;
  api.postMessage({ type: 'decide', id, decision });
  redrawRow(id);
  updateProgress();
  // A settled difference moves the focus on to the next unsettled one.
  focusRow(decision ? (nextUnsettled(id) ?? id) : id);
}

function startEdit(id: string): void {
  if (!view) return;
  editing = id;
  const fresh = redrawRow(id);
  if (!fresh) return;
  save({ current: id });
  const field = fresh.querySelector<HTMLInputElement>('input.edit');
  field?.focus();
  field?.select();
}

function keepEdit(tr: HTMLElement): void {
  const field = tr.querySelector<HTMLInputElement>('input.edit');
  const id = tr.dataset.id;
  if (!field || !id) return;
  if (field.value.trim() === '') return field.setAttribute('aria-invalid', 'true');
  decide(id, { taken: 'edited', value: field.value });
}

function cancelEdit(id: string): void {
  if (!view) return;
  editing = undefined;
  redrawRow(id);
  focusRow(id);
}

function reveal(id: string, side: 'left' | 'right'): void {
  const source = view?.differences.find((d) => d.id === id)?.[side]?.source;
  if (source) api.postMessage({ type: 'reveal', file: source.file, start: source.start, end: source.end });
}

document.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  if (target.closest('#next')) return focusRow(nextUnsettled(state.current));
  const tr = target.closest<HTMLElement>('tr.difference');
  const id = tr?.dataset.id;
  if (!tr || !id) return;
  const value = target.closest<HTMLElement>('button.value');
  if (value) return reveal(id, value.dataset.side === 'right' ? 'right' : 'left');
  const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
  if (action === 'left' || action === 'right') decide(id, { taken: action });
  else if (action === 'edit') startEdit(id);
  else if (action === 'keep-edit') keepEdit(tr);
  else if (action === 'cancel-edit') cancelEdit(id);
  else focusRow(id);
});

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement;
  const tr = target.closest<HTMLElement>('tr.difference');
  const id = tr?.dataset.id;
  if (target.closest('input.edit')) {
    if (e.key === 'Enter' && tr) (e.preventDefault(), keepEdit(tr));
    else if (e.key === 'Escape' && id) (e.preventDefault(), cancelEdit(id));
    return;
  }
  const key = e.key.toLowerCase();
  if (key === 'n') return (e.preventDefault(), focusRow(nextUnsettled(id ?? state.current)));
  if (!tr || !id) return;
  if (key === '1') decide(id, { taken: 'left' });
  else if (key === '2') decide(id, { taken: 'right' });
  else if (key === 'e') (e.preventDefault(), startEdit(id));
  else if (key === 'u') decide(id, null);
  else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const rows = differenceRows();
    const at = rows.findIndex((r) => r.dataset.id === id);
    const to = rows[Math.min(Math.max(at + (e.key === 'ArrowDown' ? 1 : -1), 0), rows.length - 1)];
    e.preventDefault();
    focusRow(to?.dataset.id);
  } else if (e.key === 'Enter' && target === tr) reveal(id, 'left');
  else return;
});

byId('content').addEventListener('scroll', () => save({ scrollY: byId('content').scrollTop }), { passive: true });

function saved(m: Extract<ReconcileHostMessage, { type: 'saved' }>): void {
  const problems = m.errors ? ` The consensus has ${m.errors} error${m.errors === 1 ? '' : 's'}; open it to see them.` : '';
  const refused = m.refused.length ? ` Not written: ${m.refused.map((r) => `${r.id} (${r.reason})`).join('; ')}.` : '';
  byId('saved').textContent = `Saved to ${m.consensus}: ${m.settled} settled.${problems}${refused}`;
  if (view) for (const r of m.refused) delete view.decisions[r.id];
  if (m.refused.length) render();
  document.body.dataset.saves = String(Number(document.body.dataset.saves ?? 0) + 1);
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (!isReconcileHostMessage(e.data)) return; // anything else is not the protocol
  if (e.data.type === 'saved') return saved(e.data);
  view = e.data.view;
  save({ left: view.left.file, right: view.right.file }); // for the serializer after a window reload
  byId('saved').textContent = view.consensusExists ? `Resumed from ${view.consensus}: ${settledCount(view)} settled.` : `The consensus will be written to ${view.consensus}.`;
  render();
});

api.postMessage({ type: 'ready' });
