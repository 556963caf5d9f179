import type { Problem } from '../problem';
import { acknowledgeFix } from './acknowledge';
import { plain } from './insert';
import { insertionFixes } from './missing';
import { quantityOf } from '../units/quantity';
import type { ValidationResult } from '../validate';
import { appliedSafely } from './verify';
import { parsePointer, valueAt } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';

/** A text edit in offsets: replace [start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The one fix to apply with "Fix all" / Ctrl+. Enter. */
  preferred: boolean;
  /** The new texts are snippets: `${1:default}` placeholders for the curator to type over, the first selected. */
  snippet?: boolean;
}

/**
 * Quick fixes for a problem, keyed on its code and data (never on its message). Every fix is a
 * minimal edit: it replaces the offending scalar or key, or inserts lines, and leaves every
 * other byte of the file (comments, order, formatting) as it was.
 */
export function quickFixes(problem: Problem, result: ValidationResult): QuickFix[] {
  const corrections = candidates(problem, result).filter((fix) => verifyFix(fix, problem, result));
  const insertions = result.parsed ? insertionFixes(problem, result.parsed, result.shift).filter((fix) => verifyInsertion(fix, problem, result)) : [];
  // Acknowledging is for what no edit can correct; where a fix corrects the problem, that is the
  // way. An insertion adds what the source may not give, so it does not rule acknowledging out.
  const ack = !corrections.length && result.parsed && acknowledgeFix(problem, result.parsed, result.shift);
  return [...corrections, ...insertions, ...(ack && verifyAcknowledgement(ack, problem, result) ? [ack] : [])];
}

function candidates(problem: Problem, result: ValidationResult): QuickFix[] {
  const doc = result.parsed;
  if (!doc) return [];
  const replace = (title: string, newText: string, preferred = true): QuickFix => ({ title, edits: [{ start: problem.start, end: problem.end, newText }], preferred });
  switch (problem.code) {
    case 'unit-synonym':
      return [replace(`Write the UCUM code \`${problem.data.replacement}\``, problem.data.replacement)];
    case 'schema-enum':
    case 'ref-unresolved': {
      const suggestion = problem.data.suggestion;
      return suggestion === null ? [] : [replace(`Change to \`${suggestion}\``, quoteIfNeeded(suggestion, doc.text.slice(problem.start - result.shift, problem.end - result.shift)))];
    }
    case 'schema-unknown-property':
      return problem.data.suggestion === null ? [] : [replace(`Rename to \`${problem.data.suggestion}\``, problem.data.suggestion)];
    case 'endpoint-missing-result':
      return [markNotReported(doc, problem.data.index, result.shift)];
    case 'quantity-range-reversed': {
      const swapped = problem.data.swapped;
      return swapped === null ? [] : [replace(`Swap the bounds: \`${swapped}\``, quoteIfNeeded(swapped, doc.text.slice(problem.start - result.shift, problem.end - result.shift)))];
    }
    case 'yaml-indentation': {
      // Only the line's leading spaces change.
      const edit = { start: problem.start, end: problem.start + problem.data.found, newText: ' '.repeat(problem.data.expected) };
      return [{ title: `Indent \`${problem.data.key}\` to column ${problem.data.expected + 1}, with its siblings`, edits: [edit], preferred: true }];
    }
    case 'registry-id-form':
      return [replace(`Set the registry to \`${problem.data.suggestion}\``, quoteIfNeeded(problem.data.suggestion, doc.text.slice(problem.start - result.shift, problem.end - result.shift)))];
    default:
      return [];
  }
}

/**
 * A fix is offered only if, applied, it does what it says: the text is parsed again, the
 * problem is gone, no new error appears, and the edited node holds the intended value (a
 * folded or escaped scalar whose unit cannot be located, or a flow mapping that block lines
 * would break, fails here and gets no fix). Exported so that its refusals can be tested with
 * fixes that are wrong on purpose.
 */
