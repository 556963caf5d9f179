import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Comparison } from '../core';
import { forPage } from '../shared/protocol';
import { compareHtml, dataScript } from '../shared/webview-html';

/** The page's bundle beside the CLI (dist/), or, run from the sources, in the repository's dist/. */
function bundled(file: string): string {
  for (const dir of [__dirname, path.join(__dirname, '..', '..', 'dist')]) {
    const full = path.join(dir, file);
    if (existsSync(full)) return readFileSync(full, 'utf8');
  }
  throw new Error(`${file} is not built (npm run build)`);
}

/** Outside VS Code no theme sets the page's colours: the browser's own light or dark ones stand in. */
const STANDALONE_THEME = `:root { color-scheme: light dark; --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; --vscode-foreground: CanvasText; --vscode-editor-background: Canvas; --vscode-focusBorder: Highlight; --vscode-editorGroup-border: GrayText; --vscode-descriptionForeground: GrayText; --vscode-textLink-foreground: LinkText; --vscode-editorWarning-foreground: #b58900; --vscode-errorForeground: #d33; --vscode-charts-blue: #3794ff; --vscode-charts-orange: #d18616; --vscode-sideBar-background: Canvas; --vscode-editorGroupHeader-tabsBackground: Canvas; --vscode-panelTitle-activeForeground: CanvasText; --vscode-panelTitle-inactiveForeground: GrayText; --vscode-panelTitle-activeBorder: Highlight; --vscode-input-background: Field; --vscode-input-foreground: FieldText; --vscode-input-border: GrayText; --vscode-settings-checkboxBackground: Field; --vscode-settings-checkboxBorder: GrayText; --vscode-badge-background: ButtonFace; --vscode-badge-foreground: ButtonText; }`;

/**
 * The Compare Trials page as one self-contained HTML file: the panel's own bundle and stylesheet
 * inline, the comparison embedded as data, nothing fetched, the same strict CSP (inline code only
 * with the page's nonce). A small stand-in for the host answers the page's `ready` with the data
 * and keeps its state in memory; a curator can send the file to a colleague without VS Code.
 */
export function standaloneHtml(comparison: Comparison): string {
  const host = `${dataScript('__studyComparison', forPage(comparison))}
(function () {
  var state = null;
  window.acquireVsCodeApi = function () {
    return {
      postMessage: function (m) {
        if (m && m.type === 'ready') setTimeout(function () { window.postMessage({ type: 'comparison', comparison: __studyComparison, reason: 'initial' }, '*'); }, 0);
      },
      getState: function () { return state; },
      setState: function (s) { state = s; },
    };
  };
})();`;
  return compareHtml({ script: bundled('webview.js'), style: `${STANDALONE_THEME}\n${bundled('compare.css')}`, host });
}
