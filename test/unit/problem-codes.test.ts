import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateStudyIds, validate, ValidationSession, type ProblemCode } from '../../src/core';
import { ALL_CODES } from '../../src/core/codes';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { review, ROOT, trial } from '../helpers/studies';

interface Case {
  text: string;
  /** The exact text the problem's range covers. */
  covers: string;
  message: RegExp;
}

const replace = (from: string, to: string) => (b: string) => b.replace(from, to);
/** The test trial with one result of its endpoint `ae` (fields appended), and optionally its arm's role line replaced. */
const withResult = (fields: string, role?: string) =>
  trial((b) => (role ? b.replace('    role: experimental\n', role) : b).replace('curation:', `results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n${fields}curation:`));

/** One case per problem code: the range must cover exactly `covers`, and the message must read as stated. */
const CASES: Record<ProblemCode, Case | 'not-from-text'> = {
  'file-binary': { text: 'study:\n  id: x\u0000y\n', covers: '\u0000', message: /binary data \(a NUL byte\)/ },
  'file-too-large': { text: 'study: x\n' + '#'.repeat(256 * 1024), covers: 'study: x', message: /over the 256 KiB limit/ },
  'file-empty': { text: '# to do\n\n', covers: '', message: /^The file is empty; a study annotation starts with `study:`/ },
  'yaml-syntax': { text: review('conclusions:\n  authors: "C:\\data"\n'), covers: '\\d', message: /escape sequence is not valid inside double quotes/ },
  'yaml-tab-indent': { text: review().replace('  scope: Test scope\n', '  scope: Test scope\n  \tthemes: [a]\n'), covers: '\t', message: /indented with a tab/ },
  'yaml-indentation': { text: trial(replace('  - id: treated\n', '  - id: treated\n  label: T2\n')), covers: '  label', message: /^`label` is indented 2 spaces; in this arm its siblings are at 4\.$/ },
  'yaml-duplicate-key': { text: review().replace('  status: planned\n', '  status: planned\n  status: published\n'), covers: 'status', message: /key `status` appears twice/ },
  'yaml-too-deep': { text: review('conclusions:\n  authors: ' + '['.repeat(70) + ']'.repeat(70) + '\n'), covers: '  authors: ' + '['.repeat(70) + ']'.repeat(70), message: /^Lists and mappings nest more than 64 levels deep on this line/ },
  'yaml-complex-key': { text: review().replace('  scope: Test scope\n', '  scope: Test scope\n  ? [a, b]\n  : c\n'), covers: '[a, b]', message: /^This key is a list or a mapping/ },
  'yaml-multi-document': { text: review() + '---\nstudy: {}\n', covers: '---', message: /second YAML document starts here/ },
  'yaml-unresolved-alias': { text: review().replace('  scope: Test scope\n', '  scope: *nowhere\n'), covers: '*nowhere', message: /^`\*nowhere` refers to an anchor `&nowhere` that is not defined before it/ },
  'yaml-alias-limit': {
    text: 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    covers: '*a',
    message: /alias bomb/,
  },
  'yaml-warning': { text: review().replace('title: Test review', 'title: !odd Test review'), covers: '!odd', message: /Unknown YAML tag/ },
  'schema-type': { text: trial(replace('timepoints: [w4]', 'timepoints: w4')), covers: 'w4', message: /^`timepoints` must be a list \(found `w4`\)\.$/ },
  'schema-enum': {
    text: trial(replace('route: intravenous', 'route: IV')),
    covers: 'IV',
    message: /^`route` must be one of intravenous, intramuscular, .*… \(found `IV`: did you mean intravenous\?\)$/,
  },
  'schema-pattern': { text: review('citation:\n  doi: doi:10.1/x\n'), covers: 'doi:10.1/x', message: /^`doi` must be a DOI such as '10\.1007\/s00441-023-03857-4' \(found `doi:10\.1\/x`\)\.$/ },
  'schema-format': { text: review('citation:\n  url: not a uri\n'), covers: 'not a uri', message: /must be a valid URI/ },
  'schema-missing-property': { text: trial(replace('    role: experimental\n', '')), covers: 'id: treated', message: /^Item 1 of `arms` is missing `role`\.$/ },
  'schema-unknown-property': { text: trial(replace('route: intravenous', 'rout: intravenous')), covers: 'rout', message: /Unknown property `rout` .*did you mean `route`\?/ },
  'schema-range': { text: trial(replace('route: intravenous', 'route: intravenous\n        doses: 0')), covers: '0', message: /^`doses` must be at least 1 \(found `0`\)\.$/ },
  'schema-duplicate-item': { text: review().replace('  scope: Test scope\n', '  scope: Test scope\n  factors: [storage, storage]\n'), covers: 'storage', message: /lists `storage` twice/ },
  'schema-invalid': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 1.5')), covers: '1.5', message: /must be a quantity such as .* \(found `1\.5`: the unit is missing\)/ },
  'id-duplicate': { text: trial(replace('    at: 4 wk\n', '    at: 4 wk\n  - id: w4\n    at: 8 wk\n')), covers: 'w4', message: /`w4` is already used by item 1 of `timepoints`/ },
  'id-invisible-character': { text: trial(replace('  - id: w4\n', '  - id: "w4\\u200B"\n')), covers: '"w4\\u200B"', message: /^`w4\\u200B` contains an invisible character, U\+200B \(zero width space\)/ },
  'ref-unresolved': { text: trial(replace('- product: cells', '- product: cell')), covers: 'cell', message: /No product has the id `cell`: did you mean `cells`\?/ },
  'ref-timepoint-not-assessed': {
    text: trial(replace('    at: 4 wk\n', '    at: 4 wk\n  - id: w8\n    at: 8 wk\n')) + 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w8\n',
    covers: 'w8',
    message: /Endpoint `ae` is not assessed at `w8`/,
  },
  'field-path-unresolved': { text: trial() + 'evidence:\n  - field: arms.nope.dose\n    quote: q\n', covers: 'arms.nope.dose', message: /does not point to a field/ },
  'count-exceeds-enrolled': {
    text: trial(replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  counts:\n    enrolled: 5\n')).replace('    role: experimental\n', '    role: experimental\n    n: 9\n'),
    covers: '5',
    message: /^The arm sizes add up to 9, more than the 5 enrolled\.$/,
  },
  'count-exceeds-randomized': {
    text: trial(replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  counts:\n    randomized: 5\n')).replace('    role: experimental\n', '    role: experimental\n    n: 9\n'),
    covers: '5',
    message: /add up to 9, more than the 5 randomized/,
  },
  'endpoint-missing-result': {
    text: trial(replace('    priority: safety\n', '    priority: primary\n'), 'completed') + 'results:\n  - endpoint: other\n    arm: treated\n',
    covers: 'ae',
    message: /primary endpoint `ae` of this completed study has no result/,
  },
  'endpoint-no-timepoint': { text: trial(replace('    timepoints: [w4]\n', '')), covers: 'ae', message: /^Endpoint `ae` has no timepoint/ },
  'safety-endpoint-missing': { text: trial(replace('    priority: safety\n    category: safety\n', '    category: efficacy\n')), covers: 'endpoints', message: /no safety endpoint/ },
  'profile-endpoint-missing': {
    text: trial(replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  condition:\n    name: knee osteoarthritis\n')),
    covers: 'endpoints',
    message: /Knee osteoarthritis outcome set expects a pain and function score/,
  },
  'result-direction-contradiction': { text: withResult('    statistic: percent change\n    value: 77 %\n    direction: decrease\n'), covers: '77 %', message: /^A percent change of `77 %` is an increase, but `direction` says decrease; check the sign or the direction\.$/ },
  'result-proportion-out-of-range': { text: withResult('    statistic: proportion\n    value: 120 %\n'), covers: '120 %', message: /^A proportion lies between 0 and 100 %; `120 %` does not\.$/ },
  'result-significance-contradiction': { text: withResult("    p: '>0.05'\n    significant: true\n"), covers: 'true', message: /^`significant: true` contradicts p `'>0\.05'` at the usual 0\.05 level/ },
  'result-fraction-mismatch': { text: withResult('    statistic: proportion\n    value: 17 %\n    numerator: 17\n    denominator: 24\n'), covers: '17 %', message: /^17 of 24 is 70\.8 %, not `17 %`; check the counts or the proportion\.$/ },
  'result-n-exceeds-arm': { text: withResult('    n: 12\n', '    role: experimental\n    n: 10\n'), covers: '12', message: /^This result counts 12 participants, more than the 10 in arm `treated`\.$/ },
  'regimen-once-repeated': { text: trial(replace('        route: intravenous\n', '        route: intravenous\n        frequency: once\n        doses: 7\n')), covers: '7', message: /^`frequency: once` with `doses: 7`: a product given once is one dose/ },
  'regimen-duration-short': { text: trial(replace('        route: intravenous\n', '        route: intravenous\n        interval: 2 wk\n        duration: 10 d\n')), covers: '10 d', message: /^The treatment lasted 10 d, less than one 2 wk interval between doses/ },
  'dose-not-an-amount': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 15 min')), covers: '15 min', message: /^A dose is an amount given \(mass, volume, a count\), but `min` is a time; was this the interval or the duration\?$/ },
  'dose-kind-mismatch': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 2e8 {particles}')), covers: '2e8 {particles}', message: /^A dose of cells counted in \{particles\}: is the product cells, or what they secrete\?$/ },
  'dose-spread': {
    text: trial(replace('        route: intravenous\n', '        route: intravenous\n      - product: cells\n        dose: 150 10*6{cells}/kg\n')),
    covers: '150 10*6{cells}/kg',
    message: /^Two doses of `cells` in this arm differ 150-fold \(`1 10\*6\{cells\}\/kg` and `150 10\*6\{cells\}\/kg`\); check the units/,
  },
  'acknowledgement-stale': {
    text: trial((b) => b.replace('  schema_version: 1.0.0\n', '  schema_version: 1.0.0\n  acknowledged:\n    - code: safety-endpoint-missing\n      field: endpoints\n      reason: The registry lists none.\n')),
    covers: 'safety-endpoint-missing',
    message: /^Nothing in `endpoints` has the problem `safety-endpoint-missing` any more; remove this acknowledgement\.$/,
  },
  'registry-id-form': {
    text: trial(replace('design:\n', 'registration:\n  - registry: other\n    id: IRCT20200413047063N1\ndesign:\n')),
    covers: 'other',
    message: /^`IRCT20200413047063N1` looks like an id of IRCT; set `registry: IRCT` so it is checked as one\.$/,
  },
  'dose-per-unit': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 5 ug/drop')), covers: 'ug/drop', message: /^`ug\/drop` is a dose per drop: write the dose in `ug` and `dose_per: drop` \(`ug\/\[drp\]` would read as a concentration\)\.$/ },
  'quantity-not-finite': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 1e999 mL')), covers: '1e999 mL', message: /^`1e999` is too large to be a number/ },
  'quantity-range-reversed': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 5e11-3e11 {particles}')), covers: '5e11-3e11 {particles}', message: /^The range `5e11-3e11 \{particles\}` runs from high to low \(5 × 10\^11 is more than 3 × 10\^11\)/ },
  'quantity-range-ambiguous': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 300000-5 x 10^6 {cells}')), covers: '300000-5 x 10^6 {cells}', message: /^`300000-5 x 10\^6 \{cells\}` can be read two ways: .*\(3 × 10\^11 to 5 × 10\^6, high to low\) or for the high bound only \(3 × 10\^5 to 5 × 10\^6\)/ },
  'dose-not-positive': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: -2 10*6{cells}/kg')), covers: '-2 10*6{cells}/kg', message: /^The dose `-2 10\*6\{cells\}\/kg` is zero or less/ },
  'unit-unknown': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: 1 mg/kgg')), covers: 'mg/kgg', message: /`mg\/kgg` is not a UCUM unit/ },
  'unit-synonym': { text: trial(replace('dose: 1 10*6{cells}/kg', 'dose: "1.5 cc"')), covers: 'cc', message: /^`cc` is not UCUM; write `mL`\.$/ },
  'unit-incommensurable': { text: trial(replace('at: 4 wk', 'at: 4 mL')), covers: 'mL', message: /`at` is a time, but `mL` is not a unit of time/ },
  'unit-annotation-mismatch': {
    text: trial((b) => b.replace('    kind: cells\n', '    kind: exosomes\n').replace('dose: 1 10*6{cells}/kg', 'dose: 1 10*8{particles}/kg').replace('        route: intravenous\n', '        route: intravenous\n      - product: cells\n        dose: 2 10*8{exosomes}/kg\n')),
    covers: '10*8{exosomes}/kg',
    message: /counts \{exosomes\} but `10\*8\{particles\}\/kg` \(doses of exosomes\) counts \{particles\}/,
  },
  // Not provoked by one text: a crashing check (test/unit/checks.test.ts) and two files sharing an id (below).
  'check-failed': 'not-from-text',
  'study-id-duplicate': 'not-from-text',
  'study-extraction-pair': 'not-from-text',
  'too-many-problems': { text: Array.from({ length: 1500 }, (_, i) => `k${i}: v`).join('\n'), covers: '', message: /^\d+ more problems are not listed \(at most 1000 per file\)/ },
};


describe('every problem code has a precise range and a plain message', () => {
  it('is documented in the README, where diagnostics link to', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.deepEqual(ALL_CODES.filter((c) => !readme.includes(`<a id="${c}"></a>\`${c}\``)), []);
  });
  it('covers all codes', () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...ALL_CODES].sort());
  });
  for (const code of ALL_CODES) {
    const c = CASES[code];
    if (c === 'not-from-text') continue;
    it(code, () => {
      const problems = validate(c.text);
      const hit = problems.find((p) => p.code === code);
      assert.ok(hit, `no ${code} in: ${problems.map((p) => `${p.code} ${p.message}`).join('\n')}`);
      assert.equal(c.text.slice(hit.start, hit.end), c.covers, `range of ${code}`);
      assert.match(hit.message, c.message);
      const before = c.text.slice(0, hit.start).split('\n');
      assert.equal(hit.line, before.length);
      assert.equal(hit.column, (before[before.length - 1] as string).length + 1);
    });
  }
});

