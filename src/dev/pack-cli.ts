/**
 * `npm run pack:cli`: the command-line tool as an npm package of its own. The extension's
 * package.json is private (it is the VS Code manifest), so the CLI ships separately: the two
 * built bundles (dist/cli.js, the core it loads and its worker; yaml, ajv and the UCUM tables are inside),
 * with no dependencies to install. Prints the tarball's path:
 *   npm install -g .cache/study-annotator-cli-<version>.tgz   # then: study-annotator validate …
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** The bundles the command needs: itself, the core, its worker threads, and the Compare page for `compare --format html`. */
const CLI_FILES = ['cli.js', 'core.js', 'validate-worker.js', 'webview.js', 'compare.css'];

export function packCli(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string; repository?: unknown; engines: { node: string } };
  const out = path.join(ROOT, '.cache', 'cli-package');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of CLI_FILES) copyFileSync(path.join(ROOT, 'dist', f), path.join(out, f));
  copyFileSync(path.join(ROOT, 'LICENSE'), path.join(out, 'LICENSE'));
  writeFileSync(path.join(out, 'README.md'), cliReadme());
  const pkg = {
    name: 'study-annotator-cli',
    version: manifest.version,
    description: 'Validate study annotations (*.study.yaml) against the Study Annotator schema and domain checks; human, JSON and SARIF output for CI.',
    license: manifest.license,
    repository: manifest.repository,
    bin: { 'study-annotator': 'cli.js' },
    files: CLI_FILES,
    engines: { node: manifest.engines.node },
  };
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const r = spawnSync('npm', ['pack', '--pack-destination', path.join(ROOT, '.cache')], { cwd: out, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
  return path.join(ROOT, '.cache', r.stdout.trim().split('\n').pop() as string);
}

/** The README's CLI section, so the package explains itself. */
function cliReadme(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## CLI');
  const end = readme.indexOf('\n## ', start + 1);
  return `# study-annotator-cli\n\nThe command line of [Study Annotator](${String((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { homepage?: string }).homepage ?? '')}).\n${readme.slice(start, end === -1 ? undefined : end).replace('\n## CLI', '')}`;
}

if (require.main === module) process.stdout.write(`${packCli()}\n`);
