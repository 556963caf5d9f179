// The Reconcile Extractions page in headless Chromium against a fake host: handshake, the
// differences grouped by section with both values and quotes, take left, take right, edit,
// unsettle, next difference, keyboard, reveal, resume from recorded decisions and stored state,
// hostile strings, what the host says after saving, CSP, and the three themes.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { comparePair, ValidationSession } from '../../src/core';
import type { Decision } from '../../src/core/agree/consensus';
import type { ReconcileHostMessage, ReconcileView } from '../../src/shared/protocol';
import { EXAMPLES, read, ROOT, trial } from '../helpers/studies';
import { openPage, posted, stored, violations, type PageSession } from './harness';

const OUT = path.join(ROOT, 'test-output');
const A = 'extractions/curator-a/nurudhin-2025-sle-secretome.study.yaml';
const B = 'extractions/curator-b/nurudhin-2025-sle-secretome.study.yaml';
const input = (file: string, text: string) => ({ file, result: new ValidationSession().run(text) });

function viewOf(left: { file: string; text: string }, right: { file: string; text: string }, decisions: Record<string, Decision> = {}): ReconcileView {
  const pair = comparePair(input(left.file, left.text), input(right.file, right.text));
  return { id: pair.id, left: pair.left, right: pair.right, differences: pair.differences, agreement: pair.agreement, decisions, consensus: 'examples/nurudhin.consensus.study.yaml', consensusExists: Object.keys(decisions).length > 0 };
}
const examplePair = (decisions: Record<string, Decision> = {}) => viewOf({ file: A, text: read(path.join(EXAMPLES, A)) }, { file: B, text: read(path.join(EXAMPLES, B)) }, decisions);

async function send(page: Page, message: ReconcileHostMessage): Promise<void> {
  // The page counts what it handled: a pair drawn (renders), a save reported (saves).
  const counter = message.type === 'pair' ? 'renders' : 'saves';
  const before = await page.evaluate((c) => Number(document.body.dataset[c] ?? 0), counter);
  await page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
  await page.waitForFunction(([c, n]) => Number(document.body.dataset[c as string] ?? 0) > (n as number), [counter, before] as const);
}
const rowOf = (s: PageSession, id: string) => s.page.locator(`tr.difference[data-id="${id}"]`);
const lastPosted = async (s: PageSession) => (await posted(s.page)).at(-1);
const focusedId = (s: PageSession) => s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id);

