/**
 * A full reconciliation in a real editor (code-server + Chromium): a seed example and a
 * deliberately altered copy by another curator; the pair is told in the Problems panel, the
 * command opens the panel, every difference is settled (one taken from the left, one edited), the
 * consensus is written beside them and validates clean, the two extractions are untouched, a
 * value reveals its line, the panel reopened resumes with everything settled, and a window
 * reload brings it back on the same pair.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { validate } from '../../src/core';
import { packageExtension } from '../../src/dev/code-server';
import { EXAMPLES } from '../helpers/studies';
import { closeTab, openWorkbench, problemRows, runCommand, showProblems, shot, step, waitFor, type Session } from './workbench';

const SEED = readFileSync(path.join(EXAMPLES, 'sari-2025-sepsis-hypoxic-cm.study.yaml'), 'utf8');
const LEFT = SEED.replace('curator: Study Annotator team', 'curator: A. Curator');
/** The other curator's reading: the first dose written in mL (the same amount), the sex left out, a route read, IL-4 read the other way. */
const RIGHT = LEFT.replace('curator: A. Curator', 'curator: B. Curator')
  .replace('dose: { value: 150, unit: uL, as_reported: 150 µL }', 'dose: 0.15 mL')
  .replace('  sex: male\n', '')
  .replace('        route: not reported\n', '        route: intraperitoneal\n');
const ROUTE_LINE = RIGHT.split('\n').findIndex((l) => l.includes('route: intraperitoneal')) + 1;

describe('Reconcile Extractions in a real VS Code', { timeout: 600_000 }, () => {
  let s: Session;
  let workspace: string;
  const panel = (): FrameLocator => s.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const consensus = () => path.join(workspace, 'sari-2025-sepsis-hypoxic-cm.consensus.study.yaml');

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'sa-reconcile-'));
    for (const [dir, text] of [['curator-a', LEFT], ['curator-b', RIGHT]] as const) {
      mkdirSync(path.join(workspace, dir));
      writeFileSync(path.join(workspace, dir, 'sari.study.yaml'), text);
    }
    s = await openWorkbench(workspace, packageExtension());
  });
  after(async () => {
    await s?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('the Problems panel tells the pair apart from a duplicate', () =>
    step(s.page, 'reconcile-1-pair-told', async () => {
      await showProblems(s.page);
      const rows = await waitFor('study-extraction-pair in both files', async () => {
        const all = (await problemRows(s.page)).filter((r) => r.includes('study-extraction-pair'));
        return all.length >= 2 ? all : undefined;
      }, 30_000);
      assert.ok(rows.some((r) => r.includes('curator-b/sari.study.yaml is another extraction of `sari-2025-sepsis-hypoxic-cm` by a different curator')), rows.join('\n'));
      assert.ok(!(await problemRows(s.page)).some((r) => r.includes('study-id-duplicate')));
    }));

  it('the command opens the one pair: two differences (the dose in mL is the same amount), nothing settled', () =>
    step(s.page, 'reconcile-2-open', async () => {
      await runCommand(s.page, 'Study Annotator: Reconcile Extractions');
      await panel().locator('tr.difference').first().waitFor({ timeout: 30_000 });
      const ids = await panel().locator('tr.difference').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
      assert.deepEqual(ids, ['population.sex', 'arms.t1.interventions.0.route']);
      assert.equal(await panel().locator('#progress').innerText(), '0 of 2 settled');
      await shot(s.page, 'reconcile-in-editor');
    }));

  it('a value reveals its line in its file', () =>
    step(s.page, 'reconcile-3-reveal', async () => {
      await panel().locator('tr.difference[data-id="arms.t1.interventions.0.route"] td.right button.value').click();
      await s.page.locator('.tab.active', { hasText: 'sari.study.yaml' }).waitFor();
      await s.page.locator('.statusbar-item', { hasText: `Ln ${ROUTE_LINE},` }).first().waitFor();
    }));

  it('settling every difference writes the consensus: clean, the originals untouched', () =>
    step(s.page, 'reconcile-4-settle', async () => {
      await s.page.locator('.tab', { hasText: 'Reconcile' }).first().click();
      await panel().locator('tr.difference[data-id="population.sex"] [data-action="left"]').click();
      await waitFor('the consensus file', async () => existsSync(consensus()), 10_000);
      const route = panel().locator('tr.difference[data-id="arms.t1.interventions.0.route"]');
      await route.focus();
      await route.press('e');
      await route.locator('input.edit').waitFor();
      await s.page.keyboard.type('intraperitoneal'); // the value is selected: typing replaces it
      await s.page.keyboard.press('Enter');
      await waitFor('both settled', async () => (await panel().locator('#progress').innerText()) === '2 of 2 settled');
      const text = await waitFor('the edit written', async () => {
        const t = readFileSync(consensus(), 'utf8');
        return t.includes('taken: edited') ? t : undefined;
      }, 10_000);
      assert.deepEqual(validate(text).filter((p) => p.severity !== 'info').map((p) => p.code), [], 'no errors or warnings (the seed keeps its own info)');
      assert.match(text, /\n {2}sex: male\n/);
      assert.match(text, /route: intraperitoneal\n/);
      assert.match(text, /\n {2}extractions:\n {4}- file: curator-a\/sari\.study\.yaml\n {6}curator: A\. Curator\n/);
      assert.match(text, /- field: population\.sex\n {6}taken: left\n {6}curator: A\. Curator\n/);
      assert.equal(readFileSync(path.join(workspace, 'curator-a', 'sari.study.yaml'), 'utf8'), LEFT);
      assert.equal(readFileSync(path.join(workspace, 'curator-b', 'sari.study.yaml'), 'utf8'), RIGHT);
      assert.match(await panel().locator('#saved').innerText(), /^Saved to sari-2025-sepsis-hypoxic-cm\.consensus\.study\.yaml: 2 settled\.$/);
    }));

  it('reopened, the panel resumes from the consensus', () =>
    step(s.page, 'reconcile-5-resume', async () => {
      await closeTab(s.page, 'Reconcile');
      await runCommand(s.page, 'Study Annotator: Reconcile Extractions');
      await panel().locator('tr.difference').first().waitFor({ timeout: 30_000 });
      await waitFor('resumed', async () => (await panel().locator('#progress').innerText()) === '2 of 2 settled');
      assert.match(await panel().locator('#saved').innerText(), /^Resumed from sari-2025-sepsis-hypoxic-cm\.consensus\.study\.yaml: 2 settled\.$/);
      assert.equal(await panel().locator('tr.difference[data-id="arms.t1.interventions.0.route"] .status').innerText(), 'Edited: intraperitoneal');
    }));

  it('comes back after a window reload, on the same pair', () =>
    step(s.page, 'reconcile-6-reload', async () => {
      await runCommand(s.page, 'Developer: Reload Window');
      await s.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
      await panel().locator('tr.difference').first().waitFor({ timeout: 60_000 });
      await waitFor('the pair restored', async () => (await panel().locator('#progress').innerText()) === '2 of 2 settled', 30_000);
      assert.equal(await panel().locator('#title').innerText(), 'sari-2025-sepsis-hypoxic-cm: A. Curator and B. Curator');
    }));
});