export function verifyFix(fix: QuickFix, problem: Problem, result: ValidationResult): boolean {
  const before = result.parsed;
  const after = before && appliedSafely(fix, problem, result)?.after;
  if (!before || !after?.parsed) return false;
  const value = (doc: ParsedStudy, pointer: string) => valueAt(doc.value, parsePointer(pointer));
  switch (problem.code) {
    case 'unit-synonym': {
      const was = quantityOf(value(before, problem.data.pointer));
      const now = quantityOf(value(after.parsed, problem.data.pointer));
      if (problem.data.form === 'unit') return value(after.parsed, problem.data.pointer) === problem.data.replacement;
      return !!was && !!now && now.unit === problem.data.replacement && now.low === was.low && now.high === was.high;
    }
    case 'schema-enum':
      return value(after.parsed, problem.data.pointer) === problem.data.suggestion;
    case 'ref-unresolved':
    case 'registry-id-form':
      return value(after.parsed, problem.data.pointer) === problem.data.suggestion;
    case 'quantity-range-reversed':
      return value(after.parsed, problem.data.pointer) === problem.data.swapped;
    case 'schema-unknown-property': {
      const parent = parsePointer(problem.data.pointer);
      const was = valueAt(before.value, [...parent, problem.data.property]);
      return JSON.stringify(valueAt(after.parsed.value, [...parent, problem.data.suggestion ?? ''])) === JSON.stringify(was) && valueAt(after.parsed.value, [...parent, problem.data.property]) === undefined;
    }
    case 'endpoint-missing-result': {
      const endpoint = valueAt(after.parsed.value, ['endpoints', problem.data.index]) as Record<string, unknown> | undefined;
      const old = valueAt(before.value, ['endpoints', problem.data.index]) as Record<string, unknown> | undefined;
      const { not_reported: marked, ...rest } = endpoint ?? {};
      return typeof (marked as { reason?: unknown } | undefined)?.reason === 'string' && JSON.stringify(rest) === JSON.stringify(old);
    }
    default:
      return true;
  }
}

/** An insertion, its placeholders read as their defaults, must parse, add no error and remove the problem. */
function verifyInsertion(fix: QuickFix, problem: Problem, result: ValidationResult): boolean {
  return !!appliedSafely({ ...fix, edits: fix.edits.map((e) => ({ ...e, newText: plain(e.newText) })) }, problem, result);
}

/** An acknowledgement must move exactly this problem to the suppressed ones, and add no other problem. */
function verifyAcknowledgement(fix: QuickFix, problem: Problem, result: ValidationResult): boolean {
  const run = appliedSafely(fix, problem, result);
  if (!run) return false;
  const same = (p: Problem) => p.code === problem.code && p.message === problem.message;
  return run.after.suppressed.some(same) && run.after.problems.length === run.base.problems.length - 1;
}

const NOT_REPORTED_TITLE = 'Mark the endpoint not_reported (with a reason to complete)';

/**
 * Inserts `not_reported: {reason: ...}` as the endpoint's last key: indented like its other keys
 * in a block mapping, or before the closing brace of a flow mapping (`{id: x, …}`).
 */
function markNotReported(doc: ParsedStudy, index: number, shift: number): QuickFix {
  const item = doc.locate(['endpoints', index]);
  const written = doc.text.slice(item.value.start, item.value.end);
  if (written.startsWith('{') && written.trimEnd().endsWith('}')) {
    const close = item.value.start + written.lastIndexOf('}');
    return { title: NOT_REPORTED_TITLE, edits: [{ start: close + shift, end: close + shift, newText: ', not_reported: {reason: Not reported in the source}' }], preferred: false };
  }
  const id = doc.locate(['endpoints', index, 'id']);
  const text = doc.text;
  const idLineStart = text.lastIndexOf('\n', (id.key ?? id.value).start - 1) + 1;
  const indent = ' '.repeat((id.key ?? id.value).start - idLineStart);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Insert after the item's last character, so trailing comments and blank lines stay where they are.
  const at = item.value.end;
  const needsBreak = text.slice(at - 1, at) !== '\n';
  const lines = `${indent}not_reported:${eol}${indent}  reason: Not reported in the source`;
  return {
    title: NOT_REPORTED_TITLE,
    edits: [{ start: at + shift, end: at + shift, newText: needsBreak ? `${eol}${lines}` : `${lines}${eol}` }],
    preferred: false,
  };
}

/** Keeps the scalar's quoting style: "IV" becomes "intravenous", not a bare word. */
function quoteIfNeeded(value: string, original: string): string {
  const q = original.charAt(0);
  return (q === '"' || q === "'") && original.endsWith(q) ? `${q}${value}${q}` : value;
}