describe('the Reconcile Extractions page', { timeout: 120_000 }, () => {
  let s: PageSession;
  before(async () => {
    mkdirSync(OUT, { recursive: true });
    s = await openPage({ kind: 'reconcile' });
  });
  after(async () => s?.close());

  it('says ready first, and draws nothing until the host sends a pair', async () => {
    assert.deepEqual(await posted(s.page), [{ type: 'ready' }]);
    await s.page.evaluate(() => window.postMessage({ type: 'pair', view: 'not one', reason: 'initial' }, '*'));
    await s.page.evaluate(() => window.postMessage({ type: 'saved', consensus: 1 }, '*'));
    assert.equal(await s.page.locator('tr.difference').count(), 0, 'messages that are not the protocol are ignored');
    assert.equal(await s.page.locator('#saved').innerText(), '');
  });

  it('shows each difference once, grouped by section, with both values, their quotes, progress and agreement', async () => {
    await send(s.page, { type: 'pair', view: examplePair(), reason: 'initial' });
    assert.deepEqual(await s.page.locator('tr.difference').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id)), ['design.masking.masked', 'population.severity', 'results.1.timepoint', 'results.5.direction']);
    assert.deepEqual(await s.page.locator('tr.group').allInnerTexts(), ['design · 3 of 4 fields agree', 'population · 6 of 7 fields agree', 'results · 28 of 30 fields agree']);
    assert.deepEqual(await rowOf(s, 'results.5.direction').locator('td.side .value').allInnerTexts(), ['decrease', 'no change']);
    assert.match(await rowOf(s, 'results.5.direction').locator('td.left .quote').innerText(), /^Anti-dsDNA levels exhibited a decreasing trend/);
    assert.equal(await rowOf(s, 'design.masking.masked').locator('td.left').innerText(), '(none)');
    assert.equal(await s.page.locator('#progress').innerText(), '0 of 4 settled');
    assert.equal(await s.page.locator('#title').innerText(), 'nurudhin-2025-sle-secretome: A. Rahman and B. Santoso');
    assert.equal(await s.page.locator('#agreement').innerText(), "Agreement 96.6% of 116 fields · Cohen's κ 0.92 over 14 categorical fields");
    assert.equal(await s.page.locator('#saved').innerText(), 'The consensus will be written to examples/nurudhin.consensus.study.yaml.');
    await s.page.screenshot({ path: path.join(OUT, 'reconcile-dark.png') });
  });

  it('take left: the decision goes to the host, the row says whose value, the focus moves to the next unsettled', async () => {
    await rowOf(s, 'design.masking.masked').locator('[data-action="left"]').click();
    assert.deepEqual(await lastPosted(s), { type: 'decide', id: 'design.masking.masked', decision: { taken: 'left' } });
    assert.equal(await rowOf(s, 'design.masking.masked').locator('.status').innerText(), 'Took left (A. Rahman)');
    assert.equal(await rowOf(s, 'design.masking.masked').locator('[data-action="left"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await s.page.locator('#progress').innerText(), '1 of 4 settled');
    assert.equal(await focusedId(s), 'population.severity');
    assert.equal((await stored(s.page) as { current: string }).current, 'population.severity');
  });

  it('keys: 2 takes right, N goes to the next unsettled, arrows move, U unsettles', async () => {
    await s.page.keyboard.press('2');
    assert.deepEqual(await lastPosted(s), { type: 'decide', id: 'population.severity', decision: { taken: 'right' } });
    assert.equal(await rowOf(s, 'population.severity').locator('.status').innerText(), 'Took right (B. Santoso)');
    assert.equal(await focusedId(s), 'results.1.timepoint');
    await s.page.keyboard.press('n');
    assert.equal(await focusedId(s), 'results.5.direction', 'N skips to the next unsettled');
    await s.page.keyboard.press('n');
    assert.equal(await focusedId(s), 'results.1.timepoint', 'and wraps round');
    await s.page.keyboard.press('ArrowUp');
    assert.equal(await focusedId(s), 'population.severity');
    await s.page.keyboard.press('u');
    assert.deepEqual(await lastPosted(s), { type: 'decide', id: 'population.severity', decision: null });
    assert.equal(await rowOf(s, 'population.severity').locator('.status').innerText(), 'Unsettled');
    assert.equal(await s.page.locator('#progress').innerText(), '1 of 4 settled');
    assert.equal(await focusedId(s), 'population.severity', 'unsettling keeps the focus');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    assert.equal(await focusedId(s), 'results.5.direction', 'the last row stops the arrows');
    assert.equal(await s.page.locator('tr.difference[tabindex="0"]').count(), 1, 'one row in the tab order (roving tab index)');
  });

  it('edit: E opens the value, Escape cancels, Enter keeps the new value', async () => {
    await s.page.keyboard.press('e');
    const field = rowOf(s, 'results.5.direction').locator('input.edit');
    await field.waitFor();
    assert.equal(await field.inputValue(), 'decrease');
    assert.equal(await s.page.evaluate(() => document.activeElement?.className), 'edit', 'the input has the focus at once');
    await s.page.keyboard.type('nu'); // N and U are shortcuts on a row: here they are text
    assert.equal(await field.inputValue(), 'nu', 'typed over the selected value');
    await s.page.keyboard.press('Escape');
    assert.equal(await rowOf(s, 'results.5.direction').locator('input.edit').count(), 0);
    assert.equal(await focusedId(s), 'results.5.direction');
    const before = (await posted(s.page)).length;
    await s.page.keyboard.press('e');
    await field.waitFor();
    await s.page.keyboard.press('Backspace');
    await s.page.keyboard.press('Enter');
    assert.equal((await posted(s.page)).length, before, 'an empty value is not kept');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await s.page.keyboard.type('decrease (not significant)');
    await s.page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(s), { type: 'decide', id: 'results.5.direction', decision: { taken: 'edited', value: 'decrease (not significant)' } });
    assert.equal(await rowOf(s, 'results.5.direction').locator('.status').innerText(), 'Edited: decrease (not significant)');
    assert.equal(await s.page.locator('#progress').innerText(), '2 of 4 settled');
  });

  it('the Next difference button and a click on a value: focus, and a reveal of that side in its file', async () => {
    assert.equal(await focusedId(s), 'population.severity', 'the edit kept, the focus went on to the next unsettled');
    await s.page.locator('#next').click();
    assert.equal(await focusedId(s), 'results.1.timepoint');
    await rowOf(s, 'results.5.direction').locator('td.right button.value').click();
    const reveal = (await lastPosted(s)) as { type: string; file: string; start: number; end: number };
    assert.equal(reveal.type, 'reveal');
    assert.equal(reveal.file, B);
    assert.equal(read(path.join(EXAMPLES, B)).slice(reveal.start, reveal.end), 'no change');
    await rowOf(s, 'results.5.direction').focus();
    await s.page.keyboard.press('Enter');
    const left = (await lastPosted(s)) as { file: string; start: number; end: number };
    assert.equal(read(path.join(EXAMPLES, A)).slice(left.start, left.end), 'decrease', 'Enter on a row shows the left value');
  });

  it('after saving: where, how many settled, errors of the consensus, and refused edits undone', async () => {
    await send(s.page, { type: 'saved', consensus: 'examples/nurudhin.consensus.study.yaml', settled: 2, refused: [], errors: 0 });
    assert.equal(await s.page.locator('#saved').innerText(), 'Saved to examples/nurudhin.consensus.study.yaml: 2 settled.');
    await send(s.page, { type: 'saved', consensus: 'c.yaml', settled: 1, refused: [{ id: 'results.5.direction', reason: 'Flow sequence not closed' }], errors: 1 });
    await s.page.waitForFunction(() => document.getElementById('progress')?.textContent === '1 of 4 settled');
    assert.equal(await s.page.locator('#saved').innerText(), 'Saved to c.yaml: 1 settled. The consensus has 1 error; open it to see them. Not written: results.5.direction (Flow sequence not closed).');
    assert.equal(await rowOf(s, 'results.5.direction').locator('.status').innerText(), 'Unsettled');
  });

  it('no CSP violation', async () => {
    assert.deepEqual(await violations(s.page), []);
  });
});