describe('workspace-wide: study ids are unique', () => {
  it('reports every file that shares an id, at the id', () => {
    const a = trial();
    const b = trial((t) => t.replace('title: Test trial', 'title: Another trial'));
    const c = trial((t) => t.replace('id: test-trial', 'id: other-trial'));
    const ids = new Map([['a.study.yaml', new ValidationSession().run(a).studyId], ['b.study.yaml', new ValidationSession().run(b).studyId], ['c.study.yaml', new ValidationSession().run(c).studyId]]);
    const found = duplicateStudyIds(ids);
    assert.deepEqual([...found.keys()].sort(), ['a.study.yaml', 'b.study.yaml']);
    const p = found.get('b.study.yaml')?.[0];
    assert.equal(p?.code, 'study-id-duplicate');
    assert.equal(b.slice(p?.start, p?.end), 'test-trial');
    assert.equal(p?.line, 2);
    assert.equal(p?.column, 7);
    assert.match(p?.message ?? '', /^The study id `test-trial` is also used by a\.study\.yaml; study ids must be unique across the workspace\.$/);
  });
});

describe('the pointer a problem carries names the node it is said at', () => {
  const POINTED: ProblemCode[] = [
    'acknowledgement-stale', 'dose-kind-mismatch', 'dose-not-an-amount', 'dose-not-positive', 'dose-per-unit', 'dose-spread', 'quantity-not-finite',
    'quantity-range-ambiguous', 'quantity-range-reversed', 'ref-unresolved', 'regimen-duration-short', 'regimen-once-repeated', 'registry-id-form',
    'result-direction-contradiction', 'result-fraction-mismatch', 'result-n-exceeds-arm', 'result-proportion-out-of-range', 'result-significance-contradiction',
    'schema-duplicate-item', 'schema-enum', 'schema-format', 'schema-invalid', 'schema-missing-property', 'schema-pattern', 'schema-range', 'schema-type',
    'schema-unknown-property', 'unit-annotation-mismatch', 'unit-incommensurable', 'unit-synonym', 'unit-unknown',
  ];
  it('in every invalid example: the codes that carry one do, and each problem lies inside the node it points at', () => {
    const invalid = path.join(ROOT, 'examples', 'invalid');
    const pointed = new Set<string>();
    for (const file of readdirSync(invalid).filter((f) => f.endsWith('.study.yaml'))) {
      const result = new ValidationSession().run(readFileSync(path.join(invalid, file), 'utf8'));
      for (const p of result.problems) {
        const pointer = (p.data as Record<string, unknown>).pointer;
        if (typeof pointer !== 'string') continue;
        pointed.add(p.code);
        const at = result.parsed?.locate(pointer.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~'))));
        const spans = [at?.value, at?.key].filter((s): s is { start: number; end: number } => s !== undefined);
        const shift = result.shift ?? 0;
        assert.ok(spans.some((s) => p.start - shift >= s.start && p.end - shift <= s.end), `${file}: ${p.code} at ${p.start}-${p.end}, pointer ${pointer} at ${JSON.stringify(spans)}`);
      }
    }
    assert.deepEqual([...pointed].sort(), POINTED);
  });
});
