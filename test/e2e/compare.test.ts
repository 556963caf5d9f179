/**
 * The Compare Trials panel in a real editor (code-server + Chromium): opened from the Command
 * Palette on the examples, a cell reveals its line, an edit updates the panel without losing
 * the sort, and the panel comes back after a window reload.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { packageExtension } from '../../src/dev/code-server';
import { EXAMPLES } from '../helpers/studies';
import { openWorkbench, runCommand, shot, step, waitFor, type Session } from './workbench';

const SARI = 'sari-2025-sepsis-hypoxic-cm.study.yaml';
const SPECIES_LINE = readFileSync(path.join(EXAMPLES, SARI), 'utf8').split('\n').findIndex((l) => l.includes('species: Rattus norvegicus')) + 1;

describe('the Compare Trials panel in a real VS Code', { timeout: 600_000 }, () => {
  let s: Session;
  let workspace: string;
  /** The panel's page: VS Code nests it in two frames. */
  const panel = (): FrameLocator => s.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const sortedBy = async () => panel().locator('#overview th.row-header[aria-sort="ascending"]').innerText();

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'sa-compare-'));
    cpSync(EXAMPLES, workspace, { recursive: true });
    s = await openWorkbench(workspace, packageExtension());
  });

  after(async () => {
    await s?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('opens from the Command Palette with every study file chosen, examples/invalid left out', () =>
    step(s.page, 'compare-1-open', async () => {
      // A quick pick closes when the workbench takes the focus (start-up still settling): try again then.
      const pick = s.page.locator('.quick-input-list .monaco-list-row', { hasText: SARI });
      for (let i = 0; i < 4 && !(await pick.isVisible()); i++) {
        await runCommand(s.page, 'Study Annotator: Compare Trials');
        await pick.waitFor({ timeout: 8000 }).catch(() => undefined);
      }
      await s.page.keyboard.press('Enter'); // all preselected
      await panel().locator('#overview table').waitFor({ timeout: 30_000 });
      const ids = await panel().locator('#overview thead th.trial .trial-id').allInnerTexts();
      assert.deepEqual(ids.sort(), ['beike-2025-sle-ucmsc-phase1-2', 'noor-azlan-2024-msc-secretome-review', 'nurudhin-2025-sle-secretome', 'sari-2025-sepsis-hypoxic-cm', 'wang-2025-knee-oa-ucmsc-exosomes']);
      await shot(s.page, 'compare-in-editor');
    }));

  it('a click on a cell reveals its line in the editor beside the panel', () =>
    step(s.page, 'compare-2-reveal', async () => {
      await panel().locator('#overview th.row-header', { hasText: 'Study type' }).locator('button').click();
      assert.equal(await sortedBy(), 'Study type ↑');
      await panel().locator(`#overview td[data-row="species"][data-trial="sari-2025-sepsis-hypoxic-cm"]`).click();
      await s.page.locator('.tab.active', { hasText: SARI }).waitFor();
      await s.page.locator('.statusbar-item', { hasText: `Ln ${SPECIES_LINE},` }).first().waitFor();
    }));

  it('an edit of a compared file updates the panel and keeps its sort', () =>
    step(s.page, 'compare-3-live', async () => {
      await s.page.keyboard.type('Mus musculus'); // the revealed value is selected: typing replaces it
      await waitFor('the panel to show the edit', async () => (await panel().locator('#overview td[data-row="species"][data-trial="sari-2025-sepsis-hypoxic-cm"]').innerText()) === 'Mus musculus', 5000);
      assert.equal(await sortedBy(), 'Study type ↑');
    }));

  it('comes back after a window reload, with its sort', () =>
    step(s.page, 'compare-4-reload', async () => {
      await runCommand(s.page, 'Developer: Reload Window');
      await s.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
      await panel().locator('#overview table').waitFor({ timeout: 60_000 });
      assert.equal(await sortedBy(), 'Study type ↑');
    }));
});
