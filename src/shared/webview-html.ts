/**
 * The one HTML builder for our webviews: a strict Content Security Policy (nothing by default;
 * scripts only with this panel's nonce; styles, fonts and images only from the webview's own
 * resource root; no inline script, no style attribute, no eval) and the page's fixed skeleton.
 * No `vscode` import: the headless browser tests build the same page.
 */
import { randomBytes } from 'node:crypto';

export interface PageResources {
  /** The webview's `cspSource` (its resource origin). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

/** A page that carries everything in itself (the CLI's html export): the bundle, the stylesheet and the data inline. */
export interface StandalonePage {
  script: string;
  style: string;
  /** Runs before the bundle: stands in for the VS Code host. */
  host: string;
}

/** A fresh nonce per panel: 128 random bits. */
export function newNonce(): string {
  return randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource} data:`].join('; ');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Inline code must not be able to end its own element early; the data in it comes JSON-escaped (`dataScript`). */
function inline(code: string, tag: 'script' | 'style'): string {
  if (new RegExp(`</${tag}|<!--`, 'i').test(code)) throw new Error(`inline ${tag} holds a sequence that would end it`);
  return code;
}

/** A script that sets `name` to `value`, with every `<` escaped so no string in the data can close the script. */
export function dataScript(name: string, value: unknown): string {
  return `var ${name} = ${JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};`;
}

/** The page around a body: the CSP, the stylesheet and the scripts (linked from the bundle, or inline in a standalone page). */
function page(r: PageResources | (StandalonePage & { nonce?: string }), title: string, body: string): string {
  const nonce = r.nonce ?? newNonce();
  const standalone = 'script' in r;
  const csp = standalone ? [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`].join('; ') : contentSecurityPolicy(r.cspSource, nonce);
  const style = standalone ? `<style nonce="${nonce}">${inline(r.style, 'style')}</style>` : `<link rel="stylesheet" href="${attr(r.styleUri)}">`;
  const scripts = standalone ? `<script nonce="${nonce}">${inline(r.host, 'script')}</script>\n<script nonce="${nonce}">${inline(r.script, 'script')}</script>` : `<script nonce="${nonce}" src="${attr(r.scriptUri)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style}
<title>${title}</title>
</head>
<body>
${body.replace('class="toolbar"', `class="toolbar${standalone ? ' standalone' : ''}"`)}
${scripts}
</body>
</html>
`;
}

export function compareHtml(r: PageResources | (StandalonePage & { nonce?: string })): string {
  return page(
    r,
    'Compare Trials',
    `<header class="toolbar">
  <vscode-textfield id="filter" placeholder="Filter trials (condition, type, product, any text)" aria-label="Filter trials"></vscode-textfield>
  <vscode-single-select id="facet-condition" data-facet="condition" aria-label="Condition"></vscode-single-select>
  <vscode-single-select id="facet-type" data-facet="type" aria-label="Study type"></vscode-single-select>
  <vscode-single-select id="facet-product-kind" data-facet="product-kind" aria-label="Product kind"></vscode-single-select>
  <vscode-checkbox id="differences" label="Differences only"></vscode-checkbox>
  <vscode-badge id="count" aria-live="polite"></vscode-badge>
  <span class="spacer"></span>
  <vscode-button data-export="csv" secondary title="One row per study, arm, endpoint, timepoint and statistic">Export CSV</vscode-button>
  <vscode-button data-export="csv-wide" secondary title="Treatment against comparator, one row each">CSV (wide)</vscode-button>
  <vscode-button data-export="md" secondary>Markdown</vscode-button>
</header>
<main id="content">
  <vscode-tabs id="tabs">
    <vscode-tab-header slot="header">Overview</vscode-tab-header>
    <vscode-tab-panel><div id="overview" class="scroll"></div></vscode-tab-panel>
    <vscode-tab-header slot="header">Endpoints</vscode-tab-header>
    <vscode-tab-panel><div id="endpoints" class="scroll"></div></vscode-tab-panel>
    <vscode-tab-header slot="header">Charts</vscode-tab-header>
    <vscode-tab-panel><div id="charts"></div></vscode-tab-panel>
  </vscode-tabs>
</main>`,
  );
}

/**
 * The Reconcile Extractions page: a toolbar (progress, next difference, the agreement figures)
 * and the differences, one row each, grouped by section. Keys are listed for screen readers
 * and sighted users alike.
 */
export function reconcileHtml(r: PageResources): string {
  return page(
    r,
    'Reconcile Extractions',
    `<header class="toolbar">
  <span id="title" class="title"></span>
  <vscode-badge id="progress" aria-live="polite"></vscode-badge>
  <vscode-button id="next" secondary title="Next unsettled difference (N)">Next difference</vscode-button>
  <span class="spacer"></span>
  <span id="agreement" class="agreement"></span>
</header>
<p id="keys" class="keys">Keys on a difference: <kbd>1</kbd> take left, <kbd>2</kbd> take right, <kbd>E</kbd> edit, <kbd>U</kbd> unsettle, <kbd>N</kbd> next unsettled, <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>Enter</kbd> on a value shows it in its file.</p>
<p id="saved" class="saved" aria-live="polite"></p>
<main id="content" class="scroll"></main>`,
  );
}
