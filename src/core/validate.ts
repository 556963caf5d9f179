import { applyAcknowledgements } from './acknowledged';
import { withoutCascades } from './cascade';
import { PROBLEM_CODES } from './codes';
import type { CheckContext } from './checks/check';
import { CHECKS } from './checks/registry';
import { readNumbersAsText } from './number-as-text';
import { compareProblems, MAX_PROBLEMS, type Problem, type ProblemDraft } from './problem';
import { DEFAULT_PROFILES, mergeProfiles, type ConditionProfile } from './profiles/profile';
import { checkSchema } from './schema/validator';
import { LineIndex } from './text/line-index';
import { safeMessage } from './text/safe';
import { decodeUtf8, DEFAULT_MAX_SIZE, prepareText, tooLarge } from './text/input';
import { ParseCache } from './yaml/cache';
import { diagnoseIndentations } from './yaml/indentation';
import { diagnoseUnclosedFlows } from './yaml/unclosed-flow';
import type { ParsedStudy } from './yaml/parsed-study';
import type { StudyIdLocation } from './workspace';

export interface ValidateOptions {
  /** Largest text validated, in UTF-16 units (default 256 KiB). */
  maxSize?: number;
  /** Workspace condition profiles, merged over the shipped defaults by id. */
  profiles?: readonly ConditionProfile[];
  /** Names of domain checks to skip (see CHECKS). */
  disabledChecks?: readonly string[];
}

/** A problem acknowledged under `curation.acknowledged`: not among the problems, but kept with the curator's reason. */
export type SuppressedProblem = Problem & { justification: string };

export interface ValidationResult {
  problems: Problem[];
  /** Problems acknowledged in the file, with their reasons; reported apart (SARIF suppressions, editor hints). */
  suppressed: SuppressedProblem[];
  /** The parse, for features that need the tree (outline, hover); undefined for binary or oversized input. */
  parsed?: ParsedStudy;
  /** Offsets in `parsed` plus this are offsets into the input (1 when a BOM was stripped). */
  shift: number;
  /** The study id and where it is written, for the workspace-wide uniqueness check. */
  studyId?: StudyIdLocation;
}

/**
 * Validates successive versions of one document. Unchanged sections and list items are not
 * re-parsed, so a keystroke in a long file costs little more than validating the value.
 */
export class ValidationSession {
  private readonly cache: ParseCache;

  /** `split: false` parses each version whole, never in pieces: the reference the pieces must match. */
  constructor(options: { split?: boolean } = {}) {
    this.cache = new ParseCache(options.split ?? true);
  }

  run(text: string, options: ValidateOptions = {}): ValidationResult {
    const prepared = prepareText(text, options.maxSize ?? DEFAULT_MAX_SIZE);
    const lines = new LineIndex(prepared.text);
    const locate = (d: ProblemDraft) => toProblem(d, lines, prepared.text, prepared.shift);
    if (prepared.fatal) return { problems: [locate(prepared.fatal)], suppressed: [], shift: prepared.shift };
    const parsed = this.cache.parse(prepared.text);
    // A syntax error that is one misindented key line is said as such (and gets a fix); one that
    // follows a bracket never closed is said at the bracket.
    const drafts: ProblemDraft[] = diagnoseUnclosedFlows(prepared.text, diagnoseIndentations(prepared.text, parsed.problems));
    let omitted = 0;
    if (parsed.usable && (parsed.value === null || parsed.value === undefined) && !parsed.problems.length) {
      // Nothing but blank lines and comments: one problem, not every missing section.
      drafts.push({
        code: 'file-empty',
        message: 'The file is empty; a study annotation starts with `study:` (the command "New Study Annotation" writes one for any study type).',
        start: 0,
        end: 0,
        data: {},
      });
    } else if (parsed.usable) {
      readNumbersAsText(parsed);
      const schema = checkSchema(parsed);
      drafts.push(...schema.problems);
      omitted = schema.omitted;
      const ctx: CheckContext = { profiles: mergeProfiles(DEFAULT_PROFILES, options.profiles ?? []) };
      for (const check of CHECKS) {
        if (options.disabledChecks?.includes(check.name)) continue;
        try {
          drafts.push(...check.check(parsed, ctx));
        } catch (err) {
          drafts.push({
            code: 'check-failed',
            message: `The ${check.name} check failed on this file (${err instanceof Error ? err.message : String(err)}); other checks still ran.`,
            start: 0,
            end: 0,
            data: { check: check.name },
          });
        }
      }
    }
    // Acknowledgements read what the cascade rule kept; the rule then judges their own problems.
    const { kept, suppressed } = parsed.usable ? applyAcknowledgements(withoutCascades(drafts, parsed), parsed) : { kept: drafts, suppressed: [] };
    const problems = (parsed.usable ? withoutCascades(kept, parsed) : kept).map(locate).sort(compareProblems);
    if (problems.length + omitted > MAX_PROBLEMS) {
      const hidden = problems.length + omitted - MAX_PROBLEMS;
      problems.length = MAX_PROBLEMS;
      problems.push(
        locate({
          code: 'too-many-problems',
          message: `${hidden} more problems are not listed (at most ${MAX_PROBLEMS} per file); fix the ones above first.`,
          start: 0,
          end: 0,
          data: { hidden, limit: MAX_PROBLEMS },
        }),
      );
    }
    return {
      problems,
      suppressed: suppressed.map(({ draft, reason }) => ({ ...locate(draft), justification: reason })).sort(compareProblems),
      parsed,
      shift: prepared.shift,
      studyId: studyIdOf(parsed, lines, prepared.shift),
    };
  }
}

