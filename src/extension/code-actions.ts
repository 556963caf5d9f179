import * as vscode from 'vscode';
import type { QuickFix } from '../core';
import type { Settings } from './config';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';

/** "Convert to …" on any quantity: a rewrite the curator asks for, not a fix of a problem. */
export const CONVERT_UNIT = vscode.CodeActionKind.RefactorRewrite.append('convertUnit');
/** "Convert all quantities to preferred units", from the Source Action menu. */
export const CONVERT_ALL = vscode.CodeActionKind.Source.append('convertUnits');
/** Spellings only (`cc` → `mL`), so `editor.codeActionsOnSave` can run it without changing a value. */
export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('studyAnnotator');

/** Quick fixes for our diagnostics, unit conversions and the file-wide actions; the core decides every edit. */
export class StudyCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, CONVERT_UNIT, CONVERT_ALL, FIX_ALL];

  constructor(
    private readonly live: DiagnosticsController,
    private readonly settings: () => Settings,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const result = this.live.resultFor(doc);
    if (!result.parsed) return [];
    const core = loadCore();
    const actions: vscode.CodeAction[] = [];
    const action = (fix: QuickFix, kind: vscode.CodeActionKind) => {
      const a = new vscode.CodeAction(fix.title, kind);
      a.edit = new vscode.WorkspaceEdit();
      const range = (e: (typeof fix.edits)[number]) => new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
      // A snippet's placeholders become tab stops, the first one selected.
      if (fix.snippet) a.edit.set(doc.uri, fix.edits.map((e) => new vscode.SnippetTextEdit(range(e), new vscode.SnippetString(e.newText))));
      else for (const e of fix.edits) a.edit.replace(doc.uri, range(e), e.newText);
      actions.push(a);
      return a;
    };
    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics.filter((d) => d.source === 'study-annotator')) {
        // Another curator's extraction of this study: the fix is to reconcile the two.
        if (typeof diagnostic.code === 'object' && diagnostic.code.value === 'study-extraction-pair') {
          const a = new vscode.CodeAction('Reconcile the two extractions…', vscode.CodeActionKind.QuickFix);
          a.command = { command: 'studyAnnotator.reconcile', title: 'Reconcile Extractions', arguments: [doc.uri] };
          a.diagnostics = [diagnostic];
          actions.push(a);
          continue;
        }
        // Diagnostics of an older version have no problem here: their fixes would edit moved text.
        const problem = this.live.problemFor(doc.uri, diagnostic);
        if (!problem || !result.problems.includes(problem)) continue;
        for (const fix of core.quickFixes(problem, result)) {
          const a = action(fix, vscode.CodeActionKind.QuickFix);
          a.diagnostics = [diagnostic];
          a.isPreferred = fix.preferred;
        }
      }
    }
    // Conversions are verified by validating each candidate: only when asked for (Ctrl+.), never
    // for the light bulb on every cursor move, which would validate a long file several times.
    if (wants(CONVERT_UNIT) && context.triggerKind === vscode.CodeActionTriggerKind.Invoke) {
      for (const fix of core.conversionFixes(result, doc.offsetAt(range.start), doc.offsetAt(range.end))) action(fix, CONVERT_UNIT);
    }
    // File-wide actions are computed only when asked for by kind (Source Action menu, on save), never for the light bulb.
    const asked = (kind: vscode.CodeActionKind) => !!context.only && (context.only.contains(kind) || kind.contains(context.only));
    if (asked(CONVERT_ALL)) {
      const all = core.preferredUnitsFix(result, this.settings().preferredUnits);
      if (all) action(all, CONVERT_ALL);
    }
    if (asked(FIX_ALL)) {
      const spelling = core.spellingFixAll(result);
      if (spelling) action(spelling, FIX_ALL);
    }
    return actions;
  }
}
