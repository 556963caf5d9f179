// `study-annotator fix`: the editor's safe fixes from the command line, a unified diff with
// --dry-run, atomic writes, and a file changed on disk meanwhile left alone.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../src/cli/diff';
import { applyEdits } from '../../src/core';
import { trial } from '../helpers/studies';
import { cli } from '../helpers/cli';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-fix-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const spelled = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 1.5 cc # as written').replace('at: 4 wk', 'at: 4 weeks'));
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('study-annotator fix', () => {
  it('writes UCUM codes for spellings by default, and nothing else', async () => {
    const dir = folder({ 'a.study.yaml': spelled, 'clean.study.yaml': trial().replace('id: test-trial', 'id: clean') });
    const r = await cli(['fix', '.'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'a.study.yaml: 2 spellings\n1 file fixed.\n');
    assert.equal(read(dir, 'a.study.yaml'), spelled.replace('1.5 cc', '1.5 mL').replace('4 weeks', '4 wk'));
    assert.equal(read(dir, 'clean.study.yaml'), trial().replace('id: test-trial', 'id: clean'));
    assert.deepEqual(readdirSync(dir).sort(), ['a.study.yaml', 'clean.study.yaml'], 'no temporary file left');
    assert.equal((await cli(['fix', '.'], dir)).stdout, '0 files fixed.\n', 'a second run has nothing to do');
  });

  it('--units converts to preferred units (defaults or --prefer), and spellings only where no conversion is', async () => {
    const dir = folder({ 'a.study.yaml': spelled });
    const r = await cli(['fix', '--units', 'a.study.yaml'], dir);
    assert.equal(r.stdout, 'a.study.yaml: 1 quantity converted\n1 file fixed.\n');
    assert.equal(read(dir, 'a.study.yaml'), spelled.replace('at: 4 weeks', 'at: {value: 28, unit: d, as_reported: 4 weeks}'), 'a volume in cc is already mL: --units alone leaves the spelling');
    const both = folder({ 'a.study.yaml': spelled });
    const r2 = await cli(['fix', '--units', '--spelling', '--prefer', 'volume=uL', 'a.study.yaml'], both);
    assert.equal(r2.stdout, 'a.study.yaml: 2 quantities converted\n1 file fixed.\n');
    assert.equal(read(both, 'a.study.yaml'), spelled.replace('1.5 cc', '{value: 1500, unit: uL, as_reported: 1.5 cc}').replace('at: 4 weeks', 'at: {value: 28, unit: d, as_reported: 4 weeks}'));
    const weeks = folder({ 'a.study.yaml': spelled });
    await cli(['fix', '--spelling', '--units', '--prefer=time=wk', '--prefer', 'volume=mL', 'a.study.yaml'], weeks);
    assert.equal(read(weeks, 'a.study.yaml'), spelled.replace('1.5 cc', '1.5 mL').replace('4 weeks', '4 wk'), 'weeks preferred: only the spelling');
  });

  it('--dry-run prints a unified diff, changes nothing, and exits 1 when something would change', async () => {
    const dir = folder({ 'a.study.yaml': spelled });
    const r = await cli(['fix', '--dry-run', 'a.study.yaml'], dir);
    assert.equal(r.status, 1);
    assert.equal(read(dir, 'a.study.yaml'), spelled);
    const lines = spelled.split('\n');
    const dose = lines.findIndex((l) => l.includes('1.5 cc')) + 1;
    assert.equal(
      r.stdout,
      [
        '--- a/a.study.yaml',
        '+++ b/a.study.yaml',
        `@@ -${dose - 3},11 +${dose - 3},11 @@`,
        ...lines.slice(dose - 4, dose - 1).map((l) => ` ${l}`),
        `-${lines[dose - 1]}`,
        `+${lines[dose - 1]?.replace('cc', 'mL')}`,
        ...lines.slice(dose, dose + 3).map((l) => ` ${l}`),
        `-${lines[dose + 3]}`,
        `+${lines[dose + 3]?.replace('weeks', 'wk')}`,
        ...lines.slice(dose + 4, dose + 7).map((l) => ` ${l}`),
        '',
      ].join('\n'),
    );
    const clean = folder({ 'c.study.yaml': trial() });
    assert.deepEqual(await cli(['fix', '--dry-run', '.'], clean), { status: 0, stdout: '', stderr: '' });
  });

  it('leaves a file that changed on disk after it was read, says so, and exits 1', async () => {
    const dir = folder({ 'a.study.yaml': spelled, 'b.study.yaml': spelled.replace('id: test-trial', 'id: b') });
    const r = await cli(['fix', '.'], dir, (file) => {
      if (file.endsWith('a.study.yaml')) writeFileSync(file, `${spelled}# edited meanwhile\n`);
    });
    assert.equal(r.status, 1);
    assert.equal(read(dir, 'a.study.yaml'), `${spelled}# edited meanwhile\n`);
    assert.match(r.stderr, /^study-annotator: a\.study\.yaml changed on disk after it was read; left as it is \(run fix again\)\n$/);
    assert.equal(r.stdout, 'b.study.yaml: 2 spellings\n1 file fixed.\n');
    assert.deepEqual(readdirSync(dir).sort(), ['a.study.yaml', 'b.study.yaml']);
  });

  it('keeps the file mode, a BOM and CRLF line ends', async () => {
    const text = `\ufeff${spelled.replace(/\n/g, '\r\n')}`;
    const dir = folder({ 'a.study.yaml': text });
    chmodSync(path.join(dir, 'a.study.yaml'), 0o640);
    await cli(['fix', 'a.study.yaml'], dir);
    assert.equal(read(dir, 'a.study.yaml'), text.replace('1.5 cc', '1.5 mL').replace('4 weeks', '4 wk'));
    assert.equal(statSync(path.join(dir, 'a.study.yaml')).mode & 0o777, 0o640);
  });

  it('explains usage errors and prints its own help', async () => {
    const dir = folder({});
    for (const [args, message] of [
      [['fix'], /no files given/],
      [['fix', '--prefer', 'colour=red', 'x'], /--prefer takes kind=unit with a kind among volume, mass/],
      [['fix', '--prefer'], /--prefer needs a value/],
      [['fix', '--dry-run=yes', 'x'], /unknown option --dry-run=yes/],
      [['fix', '--frob', 'x'], /unknown option --frob/],
      [['fix', 'nothing-here'], /cannot read nothing-here/],
    ] as const) {
      const r = await cli([...args], dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    const help = await cli(['fix', '--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: study-annotator fix \[options\]/);
    assert.match((await cli(['--help'], dir)).stdout, /study-annotator fix \[--spelling\] \[--units\] \[--dry-run\]/);
  });
});

describe('unified diff from edits', () => {
  const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  const at = (line: number) => text.indexOf(`line ${line}\n`);
  it('separate hunks for changes more than six lines apart, one hunk for closer ones', () => {
    const far = unifiedDiff('f', text, [{ start: at(2), end: at(2) + 6, newText: 'LINE 2' }, { start: at(15), end: at(15) + 7, newText: 'LINE 15' }]);
    assert.deepEqual(far.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,5 +1,5 @@', '@@ -12,7 +12,7 @@']);
    const near = unifiedDiff('f', text, [{ start: at(2), end: at(2) + 6, newText: 'LINE 2' }, { start: at(9), end: at(9) + 6, newText: 'LINE 9' }]);
    assert.deepEqual(near.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,12 +1,12 @@']);
  });
  it('counts added and removed lines in the new numbering', () => {
    const edits = [
      { start: at(3), end: at(3), newText: 'new a\nnew b\n' },
      { start: at(18), end: at(19), newText: '' },
    ];
    const diff = unifiedDiff('f', text, edits);
    assert.deepEqual(diff.split('\n').filter((l) => l.startsWith('@@')), ["@@ -1,6 +1,8 @@", "@@ -15,6 +17,5 @@"]);
    assert.ok(diff.includes('-line 3\n+new a\n+new b\n+line 3\n'), 'an insertion shows the line it goes before as replaced');
    assert.ok(diff.includes('-line 18\n'));
    // The diff describes the edit: applying it is the new text.
    const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
    const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
    assert.equal(applyEdits(text, edits).split('\n').length - text.split('\n').length, added - removed);
  });
  it('no edits, no diff', () => {
    assert.equal(unifiedDiff('f', text, []), '');
  });
});
