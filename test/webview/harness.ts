/**
 * Our webview pages (Compare Trials, Reconcile Extractions) in headless Chromium against a fake host: the built page (the same
 * HTML builder, strict CSP and bundle as the panel), a fake `acquireVsCodeApi` that records what
 * the page posts and stores, theme variables like VS Code's, and a CSP violation log.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Comparison } from '../../src/core';
import { forPage } from '../../src/shared/protocol';
import { compareHtml, reconcileHtml } from '../../src/shared/webview-html';
import { CHROMIUM_ARGS } from '../e2e/workbench';
import { ROOT } from '../helpers/studies';

export type Theme = 'light' | 'dark' | 'high-contrast';

/** The variables VS Code sets on a webview's root, for each kind of theme (a subset, the ones the page reads). */
const THEMES: Record<Theme, Record<string, string>> = {
  light: { 'panelTitle-activeForeground': '#3b3b3b', 'panelTitle-inactiveForeground': '#717171', 'panelTitle-activeBorder': '#005fb8', 'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'settings-checkboxBackground': '#f8f8f8', 'settings-checkboxBorder': '#cecece', 'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', 'font-family': 'sans-serif', 'font-size': '13px', foreground: '#3b3b3b', 'editor-background': '#ffffff', 'focusBorder': '#005fb8', 'editorGroup-border': '#e5e5e5', 'sideBar-background': '#f8f8f8', 'editorGroupHeader-tabsBackground': '#f8f8f8', 'descriptionForeground': '#717171', 'errorForeground': '#f85149', 'editorWarning-foreground': '#bf8803', 'textLink-foreground': '#005fb8', 'diffEditor-insertedTextBackground': '#9ccc2c40', 'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'sideBarSectionHeader-background': '#f3f3f3' },
  dark: { 'panelTitle-activeForeground': '#e7e7e7', 'panelTitle-inactiveForeground': '#9d9d9d', 'panelTitle-activeBorder': '#0078d4', 'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'settings-checkboxBackground': '#313131', 'settings-checkboxBorder': '#3c3c3c', 'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'font-family': 'sans-serif', 'font-size': '13px', foreground: '#cccccc', 'editor-background': '#1f1f1f', 'focusBorder': '#0078d4', 'editorGroup-border': '#2b2b2b', 'sideBar-background': '#181818', 'editorGroupHeader-tabsBackground': '#181818', 'descriptionForeground': '#9d9d9d', 'errorForeground': '#f85149', 'editorWarning-foreground': '#cca700', 'textLink-foreground': '#4daafc', 'diffEditor-insertedTextBackground': '#9ccc2c33', 'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'sideBarSectionHeader-background': '#252526' },
  'high-contrast': { 'panelTitle-activeForeground': '#ffffff', 'panelTitle-inactiveForeground': '#ffffff', 'panelTitle-activeBorder': '#f38518', 'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff', 'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df', 'settings-checkboxBackground': '#000000', 'settings-checkboxBorder': '#6fc3df', 'badge-background': '#000000', 'badge-foreground': '#ffffff', 'contrastBorder': '#6fc3df', 'contrastActiveBorder': '#f38518', 'font-family': 'sans-serif', 'font-size': '13px', foreground: '#ffffff', 'editor-background': '#000000', 'focusBorder': '#f38518', 'editorGroup-border': '#6fc3df', 'sideBar-background': '#000000', 'editorGroupHeader-tabsBackground': '#000000', 'descriptionForeground': '#ffffff', 'errorForeground': '#f48771', 'editorWarning-foreground': '#ffd370', 'textLink-foreground': '#21a6ff', 'diffEditor-insertedTextBackground': '#33ff2e33', 'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'sideBarSectionHeader-background': '#000000' },
};

export interface PageSession {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Serves the built page from a folder of its own (file:), as the panel serves it from dist/. */
function pageFolder(theme: Theme, kind: PageKind): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-webview-'));
  const [script, style, build] = kind === 'compare' ? ['webview.js', 'compare.css', compareHtml] : ['reconcile.js', 'reconcile.css', reconcileHtml];
  copyFileSync(path.join(ROOT, 'dist', script), path.join(dir, script));
  copyFileSync(path.join(ROOT, 'dist', style), path.join(dir, style));
  const vars = Object.entries(THEMES[theme]).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  writeFileSync(path.join(dir, 'theme.css'), `:root { ${vars} }\n`);
  const html = build({ cspSource: 'file:', scriptUri: script, styleUri: style }).replace('<link rel="stylesheet"', '<link rel="stylesheet" href="theme.css">\n<link rel="stylesheet"');
  writeFileSync(path.join(dir, 'index.html'), html);
  return dir;
}

/** Which of our pages: Compare Trials or Reconcile Extractions. */
export type PageKind = 'compare' | 'reconcile';

export async function openPage(options: { theme?: Theme; state?: unknown; kind?: PageKind } = {}): Promise<PageSession> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 800 }, colorScheme: options.theme === 'light' ? 'light' : 'dark' });
    // A script as text: a function would be sent as its transpiled source, with helpers the page lacks.
    await page.addInitScript(`(() => {
      const w = window;
      w.__posted = [];
      w.__state = ${JSON.stringify(options.state ?? null)};
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      w.acquireVsCodeApi = () => ({
        postMessage: (m) => w.__posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => w.__state,
        setState: (s) => { w.__state = JSON.parse(JSON.stringify(s)); },
      });
    })();`);
    await page.goto(`file://${path.join(pageFolder(options.theme ?? 'dark', options.kind ?? 'compare'), 'index.html')}`);
    return { browser, page, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** What the page posted to the host, in order. */
export function posted(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
}

/** The state the page stored with setState. */
export function stored(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __state: unknown }).__state);
}

export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/**
 * Sends the host's message, as the panel does after `ready`, waits for the page to render it,
 * and returns how long the page took, from the message to the end of rendering (measured in the
 * page). The message goes as JSON text: Playwright's own argument transfer of a large object
 * costs seconds that a real host's postMessage does not.
 */
export async function sendComparison(page: Page, comparison: Comparison, reason: 'initial' | 'update' = 'initial'): Promise<number> {
  const before = await page.evaluate(() => Number(document.getElementById('content')?.dataset.renders ?? 0));
  const sentAt = await page.evaluate((json) => {
    const at = performance.now();
    window.postMessage(JSON.parse(json), '*');
    return at;
  }, JSON.stringify({ type: 'comparison', comparison: forPage(comparison), reason }));
  await page.waitForFunction((n) => Number(document.getElementById('content')?.dataset.renders ?? 0) > n, before);
  return (await page.evaluate(() => Number(document.getElementById('content')?.dataset.renderedAt))) - sentAt;
}
