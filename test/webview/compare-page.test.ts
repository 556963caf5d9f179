// The Compare Trials page in headless Chromium against a fake host: handshake, structure, sort,
// filter, differences only, pin, collapse, keyboard, reveal, hostile strings, state, CSP, themes.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildComparison, ValidationSession, type Comparison } from '../../src/core';
import { EXAMPLES, read, ROOT, studyFiles, trial } from '../helpers/studies';
import { openPage, posted, sendComparison, stored, violations, type PageSession } from './harness';

const OUT = path.join(ROOT, 'test-output');
const examples = (): Comparison => buildComparison(studyFiles(EXAMPLES).map((f) => ({ file: path.basename(f), result: new ValidationSession().run(read(f)) })));
const HOSTILE_TITLE = '<img src=x onerror="document.title=1">';
const hostile = (): Comparison =>
  buildComparison([
    { file: 'hostile.study.yaml', result: new ValidationSession().run(trial((b) => b.replace('  title: Test trial', `  title: '${HOSTILE_TITLE}'`).replace('id: test-trial', 'id: t-evil').replace('  species: Homo sapiens', '  species: "Homo \u202Esapiens\u200B</script>"'))) },
    { file: 'plain.study.yaml', result: new ValidationSession().run(trial()) },
  ]);

const headers = (s: PageSession, table: string) => s.page.locator(`#${table} thead th.trial .trial-id`).allInnerTexts();
const rowCells = (s: PageSession, table: string, label: string) => s.page.locator(`#${table} tbody tr`, { has: s.page.locator('th.row-header', { hasText: label }) }).first().locator('td').allInnerTexts();

