// The language configuration's on-enter rules, applied as VS Code applies them (first rule whose
// beforeText matches; `indent` adds one tab size, `none` keeps the line's indentation, then the
// appended text): where Enter leaves the cursor after each kind of line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/studies';

interface Rule {
  beforeText: string;
  action: { indent: 'none' | 'indent'; appendText?: string };
}

const config = JSON.parse(readFileSync(path.join(ROOT, 'media', 'language-configuration.json'), 'utf8')) as { onEnterRules: Rule[] };
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The column (0-based) of the cursor after Enter at the end of `line`, with autoIndent keeping the indentation otherwise. */
function afterEnter(line: string): number {
  const indent = /^\s*/.exec(line)?.[0].length ?? 0;
  const rule = config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line));
  if (!rule) return indent;
  return indent + (rule.action.indent === 'indent' ? 2 : 0) + (rule.action.appendText?.length ?? 0);
}

describe('Enter while typing a study', () => {
  it('after a list item\'s first line, at the item\'s content column', () => {
    assert.equal(afterEnter('  - id: t2'), 4);
    assert.equal(afterEnter('      - product: hpo-cm'), 8);
    assert.equal(afterEnter('  - "id": t2 # quoted key'), 4);
  });
  it('after a key with no value, one level deeper (an item\'s key two deeper than its dash)', () => {
    assert.equal(afterEnter('arms:'), 2);
    assert.equal(afterEnter('    interventions: # the regimen'), 6);
    assert.equal(afterEnter('  - interventions:'), 6);
    assert.equal(afterEnter('    description: |'), 6);
    assert.equal(afterEnter('  - quote: >-'), 6);
  });
  it('after a complete key: value, or a plain list value, where the line began', () => {
    assert.equal(afterEnter('    label: T2'), 4);
    assert.equal(afterEnter('    at: 4 wk # week four'), 4);
    assert.equal(afterEnter('    timepoints: [w4]'), 4);
    assert.equal(afterEnter('    - w4'), 4);
    assert.equal(afterEnter('# a comment:'), 0);
    assert.equal(afterEnter('    title: "Time: 10:30"'), 4);
  });
  it('the rules run: autoIndent is advanced for study files, not keep', () => {
    assert.equal(manifest.contributes.configurationDefaults['[study-yaml]']['editor.autoIndent'], 'advanced');
  });
});
