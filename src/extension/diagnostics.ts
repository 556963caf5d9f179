import * as vscode from 'vscode';
import type { ConditionProfile, Problem, StudyIdLocation, ValidationResult, ValidationSession } from '../core';
import type { Settings } from './config';
import { rangeInDocument, toDiagnostic } from './convert';
import { loadCore } from './core';
import type { Logger } from './logger';

interface Tracked {
  session: ValidationSession;
  /** The last result and the document version it belongs to. */
  version: number;
  result?: ValidationResult;
  timer?: ReturnType<typeof setTimeout>;
  cancel?: vscode.CancellationTokenSource;
}

export interface ValidatedEvent {
  uri: vscode.Uri;
  problems: readonly Problem[];
  studyId?: StudyIdLocation;
  /** Milliseconds spent validating (not waiting for the debounce). */
  elapsedMs: number;
}

/**
 * Live diagnostics for open study documents. Each document keeps a ValidationSession, so an
 * edit re-parses only what it touched; each version is validated at most once, and completion,
 * hover and the outline reuse that result. A newer edit cancels the pending run, and a result is
 * published only if the document is still at the version it was computed for.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly emitter = new vscode.EventEmitter<ValidatedEvent>();
  readonly onDidValidate = this.emitter.event;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private settings: Settings,
    private profiles: readonly ConditionProfile[],
    private readonly docsUri: vscode.Uri,
    private readonly log: Logger,
  ) {}

  update(settings: Settings, profiles: readonly ConditionProfile[]): void {
    this.settings = settings;
    this.profiles = profiles;
    for (const t of this.tracked.values()) t.version = -1; // results are stale under new settings
  }

  /** Debounced validation after an edit. */
  schedule(doc: vscode.TextDocument): void {
    const t = this.entry(doc);
    t.cancel?.cancel();
    if (t.timer) clearTimeout(t.timer);
    const cancel = new vscode.CancellationTokenSource();
    t.cancel = cancel;
    const version = doc.version;
    t.timer = setTimeout(() => {
      t.timer = undefined;
      if (cancel.token.isCancellationRequested || doc.isClosed || doc.version !== version) return;
      this.validateNow(doc);
    }, this.settings.debounceMs);
  }

  /** Validates now (or returns the cached result for this version) and publishes it. */
  validateNow(doc: vscode.TextDocument): ValidationResult {
    const t = this.entry(doc);
    if (t.result && t.version === doc.version) return t.result;
    const version = doc.version;
    const started = performance.now();
    let result: ValidationResult;
    try {
      result = t.session.run(doc.getText(), { maxSize: this.settings.maxFileSize, profiles: this.profiles, disabledChecks: this.settings.disabledChecks });
    } catch (err) {
      // The core does not throw on any input we know of; if it ever does, say so instead of failing silently.
      this.log.error(`validation failed for ${doc.uri.toString()}`, err);
      result = { problems: [], shift: 0 };
    }
    const elapsedMs = performance.now() - started;
    if (doc.isClosed || doc.version !== version) return result; // never publish an older result over a newer one
    t.version = version;
    t.result = result;
    this.collection.set(
      doc.uri,
      result.problems.map((p) => toDiagnostic(p, rangeInDocument(p, doc), this.docsUri)),
    );
    this.log.debug(`validated ${vscode.workspace.asRelativePath(doc.uri)} v${version}: ${result.problems.length} problems in ${elapsedMs.toFixed(1)} ms`);
    this.emitter.fire({ uri: doc.uri, problems: result.problems, studyId: result.studyId, elapsedMs });
    return result;
  }

  /** The result for the document's current version, validating if needed. */
  resultFor(doc: vscode.TextDocument): ValidationResult {
    return this.validateNow(doc);
  }

  problemsFor(uri: vscode.Uri): readonly Problem[] | undefined {
    return this.tracked.get(uri.toString())?.result?.problems;
  }

  forget(doc: vscode.TextDocument): void {
    const t = this.tracked.get(doc.uri.toString());
    if (!t) return;
    t.cancel?.cancel();
    if (t.timer) clearTimeout(t.timer);
    this.tracked.delete(doc.uri.toString());
  }

  isTracked(uri: vscode.Uri): boolean {
    return this.tracked.has(uri.toString());
  }

  private entry(doc: vscode.TextDocument): Tracked {
    const key = doc.uri.toString();
    let t = this.tracked.get(key);
    if (!t) {
      t = { session: new (loadCore().ValidationSession)(), version: -1 };
      this.tracked.set(key, t);
    }
    return t;
  }

  dispose(): void {
    for (const t of this.tracked.values()) {
      t.cancel?.cancel();
      if (t.timer) clearTimeout(t.timer);
    }
    this.tracked.clear();
    this.emitter.dispose();
  }
}
