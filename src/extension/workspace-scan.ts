import * as vscode from 'vscode';
import type { ConditionProfile } from '../core';
import type { Settings } from './config';
import { rangeFromLines, toDiagnostic, toSuppressedDiagnostic } from './convert';
import { isIgnored, parseIgnoreFile } from '../core/glob';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';
import type { Logger } from './logger';
import type { StudyIdRegistry } from './study-ids';

const PROGRESS_THRESHOLD = 20;

/**
 * Validates study files that are not open, so the Problems panel covers the whole workspace:
 * once at activation and again when files change on disk. Open documents are the live
 * controller's. Folders listed in a .studyignore are skipped, as in the CLI.
 */
export class WorkspaceScanner implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private running?: vscode.CancellationTokenSource;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly live: DiagnosticsController,
    private settings: Settings,
    private profiles: readonly ConditionProfile[],
    private readonly docsUri: vscode.Uri,
    private readonly log: Logger,
    private readonly ids: StudyIdRegistry,
  ) {}

  /** (Re)starts scanning under the given settings; with validation.workspace off it only clears. */
  async restart(settings: Settings, profiles: readonly ConditionProfile[]): Promise<void> {
    this.settings = settings;
    this.profiles = profiles;
    this.running?.cancel();
    this.disposeWatchers();
    if (!settings.validateWorkspace) {
      this.collection.forEach((uri) => {
        if (!this.live.isTracked(uri)) this.collection.delete(uri);
      });
      return;
    }
    for (const glob of settings.files) {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      w.onDidCreate((uri) => void this.checkFile(uri));
      w.onDidChange((uri) => void this.checkFile(uri));
      w.onDidDelete((uri) => {
        this.ids.delete(uri);
        if (!this.live.isTracked(uri)) this.collection.delete(uri);
      });
      this.watchers.push(w);
    }
    const cts = new vscode.CancellationTokenSource();
    this.running = cts;
    await this.scanAll(cts.token);
  }

  private async scanAll(token: vscode.CancellationToken): Promise<void> {
    const started = performance.now();
    const uris = await this.studyFiles();
    if (token.isCancellationRequested) return;
    const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) return;
        await this.checkFile(uri);
        progress?.report({ message: `${i + 1}/${uris.length}`, increment: 100 / uris.length });
        if (i % 10 === 9) await new Promise((r) => setImmediate(r)); // keep the extension host responsive
      }
    };
    if (uris.length > PROGRESS_THRESHOLD) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Study Annotator: checking study files', cancellable: false }, work);
    } else {
      await work();
    }
    this.log.info(`checked ${uris.length} study files in the workspace in ${(performance.now() - started).toFixed(0)} ms`);
  }

  async studyFiles(): Promise<vscode.Uri[]> {
    const found = await Promise.all(this.settings.files.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**')));
    const ignores = await Promise.all(
      (await vscode.workspace.findFiles('**/.studyignore', '**/node_modules/**')).map(async (uri) => ({
        dir: vscode.Uri.joinPath(uri, '..').path,
        patterns: parseIgnoreFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))),
      })),
    );
    const unique = new Map(found.flat().map((u) => [u.toString(), u]));
    return [...unique.values()].filter((uri) => !isIgnored(uri.path, false, ignores));
  }

  /** Validates one file from disk unless it is open (then the live controller owns it). */
  async checkFile(uri: vscode.Uri): Promise<void> {
    if (this.live.isTracked(uri)) return;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (this.live.isTracked(uri)) return;
      const { problems, suppressed, studyId } = loadCore().validateFile(bytes, { maxSize: this.settings.maxFileSize, profiles: this.profiles, disabledChecks: this.settings.disabledChecks });
      this.ids.set(uri, studyId);
      this.collection.set(
        uri,
        [...problems.map((p) => toDiagnostic(p, rangeFromLines(p), this.docsUri)), ...suppressed.map((p) => toSuppressedDiagnostic(p, rangeFromLines(p), this.docsUri))],
      );
    } catch (err) {
      this.log.error(`could not check ${uri.toString()}`, err);
    }
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.running?.cancel();
    this.disposeWatchers();
  }
}
