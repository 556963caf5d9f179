// Acknowledging a problem in the file: it leaves the problems, keeps its reason, and an
// acknowledgement that no longer excuses anything is itself a problem.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationSession } from '../../src/core';
import { trial } from '../helpers/studies';

const NO_SAFETY = (b: string) => b.replace('    priority: safety\n    category: safety\n', '    category: efficacy\n');
const ack = (entries: string) => (b: string) => b.replace('  schema_version: 1.0.0\n', `  schema_version: 1.0.0\n  acknowledged:\n${entries}`);
const entry = (code: string, field: string, reason = 'The registry record lists none.') => `    - code: ${code}\n      field: ${field}\n      reason: ${reason}\n`;
const run = (text: string) => new ValidationSession().run(text);

describe('curation.acknowledged', () => {
  it('takes the problem out of the problems and keeps it, located, with its reason', () => {
    const text = trial((b) => ack(entry('safety-endpoint-missing', 'endpoints'))(NO_SAFETY(b)));
    const r = run(text);
    assert.deepEqual(r.problems.filter((p) => p.severity !== 'info').map((p) => p.code), []);
    assert.deepEqual(r.suppressed.map((p) => [p.code, p.justification, text.slice(p.start, p.end)]), [['safety-endpoint-missing', 'The registry record lists none.', 'endpoints']]);
    assert.equal(r.suppressed[0]?.line, text.slice(0, text.indexOf('endpoints:')).split('\n').length);
  });
  it('acknowledges only its code, and only inside its field', () => {
    const twoDoses = (b: string) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 0 10*6{cells}/kg').replace('at: 4 wk', 'at: 0 wk');
    const text = trial((b) => ack(entry('dose-not-positive', 'arms.treated.interventions.0.dose') + entry('quantity-not-finite', 'timepoints'))(twoDoses(b)));
    const r = run(text);
    assert.deepEqual(r.suppressed.map((p) => p.code), ['dose-not-positive']);
    assert.deepEqual(r.problems.filter((p) => p.severity !== 'info').map((p) => p.code), ['acknowledgement-stale'], 'the second entry names a code that is not in timepoints');
    const elsewhere = trial((b) => ack(entry('dose-not-positive', 'timepoints'))(twoDoses(b)));
    assert.deepEqual(run(elsewhere).problems.filter((p) => p.severity !== 'info').map((p) => p.code).sort(), ['acknowledgement-stale', 'dose-not-positive']);
  });
  it('lists what it acknowledged in file order, whichever check found it first', () => {
    // The schema's problems are found before the checks', and its entry comes first: both name the later problem.
    const text = trial((b) => ack(entry('schema-unknown-property', 'timepoints') + entry('dose-not-positive', 'arms'))(b.replace('dose: 1 10*6{cells}/kg', 'dose: 0 10*6{cells}/kg').replace('    at: 4 wk\n', '    at: 4 wk\n    extra: x\n')));
    const r = run(text);
    assert.deepEqual(r.suppressed.map((p) => `${p.code}@${p.line}`), ['dose-not-positive@18', 'schema-unknown-property@23']);
  });
  it('one entry acknowledges every problem of its code in its field', () => {
    const text = trial((b) => ack(entry('unit-synonym', 'timepoints'))(b.replace('at: 4 wk', 'at: 4 weeks').replace('timepoints:\n  - id: w4\n', 'timepoints:\n  - id: w2\n    at: 2 weeks\n  - id: w4\n')));
    const r = run(text);
    assert.deepEqual(r.suppressed.map((p) => p.code), ['unit-synonym', 'unit-synonym']);
    assert.deepEqual(r.problems.filter((p) => p.severity !== 'info'), []);
  });
  it('an unknown code is stale with its own message, and an unresolved field is a field-path problem', () => {
    const unknown = run(trial(ack(entry('no-such-code', 'endpoints'))));
    assert.deepEqual(unknown.problems.map((p) => p.message), ['`no-such-code` is not a problem code; acknowledge a code the Problems panel shows.']);
    const unresolved = run(trial(ack(entry('safety-endpoint-missing', 'endpointz'))));
    assert.deepEqual(unresolved.problems.map((p) => p.code), ['field-path-unresolved']);
  });
  it('needs a code, a field and a reason', () => {
    const noReason = run(trial(ack('    - code: safety-endpoint-missing\n      field: endpoints\n')));
    assert.deepEqual(noReason.problems.map((p) => p.code), ['schema-missing-property']);
    assert.deepEqual(noReason.suppressed, []);
  });
  it('a file without acknowledgements suppresses nothing', () => {
    assert.deepEqual(run(trial(NO_SAFETY)).suppressed, []);
  });
  it('does not reach past its field: a problem after it stays', () => {
    const text = trial((b) => ack(entry('unit-synonym', 'arms'))(b.replace('at: 4 wk', 'at: 4 weeks')));
    const r = run(text);
    assert.deepEqual(r.suppressed, []);
    assert.deepEqual(r.problems.filter((p) => p.severity !== 'info').map((p) => p.code).sort(), ['acknowledgement-stale', 'unit-synonym']);
  });
  it('a problem two entries cover keeps the first entry\'s reason, and neither is stale', () => {
    const text = trial((b) => ack(entry('unit-synonym', 'timepoints', 'First.') + entry('unit-synonym', 'timepoints.w4.at', 'Second.'))(b.replace('at: 4 wk', 'at: 4 weeks')));
    const r = run(text);
    assert.deepEqual(r.suppressed.map((p) => [p.code, p.justification]), [['unit-synonym', 'First.']]);
    assert.deepEqual(r.problems.filter((p) => p.severity !== 'info'), []);
  });
  it('a stale entry points at itself and names its code and field', () => {
    const text = trial(ack(entry('unit-synonym', 'arms') + entry('dose-spread', 'timepoints')));
    const stale = run(text).problems.filter((p) => p.code === 'acknowledgement-stale');
    assert.deepEqual(stale.map((p) => [p.data, text.slice(p.start, p.end)]), [
      [{ pointer: '/curation/acknowledged/0', code: 'unit-synonym', field: 'arms' }, 'unit-synonym'],
      [{ pointer: '/curation/acknowledged/1', code: 'dose-spread', field: 'timepoints' }, 'dose-spread'],
    ]);
  });
  it('an entry with a blank reason, or a code or field that is no text, acknowledges nothing', () => {
    const synonym = (b: string) => b.replace('at: 4 wk', 'at: 4 weeks');
    for (const bad of [entry('unit-synonym', 'timepoints', '"  "'), '    - code: 5\n      field: timepoints\n      reason: r\n', '    - code: unit-synonym\n      field: [timepoints]\n      reason: r\n']) {
      const r = run(trial((b) => ack(bad)(synonym(b))));
      assert.deepEqual(r.suppressed, [], bad);
      assert.equal(r.problems.some((p) => p.code === 'acknowledgement-stale'), false, `the schema speaks for it: ${bad}`);
    }
  });
});