describe('the Compare Trials page', { timeout: 120_000 }, () => {
  let s: PageSession;
  before(async () => {
    mkdirSync(OUT, { recursive: true });
    s = await openPage();
  });
  after(async () => s?.close());

  it('says ready first, and draws nothing until the host answers', async () => {
    assert.deepEqual(await posted(s.page), [{ type: 'ready' }]);
    assert.equal(await s.page.locator('#overview table').count(), 0);
    await s.page.evaluate(() => window.postMessage({ type: 'comparison', comparison: 'not one', reason: 'initial' }, '*'));
    await s.page.evaluate(() => window.postMessage({ type: 'evil', html: '<b>x</b>' }, '*'));
    assert.equal(await s.page.locator('#overview table').count(), 0, 'messages that are not the protocol are ignored');
  });

  it('shows one column per trial, rows grouped, cells that lead to their source', async () => {
    await sendComparison(s.page, examples());
    assert.deepEqual(await headers(s, 'overview'), ['beike-2025-sle-ucmsc-phase1-2', 'noor-azlan-2024-msc-secretome-review', 'nurudhin-2025-sle-secretome', 'sari-2025-sepsis-hypoxic-cm', 'wang-2025-knee-oa-ucmsc-exosomes']);
    assert.deepEqual(await rowCells(s, 'overview', 'Study type'), ['randomized controlled trial', 'narrative review', 'randomized controlled trial', 'preclinical in vivo', 'randomized controlled trial']);
    assert.ok((await s.page.locator('#overview tr.group').allInnerTexts()).some((t) => t.includes('design')));
    assert.equal(await s.page.locator('#count').innerText(), '5 trials');
    await s.page.locator('#overview td[data-row="species"][data-trial="sari-2025-sepsis-hypoxic-cm"]').click();
    const reveal = (await posted(s.page)).at(-1) as { type: string; file: string; start: number; end: number };
    assert.equal(reveal.type, 'reveal');
    assert.equal(reveal.file, 'sari-2025-sepsis-hypoxic-cm.study.yaml');
    assert.equal(read(path.join(EXAMPLES, reveal.file)).slice(reveal.start, reveal.end), 'Rattus norvegicus');
    await s.page.screenshot({ path: path.join(OUT, 'compare-overview-dark.png') });
  });

  it('sorts the trials by a row (aria-sort says how), and again in reverse', async () => {
    await s.page.locator('#overview th.row-header', { hasText: 'Study type' }).locator('button').click();
    assert.deepEqual(await rowCells(s, 'overview', 'Study type'), ['narrative review', 'preclinical in vivo', 'randomized controlled trial', 'randomized controlled trial', 'randomized controlled trial']);
    assert.equal(await s.page.locator('#overview th.row-header', { hasText: 'Study type' }).getAttribute('aria-sort'), 'ascending');
    await s.page.locator('#overview th.row-header', { hasText: 'Study type' }).locator('button').click();
    assert.equal((await rowCells(s, 'overview', 'Study type'))[0], 'randomized controlled trial');
    assert.equal(await s.page.locator('#overview th.row-header', { hasText: 'Study type' }).getAttribute('aria-sort'), 'descending');
    assert.deepEqual((await stored(s.page) as { sort: unknown }).sort, { row: 'type', descending: true });
  });

  it('filters trials by any text, shows differences only, pins a reference trial and collapses a group', async () => {
    await s.page.locator('#filter input').fill('lupus');
    assert.deepEqual(await headers(s, 'overview'), ['beike-2025-sle-ucmsc-phase1-2', 'nurudhin-2025-sle-secretome'], 'two randomized trials: the sort keeps their order');
    assert.equal((await stored(s.page) as { filter: string }).filter, 'lupus');
    await s.page.locator('#differences').click();
    const labels = await s.page.locator('#overview th.row-header').allInnerTexts();
    assert.ok(!labels.some((l) => l.startsWith('Condition')), 'both have the same condition: not a difference');
    assert.ok(labels.some((l) => l.startsWith('Study type') || l.startsWith('Status')));
    await s.page.locator('#differences').click();
    await s.page.locator('#overview thead th.trial', { hasText: 'beike' }).locator('button.pin').click();
    assert.deepEqual(await headers(s, 'overview'), ['beike-2025-sle-ucmsc-phase1-2', 'nurudhin-2025-sle-secretome']);
    assert.equal(await s.page.locator('#overview td.differs[data-row="status"]').count(), 1, 'cells differing from the pinned trial are marked');
    await s.page.locator('#overview tr.group button', { hasText: 'design' }).click();
    assert.equal(await s.page.locator('#overview tr.group button', { hasText: 'design' }).getAttribute('aria-expanded'), 'false');
    assert.equal(await s.page.locator('#overview td[data-row="type"]').count(), 0);
    await s.page.locator('#overview tr.group button', { hasText: 'design' }).click();
    await s.page.locator('#filter input').fill('');
    await s.page.locator('#overview thead th.trial', { hasText: 'beike' }).locator('button.pin').click();
  });

  it('filters trials by condition, study type and product kind, each from the values the trials have', async () => {
    const choose = async (id: string, value: string) => {
      await s.page.locator(id).click();
      await s.page.locator(id).getByRole('option', { name: value, exact: true }).last().click(); // the list the select draws, not its source options
    };
    await choose('#facet-type', 'randomized controlled trial');
    assert.deepEqual((await headers(s, 'overview')).length, 3);
    await choose('#facet-product-kind', 'exosomes');
    assert.deepEqual(await headers(s, 'overview'), ['wang-2025-knee-oa-ucmsc-exosomes']);
    assert.deepEqual((await stored(s.page) as { facets: unknown }).facets, { type: 'randomized controlled trial', 'product-kind': 'exosomes' });
    await choose('#facet-product-kind', 'Any product kind');
    await choose('#facet-type', 'Any study type');
    assert.deepEqual((await headers(s, 'overview')).length, 5);
  });

  it('moves through the table with the keyboard and reveals with Enter', async () => {
    const first = s.page.locator('#overview tbody [tabindex="0"]');
    assert.equal(await first.count(), 1, 'one cell in the tab order');
    await first.focus();
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowRight');
    const focused = () => s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.row ?? document.activeElement?.textContent);
    assert.equal(await focused(), 'type');
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('Enter');
    const reveal = (await posted(s.page)).at(-1) as { type: string; file: string };
    assert.deepEqual([reveal.type, reveal.file.replace(/\.study\.yaml$/, '')], ['reveal', (await headers(s, 'overview'))[1]]);
    await s.page.keyboard.press('Home');
    assert.match((await focused()) ?? '', /Study type/);
  });

  it('a live update of the same trials rewrites the changed cells in place: the focused cell keeps the focus', async () => {
    const t = await openPage();
    try {
      const files = studyFiles(EXAMPLES).map((f) => ({ file: path.basename(f), text: read(f) }));
      const build = (edit: (name: string, text: string) => string) => buildComparison(files.map(({ file, text }) => ({ file, result: new ValidationSession().run(edit(file, text)) })));
      await sendComparison(t.page, build((_, x) => x));
      const species = t.page.locator('#overview td[data-row="species"][data-trial="sari-2025-sepsis-hypoxic-cm"]');
      await species.focus();
      await species.evaluate((td) => ((td as HTMLElement & { mark?: number }).mark = 1));
      await sendComparison(t.page, build((f, x) => (f.startsWith('sari') ? x.replace('species: Rattus norvegicus', 'species: Mus musculus') : x)), 'update');
      assert.equal(await species.innerText(), 'Mus musculus');
      assert.equal(await species.evaluate((td) => (td as HTMLElement & { mark?: number }).mark), 1, 'the same cell, patched');
      assert.equal(await t.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.trial), 'sari-2025-sepsis-hypoxic-cm', 'the focus stayed');
      assert.match((await species.getAttribute('class')) ?? '', /\bdiffers\b/, 'still marked as differing from the other trials');
      await species.click();
      const reveal = (await posted(t.page)).at(-1) as { file: string; start: number; end: number };
      const text = files.find((f) => f.file.startsWith('sari'))?.text.replace('species: Rattus norvegicus', 'species: Mus musculus') ?? '';
      assert.equal(text.slice(reveal.start, reveal.end), 'Mus musculus', 'a patched cell leads to its new source');
      // Another trial (a new column): drawn anew.
      const fewer = buildComparison(files.slice(1).map(({ file, text: x }) => ({ file, result: new ValidationSession().run(x) })));
      await sendComparison(t.page, fewer, 'update');
      assert.equal(await t.page.locator('#overview thead th.trial').count(), 4);
      assert.equal(await t.page.locator('#overview td[data-row="species"][data-trial="sari-2025-sepsis-hypoxic-cm"]').evaluate((td) => (td as HTMLElement & { mark?: number }).mark), undefined, 'drawn anew');
    } finally {
      await t.close();
    }
  });

  it('keeps its state through a new page load: tab, sort, filter (getState)', async () => {
    const state = { files: [], tab: 'endpoints', sort: { row: 'type', descending: false }, filter: 'sepsis', differencesOnly: false, collapsed: [], scroll: { x: 0, y: 0 } };
    const again = await openPage({ state });
    try {
      await sendComparison(again.page, examples());
      assert.deepEqual(await headers(again, 'endpoints'), ['sari-2025-sepsis-hypoxic-cm']);
      assert.equal(await again.page.locator('#overview table').count(), 0, 'a tab not shown is drawn when it is shown');
      assert.equal(await again.page.locator('#filter input').inputValue(), 'sepsis');
      assert.equal(await again.page.locator('#tabs').getAttribute('selected-index'), '1');
      assert.ok(await again.page.locator('#endpoints table').isVisible(), 'the endpoints tab is shown');
      assert.deepEqual(((await stored(again.page)) as { files: string[] }).files.length, 5, 'the files are kept for the serializer');
    } finally {
      await again.close();
    }
  });

  it('shows hostile strings as text, and the CSP reports no violation', async () => {
    const h = await openPage();
    try {
      await sendComparison(h.page, hostile());
      assert.equal(await h.page.locator('img').count(), 0);
      assert.notEqual(await h.page.title(), '1');
      const title = await h.page.locator('#overview thead th.trial').first().getAttribute('title');
      assert.ok(title?.startsWith(HOSTILE_TITLE));
      assert.equal((await rowCells(h, 'overview', 'Species'))[0], 'Homo \u202Esapiens\u200B</script>');
      assert.deepEqual(await violations(h.page), []);
      assert.deepEqual(await violations(s.page), [], 'nor on the page used by the tests above');
    } finally {
      await h.close();
    }
  });
});

describe('the Compare Trials page in each theme', { timeout: 120_000 }, () => {
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`${theme}: renders and keeps focus visible`, async () => {
      const t = await openPage({ theme });
      try {
        await sendComparison(t.page, examples());
        await t.page.locator('#overview tbody [tabindex="0"]').focus();
        await t.page.keyboard.press('ArrowDown');
        const outline = await t.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
        assert.notEqual(outline, 'none');
        await t.page.screenshot({ path: path.join(OUT, `compare-${theme}.png`) });
        await t.page.locator('vscode-tab-header', { hasText: 'Charts' }).click();
        assert.ok((await t.page.locator('#charts figure').count()) >= 3, 'a dose chart per unit and the follow-up timeline');
        assert.ok((await t.page.locator('#charts .mark.timepoint').count()) >= 5, 'the timepoints with a time');
        await t.page.screenshot({ path: path.join(OUT, `compare-charts-${theme}.png`) });
        assert.deepEqual(await violations(t.page), []);
      } finally {
        await t.close();
      }
    });
  }
});
