// Builds four bundles into dist/:
//   core.js       the pure validation core (yaml, ajv, ucum) - the one public API module
//   cli.js        the command-line adapter; requires ./core.js at run time
//   validate-worker.js  a worker thread of `validate` over many files; requires ./core.js
//   extension.js  the VS Code adapter; requires ./core.js lazily, so activation stays cheap
//   webview.js    the Compare Trials page (compare.css its stylesheet)
//   reconcile.js  the Reconcile Extractions page (reconcile.css its stylesheet)
// Usage: node esbuild.mjs [--watch] [--dev]
import * as esbuild from 'esbuild';
import path from 'node:path';
import { precompiledValidator } from './esbuild-validator-plugin.mjs';

const watch = process.argv.includes('--watch');
const production = !watch && !process.argv.includes('--dev');
const coreIndex = path.resolve('src/core/index.ts');

/** Imports of the core from an adapter become a run-time require of the shared dist/core.js. */
const shareCore = {
  name: 'share-core',
  setup(build) {
    build.onResolve({ filter: /(^|\/)core(\/index)?$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (target !== path.dirname(coreIndex) && target !== coreIndex.replace(/\.ts$/, '')) return undefined;
      return { path: './core.js', external: true };
    });
  },
};

// The core bundle's schema validator is ajv's standalone code, generated from the schema at build
// time (esbuild-validator-plugin.mjs), so no process compiles the schema at run time and ajv's
// compiler stays out of the bundle.

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const builds = [
  { ...node, entryPoints: { core: 'src/core/index.ts' }, outdir: 'dist', plugins: [precompiledValidator] },
  {
    ...node,
    entryPoints: { cli: 'src/cli/bin.ts', 'validate-worker': 'src/cli/validate-worker.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [shareCore],
  },
  {
    ...node,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [shareCore],
  },
  {
    ...common,
    entryPoints: { webview: 'webview/main.ts', reconcile: 'webview/reconcile.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // The page's stylesheet, beside its script: the panel reads nothing outside dist/.
  { ...common, entryPoints: { compare: 'media/compare.css', reconcile: 'media/reconcile.css' }, outdir: 'dist' },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
