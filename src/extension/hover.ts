import * as vscode from 'vscode';
import { loadCore } from './core';

/** Field documentation from the schema, and the canonical UCUM form of quantities. */
export class StudyHoverProvider implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const info = loadCore().hoverAt(doc.getText(), doc.offsetAt(position));
    if (!info) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(info.contents), new vscode.Range(doc.positionAt(info.start), doc.positionAt(info.end)));
  }
}
