/** Glob matching shared by the CLI (file operands, .studyignore) and the extension (file settings). */
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

/** Whether a workspace-relative path (forward slashes) matches any glob; a glob without '/' matches the file name anywhere. */
export function matchesAny(relPath: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g.includes('/') ? g : `**/${g}`).test(relPath));
}

/** First-line opt-in for files outside the configured globs: `# study-annotator`. */
export const MODELINE = /^\ufeff?#\s*study-annotator\b/;

export function hasModeline(text: string): boolean {
  return MODELINE.test(text.slice(0, 200));
}
