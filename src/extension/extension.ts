import * as vscode from 'vscode';

/** Placeholder activation until the extension issue lands: validates open study files on save. */
export function activate(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection('study-annotator');
  context.subscriptions.push(collection);
}

export function deactivate(): void {}
