import * as vscode from 'vscode';
import type { CompareInput } from '../core';
import { loadCore } from './core';

const STUDY_GLOB = '**/*.study.{yaml,yml}';

/** Reads and validates study files (a file that cannot be read is left out). */
export async function readStudies(uris: readonly vscode.Uri[]): Promise<CompareInput[]> {
  const core = loadCore();
  const out: CompareInput[] = [];
  for (const uri of uris) {
    const bytes = await vscode.workspace.fs.readFile(uri).then(
      (b) => b,
      () => undefined,
    );
    if (bytes && bytes.length <= core.DEFAULT_MAX_SIZE) out.push({ file: uri.toString(), result: new (core.ValidationSession)().run(new TextDecoder().decode(bytes)) });
  }
  return out;
}

/**
 * Where the consensus of two extractions is: the study file whose `curation.extractions` names
 * both, if the workspace has one; else `<id>.consensus.study.yaml` in the folder that holds both.
 */
export async function consensusLocation(left: vscode.Uri, right: vscode.Uri, id: string): Promise<{ uri: vscode.Uri; exists: boolean; curator?: string }> {
  const candidates = (await vscode.workspace.findFiles(STUDY_GLOB, '**/node_modules/**')).filter((u) => u.toString() !== left.toString() && u.toString() !== right.toString());
  for (const c of await readStudies(candidates)) {
    const curation = (c.result.parsed?.value as { curation?: { extractions?: { file?: unknown }[]; curator?: unknown } } | undefined)?.curation;
    if (!Array.isArray(curation?.extractions)) continue;
    const uri = vscode.Uri.parse(c.file);
    const folder = vscode.Uri.joinPath(uri, '..');
    const named = curation.extractions.map((e) => (typeof e?.file === 'string' ? vscode.Uri.joinPath(folder, e.file).toString() : ''));
    if (named.includes(left.toString()) && named.includes(right.toString())) return { uri, exists: true, curator: typeof curation.curator === 'string' ? curation.curator : undefined };
  }
  const a = left.path.split('/').slice(0, -1);
  const b = right.path.split('/').slice(0, -1);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { uri: left.with({ path: `${a.slice(0, i).join('/')}/${id}.consensus.study.yaml` }), exists: false };
}
