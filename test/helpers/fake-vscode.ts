/**
 * The part of the `vscode` API the extension's controllers use, faked at the boundary so their
 * logic (debounce, version guard, diagnostic matching, the id registry, the scanner's ignores)
 * is tested in plain node. Importing this module makes `require('vscode')` return it.
 */
import Module from 'node:module';
import { globToRegExp } from '../../src/core/glob';

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c as number, d as number) : (b as Position);
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly path: string, readonly fragment = '') {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    const segs = base.path.split('/');
    for (const p of parts.flatMap((x) => x.split('/'))) {
      if (p === '..') segs.pop();
      else if (p && p !== '.') segs.push(p);
    }
    return new Uri(base.scheme, segs.join('/') || '/');
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { fragment?: string; path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path, change.fragment ?? this.fragment);
  }
  static parse(text: string): Uri {
    const m = /^([a-z]+):\/\/([^#]*)(?:#(.*))?$/.exec(text);
    return m ? new Uri(m[1] as string, m[2] as string, m[3] ?? '') : new Uri('file', text);
  }
  toString(): string {
    return `${this.scheme}://${this.path}${this.fragment ? `#${this.fragment}` : ''}`;
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | { value: string; target: Uri };
  constructor(readonly range: Range, readonly message: string, readonly severity: DiagnosticSeverity) {}
}

export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  readonly event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class CancellationTokenSource {
  readonly token = { isCancellationRequested: false };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

export const CodeActionTriggerKind = { Invoke: 1, Automatic: 2 };

export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  static readonly RefactorRewrite = new CodeActionKind('refactor.rewrite');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(`${this.value}.${part}`);
  }
  /** As VS Code: a kind contains itself and the kinds below it. */
  contains(other: CodeActionKind): boolean {
    return other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export class SnippetTextEdit {
  constructor(readonly range: Range, readonly snippet: SnippetString) {}
}

export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; newText: string; snippet?: boolean }[] = [];
  replace(uri: Uri, range: Range, newText: string): void {
    this.edits.push({ uri, range, newText });
  }
  set(uri: Uri, edits: readonly SnippetTextEdit[]): void {
    for (const e of edits) this.edits.push({ uri, range: e.range, newText: e.snippet.value, snippet: true });
  }
}

export class CodeAction {
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(readonly title: string, readonly kind: CodeActionKind) {}
}

/** A diagnostic collection that records what was set, so tests can read it back. */
export class FakeDiagnosticCollection {
  readonly entries = new Map<string, { uri: Uri; diagnostics: Diagnostic[] }>();
  sets = 0;
  constructor(readonly name: string) {}
  set(uri: Uri, diagnostics: Diagnostic[]): void {
    this.sets++;
    this.entries.set(uri.toString(), { uri, diagnostics });
  }
  get(uri: Uri): Diagnostic[] | undefined {
    return this.entries.get(uri.toString())?.diagnostics;
  }
  delete(uri: Uri): void {
    this.entries.delete(uri.toString());
  }
  clear(): void {
    this.entries.clear();
  }
  forEach(f: (uri: Uri, d: Diagnostic[]) => void): void {
    for (const { uri, diagnostics } of [...this.entries.values()]) f(uri, diagnostics);
  }
  dispose(): void {}
}

/** A text document whose text tests change; every change bumps the version, as in VS Code. */
export class FakeDocument {
  version = 1;
  isClosed = false;
  reads = 0;
  constructor(readonly uri: Uri, private text: string, readonly languageId = 'study-yaml') {}
  getText(): string {
    this.reads++;
    return this.text;
  }
  edit(text: string): void {
    this.text = text;
    this.version++;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length - 1;
    return new Position(line, offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1);
  }
  offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  }
  lineAt(line: number): { text: string } {
    return { text: this.text.split(/\r?\n/)[line] ?? '' };
  }
}

/** The workspace's files, for findFiles and fs.readFile. */
export const FileType = { File: 1, Directory: 2, SymbolicLink: 64 };

export const files = new Map<string, string>();
export const collections: FakeDiagnosticCollection[] = [];
export const workspaceRoot = '/ws';

export const workspace = {
  asRelativePath(uri: Uri | string): string {
    const p = typeof uri === 'string' ? uri : uri.path;
    return p.startsWith(`${workspaceRoot}/`) ? p.slice(workspaceRoot.length + 1) : p;
  },
  async findFiles(glob: string, exclude?: string): Promise<Uri[]> {
    const include = globToRegExp(glob);
    const skip = exclude ? globToRegExp(exclude) : undefined;
    return [...files.keys()].map((p) => p.slice(workspaceRoot.length + 1)).filter((rel) => include.test(rel) && !skip?.test(rel)).map((rel) => Uri.file(`${workspaceRoot}/${rel}`));
  },
  fs: {
    /** A path that some file lies under is a folder. */
    async stat(uri: Uri): Promise<{ type: number }> {
      if (files.has(uri.path)) return { type: FileType.File };
      if ([...files.keys()].some((p) => p.startsWith(`${uri.path.replace(/\/$/, '')}/`))) return { type: FileType.Directory };
      throw new Error(`ENOENT ${uri.path}`);
    },
    async readFile(uri: Uri): Promise<Uint8Array> {
      const text = files.get(uri.path);
      if (text === undefined) throw new Error(`ENOENT ${uri.path}`);
      return new TextEncoder().encode(text);
    },
  },
  createFileSystemWatcher() {
    const noop = () => ({ dispose() {} });
    return { onDidCreate: noop, onDidChange: noop, onDidDelete: noop, dispose() {} };
  },
  textDocuments: [] as FakeDocument[],
};

export const languages = {
  createDiagnosticCollection(name: string): FakeDiagnosticCollection {
    const c = new FakeDiagnosticCollection(name);
    collections.push(c);
    return c;
  },
};

export const window = {
  createOutputChannel() {
    const lines: string[] = [];
    return { lines, info: (m: string) => lines.push(m), error: (m: string) => lines.push(`ERROR ${m}`), show() {}, dispose() {} };
  },
  async withProgress<T>(_o: unknown, task: () => Promise<T>): Promise<T> {
    return task();
  },
};

export const ProgressLocation = { Window: 10 };

// `require('vscode')` anywhere below this point returns this module.
const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? __filename : resolve.call(this, request, ...rest);
};
