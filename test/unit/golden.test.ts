// Golden before/after files for every kind of fix and conversion (test/golden/): comments, odd
// quoting and flow style around the edited node, and the file after the action, byte for byte.
// The first line says what to do: `fix CODE /title/`, `convert NEEDLE /title/`, `preferred` or
// `spelling`. GOLDEN_UPDATE=1 writes the after files (review them before committing).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, conversionFixes, preferredUnitsFix, quickFixes, spellingFixAll, ValidationSession, type QuickFix } from '../../src/core';
import { plain } from '../../src/core/editor/insert';
import { ROOT } from '../helpers/studies';

const DIR = path.join(ROOT, 'test', 'golden');

function act(text: string, header: string): QuickFix | undefined {
  const result = new ValidationSession().run(text);
  const [, verb = '', arg = '', title = ''] = /^# golden: (\w+)(?: (\S+))?(?: \/(.*)\/)?$/.exec(header) ?? [];
  if (verb === 'preferred') return preferredUnitsFix(result);
  if (verb === 'spelling') return spellingFixAll(result);
  const offered = verb === 'fix' ? result.problems.filter((p) => p.code === arg).flatMap((p) => quickFixes(p, result)) : conversionFixes(result, text.indexOf(arg, text.indexOf('\n')));
  return offered.find((f) => new RegExp(title).test(f.title));
}

describe('golden files: each action, and every byte it leaves', () => {
  const befores = readdirSync(DIR).filter((f) => f.endsWith('.before.study.yaml')).sort();
  it('cover every kind of fix and conversion', () => {
    const kinds = befores.map((f) => readFileSync(path.join(DIR, f), 'utf8').split('\n')[0]?.split(' ').slice(2, 4).join(' '));
    for (const k of ['fix unit-synonym', 'fix schema-enum', 'fix ref-unresolved', 'fix schema-unknown-property', 'fix endpoint-missing-result', 'fix quantity-range-reversed', 'fix yaml-indentation', 'fix safety-endpoint-missing', 'fix endpoint-no-timepoint', 'fix profile-endpoint-missing', 'preferred', 'spelling']) {
      assert.ok(kinds.some((x) => x === k || x?.startsWith(`${k} `) || x === k.split(' ')[0]), k);
    }
    assert.ok(kinds.filter((k) => k?.startsWith('convert')).length >= 3);
  });
  for (const file of befores) {
    it(file.replace('.before.study.yaml', ''), () => {
      const before = readFileSync(path.join(DIR, file), 'utf8');
      const fix = act(before, before.split('\n')[0] ?? '');
      assert.ok(fix, 'the action is offered');
      const after = applyEdits(before, fix.edits.map((e) => ({ ...e, newText: fix.snippet ? plain(e.newText) : e.newText })));
      const golden = path.join(DIR, file.replace('.before.', '.after.'));
      if (process.env.GOLDEN_UPDATE) writeFileSync(golden, after);
      assert.ok(existsSync(golden), `${golden} is missing (GOLDEN_UPDATE=1 writes it)`);
      assert.equal(after, readFileSync(golden, 'utf8'));
      const errors = new ValidationSession().run(after).problems.filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((p) => p.code), [], 'no error after the action');
    });
  }
});
