// The equivalence table behind the endpoint matrix: every instrument, analyte, category and
// name fragment a group is known by, written out here rather than read back from the table, the
// order in which they decide, and the profile expectations each group answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENDPOINT_GROUPS, groupOf } from '../../src/core/compare/equivalence';
import { DEFAULT_PROFILES } from '../../src/core/profiles/profile';

const group = (endpoint: Record<string, unknown>) => {
  const g = groupOf(endpoint);
  return g && [g.id, g.label];
};

/** [field, what a curator writes, the group's id and row label]. */
const KNOWN: [string, string, string, string][] = [
  ...['SLEDAI-2K', 'SLEDAI-2000', 'SLEDAI', 'MEX-SLEDAI', 'SELENA-SLEDAI', 'BILAG'].map((v): [string, string, string, string] => ['instrument', v, 'sle-activity', 'SLE disease activity (SLEDAI-2K, MEX-SLEDAI)']),
  ['analyte', 'C3', 'c3', 'Complement C3'],
  ['analyte', 'C4', 'c4', 'Complement C4'],
  ['analyte', 'anti-dsDNA', 'anti-dsdna', 'Anti-dsDNA'],
  ['analyte', 'IL-6', 'il-6', 'IL-6'],
  ['analyte', 'interleukin-6', 'il-6', 'IL-6'],
  ['analyte', 'TNF-alpha', 'tnf-alpha', 'TNF-alpha'],
  ['analyte', 'TNF', 'tnf-alpha', 'TNF-alpha'],
  ['analyte', 'IL-4', 'il-4', 'IL-4'],
  ['name', 'Serum cytokine panel', 'cytokines', 'Inflammatory cytokines (other)'],
  ...['WOMAC', 'KOOS', 'VAS', 'NRS', 'Lequesne', 'IKDC'].map((v): [string, string, string, string] => ['instrument', v, 'pain-function', 'Pain and function (WOMAC, KOOS, VAS)']),
  ...['MRI', 'X-ray', 'radiograph', 'ultrasound'].map((v): [string, string, string, string] => ['instrument', v, 'cartilage-imaging', 'Cartilage imaging (MRI, X-ray)']),
  ['category', 'imaging', 'cartilage-imaging', 'Cartilage imaging (MRI, X-ray)'],
  ['analyte', 'PaO2/FiO2', 'pao2-fio2', 'Oxygenation (PaO2/FiO2)'],
  ['analyte', 'SpO2/FiO2', 'pao2-fio2', 'Oxygenation (PaO2/FiO2)'],
  ['name', 'Oxygenation at day 7', 'pao2-fio2', 'Oxygenation (PaO2/FiO2)'],
  ...['WHO-CPS 2020', 'WHO-CPS', 'WHO clinical progression scale', 'WHO ordinal scale'].map((v): [string, string, string, string] => ['instrument', v, 'who-cps', 'WHO clinical progression scale']),
  ['category', 'survival', 'survival', 'Survival and mortality'],
  ['name', '7-day survival', 'survival', 'Survival and mortality'],
  ['name', '28-day mortality', 'survival', 'Survival and mortality'],
  ['name', 'Death from any cause', 'survival', 'Survival and mortality'],
  ['category', 'safety', 'adverse-events', 'Adverse events'],
  ['name', 'SLEDAI change', 'sle-activity', 'SLE disease activity (SLEDAI-2K, MEX-SLEDAI)'],
];

describe('the endpoint groups', () => {
  it('know every name a curator may write, in any case', () => {
    for (const [field, value, id, label] of KNOWN) {
      assert.deepEqual(group({ [field]: value }), [id, label], `${field}: ${value}`);
      assert.deepEqual(group({ [field]: value.toUpperCase() }), [id, label], `${field}: ${value.toUpperCase()}`);
    }
  });
  it('an adverse-event endpoint by its priority, and nothing for an endpoint no group knows', () => {
    assert.deepEqual(group({ priority: 'safety', name: 'Any event' }), ['adverse-events', 'Adverse events']);
    assert.equal(group({ name: 'Grip strength', instrument: 'dynamometer', analyte: 'CRP', category: 'functional' }), undefined);
    assert.equal(group({}), undefined);
    assert.equal(group({ instrument: 7, analyte: ['C3'] }), undefined, 'only text is read');
  });
  it('decide by instrument, then analyte, then category or safety priority, then name', () => {
    assert.equal(groupOf({ instrument: 'VAS', analyte: 'IL-6', category: 'survival', name: 'mortality' })?.id, 'pain-function');
    assert.equal(groupOf({ instrument: 'dynamometer', analyte: 'C3', category: 'safety', name: 'mortality' })?.id, 'c3');
    assert.equal(groupOf({ analyte: 'CRP', category: 'imaging', name: 'mortality' })?.id, 'cartilage-imaging');
    assert.equal(groupOf({ priority: 'safety', name: 'mortality' })?.id, 'adverse-events');
    assert.equal(groupOf({ category: 'functional', name: 'mortality' })?.id, 'survival');
  });
  it('answer only expectations the built-in profiles have, and every one of them', () => {
    const expectations = new Set(DEFAULT_PROFILES.flatMap((p) => p.expects.map((e) => e.id)));
    const answered = ENDPOINT_GROUPS.flatMap((g) => g.expects ?? []);
    assert.deepEqual(answered.filter((id) => !expectations.has(id)), []);
    assert.deepEqual([...expectations].filter((id) => !answered.includes(id)), []);
    assert.deepEqual(
      ENDPOINT_GROUPS.filter((g) => g.expects).map((g) => [g.id, g.expects]),
      [['sle-activity', ['disease-activity']], ['c3', ['c3']], ['c4', ['c4']], ['anti-dsdna', ['anti-dsdna']], ['cytokines', ['cytokines']], ['pain-function', ['pain-function']], ['cartilage-imaging', ['cartilage-imaging']], ['pao2-fio2', ['oxygenation']], ['who-cps', ['who-cps']], ['survival', ['survival', 'mortality']], ['adverse-events', ['adverse-events']]],
    );
  });
});
