/**
 * Debian packages the real-editor tests and the code-server launcher need. Installed with
 * apt-get when running as root (as on CI and these dev machines); otherwise the exact command
 * is printed and the caller stops.
 */
import { spawnSync } from 'node:child_process';

export const DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'pkg-config'] as const;

export function missingPackages(packages: readonly string[] = DEBIAN_PACKAGES): string[] {
  return packages.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
}

export function ensurePackages(packages: readonly string[] = DEBIAN_PACKAGES, log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): void {
  const missing = missingPackages(packages);
  if (!missing.length) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages: ${missing.join(', ')}. Install them with: sudo sh -c '${command}'`);
  log(`installing Debian packages: ${missing.join(' ')}`);
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  }
}
