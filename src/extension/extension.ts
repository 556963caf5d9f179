import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ConditionProfile, Problem } from '../core';
import { readSettings, SECTION, type Settings } from './config';
import { loadCore } from './core';
import { StudyCodeActionProvider } from './code-actions';
import { compareTrials, registerCompareSerializer } from './compare-command';
import { reconcileExtractions, registerReconcileSerializer } from './reconcile-command';
import { StudyCompletionProvider } from './completion';
import { DiagnosticsController } from './diagnostics';
import { StudyHoverProvider } from './hover';
import { Logger } from './logger';
import { newStudyAnnotation } from './new-study';
import { StudySymbolProvider } from './outline';
import { StudyStatus } from './status';
import { adoptIfStudy, isStudyDocument, SELECTOR } from './study-documents';
import { StudyIdRegistry } from './study-ids';
import { WorkspaceScanner } from './workspace-scan';

/** What tests (and other extensions) can ask of a running Study Annotator. */
export interface StudyAnnotatorApi {
  activationMs: number;
  problems(uri: vscode.Uri): readonly Problem[] | undefined;
  onDidValidate: vscode.Event<{ uri: vscode.Uri; problems: readonly Problem[]; elapsedMs: number }>;
}

export async function activate(context: vscode.ExtensionContext): Promise<StudyAnnotatorApi> {
  const started = performance.now();
  let settings = readSettings(vscode.workspace.getConfiguration(SECTION));
  const log = new Logger(settings.logLevel);
  const collection = vscode.languages.createDiagnosticCollection('study-annotator');
  const docsUri = problemDocs(context.extensionUri);
  let profiles: readonly ConditionProfile[] = [];
  const live = new DiagnosticsController(collection, settings, profiles, docsUri, log);
  const ids = new StudyIdRegistry(docsUri);
  const scanner = new WorkspaceScanner(collection, live, settings, profiles, docsUri, log, ids);
  let status: StudyStatus | undefined;
  const statusFor = () => (status ??= new StudyStatus(loadCore().SCHEMA_VERSION));

  const track = async (doc: vscode.TextDocument) => {
    if (!isStudyDocument(doc, settings)) return;
    const adopted = await adoptIfStudy(doc, settings);
    live.validateNow(adopted);
    refreshStatus();
  };
  const refreshStatus = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && isStudyDocument(doc, settings)) statusFor().show(live.problemsFor(doc.uri));
  };

  context.subscriptions.push(
    log,
    collection,
    live,
    ids,
    scanner,
    { dispose: () => status?.dispose() },
    vscode.workspace.onDidOpenTextDocument((doc) => void track(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && isStudyDocument(e.document, settings)) live.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (!live.isTracked(doc.uri)) return;
      live.forget(doc);
      if (settings.validateWorkspace && doc.uri.scheme === 'file') void scanner.checkFile(doc.uri); // back to the saved text
      else {
        collection.delete(doc.uri);
        ids.delete(doc.uri);
      }
    }),
    live.onDidValidate((e) => {
      ids.set(e.uri, e.studyId);
      refreshStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => refreshStatus()),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new StudyCompletionProvider(live), ':', ' ', '-', '['),
    vscode.languages.registerHoverProvider(SELECTOR, new StudyHoverProvider(live)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new StudyCodeActionProvider(live, () => settings), { providedCodeActionKinds: StudyCodeActionProvider.kinds }),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new StudySymbolProvider(live), { label: 'Study Annotator' }),
    vscode.commands.registerCommand('studyAnnotator.newStudy', (folder?: vscode.Uri) => newStudyAnnotation(settings, folder)),
    vscode.commands.registerCommand('studyAnnotator.showLog', () => log.channel.show()),
    vscode.commands.registerCommand('studyAnnotator.revalidateWorkspace', () => scanner.restart(settings, profiles)),
    vscode.commands.registerCommand('studyAnnotator.compareTrials', (clicked?: vscode.Uri, selected?: vscode.Uri[]) => compareTrials(context, live, log, () => scanner.studyFiles(), clicked instanceof vscode.Uri ? clicked : undefined, Array.isArray(selected) ? selected : undefined)),
    registerCompareSerializer(context, live, log),
    vscode.commands.registerCommand('studyAnnotator.reconcile', (clicked?: vscode.Uri, selected?: vscode.Uri[]) => reconcileExtractions(context, live, log, () => scanner.studyFiles(), clicked instanceof vscode.Uri ? clicked : undefined, Array.isArray(selected) ? selected : undefined)),
    registerReconcileSerializer(context, live, log),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      settings = readSettings(vscode.workspace.getConfiguration(SECTION));
      log.setLevel(settings.logLevel);
      profiles = await loadProfiles(settings, log);
      live.update(settings, profiles);
      for (const doc of vscode.workspace.textDocuments) void track(doc);
      void scanner.restart(settings, profiles);
    }),
  );

  // Everything below touches the core, so it runs after activation returns. It still runs on the
  // extension host's thread, so its cost is logged beside the activation time.
  setTimeout(async () => {
    const t0 = performance.now();
    profiles = await loadProfiles(settings, log);
    live.update(settings, profiles);
    const open = vscode.workspace.textDocuments.filter((d) => isStudyDocument(d, settings));
    for (const doc of open) await track(doc);
    const t1 = performance.now();
    log.info(`start-up work after activation: ${(t1 - t0).toFixed(1)} ms (core, schema and units loaded on first use, schema validator ${loadCore().SCHEMA_VALIDATOR_ORIGIN}; ${open.length} open study documents validated)`);
    await scanner.restart(settings, profiles);
  }, 0);

  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, problems: (uri) => live.problemsFor(uri), onDidValidate: live.onDidValidate };
}

/** The workspace's condition profiles file, if configured; a broken file is reported, not fatal. */
async function loadProfiles(settings: Settings, log: Logger): Promise<ConditionProfile[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!settings.profilesFile || !folder) return [];
  const uri = vscode.Uri.joinPath(folder.uri, settings.profilesFile);
  try {
    const parsed = loadCore().parseProfiles(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    if ('error' in parsed) throw new Error(parsed.error);
    log.info(`loaded ${parsed.profiles.length} condition profiles from ${settings.profilesFile}`);
    return parsed.profiles;
  } catch (err) {
    void vscode.window.showWarningMessage(`Study Annotator: condition profiles in ${settings.profilesFile} were not loaded: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}

/** Diagnostic codes link to the README's section on each code (vsce stores the README as readme.md). */
function problemDocs(extensionUri: vscode.Uri): vscode.Uri {
  const packaged = vscode.Uri.joinPath(extensionUri, 'readme.md');
  return existsSync(packaged.fsPath) ? packaged : vscode.Uri.joinPath(extensionUri, 'README.md');
}

export function deactivate(): void {}
