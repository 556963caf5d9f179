import * as vscode from 'vscode';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';

/** Field documentation from the schema, and quantities in UCUM with their equivalents in other units. */
export class StudyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly live: DiagnosticsController) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    // The parse of this version (computed once per version) lets long-form quantities be described.
    const info = loadCore().hoverAt(doc.getText(), doc.offsetAt(position), this.live.resultFor(doc).parsed);
    if (!info) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(info.contents), new vscode.Range(doc.positionAt(info.start), doc.positionAt(info.end)));
  }
}
