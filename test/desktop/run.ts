/**
 * npm run test:desktop: the real-editor checks through the extension API in desktop VS Code,
 * downloaded by @vscode/test-electron. Needs a machine that can reach VS Code's update servers
 * (these development machines cannot; they run test/e2e in code-server instead).
 */
import path from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const suite = path.join(ROOT, '.cache', 'desktop-suite.js');
  await build({ entryPoints: [path.join(__dirname, 'suite.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], outfile: suite, logLevel: 'warning' });
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    launchArgs: [path.join(ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err: unknown) => {
  console.error(`test:desktop failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
