/**
 * Messages quote what the file says, and the file can say anything: terminal escapes (ESC, BEL)
 * that retitle or clear a terminal, zero-width and bidi controls that make two ids look alike
 * or text run backwards. Every message passes through `safeMessage` before it leaves the core.
 */

/** Characters that are invisible, or control how text is shown rather than being text. */
export const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

const NAMES: Readonly<Record<number, string>> = {
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
  0x00ad: 'soft hyphen',
  0x1b: 'escape',
  0x07: 'bell',
};

/** `t1\u200B`: each invisible or control character written as its escape. */
export function escapeInvisible(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** INVISIBLE without its global flag: one match from the start, and no lastIndex to carry between calls. */
const ONE_INVISIBLE = new RegExp(INVISIBLE.source);

/** "U+200B (zero width space)" for the first invisible character of `s`, if any. */
export function firstInvisible(s: string): string | undefined {
  const c = ONE_INVISIBLE.exec(s)?.[0];
  if (c === undefined) return undefined;
  const code = c.codePointAt(0) as number;
  const name = NAMES[code] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'a control character' : 'a format character');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`;
}

/** Longest quoted value kept whole in a message; longer ones are cut with an ellipsis. */
export const MAX_QUOTED = 60;

/** One line, invisible characters escaped, at most MAX_QUOTED characters. */
export function clipValue(s: string): string {
  const line = escapeInvisible(s.replace(/\r\n|[\r\n\t\u2028\u2029\u0085]+/g, ' '));
  return line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED - 1)}…` : line;
}

/** A value from the file, quoted for a message: `value`, clipped and with invisibles escaped. */
export function q(value: unknown): string {
  return `\`${clipValue(String(value))}\``;
}

/** Longest message: a bound whatever a file holds (one once ran to 10,064 characters). */
export const MAX_MESSAGE = 500;

/** The last line of defence, applied to every message: one line, invisible characters escaped, bounded. */
export function safeMessage(message: string): string {
  const line = escapeInvisible(message.replace(/[\r\n\u2028\u2029\u0085]+/g, ' '));
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}
