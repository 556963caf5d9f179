// `study-annotator compare --format html`: one self-contained page, the panel's own renderer and
// CSP, the data embedded and shown as text whatever it holds, nothing fetched.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { standaloneHtml } from '../../src/cli/compare-html';
import { buildComparison, ValidationSession } from '../../src/core';
import { CHROMIUM_ARGS } from '../e2e/workbench';
import { EXAMPLES, read, ROOT, studyFiles, trial } from '../helpers/studies';

describe('the standalone html export', { timeout: 120_000 }, () => {
  it('renders the examples and a hostile study as text, with no request and no CSP violation', async () => {
    const hostileTitle = '</script><img src=x onerror="document.title=1">';
    const inputs = [
      ...studyFiles(EXAMPLES).map((f) => ({ file: path.basename(f), result: new ValidationSession().run(read(f)) })),
      { file: 'hostile.study.yaml', result: new ValidationSession().run(trial((b) => b.replace('  title: Test trial', `  title: '${hostileTitle}'`).replace('dose: 1 10*6{cells}/kg', "dose: '1 </script>'"))) },
    ];
    const html = standaloneHtml(buildComparison(inputs));
    assert.ok(!/<script[^>]*src=|<link /.test(html), 'nothing is loaded from elsewhere');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sa-html-')), 'compare.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1300, height: 800 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.addInitScript(`window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));`);
      await page.goto(`file://${file}`);
      await page.waitForSelector('#content[data-ready="true"]');
      assert.equal(await page.locator('#overview thead th.trial').count(), 6);
      assert.equal(await page.locator('img').count(), 0);
      assert.notEqual(await page.title(), '1');
      assert.equal(await page.locator('#overview thead th.trial').last().getAttribute('title').then((t) => t?.split('\n')[0]), hostileTitle);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
      assert.deepEqual(requests, []);
      await page.screenshot({ path: path.join(ROOT, 'test-output', 'compare-standalone.png') });
    } finally {
      await browser.close();
    }
  });
});
