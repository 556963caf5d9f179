// Which quick fixes each invalid example is offered (title, preferred, snippet), and that a
// byte-order mark before the text moves every fix's edits by one character and changes nothing
// else: each fix kind adds the mark's shift itself, so each is checked here.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, quickFixes, ValidationSession, type QuickFix } from '../../src/core';
import { INVALID, read, studyFiles } from '../helpers/studies';

const ack = (code: string, at: string) => `${code}: Acknowledge \`${code}\` on ${at} (with a reason to complete)`;
const CATALOGUE: Record<string, string[]> = {
  'count-exceeds-enrolled': [ack('count-exceeds-enrolled', 'population.counts.enrolled')],
  'count-exceeds-randomized': [ack('count-exceeds-randomized', 'population.counts.randomized')],
  'dose-kind-mismatch': [ack('dose-kind-mismatch', 'arms.treated.interventions.0.dose')],
  'dose-per-unit': [ack('dose-per-unit', 'arms.treated.interventions.0.dose')],
  'dose-spread': [ack('dose-spread', 'arms.treated.interventions.1.dose')],
  'endpoint-missing-result': ['endpoint-missing-result: Mark the endpoint not_reported (with a reason to complete)', 'endpoint-missing-result: Add a result for `response` (each arm at each timepoint) (snippet)'],
  'endpoint-no-timepoint': ['endpoint-no-timepoint: Assess `response` at timepoint `w4` (snippet)', ack('endpoint-no-timepoint', 'endpoints.response')],
  'field-path-unresolved': [ack('field-path-unresolved', 'evidence.0.field')],
  'profile-endpoint-missing': ['Disease activity index', 'Complement C3', 'Complement C4', 'Anti-dsDNA'].map((n) => `profile-endpoint-missing: Add the endpoint the outcome set expects: ${n} (snippet)`),
  'quantity-range-ambiguous': [ack('quantity-range-ambiguous', 'arms.treated.interventions.0.dose')],
  'quantity-range-reversed': ['quantity-range-reversed: Swap the bounds: `3-5 10*6{cells}/kg` (preferred)'],
  'ref-timepoint-not-assessed': [ack('ref-timepoint-not-assessed', 'results.0.timepoint')],
  'ref-unresolved': ['ref-unresolved: Change to `cells` (preferred)', 'ref-unresolved: Declare product `cell` under `products` (snippet)'],
  'regimen-duration-short': [ack('regimen-duration-short', 'arms.treated.interventions.0.duration')],
  'regimen-once-repeated': [ack('regimen-once-repeated', 'arms.treated.interventions.0.doses')],
  'registry-id-form': ['registry-id-form: Set the registry to `IRCT` (preferred)'],
  'result-direction-contradiction': [ack('result-direction-contradiction', 'results.0.value')],
  'result-fraction-mismatch': [ack('result-fraction-mismatch', 'results.0.value')],
  'result-n-exceeds-arm': [ack('result-n-exceeds-arm', 'results.0.n')],
  'result-significance-contradiction': [ack('result-significance-contradiction', 'results.0.significant')],
  'safety-endpoint-missing': ['safety-endpoint-missing: Add an adverse-events endpoint (priority: safety) (snippet)', ack('safety-endpoint-missing', 'endpoints')],
  'schema-enum': ['schema-enum: Change to `intravenous` (preferred)'],
  'schema-unknown-property': ['schema-unknown-property: Rename to `route` (preferred)'],
  'unit-annotation-mismatch': [ack('unit-annotation-mismatch', 'arms.high.interventions.0.dose')],
  'unit-incommensurable': [ack('unit-incommensurable', 'timepoints.w4.at')],
  'unit-synonym': ['unit-synonym: Write the UCUM code `wk` (preferred)'],
  'yaml-indentation': ['yaml-indentation: Indent `label` to column 5, with its siblings (preferred)'],
  'yaml-warning': [ack('yaml-warning', 'study.title')],
};

const name = (file: string) => path.basename(file, '.study.yaml');
function offered(text: string): { code: string; message: string; fix: QuickFix }[] {
  const result = new ValidationSession().run(text);
  return result.problems.flatMap((p) => quickFixes(p, result).map((fix) => ({ code: p.code, message: p.message, fix })));
}
const describeFix = ({ code, fix }: { code: string; fix: QuickFix }) => `${code}: ${fix.title}${fix.preferred ? ' (preferred)' : ''}${fix.snippet ? ' (snippet)' : ''}`;

/** A flow-style endpoint, so that not_reported goes before its brace. */
function flowEndpoint(t: string): string {
  const out = t.replace(/^ {2}- id: response[^\n]*\n((?: {4}[^\n]*\n)+)/m, (_m, body: string) => `  - {id: response, ${body.trim().split('\n').map((l) => l.trim()).join(', ')}}\n`);
  assert.notEqual(out, t);
  return out;
}

describe('the fixes each invalid example is offered', () => {
  for (const file of studyFiles(INVALID)) {
    it(name(file), () => {
      assert.deepEqual(offered(read(file)).map(describeFix), CATALOGUE[name(file)] ?? []);
    });
  }
});

describe('after a byte-order mark, every fix is the same, one character later', () => {
  // The value on the problem's line quoted too: a fix that keeps the quotes reads them at the problem's offsets.
  const quoted = (t: string) => t.replace(/^(\s+(?:- )?[a-z_]+: )([^#\n"'{[][^#\n"']*?)(\s+# problem)/m, '$1"$2"$3');
  const texts = [
    ...studyFiles(INVALID).map((f) => [name(f), read(f)] as const),
    ...['schema-enum', 'registry-id-form', 'quantity-range-reversed', 'ref-unresolved'].map((n) => [`${n}, quoted`, quoted(read(path.join(INVALID, `${n}.study.yaml`)))] as const),
    ['flow endpoint', flowEndpoint(read(path.join(INVALID, 'endpoint-missing-result.study.yaml')))] as const,
  ];
  it('the quoted values are quoted, and keep their quotes when fixed', () => {
    for (const [label, text] of texts.filter(([l]) => l.endsWith(', quoted'))) {
      const fix = offered(text).find((o) => o.fix.preferred);
      assert.ok(fix, label);
      assert.match(fix.fix.edits[0]?.newText ?? '', /^".*"$/, label);
    }
  });
  it('the flow endpoint gets its not_reported before the brace', () => {
    const text = texts.at(-1)?.[1] ?? '';
    const mark = offered(text).find((o) => o.fix.title.startsWith('Mark the endpoint'));
    assert.ok(mark);
    assert.match(applyEdits(text, mark.fix.edits), /- \{id: response, [^\n]*, not_reported: \{reason: /);
  });
  for (const [label, text] of texts) {
    it(label, () => {
      const plain = offered(text);
      const marked = offered(`\ufeff${text}`);
      assert.deepEqual(marked.map(describeFix), plain.map(describeFix));
      plain.forEach((o, i) => {
        const m = marked[i];
        assert.ok(m);
        assert.deepEqual(m.fix.edits, o.fix.edits.map((e) => ({ ...e, start: e.start + 1, end: e.end + 1 })), o.fix.title);
        assert.equal(applyEdits(`\ufeff${text}`, m.fix.edits), `\ufeff${applyEdits(text, o.fix.edits)}`);
      });
    });
  }
});
