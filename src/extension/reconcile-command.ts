import * as vscode from 'vscode';
import { RECONCILE_VIEW_TYPE } from '../shared/protocol';
import type { StudyFileFinder } from './compare-command';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';
import type { Logger } from './logger';
import { ReconcilePanel } from './reconcile-panel';
import { readStudies } from './reconcile-files';

/**
 * "Study Annotator: Reconcile Extractions". Two files selected in the Explorer: that pair. Else
 * the pairs of the workspace (one study id, two curators), those of the clicked or active study
 * file first: one opens at once, several are offered in a quick pick.
 */
export async function reconcileExtractions(context: vscode.ExtensionContext, live: DiagnosticsController, log: Logger, find: StudyFileFinder, clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<void> {
  if (selected?.length === 2) return void ReconcilePanel.show(context, selected[0] as vscode.Uri, selected[1] as vscode.Uri, live, log);
  const core = loadCore();
  const pairs = core.findPairs(await readStudies(await find()));
  const focus = (clicked ?? vscode.window.activeTextEditor?.document.uri)?.toString();
  const mine = pairs.filter(([l, r]) => l.file === focus || r.file === focus);
  const offered = mine.length ? mine : pairs;
  if (!offered.length) return void vscode.window.showInformationMessage('Study Annotator: no study is extracted twice here (two files with one study id and different curation.curator).');
  let chosen = offered[0];
  if (offered.length > 1) {
    const items = offered.map((p) => {
      const [l, r] = p.map((i) => core.extractionInfo(i));
      const id = core.studyIdOf(p[0]) ?? '';
      return { label: id, description: `${l?.curator} and ${r?.curator}`, detail: p.map((i) => vscode.workspace.asRelativePath(vscode.Uri.parse(i.file))).join('  ·  '), pair: p };
    });
    const picked = await vscode.window.showQuickPick(items, { title: 'Reconcile Extractions', placeHolder: 'Which study' });
    if (!picked) return;
    chosen = picked.pair;
  }
  if (chosen) ReconcilePanel.show(context, vscode.Uri.parse(chosen[0].file), vscode.Uri.parse(chosen[1].file), live, log);
}

/** Brings a Reconcile panel back after a window reload, on the pair its page remembered. */
export function registerReconcileSerializer(context: vscode.ExtensionContext, live: DiagnosticsController, log: Logger): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(RECONCILE_VIEW_TYPE, {
    async deserializeWebviewPanel(panel, state) {
      const pair = ReconcilePanel.pairOf(state);
      if (!pair) return panel.dispose();
      panel.webview.options = ReconcilePanel.options(context);
      new ReconcilePanel(panel, context, pair[0], pair[1], live, log);
    },
  });
}
