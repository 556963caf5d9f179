/** Runs inside desktop VS Code's extension host: the same checks as test/e2e, through the API. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const FILE = 'nurudhin-2025-sle-secretome.study.yaml';

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const checks: [string, (doc: vscode.TextDocument, uri: vscode.Uri) => Promise<void>][] = [
  [
    'an example opens with no problems',
    async (doc, uri) => {
      assert.equal(doc.languageId, 'study-yaml');
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    },
  ],
  [
    'typing an invalid value shows a diagnostic at its line, and fixing it clears it',
    async (doc, uri) => {
      const line = doc.getText().split('\n').findIndex((l) => l.includes('route: intramuscular'));
      const col = doc.lineAt(line).text.indexOf('intramuscular');
      const range = new vscode.Range(line, col, line, col + 'intramuscular'.length);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(range, 'IM'));
      const d = await until('schema-enum', () => vscode.languages.getDiagnostics(uri).find((x) => (x.code as { value: string })?.value === 'schema-enum'));
      assert.equal(d.range.start.line, line);
      assert.match(d.message, /did you mean intramuscular\?/);
      await editor.edit((e) => e.replace(new vscode.Range(line, col, line, col + 2), 'intramuscular'));
      await until('no diagnostics', () => vscode.languages.getDiagnostics(uri).length === 0);
    },
  ],
  [
    'completion offers the enum values',
    async (doc, uri) => {
      const line = doc.getText().split('\n').findIndex((l) => l.includes('route: intramuscular'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, doc.lineAt(line).text.indexOf(':') + 2));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('intravenous'), labels.join(', '));
    },
  ],
  [
    'hover shows the description',
    async (doc, uri) => {
      const line = doc.getText().split('\n').findIndex((l) => l.includes('route: intramuscular'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, doc.lineAt(line).text.indexOf('route') + 1));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.match(text, /How the product was given\./);
    },
  ],
  [
    'the Outline lists the arms',
    async (_doc, uri) => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      assert.deepEqual(symbols.find((s) => s.name === 'arms')?.children.map((c) => c.name), ['secretome', 'placebo']);
    },
  ],
];

export async function run(): Promise<void> {
  const [uri] = await vscode.workspace.findFiles(`**/${FILE}`);
  assert.ok(uri, `${FILE} not in the workspace`);
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'study-annotator');
  assert.ok(ext, 'the study-annotator extension is not installed in this VS Code');
  await ext.activate();
  assert.ok(ext.isActive, 'the extension did not activate');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  let failed = 0;
  for (const [name, check] of checks) {
    try {
      await check(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? doc, uri);
      console.log(`ok - ${name}`);
    } catch (err) {
      failed++;
      console.log(`not ok - ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} desktop checks failed`);
}
