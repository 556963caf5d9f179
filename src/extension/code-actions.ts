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
      // Diagnostics of an older version have no problem here: their fixes would edit moved text.
      const problem = this.live.problemFor(doc.uri, diagnostic);
      if (!problem || !result.problems.includes(problem)) continue;
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
