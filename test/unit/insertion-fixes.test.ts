// Fixes that insert what is missing, as snippets: golden before and after (placeholders read as
// their defaults), in the file's own style, and the problem gone with no error added.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, quickFixes, validate, ValidationSession, type QuickFix } from '../../src/core';
import { plain } from '../../src/core/editor/insert';
import { DEFAULT_PROFILES } from '../../src/core/profiles/profile';
import { trial } from '../helpers/studies';

function insertion(text: string, code: string, title: RegExp): { fix: QuickFix; fixed: string } {
  const result = new ValidationSession().run(text);
  const problem = result.problems.find((p) => p.code === code);
  assert.ok(problem, `no ${code}`);
  const fixes = quickFixes(problem, result);
  const fix = fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix ${title} among ${fixes.map((f) => f.title).join(' | ')}`);
  assert.equal(fix.snippet, true);
  const fixed = applyEdits(text, fix.edits.map((e) => ({ ...e, newText: plain(e.newText) })));
  const after = new ValidationSession().run(fixed).problems;
  assert.ok(!after.some((p) => p.code === code && p.message === problem.message), 'the problem is gone');
  assert.deepEqual(after.filter((p) => p.severity === 'error'), [], 'no error');
  return { fix, fixed };
}

const completed = (edit: (b: string) => string = (b) => b) =>
  trial((b) => edit(b.replace('    priority: safety\n    category: safety\n    timepoints: [w4]\n', '    priority: primary\n    category: efficacy\n    timepoints: [w4]\n  - id: safety\n    name: Adverse events\n    priority: safety\n    timepoints: [w4]\n')), 'completed');
const twoArms = (b: string) => b.replace('arms:\n', 'arms:\n  - id: placebo\n    role: placebo comparator\n');

describe('result skeletons for an endpoint with none', () => {
  it('one per arm and timepoint, in a results section created before the sections the schema orders after it', () => {
    const text = completed();
    const { fix, fixed } = insertion(text, 'endpoint-missing-result', /^Add a result for `ae`/);
    assert.equal(fix.edits[0]?.newText, 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    as_reported: ${1:What the source reports}\n');
    assert.equal(fixed, text.replace('curation:\n', 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    as_reported: What the source reports\ncuration:\n'));
  });
  it('each arm, and a comparison where one experimental arm meets one comparator; numbered tab stops', () => {
    const text = completed(twoArms);
    const perArm = insertion(text, 'endpoint-missing-result', /^Add 2 results for `ae` \(each arm at each timepoint\)$/).fix;
    assert.deepEqual([...(perArm.edits[0]?.newText.matchAll(/\$\{(\d+):/g) ?? [])].map((m) => m[1]), ['1', '2']);
    const { fixed } = insertion(text, 'endpoint-missing-result', /^Add a comparison of `treated` with `placebo` for `ae`$/);
    assert.match(fixed, /results:\n {2}- endpoint: ae\n {4}arm: treated\n {4}comparator: placebo\n {4}timepoint: w4\n {4}as_reported: What the source reports\n/);
  });
  it('appended to an existing results list at its own indentation, or inside a flow list', () => {
    const withResults = (list: string) => completed((b) => b.replace('curation:\n', `results:\n${list}curation:\n`).replace('  - id: safety', '  - id: other\n    name: Other\n    priority: exploratory\n    timepoints: [w4]\n  - id: safety'));
    const block = withResults('- endpoint: other # col 0\n  arm: treated\n');
    assert.equal(insertion(block, 'endpoint-missing-result', /for `ae`/).fixed, block.replace('  arm: treated\ncuration', '  arm: treated\n- endpoint: ae\n  arm: treated\n  timepoint: w4\n  as_reported: What the source reports\ncuration'));
    const flow = completed((b) => b.replace('curation:\n', 'results: [{endpoint: other, arm: treated}]\ncuration:\n').replace('  - id: safety', '  - id: other\n    name: Other\n    priority: exploratory\n    timepoints: [w4]\n  - id: safety'));
    assert.match(insertion(flow, 'endpoint-missing-result', /for `ae`/).fixed, /results: \[\{endpoint: other, arm: treated\}, \{endpoint: ae, arm: treated, timepoint: w4, as_reported: What the source reports\}\]/);
  });
  it('keeps CRLF line ends', () => {
    const text = completed().replace(/\n/g, '\r\n');
    const { fixed } = insertion(text, 'endpoint-missing-result', /^Add a result/);
    assert.ok(!/[^\r]\n/.test(fixed));
  });
});

describe('declarations, timepoints, safety and expected endpoints', () => {
  it('an id nothing declares is declared in its list, with a choice of the required field', () => {
    const text = trial((b) => b.replace('      - product: cells', '      - product: cm'));
    const { fix, fixed } = insertion(text, 'ref-unresolved', /^Declare product `cm` under `products`$/);
    assert.equal(fix.edits[0]?.newText, '  - id: cm\n    kind: ${1|secretome,conditioned medium,exosomes,extracellular vesicles,cells,placebo,vehicle|}\n');
    assert.equal(fixed, text.replace('    kind: cells\n', '    kind: cells\n  - id: cm\n    kind: secretome\n'));
    const arm = trial((b) => b.replace('    timepoints: [w4]\n', '    timepoints: [w4]\nresults:\n  - endpoint: ae\n    arm: t2\n'));
    assert.match(insertion(arm, 'ref-unresolved', /^Declare arm `t2`/).fixed, / {6}route: intravenous\n {2}- id: t2\n {4}role: experimental\n/);
    const tp = trial((b) => b.replace('timepoints: [w4]', 'timepoints: [w4, d90]'));
    assert.match(insertion(tp, 'ref-unresolved', /^Declare timepoint `d90`/).fixed, / {4}at: 4 wk\n {2}- id: d90\n {4}at: 1 d\n/);
    const ep = trial((b) => b.replace('    timepoints: [w4]\n', '    timepoints: [w4]\nresults:\n  - endpoint: il6\n    arm: treated\n'));
    assert.match(insertion(ep, 'ref-unresolved', /^Declare endpoint `il6`/).fixed, / {2}- id: il6\n {4}name: il6\nresults:/);
  });
  it('an endpoint with no timepoint is assessed at a declared one; a flow endpoint gets it inside its braces', () => {
    const text = trial((b) => b.replace('    timepoints: [w4]\n', ''));
    assert.equal(insertion(text, 'endpoint-no-timepoint', /^Assess `ae` at timepoint `w4`$/).fixed, trial());
    const flow = trial((b) => b.replace('  - id: ae\n    name: Adverse events\n    priority: safety\n    category: safety\n    timepoints: [w4]\n', '  - {id: ae, name: Adverse events, priority: safety}\n'));
    assert.match(insertion(flow, 'endpoint-no-timepoint', /^Assess/).fixed, /- \{id: ae, name: Adverse events, priority: safety, timepoints: \[w4\]\}/);
  });
  it('a safety endpoint with a free id', () => {
    const text = trial((b) => b.replace('    priority: safety\n    category: safety\n', '    category: efficacy\n').replace('id: ae', 'id: adverse-events'));
    const { fixed } = insertion(text, 'safety-endpoint-missing', /^Add an adverse-events endpoint/);
    assert.match(fixed, / {2}- id: adverse-events-2\n {4}name: Adverse events\n {4}priority: safety\n {4}category: safety\ncuration:/);
  });
  it('the endpoint an outcome set expects, with its instrument, analyte or category, meets the expectation', () => {
    const lupus = trial((b) => b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  condition:\n    name: systemic lupus erythematosus\n'));
    assert.match(insertion(lupus, 'profile-endpoint-missing', /Disease activity index$/).fixed, / {2}- id: disease-activity\n {4}name: Disease activity index\n {4}instrument: SLEDAI-2K\ncuration:/);
    const withIndex = insertion(lupus, 'profile-endpoint-missing', /Disease activity index$/).fixed;
    assert.match(insertion(withIndex, 'profile-endpoint-missing', /Complement C3$/).fixed, / {2}- id: c3\n {4}name: Complement C3\n {4}analyte: C3\ncuration:/);
  });
});

describe('the ARDS and COVID-19 outcome set', () => {
  const covid = (condition: string) => trial((b) => b.replace('  species: Homo sapiens\n', `  species: Homo sapiens\n${condition}`));
  const missing = (text: string) => validate(text).filter((p) => p.code === 'profile-endpoint-missing').map((p) => (p.data as { expected: string }).expected);
  it('applies by code or name, in humans, and expects mortality, oxygenation, the WHO scale and adverse events', () => {
    assert.deepEqual(missing(covid('  conditions:\n    - name: COVID-19\n      code: U07.1\n    - name: ARDS\n      code: J80\n')), ['mortality', 'oxygenation', 'who-cps']);
    assert.deepEqual(missing(covid('  condition:\n    name: acute respiratory distress syndrome\n')), ['mortality', 'oxygenation', 'who-cps']);
    assert.deepEqual(missing(covid('  condition:\n    name: knee pain\n    code: J80.1\n')), ['mortality', 'oxygenation', 'who-cps'], 'a code under J80');
    assert.deepEqual(missing(trial((b) => b.replace('  species: Homo sapiens\n', '  species: Mus musculus\n  condition:\n    name: COVID-19\n'))), []);
    assert.ok(DEFAULT_PROFILES.some((p) => p.id === 'ards-covid'));
  });
  it('each inserted endpoint meets its expectation', () => {
    let text = covid('  condition:\n    name: COVID-19\n');
    for (let i = 0; i < 3; i++) text = insertion(text, 'profile-endpoint-missing', /^Add the endpoint/).fixed;
    assert.deepEqual(missing(text), []);
    assert.match(text, /name: Respiratory support or oxygenation\n {4}analyte: PaO2\/FiO2\n/);
    assert.match(text, /name: WHO clinical progression scale\n {4}instrument: WHO-CPS 2020\n/);
  });
});

describe('snippet text', () => {
  it('reads placeholders as their defaults and choices as their first option, escapes included', () => {
    assert.equal(plain('a: ${1:x} b: ${2|p,q|} c: $3 d: \\$4 e: ${5:a\\}b}'), 'a: x b: p c:  d: $4 e: a}b');
  });
});
