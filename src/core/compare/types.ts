/**
 * The comparison of annotated trials: plain, serialisable data that the Compare Trials panel,
 * the CLI's `compare` and the tests all read. Every cell says where in which file it was read.
 */

/** Where a cell's value was read: file, offsets into its text, and 1-based line and column. */
export interface Source {
  file: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

/**
 * What a cell holds. `absent`: the file says nothing here; `not-reported`: the file says the
 * source does not report it; `missing-expected`: the trial's outcome set expects an endpoint it
 * lacks; `declared-not-reported`: an endpoint declared but with no result.
 */
export type CellState = 'value' | 'absent' | 'not-reported' | 'missing-expected' | 'declared-not-reported';

export interface Cell {
  text: string;
  state: CellState;
  /** A number to sort by, where the cell has one comparable across trials. */
  sort?: number;
  /** What was written, where the text is normalised or shortened (a dose as written). */
  written?: string;
  /** Why a value is shown as written instead of normalised. */
  note?: string;
  source?: Source;
}

export interface TrialColumn {
  file: string;
  id: string;
  title: string;
  /** Problems of the file, so a broken file is shown with what could be read and how much is wrong. */
  problems: { errors: number; warnings: number; infos: number };
  /** The file could not be read as a study at all (binary, too large, no mapping). */
  unreadable: boolean;
}

export interface Row {
  id: string;
  /** The row group the panel can collapse: 'design', 'population', 'intervention', 'endpoints', … */
  group: string;
  label: string;
  /** One cell per trial, in the order of `trials`. */
  cells: Cell[];
}

/** One result, long form: a row of the CSV for meta-analysis. */
export interface ResultRecord {
  study: string;
  arm: string;
  armLabel: string;
  role: string;
  n: number | null;
  comparator: string;
  endpoint: string;
  endpointName: string;
  measure: string;
  unit: string;
  timepoint: string;
  statistic: string;
  value: string;
  numerator: string;
  denominator: string;
  dispersionKind: string;
  dispersion: string;
  p: string;
  direction: string;
  significant: string;
  file: string;
  line: number;
}

/** One arm's normalised dose, for the dose chart: grouped by unit, never mixed across units. */
export interface DosePoint {
  trial: string;
  arm: string;
  role: string;
  low: number;
  high?: number;
  unit: string;
  text: string;
  written: string;
  source?: Source;
}

/** A trial's assessment times in days from its own origin, for the follow-up timeline. */
export interface Timeline {
  trial: string;
  points: { id: string; label: string; days: number; source?: Source }[];
}

/** A numeric result of an endpoint group, for the forest-style plot: a value, its interval if given, and p. */
export interface EffectPoint {
  group: string;
  groupLabel: string;
  trial: string;
  label: string;
  statistic: string;
  unit: string;
  value: number;
  low?: number;
  high?: number;
  p?: string;
  source?: Source;
}

export interface Comparison {
  version: 1;
  trials: TrialColumn[];
  overview: Row[];
  endpoints: Row[];
  results: ResultRecord[];
  doses: DosePoint[];
  timelines: Timeline[];
  effects: EffectPoint[];
}
