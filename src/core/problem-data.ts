/**
 * What each problem code carries beside its message: structured, JSON-safe data that code
 * actions, reports and the comparison read instead of parsing the message. One shape per code.
 */

/** Schema problems: the JSON pointer of the value the problem is about. */
interface AtPointer {
  pointer: string;
}

/** Unit problems: what a fix needs to rewrite or convert the quantity. */
export interface UnitData {
  /** The unit as written. */
  unit: string;
  /** JSON pointer of the quantity (or of an endpoint's `unit` field). */
  pointer: string;
  /** 'short' ('1.5 mL'), 'long' ({value, unit}) or 'unit' (an endpoint's unit field alone). */
  form: 'short' | 'long' | 'unit';
  /** The number, or the low end of a range; null for a unit field. */
  value: number | null;
  /** The high end of a range. */
  high: number | null;
}

export interface ProblemDataByCode {
  'file-binary': { reason: 'nul' | 'invalid-utf8' };
  'file-too-large': { size: number; limit: number };
  'file-empty': Record<string, never>;
  'yaml-syntax': { yamlCode: string };
  'yaml-tab-indent': { yamlCode: string };
  /** `found` spaces where the line's siblings stand at `expected`; the fix re-indents the line. */
  'yaml-indentation': { key: string; found: number; expected: number };
  'yaml-duplicate-key': { yamlCode: string; key?: string };
  'yaml-multi-document': { yamlCode: string };
  'yaml-too-deep': { limit: number };
  'yaml-complex-key': { yamlCode: 'COMPLEX_KEY' };
  'yaml-unresolved-alias': { alias: string };
  'yaml-alias-limit': { limit: number; detail: string };
  'yaml-warning': { yamlCode: string };
  'schema-type': AtPointer & { expected: string };
  'schema-enum': AtPointer & { found: string | null; allowed: string[]; suggestion: string | null };
  'schema-pattern': AtPointer & { found: string | null };
  'schema-format': AtPointer & { format: string };
  'schema-missing-property': AtPointer & { property: string };
  'schema-unknown-property': AtPointer & { property: string; suggestion: string | null; known: string[] };
  'schema-range': AtPointer & { limit: number };
  'schema-duplicate-item': AtPointer & { index: number };
  'schema-invalid': AtPointer;
  'id-duplicate': { collection: string; id: string; firstIndex: number };
  'id-invisible-character': { id: string; character: string };
  'ref-unresolved': { kind: string; id: string; known: string[]; suggestion: string | null; pointer: string };
  'ref-timepoint-not-assessed': { endpoint: string | null; timepoint: string; assessed: string[] };
  'field-path-unresolved': { field: string };
  'count-exceeds-randomized': { sum: number; randomized: number; arms: number };
  'count-exceeds-enrolled': { sum: number; enrolled: number; arms: number };
  'endpoint-missing-result': { endpoint: string; priority: string; index: number };
  'endpoint-no-timepoint': { endpoint: string; index: number };
  'safety-endpoint-missing': { studyType: string };
  /** `endpoint`: what to write for the expected endpoint (its name, and the profile's first instrument, analyte or category). */
  'profile-endpoint-missing': { profile: string; expected: string; label: string; endpoint: { name: string; instrument?: string; analyte?: string; category?: string } };
  'quantity-not-finite': { pointer: string };
  'dose-not-positive': { pointer: string };
  /** The value with its bounds swapped, as written; null where that is not a safe text edit (long form, a shared power). */
  'quantity-range-reversed': { pointer: string; swapped: string | null };
  'dose-per-unit': UnitData & { per: string };
  'registry-id-form': { pointer: string; suggestion: string };
  'acknowledgement-stale': { pointer: string; code: string; field: string };
  'regimen-once-repeated': { pointer: string };
  'regimen-duration-short': { pointer: string };
  'dose-not-an-amount': { pointer: string };
  'dose-kind-mismatch': { pointer: string; kind: string };
  'dose-spread': { pointer: string; factor: number };
  'result-direction-contradiction': { pointer: string; direction: string };
  'result-proportion-out-of-range': { pointer: string };
  'result-significance-contradiction': { pointer: string };
  'result-fraction-mismatch': { pointer: string };
  'result-n-exceeds-arm': { pointer: string; n: number; armSize: number };
  'quantity-range-ambiguous': { pointer: string };
  'unit-unknown': UnitData & { suggestions: string[] };
  'unit-synonym': UnitData & { replacement: string };
  /** `expected` for a field that must be a time; `anchor` for the unit it is compared with. */
  'unit-incommensurable': UnitData & { expected: string | null; anchor: string | null };
  'unit-annotation-mismatch': UnitData & { anchor: string };
  'study-id-duplicate': { id: string; others: string[] };
  'study-extraction-pair': { id: string; others: string[] };
  'too-many-problems': { hidden: number; limit: number };
  'check-failed': { check: string };
}
