import type { Problem } from '../problem';
import type { ValidationResult } from '../validate';
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
}

/**
 * Quick fixes for a problem, keyed on its code and data (never on its message). Every fix is a
 * minimal edit: it replaces the offending scalar or key, or inserts lines, and leaves every
 * other byte of the file (comments, order, formatting) as it was.
 */
export function quickFixes(problem: Problem, result: ValidationResult): QuickFix[] {
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
    default:
      return [];
  }
}

/** Inserts `not_reported: {reason: ...}` as the endpoint's last key, indented like its other keys. */
function markNotReported(doc: ParsedStudy, index: number, shift: number): QuickFix {
  const item = doc.locate(['endpoints', index]);
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
    title: 'Mark the endpoint not_reported (with a reason to complete)',
    edits: [{ start: at + shift, end: at + shift, newText: needsBreak ? `${eol}${lines}` : `${lines}${eol}` }],
    preferred: false,
  };
}

/** Keeps the scalar's quoting style: "IV" becomes "intravenous", not a bare word. */
function quoteIfNeeded(value: string, original: string): string {
  const q = original.charAt(0);
  return (q === '"' || q === "'") && original.endsWith(q) ? `${q}${value}${q}` : value;
}
