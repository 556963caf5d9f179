/**
 * The Compare Trials page. It says `ready` once it listens, then renders whatever comparison the
 * host sends, keeping tab, sort, filter, pinned trial, collapsed groups and scroll in
 * getState/setState so a re-render, a hidden panel or a window reload loses none of them.
 */
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { Cell } from '../src/core/compare/types';
import { FACET_ROWS, isHostMessage, readState, type ExportFormat, type FacetRow, type PageComparison as Comparison, type PageMessage, type PanelState } from '../src/shared/protocol';
import { renderDoseCharts } from './charts';
import { renderForest } from './forest';
import { renderTimelines } from './timeline';
import { patchTable, renderTable } from './table';
import { facetValues, viewOf } from './view';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
let state = readState(api.getState());
let comparison: Comparison | undefined;

const TABS: PanelState['tab'][] = ['overview', 'endpoints', 'charts'];

function save(next: Partial<PanelState>): void {
  state = { ...state, ...next };
  api.setState(state);
}

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing from the page`);
  return e as T;
}

function reveal(cell: Pick<Cell, 'source'>): void {
  if (cell.source) api.postMessage({ type: 'reveal', file: cell.source.file, start: cell.source.start, end: cell.source.end });
}

const actions = {
  reveal,
  sortBy(row: string) {
    save({ sort: state.sort?.row === row ? (state.sort.descending ? undefined : { row, descending: true }) : { row, descending: false } });
    render();
  },
  toggleGroup(group: string) {
    save({ collapsed: state.collapsed.includes(group) ? state.collapsed.filter((g) => g !== group) : [...state.collapsed, group] });
    render();
  },
  pin(trial: string) {
    save({ pinned: state.pinned === trial ? undefined : trial });
    render();
  },
};

/** Tabs drawn for the current data and state; the others are drawn when they are shown. */
const drawn = new Set<PanelState['tab']>();

const FACET_NAMES: Record<FacetRow, string> = { condition: 'Any condition', type: 'Any study type', 'product-kind': 'Any product kind' };

/** Each facet's select lists the values the trials have, and shows the chosen one. */
function fillFacets(c: Comparison): void {
  for (const row of FACET_ROWS) {
    const select = byId<HTMLElement & { value: string }>(`facet-${row}`);
    const options = [['', FACET_NAMES[row]], ...facetValues(c, row).map((v) => [v, v])].map(([value, label]) => {
      const o = document.createElement('vscode-option');
      o.setAttribute('value', value ?? '');
      o.textContent = label ?? '';
      return o;
    });
    select.replaceChildren(...options);
    select.value = state.facets[row] ?? '';
  }
}

function render(update = false): void {
  drawn.clear();
  draw(state.tab, update);
}

/** Draws one tab: a change re-draws only what is on screen, so a large comparison stays quick to update. */
function draw(tab: PanelState['tab'], update = false): void {
  const c = comparison;
  const main = byId('content');
  if (!c || drawn.has(tab)) return;
  drawn.add(tab);
  byId('count').textContent = `${c.trials.length} ${c.trials.length === 1 ? 'trial' : 'trials'}`;
  const place = (id: string, node: Node) => byId(id).replaceChildren(node);
  // A live update of a table of the same shape rewrites only the cells that changed.
  const table = (id: 'overview' | 'endpoints', label: string, rows: Comparison['overview']) => {
    const view = viewOf(c, rows, state);
    const shown = byId(id).querySelector('table');
    if (!(update && shown && patchTable(shown, c, view, state, actions))) place(id, renderTable(label, c, view, state, actions));
  };
  if (tab === 'overview') table('overview', 'Overview: one column per trial', c.overview);
  else if (tab === 'endpoints') table('endpoints', 'Endpoints: equivalent endpoints grouped across trials', c.endpoints);
  else {
    const shown = new Set(viewOf(c, [], state).columns.map((i) => c.trials[i]?.id));
    const charts = document.createElement('div');
    const heading = (text: string) => Object.assign(document.createElement('h2'), { textContent: text });
    charts.append(
      heading('Doses'),
      renderDoseCharts(c.doses.filter((d) => shown.has(d.trial)), reveal),
      heading('Follow-up'),
      renderTimelines(c.timelines.filter((t) => shown.has(t.trial)), reveal),
      heading('Results with numbers'),
      renderForest(c.effects.filter((e) => shown.has(e.trial)), reveal),
    );
    place('charts', charts);
  }
  main.dataset.ready = 'true';
  // How many renders, and when the last ended: what tests and the bench wait for and measure.
  main.dataset.renders = String(Number(main.dataset.renders ?? 0) + 1);
  main.dataset.renderedAt = performance.now().toFixed(1);
  // Restoring a scroll position lays the table out at once: only where there is one to restore
  // (a patched table never moved).
  if (!update && tab !== 'charts' && (state.scroll.x || state.scroll.y)) byId(tab).scrollTo(state.scroll.x, state.scroll.y);
}

function setup(): void {
  const tabs = byId<HTMLElement & { selectedIndex: number }>('tabs');
  tabs.selectedIndex = TABS.indexOf(state.tab);
  tabs.addEventListener('vsc-tabs-select', (e) => {
    save({ tab: TABS[(e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex] ?? 'overview' });
    draw(state.tab);
  });
  const filter = byId<HTMLElement & { value: string }>('filter');
  filter.value = state.filter;
  filter.addEventListener('input', () => {
    save({ filter: filter.value });
    render();
  });
  for (const row of FACET_ROWS) {
    const select = byId<HTMLElement & { value: string }>(`facet-${row}`);
    select.addEventListener('change', () => {
      save({ facets: { ...state.facets, [row]: select.value } });
      render();
    });
  }
  const diff = byId<HTMLElement & { checked: boolean }>('differences');
  diff.checked = state.differencesOnly;
  diff.addEventListener('change', () => {
    save({ differencesOnly: diff.checked });
    render();
  });
  for (const button of document.querySelectorAll<HTMLElement>('[data-export]')) {
    button.addEventListener('click', () => api.postMessage({ type: 'export', format: button.dataset.export as ExportFormat }));
  }
  // The tables scroll in boxes of their own; the one scrolled last is remembered.
  let pending = false;
  document.addEventListener(
    'scroll',
    (e) => {
      const box = e.target instanceof HTMLElement && e.target.classList.contains('scroll') ? e.target : undefined;
      if (!box || pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        save({ scroll: { x: box.scrollLeft, y: box.scrollTop } });
      });
    },
    true,
  );
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    if (!isHostMessage(e.data)) return; // only the host's own messages, checked
    comparison = e.data.comparison;
    save({ files: comparison.trials.map((t) => t.file) }); // for the serializer, after a window reload
    fillFacets(comparison);
    render(e.data.reason === 'update');
  });
  api.postMessage({ type: 'ready' });
}

setup();
