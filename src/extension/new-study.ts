import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { StudyType } from '../core';
import type { Settings } from './config';
import { loadCore } from './core';
import { LANGUAGE } from './study-documents';

/**
 * "Study Annotator: New Study Annotation": pick a type and an id, get a file that already
 * validates. From the Explorer's context menu the file goes into the folder clicked on.
 */
export async function newStudyAnnotation(settings: Settings, target?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const core = loadCore();
  const type = (await vscode.window.showQuickPick([...core.STUDY_TYPES], { title: 'New study annotation', placeHolder: 'Study type' })) as StudyType | undefined;
  if (!type) return undefined;
  const id = await vscode.window.showInputBox({
    title: 'New study annotation',
    prompt: 'Study id: first author, year and a few words',
    value: 'author-2026-short-title',
    validateInput: (v) => (new RegExp(core.STUDY_ID_PATTERN).test(v) ? undefined : 'Use lower-case letters, digits and single hyphens, e.g. nurudhin-2025-sle-secretome'),
  });
  if (!id) return undefined;
  const curator = settings.curator || safeUserName();
  const text = core.studyTemplate(type, id, curator, new Date().toISOString().slice(0, 10));
  const folder = target instanceof vscode.Uri ? { uri: target } : vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE, content: text });
    return vscode.window.showTextDocument(doc);
  }
  const uri = vscode.Uri.joinPath(folder.uri, `${id}.study.yaml`);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists; choose another id.`);
    return undefined;
  } catch {
    // does not exist yet: good
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

function safeUserName(): string {
  try {
    return userInfo().username || 'curator';
  } catch {
    return 'curator';
  }
}
