import * as vscode from 'vscode';
import type { Settings } from './config';
import { hasModeline, matchesAny } from '../core/glob';

/** Our own language id: Red Hat's YAML extension only handles 'yaml', so study files are never validated twice. */
export const LANGUAGE = 'study-yaml';
export const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE };

/** Documents a curator edits; not the read-only copies behind diff views (git:, etc.), which would duplicate diagnostics. */
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** Whether a document is a study annotation: our language, a configured glob, or the first-line modeline. */
export function isStudyDocument(doc: vscode.TextDocument, settings: Settings): boolean {
  if (!EDITABLE_SCHEMES.has(doc.uri.scheme)) return false;
  if (doc.languageId === LANGUAGE) return true;
  if (doc.languageId !== 'yaml') return false;
  return matchesSettings(doc.uri, settings) || hasModeline(doc.lineAt(0).text);
}

export function matchesSettings(uri: vscode.Uri, settings: Settings): boolean {
  const rel = vscode.workspace.asRelativePath(uri, false).split('\\').join('/');
  return matchesAny(rel, settings.files);
}

/** YAML documents that qualify (by a user glob or the modeline) are switched to the study language. */
export async function adoptIfStudy(doc: vscode.TextDocument, settings: Settings): Promise<vscode.TextDocument> {
  if (doc.languageId === 'yaml' && isStudyDocument(doc, settings)) {
    return vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
  }
  return doc;
}
