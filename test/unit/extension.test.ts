import * as fake from '../helpers/fake-vscode';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { StudyCodeActionProvider } from '../../src/extension/code-actions';
import { DEFAULTS, type Settings } from '../../src/extension/config';
import { adaptiveDelay, DiagnosticsController, type ValidatedEvent } from '../../src/extension/diagnostics';
import { Logger } from '../../src/extension/logger';
import { isStudyDocument } from '../../src/extension/study-documents';
import { StudyIdRegistry } from '../../src/extension/study-ids';
import { WorkspaceScanner } from '../../src/extension/workspace-scan';
import { ROOT, trial } from '../helpers/studies';
import { spawnSync } from 'node:child_process';

const docsUri = fake.Uri.file('/ext/README.md');
const as = <T>(x: unknown) => x as T;

function controller(settings: Partial<Settings> = {}) {
  const collection = fake.languages.createDiagnosticCollection('test');
  const live = new DiagnosticsController(as<vscode.DiagnosticCollection>(collection), { ...DEFAULTS, ...settings }, [], as<vscode.Uri>(docsUri), new Logger('error'));
  const events: ValidatedEvent[] = [];
  live.onDidValidate((e) => events.push(e));
  return { live, collection, events };
}

/** Waits (up to 5 s) for a condition that timers make true. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error('timed out waiting');
    await sleep(10);
  }
}

const doc = (text: string, path = '/ws/a.study.yaml') => new fake.FakeDocument(fake.Uri.file(path), text);
const asDoc = (d: fake.FakeDocument) => as<vscode.TextDocument>(d);

afterEach(() => fake.files.clear());

describe('DiagnosticsController', () => {
  it('debounces: edits within the wait validate once, the last version, after the wait', async () => {
    const { live, events, collection } = controller({ debounceMs: 40 });
    const d = doc(trial());
    live.schedule(asDoc(d));
    d.edit(trial((b) => b.replace('route: intravenous', 'route: IV')));
    live.schedule(asDoc(d));
    assert.equal(events.length, 0, 'nothing before the wait is over');
    await until(() => events.length > 0);
    await sleep(100); // and nothing more after it
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]?.problems.map((p) => p.code), ['schema-enum']);
    assert.equal(collection.get(as(d.uri))?.length, 1);
  });

  it('waits twice the last validation cost after a keystroke, at most the setting, the full wait before any', () => {
    assert.equal(adaptiveDelay(undefined, 150), 150);
    assert.equal(adaptiveDelay(0.4, 150), 1);
    assert.equal(adaptiveDelay(0, 150), 0);
    assert.equal(adaptiveDelay(30, 150), 60);
    assert.equal(adaptiveDelay(75, 150), 150);
    assert.equal(adaptiveDelay(400, 150), 150);
    assert.equal(adaptiveDelay(3, 0), 0, 'a setting of 0 never waits');
    assert.equal(adaptiveDelay(Number.NaN, 150), 150);
  });

  it('a file that validates quickly is checked soon after a keystroke, long before the full wait', async () => {
    const { live, events } = controller({ debounceMs: 3000 });
    const d = doc(trial());
    live.validateNow(asDoc(d)); // the first pays for loading the schema; the next are cheap
    d.edit(trial((b) => b.replace('route: intravenous', 'route: intramuscular')));
    live.validateNow(asDoc(d));
    d.edit(trial((b) => b.replace('route: intravenous', 'route: IV')));
    const started = performance.now();
    live.schedule(asDoc(d));
    await until(() => events.length === 3);
    assert.ok(performance.now() - started < 1500, `${performance.now() - started} ms`);
    assert.deepEqual(events[2]?.problems.map((p) => p.code), ['schema-enum']);
  });

  it('does not publish a version that is no longer current (the stale-version guard)', async () => {
    const { live, events } = controller({ debounceMs: 20 });
    const d = doc(trial());
    live.schedule(asDoc(d));
    d.edit(trial((b) => b.replace('route: intravenous', 'route: IV'))); // edited, but not (yet) scheduled
    await sleep(50);
    assert.equal(events.length, 0);
    // A version that changes while it is validated is computed but not published either.
    const racing = doc(trial());
    const getText = racing.getText.bind(racing);
    racing.getText = () => {
      const text = getText();
      racing.version++;
      return text;
    };
    live.validateNow(asDoc(racing));
    assert.equal(events.length, 0);
    assert.equal(live.problemsFor(as(racing.uri)), undefined);
  });

  it('a closed document is not validated after the wait', async () => {
    const { live, events } = controller({ debounceMs: 10 });
    const d = doc(trial());
    live.schedule(asDoc(d));
    d.isClosed = true;
    await sleep(30);
    assert.equal(events.length, 0);
  });

  it('forgetting a document cancels its pending validation', async () => {
    const { live, events } = controller({ debounceMs: 10 });
    const d = doc(trial());
    live.schedule(asDoc(d));
    live.forget(asDoc(d));
    assert.equal(live.isTracked(as(d.uri)), false);
    await sleep(30);
    assert.equal(events.length, 0);
  });

  it('resultFor publishes nothing, and validateNow reuses its result for the same version', () => {
    const { live, events, collection } = controller();
    const d = doc(trial((b) => b.replace('route: intravenous', 'route: IV')));
    const first = live.resultFor(asDoc(d));
    assert.equal(first.problems.length, 1);
    assert.equal(events.length, 0);
    assert.equal(collection.sets, 0);
    assert.equal(live.resultFor(asDoc(d)), first, 'one computation per version');
    assert.equal(d.reads, 1);
    assert.equal(live.validateNow(asDoc(d)), first);
    assert.equal(d.reads, 1, 'validateNow did not compute again');
    assert.equal(events.length, 1);
    live.validateNow(asDoc(d));
    assert.equal(events.length, 1, 'a version is published once');
  });

  it('publishes an acknowledged problem as a hint that says what and why, with no code action', () => {
    const { live, collection } = controller();
    const text = trial((b) => b.replace('at: 4 wk', 'at: 4 days').replace('  schema_version: 1.0.0\n', '  schema_version: 1.0.0\n  acknowledged:\n    - code: unit-synonym\n      field: timepoints\n      reason: As the source writes it.\n'));
    const d = doc(text);
    live.validateNow(asDoc(d));
    const published = collection.get(as(d.uri)) ?? [];
    assert.deepEqual(published.map((x) => [x.severity, x.message]), [[fake.DiagnosticSeverity.Hint, 'Acknowledged: `days` is not UCUM; write `d`. Reason: As the source writes it.']]);
    assert.equal(live.problemFor(as(d.uri), as(published[0])), undefined, 'no quick fix is offered for what the curator kept');
  });

  it('settings changes make results stale: the same version validates again under the new settings', () => {
    const { live, events } = controller();
    const d = doc(trial((b) => b.replace('at: 4 wk', 'at: 4 days')));
    assert.deepEqual(live.validateNow(asDoc(d)).problems.map((p) => p.code), ['unit-synonym']);
    live.update({ ...DEFAULTS, disabledChecks: ['units'] }, []);
    assert.deepEqual(live.validateNow(asDoc(d)).problems, []);
    assert.equal(events.length, 2);
  });
});

describe('code actions', () => {
  it('match each diagnostic to its own problem, even when two share a code and a start', () => {
    const { live } = controller();
    const d = doc('study: {}\n');
    const problems = live.validateNow(asDoc(d)).problems;
    assert.ok(problems.length >= 2 && problems.every((p) => p.code === 'schema-missing-property' && p.start === problems[0]?.start));
    const diagnostics = fake.collections.at(-1)?.get(as(d.uri)) ?? [];
    assert.equal(diagnostics.length, problems.length);
    // Copies, as VS Code hands them to a code action provider.
    for (const [i, original] of diagnostics.entries()) {
      const copy = Object.assign(new fake.Diagnostic(original.range, original.message, original.severity), { code: original.code, source: original.source });
      assert.equal(live.problemFor(as(d.uri), as(copy)), problems[i]);
    }
  });

  it('offer the core fix as an edit of this document, and nothing for a stale diagnostic', () => {
    const { live, collection } = controller();
    const d = doc(trial((b) => b.replace('route: intravenous', 'route: IV')));
    live.validateNow(asDoc(d));
    const diagnostic = collection.get(as(d.uri))?.[0];
    assert.ok(diagnostic);
    const provider = new StudyCodeActionProvider(live, () => DEFAULTS);
    const actions = provider.provideCodeActions(asDoc(d), as(diagnostic.range), as({ diagnostics: [diagnostic] }));
    assert.deepEqual(actions.map((a) => a.title), ['Change to `intravenous`']);
    const edit = (actions[0]?.edit as unknown as fake.WorkspaceEdit).edits[0];
    assert.equal(edit?.newText, 'intravenous');
    assert.deepEqual(edit?.range.start, d.positionAt(trial().indexOf('intravenous')));
    d.edit(`\n${trial((b) => b.replace('route: intravenous', 'route: IV'))}`);
    // The old range now lies on the dose line: no fix, though the dose still converts.
    const stale = provider.provideCodeActions(asDoc(d), as(diagnostic.range), as({ diagnostics: [diagnostic], triggerKind: fake.CodeActionTriggerKind.Invoke }));
    assert.deepEqual(stale.map((a) => a.kind?.value), ['refactor.rewrite.convertUnit', 'refactor.rewrite.convertUnit']);
    const bulb = provider.provideCodeActions(asDoc(d), as(diagnostic.range), as({ diagnostics: [diagnostic], triggerKind: fake.CodeActionTriggerKind.Automatic }));
    assert.deepEqual(bulb, [], 'conversions are not computed for the light bulb on every cursor move');
    assert.deepEqual(provider.provideCodeActions(asDoc(d), as(diagnostic.range), as({ diagnostics: [diagnostic], only: fake.CodeActionKind.QuickFix })), []);
    const foreign = Object.assign(new fake.Diagnostic(diagnostic.range, 'x', 0), { source: 'other' });
    assert.deepEqual(provider.provideCodeActions(asDoc(d), as(diagnostic.range), as({ diagnostics: [foreign], only: fake.CodeActionKind.QuickFix })), []);
  });

  it('offer to reconcile on an extraction pair (a workspace problem, not of this text)', () => {
    const { live } = controller();
    const d = doc(trial());
    live.validateNow(asDoc(d));
    const pair = Object.assign(new fake.Diagnostic(new fake.Range(new fake.Position(1, 6), new fake.Position(1, 16)), 'another extraction', 2), { source: 'study-annotator', code: { value: 'study-extraction-pair', target: 'x' } });
    const provider = new StudyCodeActionProvider(live, () => DEFAULTS);
    const actions = provider.provideCodeActions(asDoc(d), as(pair.range), as({ diagnostics: [pair] }));
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value, (a as unknown as fake.CodeAction).command?.command, (a as unknown as fake.CodeAction).command?.arguments?.[0]]), [['Reconcile the two extractions…', 'quickfix', 'studyAnnotator.reconcile', d.uri]]);
    const duplicate = Object.assign(new fake.Diagnostic(pair.range, 'duplicate', 0), { source: 'study-annotator', code: { value: 'study-id-duplicate', target: 'x' } });
    assert.deepEqual(provider.provideCodeActions(asDoc(d), as(pair.range), as({ diagnostics: [duplicate] })), [], 'a duplicate is not a pair');
  });
});

describe('code actions of every kind', () => {
  it('an insertion is a snippet edit; conversions come as rewrites; file-wide actions only when asked for by kind', () => {
    const { live, collection } = controller();
    const d = doc(trial((b) => b.replace('    priority: safety\n    category: safety\n', '    category: efficacy\n').replace('at: 4 wk', 'at: 4 weeks')));
    live.validateNow(asDoc(d));
    const diagnostics = collection.get(as(d.uri)) ?? [];
    const safety = diagnostics.find((x) => (x.code as { value: string }).value === 'safety-endpoint-missing');
    assert.ok(safety);
    const provider = new StudyCodeActionProvider(live, () => ({ ...DEFAULTS, preferredUnits: { time: 'h' } }));
    const actions = provider.provideCodeActions(asDoc(d), as(safety.range), as({ diagnostics: [safety] }));
    const add = actions.find((a) => a.title.startsWith('Add an adverse-events endpoint'));
    const edit = (add?.edit as unknown as fake.WorkspaceEdit | undefined)?.edits[0];
    assert.equal(edit?.snippet, true);
    assert.match(edit?.newText ?? '', /name: \$\{1:Adverse events\}/);
    assert.ok(!actions.some((a) => a.kind?.value.startsWith('source')), 'no file-wide action for the light bulb');
    const source = provider.provideCodeActions(asDoc(d), as(safety.range), as({ diagnostics: [], only: fake.CodeActionKind.Source }));
    assert.deepEqual(source.map((a) => [a.kind?.value, a.title]), [['source.convertUnits', 'Convert 1 quantity to preferred units'], ['source.fixAll.studyAnnotator', 'Write UCUM codes for unit spellings']]);
    const fixAll = provider.provideCodeActions(asDoc(d), as(safety.range), as({ diagnostics: [], only: fake.CodeActionKind.SourceFixAll }));
    assert.deepEqual(fixAll.map((a) => a.title), ['Write UCUM codes for unit spellings']);
  });
});

describe('StudyIdRegistry', () => {
  it('reports a shared id on both files, and clears it when one goes', async () => {
    const registry = new StudyIdRegistry(as(docsUri));
    const ids = fake.collections.at(-1) as fake.FakeDiagnosticCollection;
    const { live } = controller();
    const a = fake.Uri.file('/ws/a.study.yaml');
    const b = fake.Uri.file('/ws/b.study.yaml');
    const id = live.validateNow(asDoc(doc(trial()))).studyId;
    registry.set(as(a), id);
    registry.set(as(b), id);
    await until(() => ids.get(as(b)) !== undefined);
    assert.equal(ids.get(as(a))?.[0]?.message, 'The study id `test-trial` is also used by b.study.yaml; study ids must be unique across the workspace.');
    assert.equal(ids.get(as(b))?.length, 1);
    registry.delete(as(b));
    await until(() => ids.get(as(a)) === undefined);
    assert.equal(ids.get(as(a)), undefined);
    registry.dispose();
  });
});

describe('WorkspaceScanner', () => {
  it('finds study files by the settings globs, skipping what a .studyignore hides', async () => {
    fake.files.set('/ws/a.study.yaml', trial());
    fake.files.set('/ws/sub/b.study.yml', trial());
    fake.files.set('/ws/sub/.studyignore', '# drafts\nold/\nscratch.study.yaml\n');
    fake.files.set('/ws/sub/old/c.study.yaml', trial());
    fake.files.set('/ws/sub/scratch.study.yaml', trial());
    fake.files.set('/ws/old/d.study.yaml', trial());
    fake.files.set('/ws/node_modules/x/e.study.yaml', trial());
    const { live } = controller();
    const scanner = new WorkspaceScanner(as(fake.languages.createDiagnosticCollection('scan')), live, DEFAULTS, [], as(docsUri), new Logger('error'), new StudyIdRegistry(as(docsUri)));
    const found = (await scanner.studyFiles()).map((u) => u.path).sort();
    assert.deepEqual(found, ['/ws/a.study.yaml', '/ws/old/d.study.yaml', '/ws/sub/b.study.yml']);
  });
});

describe('isStudyDocument', () => {
  const settings = { ...DEFAULTS, files: ['trials/*.yaml'] };
  it('takes our language, a configured glob, or the modeline, and only editable schemes', () => {
    assert.ok(isStudyDocument(asDoc(doc('a: 1', '/ws/x.study.yaml')), settings));
    assert.ok(isStudyDocument(asDoc(new fake.FakeDocument(fake.Uri.file('/ws/trials/t.yaml'), 'a: 1', 'yaml')), settings));
    assert.ok(isStudyDocument(asDoc(new fake.FakeDocument(fake.Uri.file('/ws/notes.yaml'), '# study-annotator\na: 1', 'yaml')), settings));
    assert.ok(!isStudyDocument(asDoc(new fake.FakeDocument(fake.Uri.file('/ws/notes.yaml'), 'a: 1', 'yaml')), settings));
    assert.ok(!isStudyDocument(asDoc(new fake.FakeDocument(fake.Uri.file('/ws/x.json'), '# study-annotator', 'json')), settings));
    const git = new fake.FakeDocument(fake.Uri.file('/ws/x.study.yaml'), 'a: 1');
    (git as unknown as { uri: { scheme: string } }).uri = Object.assign(Object.create(fake.Uri.prototype), { ...git.uri, scheme: 'git' });
    assert.ok(!isStudyDocument(asDoc(git), settings));
  });
  it('decides without loading the validation core', () => {
    // In a fresh process: a workspace with no study files must not pay for ajv, yaml and UCUM.
    const script = `
      const fake = require('./test/helpers/fake-vscode.ts');
      const { isStudyDocument } = require('./src/extension/study-documents.ts');
      const { DEFAULTS } = require('./src/extension/config.ts');
      const yes = isStudyDocument(new fake.FakeDocument(fake.Uri.file('/ws/n.yaml'), '# study-annotator', 'yaml'), DEFAULTS);
      const no = isStudyDocument(new fake.FakeDocument(fake.Uri.file('/ws/n.yaml'), 'a: 1', 'yaml'), DEFAULTS);
      const core = Object.keys(require.cache).filter((k) => /src[\\/]core[\\/](index|validate)\\.ts$/.test(k));
      process.stdout.write(JSON.stringify({ yes, no, core }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(r.stdout || '{}'), { yes: true, no: false, core: [] }, r.stderr);
  });
});
