import * as vscode from 'vscode';
import type { CursorContext, SchemaNode } from '../core';
import { loadCore } from './core';
import type { DiagnosticsController } from './diagnostics';

/** Completion from the schema: keys with their documentation, enum values, ids to refer to, and item snippets. */
export class StudyCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly live: DiagnosticsController) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const core = loadCore();
    const text = doc.getText();
    const ctx = core.cursorContext(text, doc.offsetAt(position));
    if (!ctx) return [];
    const range = new vscode.Range(doc.positionAt(ctx.replaceFrom), position);
    if (ctx.kind === 'key') return [...this.keys(ctx, range), ...snippetsFor(ctx)];
    return this.values(doc, ctx, range);
  }

  private keys(ctx: CursorContext, range: vscode.Range): vscode.CompletionItem[] {
    const core = loadCore();
    const schema = core.schemaAt(ctx.path);
    const props = schema?.properties ?? {};
    return Object.entries(props)
      .filter(([key]) => !ctx.siblings.includes(key))
      .map(([key, raw], i) => {
        const field = core.deref(raw) ?? raw;
        const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
        item.detail = field.title;
        item.documentation = new vscode.MarkdownString(core.documentField(raw));
        item.range = range;
        item.sortText = `${schema?.required?.includes(key) ? 0 : 1}${String(i).padStart(3, '0')}`;
        item.insertText = new vscode.SnippetString(keySnippet(key, field, ctx.indent));
        if (isContainer(field)) item.command = { title: 'suggest', command: 'editor.action.triggerSuggest' };
        return item;
      });
  }

  private values(doc: vscode.TextDocument, ctx: CursorContext, range: vscode.Range): vscode.CompletionItem[] {
    const core = loadCore();
    const field = core.deref(core.schemaAt(ctx.path));
    const out: vscode.CompletionItem[] = [];
    for (const [i, v] of core.allowedValues(field).entries()) {
      const item = new vscode.CompletionItem(String(v), vscode.CompletionItemKind.EnumMember);
      item.detail = field?.title;
      item.range = range;
      // The schema lists the common values first (intravenous before intradiscal); keep its order.
      item.sortText = String(i).padStart(3, '0');
      out.push(item);
    }
    if (field?.type === 'boolean') for (const b of ['true', 'false']) out.push(Object.assign(new vscode.CompletionItem(b, vscode.CompletionItemKind.Value), { range }));
    const list = field?.['x-ref']; // a reference: offer the ids of that list
    if (list) {
      const value = this.live.resultFor(doc).parsed?.value as Record<string, unknown> | undefined;
      const items = Array.isArray(value?.[list]) ? (value?.[list] as Record<string, unknown>[]) : [];
      for (const it of items) {
        if (typeof it?.id !== 'string') continue;
        const item = new vscode.CompletionItem(it.id, vscode.CompletionItemKind.Reference);
        item.detail = [it.label, it.name, it.role, it.kind, it.at].find((x) => typeof x === 'string') as string | undefined;
        item.range = range;
        out.push(item);
      }
    }
    return out;
  }
}

function isContainer(field: SchemaNode): boolean {
  return field.type === 'object' || field.type === 'array';
}

/** `key: `, or a key with its nested block started on the next line. */
function keySnippet(key: string, field: SchemaNode, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  if (field.type === 'array') {
    const item = loadCore().deref(field.items);
    return item?.type === 'object' ? `${key}:\n${pad}- $0` : `${key}: [$0]`;
  }
  if (field.type === 'object') return `${key}:\n${pad}$0`;
  return `${key}: $0`;
}

const SNIPPETS: Record<string, { label: string; body: string }> = {
  arms: { label: 'New arm', body: 'id: ${1:arm-id}\nlabel: ${2:Arm label}\nrole: ${3|experimental,placebo comparator,sham,no intervention,active comparator,healthy control,disease control|}\ninterventions:\n  - product: ${4:product-id}\n    dose: ${5:1 mL}\n    route: ${6|intravenous,intramuscular,intra-articular,intraperitoneal,subcutaneous,intranasal,topical|}' },
  endpoints: { label: 'New endpoint', body: 'id: ${1:endpoint-id}\nname: ${2:Endpoint name}\npriority: ${3|primary,secondary,exploratory,safety|}\ncategory: ${4|efficacy,safety,biomarker,clinical score,imaging|}\ntimepoints: [${5:timepoint-id}]' },
  timepoints: { label: 'New timepoint', body: 'id: ${1:d28}\nat: ${2:28 d}\nrelative_to: ${3|baseline,first dose,last dose,induction,randomization|}\nlabel: ${4:Day 28}' },
  results: { label: 'New result', body: 'endpoint: ${1:endpoint-id}\narm: ${2:arm-id}\ntimepoint: ${3:timepoint-id}\ndirection: ${4|increase,decrease,no change|}\nsignificant: ${5|true,false|}\nas_reported: ${6:the finding in the source\'s words}' },
};

/** Item snippets inside arms, endpoints, timepoints and results (on a fresh line, or right after '- '). */
function snippetsFor(ctx: CursorContext): vscode.CompletionItem[] {
  const [section, index] = ctx.path;
  const snippet = typeof section === 'string' ? SNIPPETS[section] : undefined;
  if (!snippet || ctx.path.length > 2 || (index !== undefined && ctx.siblings.length)) return [];
  const afterDash = index !== undefined;
  const pad = ' '.repeat(afterDash ? ctx.indent : ctx.indent + 2);
  const body = snippet.body.split('\n').map((l, i) => (i === 0 ? l : pad + l)).join('\n');
  const item = new vscode.CompletionItem(snippet.label, vscode.CompletionItemKind.Snippet);
  item.insertText = new vscode.SnippetString(afterDash ? body : `- ${body}`);
  item.detail = `Study Annotator: ${snippet.label.toLowerCase()}`;
  item.sortText = '!';
  return [item];
}
