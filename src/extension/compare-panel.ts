import * as vscode from 'vscode';
import type { Comparison, ValidationResult } from '../core';
import { COMPARE_VIEW_TYPE, forPage, isPageMessage, readState, type ExportFormat, type HostMessage, type PageMessage } from '../shared/protocol';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';
import type { Logger } from './logger';
import { compareHtml } from '../shared/webview-html';

/**
 * The Compare Trials panel: the comparison of the chosen study files, rebuilt when one of them
 * changes (in the editor or on disk). The page restores its own view state; the panel only
 * remembers which files it compares (in the page state, for the serializer). Every message from
 * the page is checked before it is acted on.
 */
export class ComparePanel implements vscode.Disposable {
  private static readonly open = new Set<ComparePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private comparison: Comparison | undefined;
  /** Results of compared files that are not open, read once and kept until the disk says they changed. */
  private readonly fromDisk = new Map<string, ValidationResult>();

  static show(context: vscode.ExtensionContext, files: readonly vscode.Uri[], live: DiagnosticsController, log: Logger): ComparePanel {
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Compare Trials', vscode.ViewColumn.Active, ComparePanel.options(context));
    return new ComparePanel(panel, context, files, live, log);
  }

  /** Scripts on, and nothing readable outside the built bundle. The page is not kept alive while hidden: it keeps its own state. */
  static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] };
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private files: readonly vscode.Uri[],
    private readonly live: DiagnosticsController,
    private readonly log: Logger,
  ) {
    ComparePanel.open.add(this);
    const webview = panel.webview;
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    webview.html = compareHtml({ cspSource: webview.cspSource, scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(), styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'compare.css')).toString() });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => this.touched(e.document.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => this.changedOnDisk(d.uri)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    this.disposables.push(watcher, watcher.onDidChange((u) => this.changedOnDisk(u)), watcher.onDidDelete((u) => this.changedOnDisk(u)));
  }

  /** The files of a panel the serializer brings back, as the page stored them. */
  static filesOf(state: unknown): vscode.Uri[] {
    return readState(state).files.map((f) => vscode.Uri.parse(f));
  }

  private async receive(raw: unknown): Promise<void> {
    if (!isPageMessage(raw)) {
      this.log.info(`compare panel: ignored a message that is not part of the protocol: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    const m: PageMessage = raw;
    if (m.type === 'ready') {
      this.ready = true;
      await this.send('initial');
    } else if (m.type === 'reveal') await this.reveal(m.file, m.start, m.end);
    else await this.export(m.format);
  }

  private changedOnDisk(uri: vscode.Uri): void {
    this.fromDisk.delete(uri.toString());
    this.touched(uri);
  }

  private touched(uri: vscode.Uri): void {
    if (!this.files.some((f) => f.toString() === uri.toString())) return;
    if (this.timer) clearTimeout(this.timer);
    // Typing in an included file: at most one rebuild per pause, well within a second.
    this.timer = setTimeout(() => void this.send('update'), 250);
  }

  /** Builds the comparison from each file's current text (an open editor's, else the disk's). */
  private async build(): Promise<Comparison> {
    const core = loadCore();
    const inputs: { file: string; result: ValidationResult }[] = [];
    for (const uri of this.files) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let result: ValidationResult;
      if (open) result = this.live.resultFor(open); // computed once per version
      else {
        const kept = this.fromDisk.get(uri.toString());
        if (kept) result = kept;
        else {
          const bytes = await vscode.workspace.fs.readFile(uri).then(
            (b) => b,
            () => new Uint8Array(),
          );
          result = new core.ValidationSession().run(new TextDecoder().decode(bytes));
          this.fromDisk.set(uri.toString(), result);
        }
      }
      inputs.push({ file: uri.toString(), result });
    }
    return core.buildComparison(inputs);
  }

  private async send(reason: HostMessage['reason']): Promise<void> {
    if (!this.ready) return; // the page asks with `ready` when it listens
    this.comparison = await this.build();
    const message: HostMessage = { type: 'comparison', comparison: forPage(this.comparison), reason };
    await this.panel.webview.postMessage(message);
  }

  /** Reveals a range of a compared file beside the panel; anything else the page names is ignored. */
  private async reveal(file: string, start: number, end: number): Promise<void> {
    const uri = this.files.find((f) => f.toString() === file);
    if (!uri) return this.log.info(`compare panel: ignored a reveal of ${file.slice(0, 200)}, which is not compared`);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (end > doc.getText().length) return this.log.info(`compare panel: ignored a reveal past the end of ${file}`);
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: range, preserveFocus: false });
  }

  private async export(format: ExportFormat): Promise<void> {
    const core = loadCore();
    const c = this.comparison ?? (await this.build());
    const [text, ext] = format === 'csv' ? [core.toCsvLong(c), 'csv'] : format === 'csv-wide' ? [core.toCsvWide(c), 'csv'] : [core.toMarkdown(c), 'md'];
    const target = await vscode.window.showSaveDialog({ filters: { [ext.toUpperCase()]: [ext] }, saveLabel: 'Export' });
    if (target) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  }

  /** Files named in the page state for the serializer: the page keeps them with its own state. */
  get fileList(): string[] {
    return this.files.map((f) => f.toString());
  }

  dispose(): void {
    ComparePanel.open.delete(this);
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
