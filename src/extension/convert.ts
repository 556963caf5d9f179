import * as vscode from 'vscode';
import type { Problem, SuppressedProblem } from '../core';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Core problems carry offsets (and 1-based lines); editor positions are made only here. */
export function toDiagnostic(p: Problem, range: vscode.Range, docsUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, p.message, SEVERITY[p.severity]);
  d.source = 'study-annotator';
  d.code = { value: p.code, target: docsUri.with({ fragment: p.code }) };
  return d;
}

/**
 * A problem the curator acknowledged in the file: a hint (dots under the text, not in the
 * Problems panel), whose hover says what was acknowledged and why.
 */
export function toSuppressedDiagnostic(p: SuppressedProblem, range: vscode.Range, docsUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, `Acknowledged: ${p.message} Reason: ${p.justification}`, vscode.DiagnosticSeverity.Hint);
  d.source = 'study-annotator';
  d.code = { value: p.code, target: docsUri.with({ fragment: p.code }) };
  return d;
}

/** For an open document: from offsets into its text. */
export function rangeInDocument(p: Problem, doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end));
}

/** For a file read from disk: from the problem's own 1-based line and column. */
export function rangeFromLines(p: Problem): vscode.Range {
  return new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
}
