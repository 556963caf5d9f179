import * as vscode from 'vscode';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';

/** Quick fixes for our diagnostics; the core decides the edit from the problem's code and data. */
export class StudyCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly live: DiagnosticsController) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === 'study-annotator');
    if (!ours.length) return [];
    const result = this.live.resultFor(doc);
    if (!result.parsed) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const start = doc.offsetAt(diagnostic.range.start);
      const problem = result.problems.find((p) => p.code === code && p.start === start);
      if (!problem) continue;
      for (const fix of loadCore().quickFixes(problem, result)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        actions.push(action);
      }
    }
    return actions;
  }
}
