import { promises as fs } from 'node:fs';
import path from 'node:path';
import { globToRegExp, isIgnored, parseIgnoreFile, type IgnoreFile } from '../core';

const STUDY_FILE = /\.study\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export class UsageError extends Error {}

/**
 * Expands the command-line operands: a file is taken as given, a directory means every
 * *.study.yaml / *.study.yml below it, and a glob (*, **, ?) is matched against paths.
 */
export async function expandOperands(operands: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const op of operands) {
    const found = /[*?[]/.test(op) ? await glob(op, cwd) : await fileOrDir(op, cwd);
    if (!found.length) throw new UsageError(`no study files match ${op}`);
    out.push(...found);
  }
  return [...new Set(out)];
}

async function fileOrDir(op: string, cwd: string): Promise<string[]> {
  const abs = path.resolve(cwd, op);
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch {
    throw new UsageError(`cannot read ${op}: no such file or directory`);
  }
  if (stat.isDirectory()) return (await walk(abs, [])).filter((f) => STUDY_FILE.test(f)).map((f) => path.relative(cwd, f) || f);
  return [op];
}

/**
 * Lists files below `dir`. A `.studyignore` file (one glob per line, relative to its folder;
 * `folder/` skips a folder) hides paths from directory walks below it. A path named on the
 * command line is always validated, ignored or not.
 */
async function walk(dir: string, ignores: readonly IgnoreFile[]): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const own = entries.some((e) => e.isFile() && e.name === IGNORE_FILE) ? [...ignores, await readIgnore(dir)] : ignores;
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (isIgnored(slashes(full), e.isDirectory(), own)) continue;
    if (e.isDirectory() && !SKIP_DIRS.has(e.name)) out.push(...(await walk(full, own)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

const IGNORE_FILE = '.studyignore';

async function readIgnore(dir: string): Promise<IgnoreFile> {
  return { dir: slashes(dir), patterns: parseIgnoreFile(await fs.readFile(path.join(dir, IGNORE_FILE), 'utf8')) };
}

function slashes(p: string): string {
  return p.split(path.sep).join('/');
}

async function glob(pattern: string, cwd: string): Promise<string[]> {
  const norm = pattern.split(path.sep).join('/');
  const firstMagic = norm.search(/[*?[]/);
  const baseDir = norm.slice(0, norm.lastIndexOf('/', firstMagic) + 1) || './';
  const re = globToRegExp(norm);
  let files: string[];
  try {
    files = await walk(path.resolve(cwd, baseDir), []);
  } catch {
    return [];
  }
  return files.map((f) => path.relative(cwd, f).split(path.sep).join('/')).filter((rel) => re.test(rel) || re.test(`./${rel}`));
}
