/**
 * Developer tooling (not part of the extension): installs code-server from the npm registry
 * into a cache folder on demand, packages and installs the extension, and starts code-server on
 * 127.0.0.1. Used by the README's first line and by the real-editor tests.
 *
 * code-server's install needs four work-arounds on these machines (see the README): it refuses
 * to run its scripts as root, needs libkrb5-dev for kerberos, downloads ripgrep from GitHub
 * (we link Debian's rg instead), and needs non-interactive node-gyp.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';

export const CODE_SERVER_VERSION = '4.100.3'; // the newest that runs on Node 20 (VS Code 1.100.3)
export const ROOT = path.resolve(__dirname, '..', '..');

export function cacheDir(): string {
  const base = process.env.STUDY_ANNOTATOR_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'study-annotator');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerBin(): string {
  return path.join(cacheDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status}):\n${(r.stderr || r.stdout).slice(-3000)}`);
  }
}

/** Installs code-server into the cache unless a complete install is already there. */
export function ensureCodeServer(log: (s: string) => void = () => {}): string {
  const dir = cacheDir();
  const done = path.join(dir, '.complete');
  if (existsSync(done)) return codeServerBin();
  for (const tool of ['rg', 'pkg-config']) {
    if (spawnSync('which', [tool]).status !== 0) throw new Error(`code-server needs Debian's ${tool === 'rg' ? 'ripgrep' : tool} (apt-get install ripgrep libkrb5-dev pkg-config)`);
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 2 minutes, once)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"private": true}\n');
  const env = { npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_build_from_source: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], dir, env);
  run('npm', ['rebuild', 'argon2'], dir, env);
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-save'], vscodeDir, env);
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  if (!existsSync(path.join(rgBin, 'rg'))) symlinkSync('/usr/bin/rg', path.join(rgBin, 'rg'));
  run('npm', ['rebuild'], vscodeDir, env);
  link(path.join(vscodeDir, 'node_modules.asar'), 'node_modules');
  link(path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'), 'code-linux.sh');
  link(path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'), 'browser-linux.sh');
  run('npm', ['install', '--omit=dev', '--no-save'], path.join(vscodeDir, 'extensions'), env);
  writeFileSync(done, new Date().toISOString());
  log('code-server installed');
  return codeServerBin();
}

function link(at: string, target: string): void {
  if (existsSync(at)) return;
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at);
}

/** Packages the extension with vsce into dist-vsix/ and returns the .vsix path. */
export function packageExtension(): string {
  const out = path.join(ROOT, '.cache', 'study-annotator.vsix');
  mkdirSync(path.dirname(out), { recursive: true });
  run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], ROOT);
  return out;
}

export interface RunningCodeServer {
  url: string;
  process: ChildProcess;
  userDataDir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Installs the packaged extension into a fresh extensions folder and starts code-server on
 * 127.0.0.1 with the folder open. Workspace trust and the welcome page are switched off.
 */
export async function startCodeServer(
  folder: string,
  vsix: string,
  extraSettings: Record<string, unknown> = {},
  options: { port?: number } = {},
): Promise<RunningCodeServer> {
  const bin = ensureCodeServer((s) => process.stderr.write(`[code-server] ${s}\n`));
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'sa-code-server-'));
  const extensionsDir = path.join(userDataDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, ...extraSettings }, null, 2),
  );
  run(process.execPath, [bin, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], ROOT);
  if (!readdirSync(extensionsDir).some((d) => d.startsWith('study-annotator.'))) throw new Error('the extension did not install into code-server');
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [bin, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, folder],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000, () => output);
  return {
    url,
    process: child,
    userDataDir,
    stop: async () => {
      await stopProcessGroup(child);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHttp(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms:\n${output().slice(-2000)}`);
}

/** Stops a process we started, and everything it started, by its own process (group) id. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM'); // the group: code-server and its extension host, file watcher, pty host
  } catch {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
