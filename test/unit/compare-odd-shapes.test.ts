// Compare Trials reads a file as the curator left it, mid-edit: list items that are not yet
// mappings (a bare word where an arm or a product will go) and lists mixing words, numbers and
// mappings. Each overview row shows what it can read and skips the rest; nothing throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildComparison, ValidationSession } from '../../src/core';

const ODD = `study:
  id: odd
  type: rct
design:
  masking: {level: double, masked: [participant, 3, {x: 1}, outcome assessor]}
registration: [NCT1, {registry: ClinicalTrials.gov, id: NCT2}]
arms: [plain, {id: a1, role: experimental, n: 5, interventions: [x, {product: p1, route: iv, frequency: {times: 2, per: day}}]}]
products: [loose, {id: p1, kind: secretome, source: {tissue: adipose}, preconditioning: [hypoxia, 4], characterization: {positive_markers: [CD73, 9, [x]], negative_markers: CD45}}]
timepoints: [day 1, {id: t1, at: 7 days}]
endpoints: [e, {id: e1, name: Survival, priority: primary}]
safety:
  adverse_events: [none, {category: death, status: reported, participants: 0}]
`;

describe('the overview of a file with half-written lists', () => {
  const c = buildComparison([{ file: 'odd.study.yaml', result: new ValidationSession().run(ODD) }]);
  const text = (id: string) => c.overview.find((r) => r.id === id)?.cells[0]?.text;

  it('reads the mapping items and skips the words where a mapping belongs', () => {
    assert.equal(text('registration'), 'ClinicalTrials.gov NCT2', 'no empty entry for the bare NCT1');
    assert.equal(text('arms'), 'a1 (experimental, 5)', 'no "? ()" for the bare word');
    assert.equal(text('product-kind'), 'secretome');
    assert.equal(text('tissue'), 'adipose');
    assert.equal(text('route'), 'iv', 'the intervention written as a word is skipped');
    assert.equal(text('frequency'), '2× per day');
    assert.equal(text('follow-up'), '7 days');
    assert.equal(text('primary'), 'Survival');
    assert.equal(text('safety'), 'death: reported (0 participants)');
  });

  it('keeps the words and numbers of a mixed list and drops what is neither', () => {
    assert.equal(text('masking'), 'double: participant, 3, outcome assessor');
    assert.equal(text('preconditioning'), 'hypoxia', 'a preconditioning is a word');
    assert.equal(text('markers'), 'CD73, 9 / CD45');
  });
});
