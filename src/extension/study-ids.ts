import * as vscode from 'vscode';
import type { StudyIdLocation } from '../core';
import { rangeFromLines, toDiagnostic } from './convert';
import { loadCore } from './core';

/**
 * Study ids are unique across the workspace. Every validation (live or from disk) reports the
 * file's id here; duplicates get their own diagnostic collection, so per-file results never
 * have to be merged with cross-file ones.
 */
export class StudyIdRegistry implements vscode.Disposable {
  private readonly ids = new Map<string, { uri: vscode.Uri; loc?: StudyIdLocation }>();
  private readonly collection = vscode.languages.createDiagnosticCollection('study-annotator-ids');
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly docsUri: vscode.Uri) {}

  set(uri: vscode.Uri, loc: StudyIdLocation | undefined): void {
    const key = vscode.workspace.asRelativePath(uri);
    const before = this.ids.get(key)?.loc;
    this.ids.set(key, { uri, loc });
    if (before?.id !== loc?.id || before?.start !== loc?.start) this.scheduleRefresh();
  }

  delete(uri: vscode.Uri): void {
    if (this.ids.delete(vscode.workspace.asRelativePath(uri))) this.scheduleRefresh();
  }

  /** Batched: a workspace scan reports hundreds of files in a burst. */
  private scheduleRefresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, 50);
  }

  private refresh(): void {
    const found = loadCore().duplicateStudyIds(new Map([...this.ids].map(([key, v]) => [key, v.loc])));
    this.collection.clear();
    for (const [key, problems] of found) {
      const uri = this.ids.get(key)?.uri;
      if (uri) this.collection.set(uri, problems.map((p) => toDiagnostic(p, rangeFromLines(p), this.docsUri)));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.collection.dispose();
  }
}
