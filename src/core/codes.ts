import type { Severity } from './problem';

export interface CodeInfo {
  readonly severity: Severity;
  /** One line for documentation, the README table and the SARIF rule. */
  readonly summary: string;
}

/**
 * Every problem code the core can produce. Codes are stable: code actions, suppressions and
 * CI reports key on them, so rename one only with a migration note.
 */
export const PROBLEM_CODES = {
  'file-binary': { severity: 'error', summary: 'The file holds binary content (NUL bytes or invalid UTF-8) and is not read as YAML.' },
  'file-too-large': { severity: 'error', summary: 'The file is larger than the size limit and is not validated.' },
  'file-empty': { severity: 'error', summary: 'The file holds nothing but blank lines and comments.' },
  'yaml-syntax': { severity: 'error', summary: 'The YAML cannot be parsed at this point.' },
  'yaml-tab-indent': { severity: 'error', summary: 'A tab is used for indentation; YAML allows only spaces.' },
  'yaml-indentation': { severity: 'error', summary: 'A key line is indented to a column where none of its siblings stand (for example at the dash of the list item it belongs to).' },
  'yaml-duplicate-key': { severity: 'error', summary: 'The same key appears twice in one mapping.' },
  'yaml-multi-document': { severity: 'error', summary: 'The file holds more than one YAML document; one file holds one study.' },
  'yaml-too-deep': { severity: 'error', summary: 'Lists and mappings nest more than 64 levels deep; the file is not validated further.' },
  'yaml-complex-key': { severity: 'error', summary: 'A key is a list or a mapping (`? [a, b]`); keys are plain names.' },
  'yaml-unresolved-alias': { severity: 'error', summary: 'An alias (`*name`) refers to an anchor (`&name`) that is not defined before it.' },
  'yaml-alias-limit': { severity: 'error', summary: 'Aliases expand beyond the limit (a possible alias bomb); the file is not validated further.' },
  'yaml-warning': { severity: 'warning', summary: 'The YAML parser warns about this construct.' },
  'schema-type': { severity: 'error', summary: 'A value has the wrong type.' },
  'schema-enum': { severity: 'error', summary: 'A value is not one of the allowed values.' },
  'schema-pattern': { severity: 'error', summary: 'A value does not have the expected form (a quantity, DOI, id or date).' },
  'schema-format': { severity: 'error', summary: 'A value is not a valid URI or other formatted string.' },
  'schema-missing-property': { severity: 'error', summary: 'A required property is missing.' },
  'schema-unknown-property': { severity: 'error', summary: 'A property is not part of the annotation format.' },
  'schema-range': { severity: 'error', summary: 'A number, text or list is too small or too large.' },
  'schema-duplicate-item': { severity: 'error', summary: 'A list that must hold distinct items holds the same item twice.' },
  'schema-invalid': { severity: 'error', summary: 'A value does not match any of the allowed forms.' },
  'id-duplicate': { severity: 'error', summary: 'Two items of the same list share an id.' },
  'id-invisible-character': { severity: 'error', summary: 'An id or reference contains an invisible character (zero-width space, bidi control) that makes it look like another.' },
  'ref-unresolved': { severity: 'error', summary: 'A reference names an arm, product, endpoint or timepoint that does not exist.' },
  'ref-timepoint-not-assessed': { severity: 'warning', summary: "A result's timepoint is not one of its endpoint's timepoints." },
  'field-path-unresolved': { severity: 'warning', summary: 'An evidence or uncertainty entry points to a field that does not exist.' },
  'count-exceeds-randomized': { severity: 'warning', summary: 'Arm sizes add up to more than the number randomized.' },
  'count-exceeds-enrolled': { severity: 'warning', summary: 'Arm sizes add up to more than the number enrolled (when no randomized count is given).' },
  'endpoint-missing-result': { severity: 'warning', summary: 'A primary or secondary endpoint of a completed or published study has no result and is not marked not_reported.' },
  'endpoint-no-timepoint': { severity: 'warning', summary: 'An endpoint has no timepoint.' },
  'safety-endpoint-missing': { severity: 'warning', summary: 'An interventional study in humans has no safety endpoint.' },
  'profile-endpoint-missing': { severity: 'info', summary: "An endpoint the condition's core outcome set expects is not recorded." },
  'quantity-not-finite': { severity: 'error', summary: 'A number in a quantity is too large to be a number (1e999 reads as infinity).' },
  'dose-not-positive': { severity: 'error', summary: 'A dose is zero or less.' },
  'result-direction-contradiction': { severity: 'warning', summary: "A change's sign is against its stated direction (+77 % with direction: decrease)." },
  'result-proportion-out-of-range': { severity: 'error', summary: 'A proportion is below 0 or above 100% (or 1).' },
  'result-significance-contradiction': { severity: 'warning', summary: '`significant` contradicts the p-value at the 0.05 level (true with p > 0.05, false with p < 0.05).' },
  'result-fraction-mismatch': { severity: 'warning', summary: 'A proportion differs from its numerator over its denominator by more than one percentage point.' },
  'result-n-exceeds-arm': { severity: 'warning', summary: "A result counts more participants than its arm's size." },
  'regimen-once-repeated': { severity: 'warning', summary: '`frequency: once` with more than one dose.' },
  'regimen-duration-short': { severity: 'warning', summary: 'A treatment lasted less than one interval between its doses.' },
  'dose-not-an-amount': { severity: 'error', summary: 'A dose is a time, a length or a temperature (`dose: 15 min`), not an amount.' },
  'dose-kind-mismatch': { severity: 'warning', summary: 'A dose counts the wrong thing for its product: {cells} for exosomes, {particles} for cells.' },
  'dose-spread': { severity: 'warning', summary: 'Two doses of one product in one arm differ a hundredfold or more in the same dimension (mg beside ug?).' },
  'acknowledgement-stale': { severity: 'warning', summary: 'An entry of `curation.acknowledged` acknowledges a problem that is no longer there (or a code that does not exist).' },
  'registry-id-form': { severity: 'warning', summary: 'A registration under `other` has the id form of a known registry.' },
  'dose-per-unit': { severity: 'warning', summary: 'A dose is written per drop, puff, site, eye or nostril in its unit (`5 ug/drop`); `dose_per` says it without making it a concentration.' },
  'quantity-range-reversed': { severity: 'error', summary: 'A range runs from high to low (5e11-3e11, or low above high).' },
  'quantity-range-ambiguous': { severity: 'warning', summary: 'A power of ten written once in a range can be read for both bounds or for the high one only, and the two readings disagree.' },
  'unit-unknown': { severity: 'error', summary: 'A unit is not UCUM, even after known synonyms.' },
  'unit-synonym': { severity: 'warning', summary: 'A unit uses a common non-UCUM spelling (cc, mcg, µL, days); a quick fix writes the UCUM code.' },
  'unit-incommensurable': { severity: 'warning', summary: 'Quantities that are compared have units of different dimensions.' },
  'unit-annotation-mismatch': { severity: 'warning', summary: 'Compared quantities count different things ({cells} vs {particles}), which UCUM would silently treat as the same.' },
  'study-id-duplicate': { severity: 'error', summary: 'Another annotation in the workspace (or in the same CLI run) has the same study id, by the same curator (or none named).' },
  'study-extraction-pair': { severity: 'info', summary: 'Another file has the same study id by a different curator: two independent extractions to reconcile, until a consensus file settles them.' },
  'too-many-problems': { severity: 'info', summary: 'The file has more problems than are listed (1000 at most); fix the first ones and the rest will show.' },
  'check-failed': { severity: 'warning', summary: 'A check stopped with an internal error on this file; the other checks still ran. Please report it.' },
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export const ALL_CODES = Object.keys(PROBLEM_CODES) as ProblemCode[];

export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEM_CODES, code);
}
