import * as vscode from 'vscode';
import type { OutlineKind, OutlineNode } from '../core';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';

const KIND: Record<OutlineKind, vscode.SymbolKind> = {
  study: vscode.SymbolKind.File,
  section: vscode.SymbolKind.Namespace,
  arm: vscode.SymbolKind.Class,
  product: vscode.SymbolKind.Package,
  endpoint: vscode.SymbolKind.Event,
  timepoint: vscode.SymbolKind.Number,
  result: vscode.SymbolKind.Field,
};

/** The Outline: study, sections, arms, products, endpoints with their timepoints, and results. */
export class StudySymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly live: DiagnosticsController) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const parsed = this.live.resultFor(doc).parsed;
    if (!parsed) return [];
    const toSymbol = (n: OutlineNode): vscode.DocumentSymbol => {
      const range = new vscode.Range(doc.positionAt(n.start), doc.positionAt(n.end));
      const select = new vscode.Range(doc.positionAt(n.selectStart), doc.positionAt(n.selectEnd));
      const s = new vscode.DocumentSymbol(n.name, n.detail, KIND[n.kind], range, range.contains(select) ? select : range);
      s.children = n.children.map(toSymbol);
      return s;
    };
    return loadCore().outline(parsed).map(toSymbol);
  }
}
