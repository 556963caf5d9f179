// "Fix all" on save (source.fixAll): every unit spelling written as its UCUM code in one
// verified edit set, values and everything else untouched; nothing when there is nothing to do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spellingFixAll, ValidationSession } from '../../src/core';
import { applyEdits } from '../../src/core/editor/verify';
import { trial } from '../helpers/studies';

const run = (text: string) => new ValidationSession().run(text);

describe('fix all unit spellings', () => {
  const text = trial((t) => t.replace('at: 4 wk', 'at: 4 weeks').replace('timepoints:\n', 'timepoints:\n  - id: w1\n    at: 1 week\n').replace('dose: 1 10*6{cells}/kg', 'dose: 1.5 cc'));

  it('writes every spelling as its code in one edit set, and nothing else', () => {
    const fix = spellingFixAll(run(text));
    assert.ok(fix);
    assert.deepEqual([fix.title, fix.preferred, fix.edits.length], ['Write UCUM codes for unit spellings', false, 3]);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, text.replace('at: 4 weeks', 'at: 4 wk').replace('at: 1 week', 'at: 1 wk').replace('dose: 1.5 cc', 'dose: 1.5 mL'));
    assert.deepEqual(run(fixed).problems.filter((p) => p.code === 'unit-synonym'), []);
  });

  it('is nothing on a file with no spelling to correct, or once corrected', () => {
    assert.equal(spellingFixAll(run(trial())), undefined);
    const fixed = applyEdits(text, spellingFixAll(run(text))!.edits);
    assert.equal(spellingFixAll(run(fixed)), undefined);
  });

  it('leaves other problems to their own fixes', () => {
    const other = trial((t) => t.replace('at: 4 wk', 'at: 4 weeks').replace('route: intravenous', 'route: intravenus'));
    const fix = spellingFixAll(run(other));
    assert.equal(applyEdits(other, fix!.edits), other.replace('at: 4 weeks', 'at: 4 wk'));
  });
});
