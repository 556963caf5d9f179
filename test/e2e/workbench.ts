/**
 * Drives a real VS Code workbench (code-server in headless Debian Chromium) the way a curator
 * would: keyboard, Quick Open, the command palette, and what the panels show.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { ROOT, startCodeServer, type RunningCodeServer } from '../../src/dev/code-server';

export const OUTPUT = path.join(ROOT, 'test-output');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Session {
  server: RunningCodeServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openWorkbench(folder: string, vsix: string, settings: Record<string, unknown> = {}): Promise<Session> {
  mkdirSync(OUTPUT, { recursive: true });
  const server = await startCodeServer(folder, vsix, settings);
  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  const stopBrowser = async () => {
    await browser?.close().catch(() => undefined);
    await browserServer?.close().catch(() => undefined);
    const pid = browserServer?.process().pid;
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL'); // by its own id, in case close() left it behind
      } catch {
        // already gone
      }
    }
  };
  try {
    browserServer = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForSelector('.explorer-viewlet .monaco-list-row', { timeout: 60_000 });
    const b = browser;
    return {
      server,
      browser: b,
      page,
      async close() {
        await stopBrowser();
        await server.stop();
      },
    };
  } catch (err) {
    await stopBrowser();
    await server.stop();
    throw err;
  }
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command by its title from the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  // A webview editor that was just activated holds the keys in its own frame, and that frame
  // does not always pass F1 on. Then open the palette as a mouse user does, from the command
  // centre in the title bar: a click there takes the focus out of any frame.
  if (!(await input.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) {
    await page.locator('.command-center .command-center-center').first().click();
    await input.waitFor({ state: 'visible' });
  }
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

/** Closes an editor by its tab's close button, as a mouse user does; needs no keyboard focus. */
export async function closeTab(page: Page, name: string): Promise<void> {
  const tab = page.locator('.tab', { hasText: name }).first();
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await page.locator('.tab', { hasText: name }).waitFor({ state: 'detached' });
}

export async function openFile(page: Page, name: string): Promise<void> {
  const tab = page.locator('.tab', { hasText: name });
  if (await tab.count()) {
    await tab.first().click(); // already open: switch to it, as a curator would
    await page.locator('.tab.active', { hasText: name }).waitFor();
    return;
  }
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

export async function gotoLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: `${line}` }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor();
}

export async function showProblems(page: Page): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await runCommand(page, 'View: Focus Problems');
  }
  await page.locator('.markers-panel').waitFor();
}

/** Problem rows of the Problems panel as text: "message source(code) [Ln l, Col c]", with their file. */
export async function problemRows(page: Page): Promise<string[]> {
  const rows = page.locator('.markers-panel .monaco-list-row');
  const texts = await rows.allInnerTexts();
  return texts.map((t) => t.replace(/\s*\n\s*/g, ' ').trim());
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await probe().catch((e: unknown) => e);
    if (last !== undefined && last !== false && !(last instanceof Error)) return last as T;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Runs one user-level check; on failure a screenshot of the moment is saved next to the others. */
export async function step(page: Page, name: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
    await shot(page, name);
  } catch (err) {
    await shot(page, `FAILED-${name}`).catch(() => undefined);
    throw err;
  }
}

/**
 * What the extension's language status item says about the active file ("no problems",
 * "1 error, 0 warnings, 2 notes"), read from the status bar's label; undefined until this
 * file has been validated ("not validated yet"). The positive sign that validation ran.
 */
export async function validatedStatus(page: Page): Promise<string | undefined> {
  const label = (await page.locator('[id="status.languageStatus"]').getAttribute('aria-label').catch(() => null)) ?? '';
  const m = /Study schema [\d.]+, ((?:no problems)|(?:\d+ errors?, \d+ warnings?, \d+ notes?))/.exec(label);
  return m?.[1];
}
