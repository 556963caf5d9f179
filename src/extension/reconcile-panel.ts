import * as vscode from 'vscode';
import type { CompareInput, Decision, Difference } from '../core';
import { isReconcilePageMessage, readReconcileState, RECONCILE_VIEW_TYPE, type ReconcileHostMessage, type ReconcileView } from '../shared/protocol';
import { reconcileHtml } from '../shared/webview-html';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';
import type { Logger } from './logger';
import { consensusLocation } from './reconcile-files';

/**
 * The Reconcile Extractions panel: the differences of two extractions of one study, settled one
 * by one into a third file, the consensus. Every decision is written at once (atomically: a
 * temporary file renamed over the old one); the two extractions are never written. Reopened on a
 * half-settled pair, it resumes from the decisions the consensus records.
 */
export class ReconcilePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private inputs: [CompareInput, CompareInput] | undefined;
  private texts: [string, string] = ['', ''];
  private differences: Difference[] = [];
  private renames: Record<string, Record<string, string>> = {};
  private decisions: Record<string, Decision> = {};
  private consensus: { uri: vscode.Uri; exists: boolean; curator?: string } | undefined;
  /** Writes in the order the decisions came: a slow write never overtakes a later one. */
  private writing: Promise<void> = Promise.resolve();

  static show(context: vscode.ExtensionContext, left: vscode.Uri, right: vscode.Uri, live: DiagnosticsController, log: Logger): ReconcilePanel {
    const panel = vscode.window.createWebviewPanel(RECONCILE_VIEW_TYPE, 'Reconcile Extractions', vscode.ViewColumn.Active, ReconcilePanel.options(context));
    return new ReconcilePanel(panel, context, left, right, live, log);
  }

  /** Scripts on, nothing readable outside the built bundle; the page keeps its own state while hidden. */
  static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] };
  }

  /** The pair of a panel the serializer brings back, as its page stored it. */
  static pairOf(state: unknown): [vscode.Uri, vscode.Uri] | undefined {
    const s = readReconcileState(state);
    return s.left && s.right ? [vscode.Uri.parse(s.left), vscode.Uri.parse(s.right)] : undefined;
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly left: vscode.Uri,
    private readonly right: vscode.Uri,
    private readonly live: DiagnosticsController,
    private readonly log: Logger,
  ) {
    const webview = panel.webview;
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    webview.html = reconcileHtml({ cspSource: webview.cspSource, scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'reconcile.js')).toString(), styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'reconcile.css')).toString() });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isExtraction(d.uri)) void this.send('update');
      }),
    );
  }

  private isExtraction(uri: vscode.Uri): boolean {
    return uri.toString() === this.left.toString() || uri.toString() === this.right.toString();
  }

  private async receive(raw: unknown): Promise<void> {
    if (!isReconcilePageMessage(raw)) return this.log.info(`reconcile panel: ignored a message that is not part of the protocol: ${JSON.stringify(raw)?.slice(0, 200)}`);
    if (raw.type === 'ready') {
      this.ready = true;
      await this.send('initial');
    } else if (raw.type === 'reveal') await this.reveal(raw.file, raw.start, raw.end);
    else {
      if (!this.differences.some((d) => d.id === raw.id)) return this.log.info(`reconcile panel: ignored a decision on ${raw.id.slice(0, 200)}, which is no difference`);
      if (raw.decision) this.decisions[raw.id] = raw.decision;
      else delete this.decisions[raw.id];
      this.writing = this.writing.then(() => this.write()).catch((e: unknown) => void vscode.window.showErrorMessage(`Study Annotator: the consensus could not be written: ${e instanceof Error ? e.message : String(e)}`));
      await this.writing;
    }
  }

  /** Each extraction's current text: an open editor's, else the disk's. */
  private async read(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  private async load(first: boolean): Promise<ReconcileView> {
    const core = loadCore();
    this.texts = [await this.read(this.left), await this.read(this.right)];
    const inputs: [CompareInput, CompareInput] = [
      { file: this.left.toString(), result: new core.ValidationSession().run(this.texts[0]) },
      { file: this.right.toString(), result: new core.ValidationSession().run(this.texts[1]) },
    ];
    this.inputs = inputs;
    const diff = core.diffExtractions(...inputs);
    const pair = core.comparePair(...inputs, diff);
    this.differences = diff.differences;
    this.renames = diff.renames;
    if (first || !this.consensus) {
      this.consensus = await consensusLocation(this.left, this.right, pair.id);
      if (this.consensus.exists) {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.consensus.uri));
        this.decisions = core.readDecisions(text, this.differences);
      }
    }
    // A decision on a field that no longer differs is dropped.
    this.decisions = Object.fromEntries(Object.entries(this.decisions).filter(([id]) => this.differences.some((d) => d.id === id)));
    this.panel.title = `Reconcile: ${pair.id}`;
    return { id: pair.id, left: pair.left, right: pair.right, differences: pair.differences, agreement: pair.agreement, decisions: { ...this.decisions }, consensus: vscode.workspace.asRelativePath(this.consensus.uri), consensusExists: this.consensus.exists };
  }

  private async send(reason: 'initial' | 'update'): Promise<void> {
    if (!this.ready) return; // the page asks with `ready` when it listens
    const message: ReconcileHostMessage = { type: 'pair', view: await this.load(reason === 'initial'), reason };
    await this.panel.webview.postMessage(message);
  }

  /** Writes the consensus from the decisions so far: a temporary file beside it, renamed over it. */
  private async write(): Promise<void> {
    if (!this.inputs || !this.consensus) return;
    const core = loadCore();
    const [l, r] = this.inputs;
    const relative = (uri: vscode.Uri) => relativePath(this.consensus?.uri as vscode.Uri, uri);
    const left = { ...core.extractionInfo(l), file: relative(this.left) };
    const right = { ...core.extractionInfo(r), file: relative(this.right) };
    const out = core.writeConsensus({ leftText: this.texts[0], rightText: this.texts[1], left, right, differences: this.differences, renames: this.renames, decisions: this.decisions, curator: this.consensus.curator ?? `${left.curator} and ${right.curator}`, date: new Date().toISOString().slice(0, 10) });
    const target = this.consensus.uri;
    const temporary = target.with({ path: `${target.path}.${process.pid}-${Date.now()}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(out.text));
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
    this.consensus.exists = true;
    const errors = new core.ValidationSession().run(out.text).problems.filter((p) => p.severity === 'error').length;
    for (const refused of out.refused) delete this.decisions[refused.id];
    const message: ReconcileHostMessage = { type: 'saved', consensus: vscode.workspace.asRelativePath(target), settled: Object.keys(this.decisions).length, refused: out.refused, errors };
    await this.panel.webview.postMessage(message);
  }

  /** Reveals a range of one of the two extractions beside the panel; anything else the page names is ignored. */
  private async reveal(file: string, start: number, end: number): Promise<void> {
    const uri = [this.left, this.right].find((u) => u.toString() === file);
    if (!uri) return this.log.info(`reconcile panel: ignored a reveal of ${file.slice(0, 200)}, which is neither extraction`);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (end > doc.getText().length) return this.log.info(`reconcile panel: ignored a reveal past the end of ${file.slice(0, 200)}`);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(doc.positionAt(start), doc.positionAt(end)), preserveFocus: false });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** `to` relative to the folder of `from`, with forward slashes: how a consensus names its extractions. */
export function relativePath(from: vscode.Uri, to: vscode.Uri): string {
  const a = from.path.split('/').slice(0, -1);
  const b = to.path.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
