import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext, hoverAt, outline, STUDY_TYPES, studyTemplate, validate, hasModeline, matchesAny } from '../../src/core';
import { ParseCache } from '../../src/core/yaml/cache';
import { normaliseSettings, DEFAULTS } from '../../src/extension/config';
import { EXAMPLES, read } from '../helpers/studies';
import path from 'node:path';

const nurudhin = read(path.join(EXAMPLES, 'nurudhin-2025-sle-secretome.study.yaml'));

describe('cursor context (completion)', () => {
  const at = (text: string) => cursorContext(text.replace('|', ''), text.indexOf('|'));
  it('knows a key of an intervention while it is typed', () => {
    const ctx = at('arms:\n  - id: a\n    interventions:\n      - product: p\n        ro|');
    assert.equal(ctx?.kind, 'key');
    assert.deepEqual(ctx?.path, ['arms', 0, 'interventions', 0]);
    assert.deepEqual(ctx?.siblings, ['product']);
  });
  it('knows the value of route', () => {
    const ctx = at('arms:\n  - id: a\n    interventions:\n      - route: intra|\n');
    assert.equal(ctx?.kind, 'value');
    assert.deepEqual(ctx?.path, ['arms', 0, 'interventions', 0, 'route']);
  });
  it('knows an item of a flow list', () => {
    const ctx = at('endpoints:\n  - id: e\n    timepoints: [d1, d|');
    assert.equal(ctx?.kind, 'item');
    assert.deepEqual(ctx?.path, ['endpoints', 0, 'timepoints', 0]);
  });
  it('handles zero-indented lists and ignores comments', () => {
    assert.deepEqual(at('arms:\n- id: a\n  |')?.path, ['arms', 0]);
    assert.equal(at('study:\n  # a comment ro|'), undefined);
  });
  it('works on text that is not valid YAML', () => {
    assert.deepEqual(at('study:\n  id: [unclosed\n  ty|')?.path, ['study']);
  });
});

describe('hover', () => {
  it('documents the key under the cursor', () => {
    const info = hoverAt(nurudhin, nurudhin.indexOf('route: intramuscular') + 2);
    assert.match(info?.contents ?? '', /\*\*Route\*\*[\s\S]*How the product was given\./);
    assert.equal(nurudhin.slice(info?.start, info?.end), 'route');
  });
  it('shows the UCUM form of a quantity, and a friendlier magnitude', () => {
    const text = 'arms:\n  - id: a\n    interventions:\n      - dose: 150 uL\n';
    const info = hoverAt(text, text.indexOf('150') + 1);
    assert.match(info?.contents ?? '', /\*\*150 uL\*\* \(microliter/);
    assert.match(info?.contents ?? '', /= 0\.15 mL/);
  });
  it('reads quoted keys and spaces before the colon, as completion does', () => {
    const text = 'arms:\n  - id: a\n    interventions:\n      - "route" : intravenous\n        \'dose\': 150 uL\n';
    const key = hoverAt(text, text.indexOf('route') + 1);
    assert.match(key?.contents ?? '', /How the product was given\./);
    assert.equal(text.slice(key?.start, key?.end), '"route"');
    assert.match(hoverAt(text, text.indexOf('150'))?.contents ?? '', /= 0\.15 mL/);
    const ctx = cursorContext(text, text.indexOf('intravenous') + 3);
    assert.deepEqual([ctx?.kind, ctx?.path], ['value', ['arms', 0, 'interventions', 0, 'route']]);
  });
  it('says nothing outside keys and values, or on an unknown key', () => {
    const text = 'arms:\n  - id: a\n    nonsense: 1\n# a comment: here\n';
    assert.equal(hoverAt(text, text.indexOf('nonsense') + 2), undefined);
    assert.equal(hoverAt(text, text.indexOf('comment') + 2), undefined);
  });
  it('explains a synonym', () => {
    const text = 'arms:\n  - id: a\n    interventions:\n      - dose: 1.5 cc\n';
    assert.match(hoverAt(text, text.indexOf('cc'))?.contents ?? '', /Written `cc`; the UCUM code is `mL`/);
  });
});

describe('outline', () => {
  it('lists sections, arms, endpoints with timepoints, and results', () => {
    const nodes = outline(new ParseCache().parse(nurudhin));
    const arms = nodes.find((n) => n.name === 'arms');
    assert.deepEqual(arms?.children.map((c) => c.name), ['secretome', 'placebo']);
    assert.equal(nurudhin.slice(arms?.children[0]?.selectStart, arms?.children[0]?.selectEnd), 'secretome');
    const endpoints = nodes.find((n) => n.name === 'endpoints');
    assert.deepEqual(endpoints?.children[0]?.children.map((c) => c.name), ['baseline', 'd22', 'd43']);
    assert.match(nodes.find((n) => n.name === 'results')?.children[0]?.name ?? '', /^mex-sledai · secretome vs placebo$/);
    assert.equal(nodes[0]?.kind, 'study');
  });
});

describe('new study templates', () => {
  for (const type of STUDY_TYPES) {
    it(`${type}: validates without errors or warnings`, () => {
      const problems = validate(studyTemplate(type, 'new-study-2026', 'Tester', '2026-11-22')).filter((p) => p.severity !== 'info');
      assert.deepEqual(problems.map((p) => `${p.code}: ${p.message}`), []);
    });
  }
  it('starts a registered protocol as recruiting and every other study as planned, with the given id, curator and date', () => {
    const status = (type: (typeof STUDY_TYPES)[number]) => /\n {2}status: (.*)\n/.exec(studyTemplate(type, 'x', 'T', '2026-11-22'))?.[1];
    assert.deepEqual(STUDY_TYPES.map((t) => [t, status(t)]), STUDY_TYPES.map((t) => [t, t === 'registered protocol' ? 'recruiting' : 'planned']));
    assert.match(studyTemplate('cohort', 'my-id', 'A. Curator', '2026-12-01'), /^study:\n {2}id: my-id\n[\s\S]*\ncuration:\n {2}curator: A\. Curator\n {2}date: 2026-12-01\n {2}status: draft\n/);
  });
});

describe('which files are study annotations', () => {
  it('matches the default globs anywhere, and the modeline', () => {
    assert.ok(matchesAny('a/b/x.study.yaml', DEFAULTS.files));
    assert.ok(matchesAny('x.study.yml', DEFAULTS.files));
    assert.ok(!matchesAny('x.yaml', DEFAULTS.files));
    assert.ok(matchesAny('curation/trial.yaml', ['curation/*.yaml']));
    assert.ok(hasModeline('# study-annotator\nstudy:\n'));
    assert.ok(!hasModeline('study:\n# study-annotator\n'));
  });
});

describe('settings', () => {
  it('normalises hand-edited values', () => {
    const raw: Record<string, unknown> = { files: ['', 3, '*.trial.yaml'], 'validation.debounceMs': -5, 'validation.workspace': 'yes', logLevel: 'loud', curator: '  Ana ' };
    const s = normaliseSettings((k) => raw[k]);
    assert.deepEqual(s.files, ['*.trial.yaml']);
    assert.equal(s.debounceMs, 0);
    assert.equal(s.validateWorkspace, true);
    assert.equal(s.logLevel, 'info');
    assert.equal(s.curator, 'Ana');
    assert.deepEqual(normaliseSettings(() => undefined), DEFAULTS);
  });
});
