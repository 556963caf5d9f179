/**
 * One line of block YAML read without a parser: indentation, list dashes, and a `key:` if the
 * line has one. Cursor context (completion) and hover both read lines this way, so a key that
 * works in one (quoted, spaced before the colon) works in the other.
 */
export interface KeyLine {
  /** Spaces before the first dash or the key. */
  indent: number;
  /** The list dashes with their spaces (`- - `), possibly empty. */
  dashes: string;
  /** The text after indentation and dashes. */
  rest: string;
  /** The key, when the rest starts with one: its name (unquoted) and where it sits in the line. */
  key?: { name: string; start: number; end: number; valueStart: number };
}

const LINE = /^( *)((?:- +)*)(.*)$/s; // s: U+2028, U+2029 and a lone CR are text inside a YAML line
const KEY = /^("[^"]*"|'(?:[^']|'')*'|[^\s#:"'][^:#]*?)(\s*):(?:\s+|$)/; // '' is a quote inside single quotes

export function readKeyLine(line: string): KeyLine {
  const m = LINE.exec(line) as RegExpExecArray; // matches any line without a line break
  const indent = (m[1] as string).length;
  const dashes = m[2] as string;
  const rest = m[3] as string;
  const k = KEY.exec(rest);
  if (!k) return { indent, dashes, rest };
  const raw = k[1] as string;
  const start = indent + dashes.length;
  return { indent, dashes, rest, key: { name: unquote(raw), start, end: start + raw.length, valueStart: start + k[0].length } };
}

function unquote(k: string): string {
  if (/^'.*'$/.test(k)) return k.slice(1, -1).replaceAll("''", "'");
  return /^".*"$/.test(k) ? k.slice(1, -1) : k.trim();
}
