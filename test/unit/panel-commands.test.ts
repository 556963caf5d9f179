// What the Compare Trials and Reconcile Extractions commands choose, with the fake `vscode`:
// the files from an Explorer selection or one clicked file, and where a pair's consensus is.
import * as fake from '../helpers/fake-vscode';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { filesFromContext } from '../../src/extension/compare-command';
import { consensusLocation } from '../../src/extension/reconcile-files';
import { relativePath } from '../../src/extension/reconcile-panel';
import { trial } from '../helpers/studies';

type VsUri = Parameters<typeof filesFromContext>[0][number];
const as = <T>(x: unknown) => x as T;
const uri = (rel: string) => fake.Uri.file(`${fake.workspaceRoot}/${rel}`);
const withCondition = (code: string) => trial((b) => b.replace('  species: Homo sapiens\n', `  species: Homo sapiens\n  condition:\n    name: c${code}\n    code: ${code}\n`));

describe('Compare Trials: the files from where the command was run', () => {
  beforeEach(() => {
    fake.files.clear();
    fake.files.set('/ws/a.study.yaml', withCondition('M32'));
    fake.files.set('/ws/b.study.yaml', withCondition('M17'));
    fake.files.set('/ws/sle/c.study.yaml', withCondition('M32'));
    fake.files.set('/ws/sle/deep/d.study.yaml', trial());
    fake.files.set('/ws/plain.study.yaml', trial());
  });
  const all = () => as<VsUri[]>(['a.study.yaml', 'b.study.yaml', 'sle/c.study.yaml', 'sle/deep/d.study.yaml', 'plain.study.yaml'].map(uri));
  const rel = (list: readonly VsUri[]) => list.map((u) => fake.workspace.asRelativePath(as<fake.Uri>(u)));

  it('an Explorer selection: its files as they are, and every study file below its folders', async () => {
    assert.deepEqual(rel(await filesFromContext(all(), as(uri('b.study.yaml')), as([uri('b.study.yaml'), uri('sle')]))), ['b.study.yaml', 'sle/c.study.yaml', 'sle/deep/d.study.yaml']);
    assert.deepEqual(rel(await filesFromContext(all(), undefined, as([uri('plain.study.yaml'), uri('a.study.yaml')]))), ['plain.study.yaml', 'a.study.yaml']);
  });
  it('a folder whose name begins like another is not that folder', async () => {
    fake.files.set('/ws/sle-other/e.study.yaml', trial());
    assert.deepEqual(rel(await filesFromContext([...all(), as(uri('sle-other/e.study.yaml'))], undefined, as([uri('sle')]))), ['sle/c.study.yaml', 'sle/deep/d.study.yaml']);
  });
  it('one file (the editor title, or one file clicked): it first, then the others of its condition', async () => {
    assert.deepEqual(rel(await filesFromContext(all(), as(uri('a.study.yaml')))), ['a.study.yaml', 'sle/c.study.yaml']);
    assert.deepEqual(rel(await filesFromContext(all(), as(uri('sle/c.study.yaml')), as([uri('sle/c.study.yaml')]))), ['sle/c.study.yaml', 'a.study.yaml']);
  });
  it('one file of no condition: that file alone', async () => {
    assert.deepEqual(rel(await filesFromContext(all(), as(uri('plain.study.yaml')))), ['plain.study.yaml']);
  });
});

describe('Reconcile Extractions: where the consensus is', () => {
  beforeEach(() => fake.files.clear());
  const left = uri('curator-a/x.study.yaml');
  const right = uri('curator-b/x.study.yaml');

  it('a consensus file naming both extractions (relative to itself) is found, with its curator', async () => {
    fake.files.set('/ws/records/x.study.yaml', trial((b) => b.replace('  schema_version: 1.0.0\n', '  schema_version: 1.0.0\n  extractions:\n    - file: ../curator-a/x.study.yaml\n      curator: A\n    - file: ../curator-b/x.study.yaml\n      curator: B\n')));
    fake.files.set('/ws/other.study.yaml', trial((b) => b.replace('  schema_version: 1.0.0\n', '  schema_version: 1.0.0\n  extractions:\n    - file: curator-a/x.study.yaml\n      curator: A\n    - file: somewhere/else.study.yaml\n      curator: C\n')));
    const found = await consensusLocation(as(left), as(right), 'x');
    assert.deepEqual([fake.workspace.asRelativePath(as<fake.Uri>(found.uri)), found.exists, found.curator], ['records/x.study.yaml', true, 'Test']);
  });
  it('none yet: <id>.consensus.study.yaml in the folder that holds both', async () => {
    const found = await consensusLocation(as(left), as(right), 'x');
    assert.deepEqual([fake.workspace.asRelativePath(as<fake.Uri>(found.uri)), found.exists], ['x.consensus.study.yaml', false]);
    const beside = await consensusLocation(as(uri('p/a.study.yaml')), as(uri('p/b.study.yaml')), 'y');
    assert.equal(fake.workspace.asRelativePath(as<fake.Uri>(beside.uri)), 'p/y.consensus.study.yaml');
  });
  it('an extraction names itself relative to the consensus', () => {
    const c = as<VsUri>(uri('x.consensus.study.yaml'));
    assert.equal(relativePath(c, as(left)), 'curator-a/x.study.yaml');
    assert.equal(relativePath(as(uri('records/x.study.yaml')), as(left)), '../curator-a/x.study.yaml');
    assert.equal(relativePath(as(uri('a/b/c.study.yaml')), as(uri('a/d.study.yaml'))), '../d.study.yaml');
    assert.equal(relativePath(as(uri('a/c.study.yaml')), as(uri('a/d.study.yaml'))), 'd.study.yaml');
  });
});