describe('the Reconcile page resumed and under hostile input', { timeout: 120_000 }, () => {
  it('a half-settled pair resumes: its decisions shown, progress counted, the stored difference focused', async () => {
    const t = await openPage({ kind: 'reconcile', state: { left: 'a', right: 'b', current: 'results.5.direction', scrollY: 0 } });
    try {
      await send(t.page, { type: 'pair', view: examplePair({ 'design.masking.masked': { taken: 'left' }, 'population.severity': { taken: 'edited', value: 'moderate (SLEDAI 6-12)' } }), reason: 'initial' });
      assert.equal(await t.page.locator('#progress').innerText(), '2 of 4 settled');
      assert.equal(await t.page.locator('#saved').innerText(), 'Resumed from examples/nurudhin.consensus.study.yaml: 2 settled.');
      assert.equal(await rowOf(t, 'population.severity').locator('.status').innerText(), 'Edited: moderate (SLEDAI 6-12)');
      assert.equal(await t.page.locator('tr.difference[tabindex="0"]').getAttribute('data-id'), 'results.5.direction');
      assert.deepEqual(await posted(t.page), [{ type: 'ready' }], 'resuming decides nothing');
      // Without a stored place, the first difference still to settle has the tab stop.
      const fresh = await openPage({ kind: 'reconcile' });
      try {
        await send(fresh.page, { type: 'pair', view: examplePair({ 'design.masking.masked': { taken: 'left' } }), reason: 'initial' });
        assert.equal(await fresh.page.locator('tr.difference[tabindex="0"]').getAttribute('data-id'), 'population.severity');
      } finally {
        await fresh.close();
      }
    } finally {
      await t.close();
    }
  });
  it('values and quotes are text, never HTML', async () => {
    const t = await openPage({ kind: 'reconcile' });
    try {
      const evil = '<img src=x onerror="document.title=1">';
      const left = trial((b) => b.replace('title: Test trial', `title: '${evil}'`));
      const right = trial((b) => b.replace('curator: Test', 'curator: "</script><b>B</b>"').replace('title: Test trial', 'title: "\u202Eevil\u200B"'));
      await send(t.page, { type: 'pair', view: viewOf({ file: 'l.study.yaml', text: left }, { file: 'r.study.yaml', text: right }), reason: 'initial' });
      assert.equal(await rowOf(t, 'study.title').locator('td.left .value').innerText(), evil);
      assert.equal(await t.page.locator('img').count(), 0);
      assert.equal(await t.page.locator('#content b, #title b').count(), 0);
      assert.match(await t.page.locator('#title').innerText(), /<\/script><b>B<\/b>/);
      assert.notEqual(await t.page.title(), '1');
      assert.deepEqual(await violations(t.page), []);
    } finally {
      await t.close();
    }
  });
  it('two extractions that agree: nothing to settle', async () => {
    const t = await openPage({ kind: 'reconcile' });
    try {
      await send(t.page, { type: 'pair', view: viewOf({ file: 'l', text: trial() }, { file: 'r', text: trial((b) => b.replace('curator: Test', 'curator: B')) }), reason: 'initial' });
      assert.equal(await t.page.locator('#content').innerText(), 'The two extractions agree on every field: nothing to settle.');
      assert.equal(await t.page.locator('#progress').innerText(), '0 of 0 settled');
    } finally {
      await t.close();
    }
  });
});

describe('the Reconcile page in each theme', { timeout: 120_000 }, () => {
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`${theme}: drawn with the theme's colours, focus visible`, async () => {
      const t = await openPage({ kind: 'reconcile', theme });
      try {
        await send(t.page, { type: 'pair', view: examplePair({ 'design.masking.masked': { taken: 'left' } }), reason: 'initial' });
        await rowOf(t, 'population.severity').focus();
        const outline = await rowOf(t, 'population.severity').evaluate((r) => getComputedStyle(r).outlineStyle);
        assert.equal(outline, 'solid');
        await t.page.screenshot({ path: path.join(OUT, `reconcile-${theme}.png`) });
      } finally {
        await t.close();
      }
    });
  }
});
