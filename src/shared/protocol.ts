/**
 * The one protocol between the extension host and our webviews (Compare Trials, Reconcile
 * Extractions): every message either side sends, and type guards that check what arrives before
 * anything acts on it (a webview is untrusted input). No `vscode`, no DOM: all bundles import it.
 *
 * Handshake: a page posts `ready` once it listens; only then does the host send its data
 * (`comparison`, `pair`), and again whenever an included file changes.
 */
import type { ConsensusRefusal, Decision } from '../core/agree/consensus';
import type { Agreement, Difference, ExtractionInfo } from '../core/agree/types';
import type { Comparison } from '../core/compare/types';

export const COMPARE_VIEW_TYPE = 'studyAnnotator.compare';

/** Export formats the panel offers; the host writes the file. */
export const EXPORT_FORMATS = ['csv', 'csv-wide', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Page to host. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'reveal'; file: string; start: number; end: number }
  | { type: 'export'; format: ExportFormat };

/** What the page shows: the comparison without its long-form results, which only exports read (on the host). */
export type PageComparison = Omit<Comparison, 'results'>;

/** The comparison as sent to the page: thousands of result records would only slow each update. */
export function forPage(c: Comparison): PageComparison {
  const { results: _unused, ...shown } = c;
  return shown;
}

/** Host to page. */
export type HostMessage = { type: 'comparison'; comparison: PageComparison; reason: 'initial' | 'update' };

/** The overview rows the panel offers as filters: condition, study type, product kind. */
export const FACET_ROWS = ['condition', 'type', 'product-kind'] as const;
export type FacetRow = (typeof FACET_ROWS)[number];

/** What the page keeps with getState/setState, and the serializer restores the panel from. */
export interface PanelState {
  files: string[];
  tab: 'overview' | 'endpoints' | 'charts';
  /** The row whose values order the trials (columns), and the direction. */
  sort?: { row: string; descending: boolean };
  filter: string;
  /** Trials kept by the value of these overview rows ('' or absent: any). */
  facets: Partial<Record<FacetRow, string>>;
  differencesOnly: boolean;
  pinned?: string;
  collapsed: string[];
  scroll: { x: number; y: number };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isOffset = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

export function isPageMessage(x: unknown): x is PageMessage {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'ready':
      return Object.keys(x).length === 1;
    case 'reveal':
      return typeof x.file === 'string' && x.file.length > 0 && isOffset(x.start) && isOffset(x.end) && x.end >= x.start;
    case 'export':
      return (EXPORT_FORMATS as readonly unknown[]).includes(x.format);
    default:
      return false;
  }
}

export function isHostMessage(x: unknown): x is HostMessage {
  return isObject(x) && x.type === 'comparison' && isObject(x.comparison) && Array.isArray(x.comparison.trials) && (x.reason === 'initial' || x.reason === 'update');
}

/** A stored state, or the defaults where it is missing or malformed (state survives versions). */
export function readState(x: unknown): PanelState {
  const s = isObject(x) ? x : {};
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : []);
  const sort = isObject(s.sort) && typeof s.sort.row === 'string' ? { row: s.sort.row, descending: s.sort.descending === true } : undefined;
  const scroll = isObject(s.scroll) && typeof s.scroll.x === 'number' && typeof s.scroll.y === 'number' ? { x: s.scroll.x, y: s.scroll.y } : { x: 0, y: 0 };
  return {
    files: strings(s.files),
    tab: s.tab === 'endpoints' || s.tab === 'charts' ? s.tab : 'overview',
    sort,
    filter: typeof s.filter === 'string' ? s.filter : '',
    facets: Object.fromEntries(FACET_ROWS.flatMap((r) => (isObject(s.facets) && typeof s.facets[r] === 'string' && s.facets[r] ? [[r, s.facets[r] as string]] : []))),
    differencesOnly: s.differencesOnly === true,
    pinned: typeof s.pinned === 'string' ? s.pinned : undefined,
    collapsed: strings(s.collapsed),
    scroll,
  };
}

// ---- Reconcile Extractions --------------------------------------------------------------------

export const RECONCILE_VIEW_TYPE = 'studyAnnotator.reconcile';

/** What the Reconcile page shows: the two extractions, their differences, and how far they are settled. */
export interface ReconcileView {
  id: string;
  left: ExtractionInfo;
  right: ExtractionInfo;
  differences: Difference[];
  agreement: Agreement;
  decisions: Record<string, Decision>;
  /** Where the consensus is (or will be) written, as the workspace names it. */
  consensus: string;
  /** Whether the consensus file exists yet. */
  consensusExists: boolean;
}

/** Reconcile page to host: `ready`, `reveal` as above, and a decision (null: unsettled again). */
export type ReconcilePageMessage = { type: 'ready' } | { type: 'reveal'; file: string; start: number; end: number } | { type: 'decide'; id: string; decision: Decision | null };

/** Host to Reconcile page: the pair, and after each decision what was written. */
export type ReconcileHostMessage =
  | { type: 'pair'; view: ReconcileView; reason: 'initial' | 'update' }
  | { type: 'saved'; consensus: string; settled: number; refused: ConsensusRefusal[]; errors: number };

/** What the Reconcile page keeps with getState/setState, and its serializer restores the panel from. */
export interface ReconcileState {
  left: string;
  right: string;
  /** The difference that has the focus. */
  current?: string;
  scrollY: number;
}

const isDecision = (x: unknown): x is Decision =>
  isObject(x) && ((Object.keys(x).length === 1 && (x.taken === 'left' || x.taken === 'right')) || (Object.keys(x).length === 2 && x.taken === 'edited' && typeof x.value === 'string' && x.value.length <= 100_000));

export function isReconcilePageMessage(x: unknown): x is ReconcilePageMessage {
  if (!isObject(x)) return false;
  if (x.type === 'decide') return typeof x.id === 'string' && x.id.length > 0 && x.id.length <= 1000 && (x.decision === null || isDecision(x.decision));
  return isPageMessage(x) && x.type !== 'export';
}

export function isReconcileHostMessage(x: unknown): x is ReconcileHostMessage {
  if (!isObject(x)) return false;
  if (x.type === 'pair') return isObject(x.view) && Array.isArray(x.view.differences) && isObject(x.view.decisions) && isObject(x.view.left) && isObject(x.view.right) && (x.reason === 'initial' || x.reason === 'update');
  return x.type === 'saved' && typeof x.consensus === 'string' && typeof x.settled === 'number' && Array.isArray(x.refused) && typeof x.errors === 'number';
}

export function readReconcileState(x: unknown): ReconcileState {
  const s = isObject(x) ? x : {};
  return { left: typeof s.left === 'string' ? s.left : '', right: typeof s.right === 'string' ? s.right : '', current: typeof s.current === 'string' ? s.current : undefined, scrollY: typeof s.scrollY === 'number' ? s.scrollY : 0 };
}
