/**
 * npm start: opens examples/ in VS Code with the extension loaded.
 * - With a local `code`: an Extension Development Host on the freshly built extension.
 * - Otherwise: code-server on 127.0.0.1, installed on demand into a cache folder, with the
 *   packaged extension; prints the URL and runs until Ctrl+C.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureCodeServer, packageExtension, ROOT, startCodeServer } from './code-server';
import { ensurePackages } from './system';

const examples = path.join(ROOT, 'examples');

async function main(): Promise<void> {
  if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
    console.log('Opening examples/ in VS Code with the extension under development...');
    spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit' });
    return;
  }
  console.log('No `code` command here: using code-server on 127.0.0.1 instead.');
  ensurePackages(['ripgrep', 'libkrb5-dev', 'pkg-config']);
  ensureCodeServer((s) => console.log(`[code-server] ${s}`));
  const server = await startCodeServer(examples, packageExtension(), {}, { port: Number(process.env.PORT) || 8080 });
  console.log(`\nStudy Annotator is running. Open ${server.url}\nin a browser (the examples are open, with live diagnostics). Press Ctrl+C to stop.\n`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  server.process.on('exit', (code) => {
    console.log(`code-server exited (${code ?? 'signal'})`);
    process.exit(code ?? 1);
  });
}

main().catch((err: unknown) => {
  console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