function studyIdOf(parsed: ParsedStudy, lines: LineIndex, shift: number): StudyIdLocation | undefined {
  const root = parsed.value && typeof parsed.value === 'object' ? (parsed.value as { study?: { id?: unknown }; curation?: { curator?: unknown; extractions?: unknown } }) : undefined;
  const study = root?.study;
  if (!study || typeof study !== 'object' || typeof study.id !== 'string') return undefined;
  const span = parsed.locate(['study', 'id']).value;
  const s = lines.position(span.start);
  const e = lines.position(span.end);
  const at: StudyIdLocation = { id: study.id, start: span.start + shift, end: span.end + shift, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  const curation = root.curation && typeof root.curation === 'object' ? root.curation : undefined;
  if (typeof curation?.curator === 'string') at.curator = curation.curator;
  if (Array.isArray(curation?.extractions)) at.consensus = true;
  return at;
}

/** Validates one text. For repeated validation of an edited document, keep a ValidationSession. */
export function validate(text: string, options: ValidateOptions = {}): Problem[] {
  return new ValidationSession().run(text, options).problems;
}

function toProblem(d: ProblemDraft, lines: LineIndex, text: string, shift: number): Problem {
  const start = outsideCrLf(text, Math.min(Math.max(d.start, 0), text.length));
  const end = Math.max(outsideCrLf(text, Math.min(Math.max(d.end, start), text.length)), start);
  const s = lines.position(start);
  const e = lines.position(end);
  return {
    code: d.code,
    severity: d.severity ?? PROBLEM_CODES[d.code].severity,
    message: safeMessage(d.message),
    start: start + shift,
    end: end + shift,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    data: d.data,
  } as Problem; // each draft's data belongs to its code
}

/** An offset between the CR and the LF of a line break moves before the CR: a range never splits a line break. */
function outsideCrLf(text: string, at: number): number {
  return at > 0 && text.charCodeAt(at - 1) === 0x0d && text.charCodeAt(at) === 0x0a ? at - 1 : at;
}

/**
 * Validates raw file bytes: invalid UTF-8 is reported as binary content instead of being decoded
 * lossily. Keeps the result's study id for the workspace-wide checks.
 */
export function validateFile(bytes: Uint8Array, options: ValidateOptions = {}): Pick<ValidationResult, 'problems' | 'suppressed' | 'studyId'> {
  // For a file the limit counts bytes (never fewer than its characters), so a reader may stop at limit + 1.
  const limit = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (bytes.length > limit) {
    const head = new TextDecoder().decode(bytes.subarray(0, 1024));
    return { problems: [toProblem(tooLarge(head, bytes.length, limit), new LineIndex(head), head, 0)], suppressed: [] };
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.fatal) {
    const text = decoded.text.slice(0, options.maxSize ?? DEFAULT_MAX_SIZE);
    return { problems: [toProblem(decoded.fatal, new LineIndex(text), text, 0)], suppressed: [] };
  }
  const { problems, suppressed, studyId } = new ValidationSession().run(decoded.text, options);
  return { problems, suppressed, studyId };
}
