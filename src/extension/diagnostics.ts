import * as vscode from 'vscode';
import type { ConditionProfile, Problem, StudyIdLocation, ValidationResult, ValidationSession } from '../core';
import type { Settings } from './config';
import { rangeInDocument, toDiagnostic, toSuppressedDiagnostic } from './convert';
import { coreLoadMs, loadCore } from './core';
import type { Logger } from './logger';

interface Computed {
  version: number;
  result: ValidationResult;
  elapsedMs: number;
}

interface Tracked {
  session: ValidationSession;
  /** The latest result computed (by a request or by validation) and the version it belongs to. */
  computed?: Computed;
  /** The version whose diagnostics are published, and each published diagnostic's problem. */
  published?: { version: number; result: ValidationResult; problems: Map<string, Problem> };
  timer?: ReturnType<typeof setTimeout>;
  cancel?: vscode.CancellationTokenSource;
  /** What the last validation of this document cost, in milliseconds: the wait after a keystroke follows it. */
  lastCostMs?: number;
}

/**
 * How long to wait after a keystroke before validating: twice what validating this document
 * last cost, at most the `debounceMs` setting. A file of ordinary size (under a millisecond) is
 * checked at once; a file whose validation is costly waits for the typing to pause, so the
 * keystrokes are not held up by validations whose results the next keystroke makes stale.
 * Before the first validation the cost is unknown, and the full wait applies.
 */
export function adaptiveDelay(lastCostMs: number | undefined, debounceMs: number): number {
  if (lastCostMs === undefined || !Number.isFinite(lastCostMs)) return debounceMs;
  return Math.min(debounceMs, Math.ceil(2 * Math.max(0, lastCostMs)));
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
 * edit re-parses only what it touched; each version is validated at most once, whether a
 * request (completion, code actions, the outline) or the debounced validation asks first. Only
 * validateNow publishes. A newer edit cancels the pending run, and a result is published only if
 * the document is still at the version it was computed for.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private firstLogged = false;
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
    for (const t of this.tracked.values()) {
      // Results are stale under new settings: compute and publish again.
      t.computed = undefined;
      t.published = undefined;
    }
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
    }, adaptiveDelay(t.lastCostMs, this.settings.debounceMs));
  }

  /**
   * The result for the document's current version, computed at most once per version.
   * Publishes nothing: completion, code actions and the outline call it between keystrokes,
   * and diagnostics must still wait for the debounce.
   */
  resultFor(doc: vscode.TextDocument): ValidationResult {
    return this.compute(this.entry(doc), doc).result;
  }

  /** Validates the current version (reusing a result computed for it) and publishes it, once per version. */
  validateNow(doc: vscode.TextDocument): ValidationResult {
    const t = this.entry(doc);
    const version = doc.version;
    if (t.published?.version === version) return t.published.result;
    const { result, elapsedMs } = this.compute(t, doc);
    if (doc.isClosed || doc.version !== version) return result; // never publish an older result over a newer one
    const problems = new Map<string, Problem>();
    const diagnostics = result.problems.map((p) => {
      const d = toDiagnostic(p, rangeInDocument(p, doc), this.docsUri);
      problems.set(diagnosticKey(d), p);
      return d;
    });
    t.published = { version, result, problems };
    const acknowledged = result.suppressed.map((p) => toSuppressedDiagnostic(p, rangeInDocument(p, doc), this.docsUri));
    this.collection.set(doc.uri, [...diagnostics, ...acknowledged]);
    if (!this.firstLogged) {
      // The first validation pays for loading the core, compiling the schema and reading the UCUM tables.
      this.firstLogged = true;
      this.log.info(`first validation: core loaded in ${coreLoadMs.toFixed(1)} ms, then validated in ${elapsedMs.toFixed(1)} ms (schema compiled, units loaded)`);
    }
    this.log.debug(`validated ${vscode.workspace.asRelativePath(doc.uri)} v${version}: ${result.problems.length} problems in ${elapsedMs.toFixed(1)} ms`);
    this.emitter.fire({ uri: doc.uri, problems: result.problems, studyId: result.studyId, elapsedMs });
    return result;
  }

  /**
   * The problem behind one of our published diagnostics. Code actions receive copies of the
   * diagnostics, so they are matched by code, range and message, never by code and start alone
   * (two problems can share both).
   */
  problemFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Problem | undefined {
    return this.tracked.get(uri.toString())?.published?.problems.get(diagnosticKey(diagnostic));
  }

  /** Problems of the last published version. */
  problemsFor(uri: vscode.Uri): readonly Problem[] | undefined {
    return this.tracked.get(uri.toString())?.published?.result.problems;
  }

  private compute(t: Tracked, doc: vscode.TextDocument): Computed {
    if (t.computed?.version === doc.version) return t.computed;
    const version = doc.version;
    const started = performance.now();
    let result: ValidationResult;
    try {
      result = t.session.run(doc.getText(), { maxSize: this.settings.maxFileSize, profiles: this.profiles, disabledChecks: this.settings.disabledChecks });
    } catch (err) {
      // The core does not throw on any input we know of; if it ever does, say so instead of failing silently.
      this.log.error(`validation failed for ${doc.uri.toString()}`, err);
      result = { problems: [], suppressed: [], shift: 0 };
    }
    const computed = { version, result, elapsedMs: performance.now() - started };
    t.computed = computed;
    t.lastCostMs = computed.elapsedMs;
    return computed;
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
      t = { session: new (loadCore().ValidationSession)() };
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

function diagnosticKey(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const r = d.range;
  return `${String(code)}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${d.message}`;
}
