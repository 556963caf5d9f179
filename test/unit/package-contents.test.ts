// The extension package holds every file the extension loads from dist/: a panel whose script
// or stylesheet is left out of the .vsix opens blank in an installed extension, though every
// test that runs from the source tree passes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/studies';

describe('the .vsix contents', () => {
  const allowed = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!dist/')).map((l) => l.slice('!dist/'.length));
  const sources = readdirSync(path.join(ROOT, 'src/extension')).map((f) => readFileSync(path.join(ROOT, 'src/extension', f), 'utf8'));
  const loaded = [...new Set(sources.flatMap((s) => [...s.matchAll(/joinPath\(dist, '([^']+)'\)/g)].map((m) => m[1] as string)))];

  it('names what the panels load (found in the extension sources)', () => {
    assert.deepEqual(loaded.sort(), ['compare.css', 'reconcile.css', 'reconcile.js', 'webview.js']);
  });
  it('lets every one of them into the package, with the extension and the core', () => {
    assert.deepEqual([...loaded, 'extension.js', 'core.js'].filter((f) => !allowed.includes(f)), []);
  });
});
