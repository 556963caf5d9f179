/**
 * Real-editor tests: the packaged extension in code-server, driven through headless Chromium.
 * Each check is what a curator would do and see. Screenshots go to test-output/.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageExtension } from '../../src/dev/code-server';
import { EXAMPLES, trial } from '../helpers/studies';
import { OUTPUT, gotoLine, openFile, openWorkbench, problemRows, runCommand, shot, showProblems, step, validatedStatus, waitFor, type Session } from './workbench';

const FILE = 'nurudhin-2025-sle-secretome.study.yaml';
const lines = readFileSync(path.join(EXAMPLES, FILE), 'utf8').split('\n');
const ROUTE_LINE = lines.findIndex((l) => l.includes('route: intramuscular')) + 1;
const ROUTE_COL = (lines[ROUTE_LINE - 1] as string).indexOf('intramuscular') + 1;

describe('the extension in a real VS Code (code-server + Chromium)', { timeout: 600_000 }, () => {
  let s: Session;
  let workspace: string;

  before(async () => {
    rmSync(OUTPUT, { recursive: true, force: true });
    workspace = mkdtempSync(path.join(tmpdir(), 'sa-e2e-'));
    cpSync(EXAMPLES, workspace, { recursive: true });
    // A plain .yaml file that opts in with the first-line modeline, with one mistake in it.
    writeFileSync(path.join(workspace, 'opt-in.yaml'), '# study-annotator\nstudy:\n  id: Not A Slug\n  title: Opted in\n  type: narrative review\n  status: planned\nreview:\n  scope: x\ncuration:\n  curator: me\n  date: 2026-11-22\n  status: draft\n  schema_version: 1.0.0\n');
    // A trial whose arm has no label yet, for typing one.
    writeFileSync(path.join(workspace, 'typing.study.yaml'), trial());
    // A completed trial whose primary endpoint has no result yet.
    writeFileSync(
      path.join(workspace, 'results.study.yaml'),
      trial((b) => b.replace('id: test-trial', 'id: results-trial').replace('    priority: safety\n    category: safety\n    timepoints: [w4]\n', '    priority: primary\n    timepoints: [w4]\n  - id: sae\n    name: Serious adverse events\n    priority: safety\n    timepoints: [w4]\n'), 'completed'),
    );
    s = await openWorkbench(workspace, packageExtension(), {
      'studyAnnotator.logLevel': 'debug',
      // Spellings only, so safe on save: what a curator would switch on.
      '[study-yaml]': { 'editor.codeActionsOnSave': { 'source.fixAll.studyAnnotator': 'explicit' } },
    });
  });

  after(async () => {
    await s?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('an example opens with no problems', () =>
    step(s.page, '1-example-opens-clean', async () => {
      await openFile(s.page, FILE);
      await showProblems(s.page);
      // Positive signs first: this file was validated (its status says so), and the workspace scan ran (another example's notes are listed).
      const status = await waitFor('this file validated', () => validatedStatus(s.page));
      assert.equal(status, 'no problems');
      await waitFor('the workspace scan', async () => (await problemRows(s.page)).some((r) => r.includes('sari-2025')));
      const rows = await problemRows(s.page);
      assert.ok(!rows.some((r) => r.includes(FILE)), `unexpected problems for ${FILE}: ${rows.join('\n')}`);
      assert.ok(await s.page.locator('.statusbar-item', { hasText: 'Study Annotation' }).first().isVisible(), 'language mode shows Study Annotation');
    }));

  it('typing an invalid value shows a diagnostic at its line, and fixing it clears it', () =>
    step(s.page, '2-invalid-value-then-fixed', async () => {
      await gotoLine(s.page, ROUTE_LINE, ROUTE_COL);
      await s.page.keyboard.press('Shift+End');
      await s.page.keyboard.type('IM');
      // The row for the whole word: a validation between the two keystrokes may first show `I`.
      const row = await waitFor('the schema-enum diagnostic', async () =>
        (await problemRows(s.page)).find((r) => r.includes('schema-enum') && r.includes('found `IM`') && r.includes(`[Ln ${ROUTE_LINE}, Col ${ROUTE_COL}]`)),
      );
      assert.match(row, /`route` must be one of intravenous, intramuscular, .*\(found `IM`: did you mean intramuscular\?\)/);
      await shot(s.page, '2-invalid-value-diagnostic-shown');
      await s.page.keyboard.press('Backspace');
      await s.page.keyboard.press('Backspace');
      await s.page.keyboard.type('intramuscular');
      await waitFor('the diagnostic to clear', async () => !(await problemRows(s.page)).some((r) => r.includes('schema-enum')));
    }));

  it('completion offers the enum values', () =>
    step(s.page, '3-completion-enum-values', async () => {
      await gotoLine(s.page, ROUTE_LINE, ROUTE_COL);
      await s.page.keyboard.press('Shift+End');
      await s.page.keyboard.press('Delete');
      await s.page.keyboard.press('Control+Space');
      const widget = s.page.locator('.suggest-widget');
      await widget.waitFor({ state: 'visible' });
      const labels = await waitFor('enum suggestions', async () => {
        const texts = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
        return texts.includes('intravenous') ? texts : undefined;
      });
      for (const v of ['intravenous', 'intramuscular', 'intra-articular']) assert.ok(labels.includes(v), `${v} in ${labels.join(', ')}`);
      await s.page.keyboard.press('Escape');
      await s.page.keyboard.type('intramuscular');
    }));

  it('hover shows the field description', () =>
    step(s.page, '4-hover-description', async () => {
      await gotoLine(s.page, ROUTE_LINE, ROUTE_COL - 5); // on the key `route`
      await runCommand(s.page, 'Show or Focus Hover');
      const hover = s.page.locator('.monaco-hover:visible').first();
      await hover.waitFor({ state: 'visible' });
      await waitFor('the description', async () => (await hover.innerText()).includes('How the product was given.'));
      await s.page.waitForTimeout(500); // let the hover finish fading in before the screenshot
    }));

  it('the Outline lists the arms', () =>
    step(s.page, '5-outline-arms', async () => {
      await s.page.keyboard.press('Escape');
      await runCommand(s.page, 'View: Close Panel');
      await runCommand(s.page, 'Explorer: Focus on Outline View');
      // Give the Outline the sidebar's height: collapse the folder tree above it.
      await s.page.locator('.pane-header', { hasText: path.basename(workspace).toUpperCase() }).first().click();
      const names = await waitFor('arms in the outline', async () => {
        const flat = (await s.page.locator('.outline-pane .monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
        return flat.includes('secretome') && flat.includes('placebo') ? flat : undefined;
      });
      assert.ok(names.includes('arms'), `outline rows: ${names.join(', ')}`);
    }));

  it('a YAML file that opts in with the modeline becomes a study annotation and is checked', () =>
    step(s.page, '6-modeline-opt-in', async () => {
      await runCommand(s.page, 'View: Focus Problems');
      await openFile(s.page, 'opt-in.yaml');
      await s.page.locator('.statusbar-item', { hasText: 'Study Annotation' }).first().waitFor();
      const row = await waitFor('the opted-in file\'s problem', async () => (await problemRows(s.page)).find((r) => r.includes('schema-pattern') && r.includes('[Ln 3, Col 7]')));
      assert.match(row, /`id` must be a study id such as/);
    }));

  it('a quick fix writes the UCUM code for a synonym', () =>
    step(s.page, '7-quick-fix-unit-synonym', async () => {
      await openFile(s.page, FILE);
      const line = lines.findIndex((l) => l.includes('at: 22 d')) + 1;
      await gotoLine(s.page, line, (lines[line - 1] as string).length + 1);
      await s.page.keyboard.type('ays'); // '22 d' -> '22 days'
      await waitFor('the unit-synonym warning', async () => (await problemRows(s.page)).find((r) => r.includes('unit-synonym') && r.includes(`[Ln ${line},`)));
      await s.page.keyboard.press('Control+.');
      const menu = s.page.locator('.action-widget');
      await menu.waitFor({ state: 'visible' });
      await waitFor('the fix in the menu', async () => (await menu.innerText()).includes('Write the UCUM code `d`'));
      await s.page.keyboard.press('Enter');
      await waitFor('the warning to clear', async () => !(await problemRows(s.page)).some((r) => r.includes('unit-synonym')));
      const text = await s.page.locator('.editor-instance .view-line', { hasText: 'at: 22' }).first().innerText();
      assert.equal(text.trim().replace(/\u00a0/g, ' '), 'at: 22 d');
    }));

  it('"Convert to mL" from the quick-fix menu turns 150 uL into 0.15 mL and keeps the original as as_reported', () =>
    step(s.page, '10-convert-unit', async () => {
      const sari = 'sari-2025-sepsis-hypoxic-cm.study.yaml';
      const sariLines = readFileSync(path.join(EXAMPLES, sari), 'utf8').split('\n');
      const line = sariLines.findIndex((l) => l.includes('dose: { value: 150, unit: uL')) + 1;
      const col = (sariLines[line - 1] as string).indexOf('{') + 1;
      await openFile(s.page, sari);
      await gotoLine(s.page, line, col);
      await s.page.keyboard.press('Shift+End');
      await s.page.keyboard.type('150 uL');
      await gotoLine(s.page, line, col + 2); // the cursor on the quantity, as a curator puts it
      await s.page.keyboard.press('Control+.');
      const menu = s.page.locator('.action-widget');
      await menu.waitFor({ state: 'visible' });
      await waitFor('the conversion in the menu', async () => (await menu.innerText()).includes('Convert to mL (0.15 mL)'));
      await shot(s.page, '10-convert-unit-menu');
      // With the keyboard, as a curator would (a pointer block covers the menu for the mouse).
      for (let i = 0; i < 5 && (await menu.locator('.monaco-list-row.focused').getAttribute('aria-label')) !== 'Convert to mL (0.15 mL)'; i++) await s.page.keyboard.press('ArrowDown');
      await s.page.keyboard.press('Enter');
      const text = await waitFor('the converted line', async () => {
        const t = (await s.page.locator('.editor-instance .view-line', { hasText: 'dose: {value' }).first().innerText().catch(() => '')).replace(/\u00a0/g, ' ').trim();
        return t.includes('0.15') ? t : undefined;
      });
      assert.equal(text, 'dose: {value: 0.15, unit: mL, as_reported: 150 uL}');
      // No error or warning after the edit (the example's own note about its outcome set stays).
      await waitFor('the file validated without errors or warnings', async () => /^0 errors, 0 warnings, 1 note$/.test((await validatedStatus(s.page)) ?? ''));
    }));

  it('saving with source.fixAll on writes UCUM codes for spellings, and changes nothing else', () =>
    step(s.page, '11-fix-all-on-save', async () => {
      await openFile(s.page, FILE);
      const line = lines.findIndex((l) => l.includes('dose: { value: 1.5, unit: mL')) + 1;
      const col = (lines[line - 1] as string).indexOf('{') + 1;
      await gotoLine(s.page, line, col);
      await s.page.keyboard.press('Shift+End');
      await s.page.keyboard.type('1.5 cc');
      await waitFor('the unit-synonym warning', async () => (await problemRows(s.page)).find((r) => r.includes('unit-synonym') && r.includes(`[Ln ${line},`)));
      await s.page.keyboard.press('Control+S');
      await waitFor('cc written as mL on disk', async () => readFileSync(path.join(workspace, FILE), 'utf8').split('\n')[line - 1]?.trim() === 'dose: 1.5 mL');
      await waitFor('the warning to clear', async () => !(await problemRows(s.page)).some((r) => r.includes('unit-synonym')));
      const onDisk = readFileSync(path.join(workspace, FILE), 'utf8').split('\n');
      assert.deepEqual(onDisk.filter((_, i) => i !== line - 1), lines.filter((_, i) => i !== line - 1), 'every other line as it was');
    }));

  it('Enter after an arm\'s "- id:" line lands in the arm, so a typed key belongs to it', () =>
    step(s.page, '12-enter-in-a-list-item', async () => {
      const text = trial().split('\n');
      const line = text.findIndex((l) => l === '  - id: treated') + 1;
      await openFile(s.page, 'typing.study.yaml');
      await gotoLine(s.page, line, (text[line - 1] as string).length + 1);
      await s.page.keyboard.press('Enter');
      await s.page.keyboard.type('label: Treated');
      // The cursor tells where the text went: after four spaces and 'label: Treated', column 19.
      const at = (l: number, c: number) => s.page.locator('.statusbar-item', { hasText: `Ln ${l}, Col ${c}` }).first().waitFor();
      await at(line + 1, 19);
      await s.page.keyboard.press('Enter');
      await s.page.keyboard.type('description: x');
      await at(line + 2, 19); // 'description: x' at the same column
      // The status may still show a version validated between keystrokes ('description' before
      // its colon is an error): wait for the last version's, which must have no problem.
      await waitFor('the typed keys to validate clean', async () => (await validatedStatus(s.page)) === 'no problems');
      // The Problems panel follows the status bar a moment later.
      await waitFor('no problem listed for the file', async () => !(await problemRows(s.page)).some((r) => r.includes('typing.study.yaml')));
    }));

  it('a missing-result fix inserts the result skeleton with its first placeholder selected', () =>
    step(s.page, '13-result-skeleton-snippet', async () => {
      await openFile(s.page, 'results.study.yaml');
      const row = await waitFor('the missing result', async () => (await problemRows(s.page)).find((r) => r.includes('endpoint-missing-result')));
      const line = Number(/\[Ln (\d+), Col (\d+)\]/.exec(row)?.[1]);
      const col = Number(/\[Ln (\d+), Col (\d+)\]/.exec(row)?.[2]);
      await gotoLine(s.page, line, col);
      await s.page.keyboard.press('Control+.');
      const menu = s.page.locator('.action-widget');
      await menu.waitFor({ state: 'visible' });
      const title = 'Add a result for `ae` (each arm at each timepoint)';
      await waitFor('the skeleton fix in the menu', async () => (await menu.innerText()).includes(title));
      for (let i = 0; i < 6 && (await menu.locator('.monaco-list-row.focused').getAttribute('aria-label')) !== title; i++) await s.page.keyboard.press('ArrowDown');
      await s.page.keyboard.press('Enter');
      // The placeholder is selected: typing replaces it.
      await waitFor('the snippet inserted', async () => (await s.page.locator('.editor-instance .view-line', { hasText: 'as_reported: What the source reports' }).count()) > 0);
      await shot(s.page, '13-result-skeleton-inserted');
      await s.page.keyboard.type('IL-6 fell by half');
      await waitFor('the typed result', async () => (await s.page.locator('.editor-instance .view-line', { hasText: 'as_reported: IL-6 fell by half' }).count()) > 0);
      await waitFor('the missing result gone', async () => !(await problemRows(s.page)).some((r) => r.includes('endpoint-missing-result')));
    }));

  it('a file saved on disk is checked without opening it: a duplicate study id is flagged in both files', () =>
    step(s.page, '8-duplicate-study-id-from-disk', async () => {
      const copy = path.join(workspace, 'copy-of-nurudhin.study.yaml');
      writeFileSync(copy, readFileSync(path.join(EXAMPLES, FILE)));
      await runCommand(s.page, 'View: Focus Problems');
      const rows = await waitFor('study-id-duplicate in both files', async () => {
        const all = (await problemRows(s.page)).filter((r) => r.includes('study-id-duplicate'));
        return all.length >= 2 ? all : undefined;
      });
      assert.ok(rows.some((r) => r.includes('also used by copy-of-nurudhin.study.yaml')), rows.join('\n'));
      assert.ok(rows.some((r) => r.includes(`also used by ${FILE}`)), rows.join('\n'));
      rmSync(copy);
      await waitFor('the duplicate to clear once the copy is deleted', async () => !(await problemRows(s.page)).some((r) => r.includes('study-id-duplicate')));
    }));

  it('"New Study Annotation" creates a file from the template of the chosen type, with no problems', () =>
    step(s.page, '9-new-study-annotation', async () => {
      await runCommand(s.page, 'Study Annotator: New Study Annotation');
      const input = s.page.locator('.quick-input-widget input');
      await s.page.locator('.quick-input-list .monaco-list-row', { hasText: 'preclinical in vivo' }).first().waitFor();
      await input.fill('preclinical in vivo');
      await s.page.keyboard.press('Enter');
      await s.page.locator('.quick-input-widget', { hasText: 'Study id' }).waitFor();
      await input.fill('tester-2026-new-study');
      await s.page.keyboard.press('Enter');
      await s.page.locator('.tab.active', { hasText: 'tester-2026-new-study.study.yaml' }).waitFor();
      await waitFor('the file on disk', async () => readFileSync(path.join(workspace, 'tester-2026-new-study.study.yaml'), 'utf8').includes('type: preclinical in vivo'));
      // Wait for the new file's own validation, then read its counts: no errors or warnings.
      const status = await waitFor('the new file validated', () => validatedStatus(s.page));
      assert.match(status, /^(no problems|0 errors, 0 warnings, \d+ notes?)$/);
      const rows = (await problemRows(s.page)).filter((r) => r.includes('tester-2026-new-study') && !/profile-endpoint-missing/.test(r));
      assert.deepEqual(rows, []);
    }));
});
