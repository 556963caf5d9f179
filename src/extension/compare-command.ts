import * as vscode from 'vscode';
import { COMPARE_VIEW_TYPE } from '../shared/protocol';
import { ComparePanel } from './compare-panel';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';
import type { Logger } from './logger';

/** The workspace's study files (as the scanner finds them: settings globs, less `.studyignore`). */
export type StudyFileFinder = () => Promise<vscode.Uri[]>;

/**
 * "Study Annotator: Compare Trials". From the Explorer: the selected files and folders. From a
 * study file's editor title: that study and the others of the same condition. From the Command
 * Palette: a multi-select of every study file, all preselected.
 */
export async function compareTrials(context: vscode.ExtensionContext, live: DiagnosticsController, log: Logger, find: StudyFileFinder, clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<void> {
  const all = await find();
  let files: vscode.Uri[];
  if (selected?.length || clicked) files = await filesFromContext(all, clicked, selected);
  else {
    const picked = await vscode.window.showQuickPick(
      all.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri, picked: true })),
      { canPickMany: true, title: 'Compare Trials', placeHolder: 'Study files to compare' },
    );
    if (!picked) return;
    files = picked.map((p) => p.uri);
  }
  const unique = [...new Map(files.map((f) => [f.toString(), f])).values()];
  if (!unique.length) return void vscode.window.showInformationMessage('Study Annotator: no study files to compare.');
  ComparePanel.show(context, unique, live, log);
}

/**
 * The files to compare from where the command was run: the Explorer's selection (files as they
 * are, folders as the study files below them), or one file (the editor title, or one file
 * clicked in the Explorer): that study and the others of the same condition.
 */
export async function filesFromContext(all: readonly vscode.Uri[], clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<vscode.Uri[]> {
  const chosen = selected?.length ? selected : clicked ? [clicked] : [];
  const folders = await Promise.all(chosen.map(async (u) => ((await vscode.workspace.fs.stat(u)).type & vscode.FileType.Directory ? u : undefined)));
  const inFolder = (f: vscode.Uri) => folders.some((d) => d && f.toString().startsWith(`${d.toString().replace(/\/$/, '')}/`));
  const direct = chosen.filter((_, i) => !folders[i]);
  return direct.length === 1 && (selected?.length ?? 0) <= 1 ? sameCondition(direct[0] as vscode.Uri, all) : [...direct, ...all.filter(inFolder)];
}

/** The study, first, and every other study of the same condition (by code, else by name). */
async function sameCondition(file: vscode.Uri, all: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const key = async (uri: vscode.Uri) => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri).then((b) => b, () => new Uint8Array()));
    const value = new (loadCore().ValidationSession)().run(text).parsed?.value as { population?: { condition?: { code?: unknown; name?: unknown }; conditions?: { code?: unknown; name?: unknown }[] } } | undefined;
    const conditions = [value?.population?.condition, ...(value?.population?.conditions ?? [])].filter(Boolean);
    return conditions.map((c) => String(c?.code ?? c?.name ?? '').toLowerCase()).filter(Boolean);
  };
  const mine = await key(file);
  if (!mine.length) return [file];
  const others: vscode.Uri[] = [];
  for (const uri of all) if (uri.toString() !== file.toString() && (await key(uri)).some((k) => mine.includes(k))) others.push(uri);
  return [file, ...others];
}

/** Brings a Compare Trials panel back after a window reload, with the files its page remembered. */
export function registerCompareSerializer(context: vscode.ExtensionContext, live: DiagnosticsController, log: Logger): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
    async deserializeWebviewPanel(panel, state) {
      panel.webview.options = ComparePanel.options(context);
      new ComparePanel(panel, context, ComparePanel.filesOf(state), live, log);
    },
  });
}
