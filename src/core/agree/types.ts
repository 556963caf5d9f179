/**
 * Dual extraction: two curators' files of one study, compared field by field. Plain,
 * serialisable data that the Reconcile panel, the CLI's `agree` and the tests all read.
 */
import type { Source } from '../compare/types';
import type { PathSegment } from '../value-path';

/** One extraction of a pair: its file and who made it. */
export interface ExtractionInfo {
  file: string;
  curator: string;
  date: string;
}

/** One side's value of a field: its text, where it is, and the quote that supports it. */
export interface SideValue {
  text: string;
  /** The path of the value in that side's file. */
  path: PathSegment[];
  source?: Source;
  /** The `evidence` quote for the field (or the nearest one above it), else the nearest `as_reported`. */
  quote?: string;
  /** Where the quote is in the source, when it is an `evidence` entry's (carried into a consensus that takes this side). */
  location?: string;
  /** The quote is an `evidence` entry's, not an `as_reported`. */
  evidence?: boolean;
}

/** A field on which the two extractions disagree; a side is missing where that file has nothing there. */
export interface Difference {
  /** The field as a dotted path with list items named by id: the key of a decision. */
  id: string;
  section: string;
  /** The path as read: 'arms › secretome › interventions › 1 › dose'. */
  label: string;
  categorical: boolean;
  left?: SideValue;
  right?: SideValue;
  /** Where the right value would go in the left file, when the left has none (set, or appended to a list). */
  target?: { path: PathSegment[]; append: boolean };
}

/** Every compared field, agreeing or not: what the agreement figures count. */
export interface FieldOutcome {
  id: string;
  section: string;
  agree: boolean;
  /** The two categories, for the categorical fields (kappa); '(none)' where a side has no value. */
  categories?: [string, string];
}

export interface SectionAgreement {
  section: string;
  fields: number;
  agreed: number;
  /** agreed / fields; null without fields. */
  share: number | null;
}

export interface Kappa {
  /** Cohen's kappa; null where it is undefined (no fields, or one category only on both sides). */
  kappa: number | null;
  /** Observed and chance agreement. */
  observed: number | null;
  expected: number | null;
  /** How many fields the figure rests on. */
  n: number;
}

export interface Agreement {
  overall: SectionAgreement;
  sections: SectionAgreement[];
  kappa: Kappa;
}

export interface StudyDiff {
  differences: Difference[];
  fields: FieldOutcome[];
  /** Ids of the right file's items matched to the left's by content, per list: right id → left id. */
  renames: Record<string, Record<string, string>>;
}

/** Two extractions of one study, compared. */
export interface ExtractionPair {
  version: 1;
  id: string;
  left: ExtractionInfo;
  right: ExtractionInfo;
  differences: Difference[];
  agreement: Agreement;
  /** Problems of each file, so a broken extraction is compared with what could be read. */
  problems: { left: number; right: number };
}
