/**
 * Glob matching shared by the CLI (file operands, .studyignore) and the extension (file
 * settings). Pure and dependency-free: the extension bundles this module itself, so deciding
 * whether a file is a study never loads the validation core.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map(escape).join('|')})`;
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|\\[\]]/g, '\\$&');
}

/** Patterns of a .studyignore file: one glob per line, '#' comments, 'folder/' for a folder. */
export function parseIgnoreFile(text: string): RegExp[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => globToRegExp(l.endsWith('/') ? `${l}**` : l));
}

/** The patterns of one .studyignore file and the folder (forward slashes, no trailing slash) it sits in. */
export interface IgnoreFile {
  dir: string;
  patterns: readonly RegExp[];
}

/**
 * Whether a path (forward slashes) is hidden by any .studyignore above it. Each file's patterns
 * match the path relative to its own folder; a folder also matches as `folder/`. One rule for
 * the CLI's directory walk and the extension's workspace scan.
 */
export function isIgnored(path: string, isDir: boolean, ignores: readonly IgnoreFile[]): boolean {
  return ignores.some(({ dir, patterns }) => {
    if (!path.startsWith(`${dir}/`)) return false;
    const rel = path.slice(dir.length + 1);
    return patterns.some((re) => re.test(rel) || (isDir && re.test(`${rel}/`)));
  });
}

/** Whether a workspace-relative path (forward slashes) matches any glob; a glob without '/' matches the file name anywhere. */
export function matchesAny(relPath: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g.includes('/') ? g : `**/${g}`).test(relPath));
}

/** First-line opt-in for files outside the configured globs: `# study-annotator`. */
export const MODELINE = /^\ufeff?#\s*study-annotator\b/;

export function hasModeline(text: string): boolean {
  return MODELINE.test(text.slice(0, 200));
}
