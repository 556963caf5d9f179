import { rec } from '../checks/view';
import { studySchema } from '../schema/schema';
import type { PathSegment } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';
import type { TextEdit } from './fixes';

/**
 * Insertions that follow the file's own style: a list item appended to a section (block items
 * indented like the section's first item, or a flow mapping inside `[…]`), a section created
 * where the schema orders it, and a key added to an item. Offsets are into the parsed text; the
 * caller adds the BOM shift. Texts may hold snippet placeholders; see `snippet` and `plain`.
 */

/** One key and its value, written as YAML (a value may hold snippet placeholders). */
export type Entry = readonly [key: string, value: string];

/** The end-of-line the file uses. */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The file's indentation step: the smallest indentation of a line below a top-level key (2 if none). */
function indentStep(text: string): number {
  const widths = [...text.matchAll(/^( +)\S/gm)].map((m) => (m[1] as string).length);
  return widths.length ? Math.min(...widths) : 2;
}

/** Inserts `lines` after the node ending at `at`: on a line of their own, before trailing comments and blank lines. */
function linesAfter(text: string, at: number, lines: readonly string[]): TextEdit {
  const eol = eolOf(text);
  const body = lines.join(eol);
  return text.slice(at - 1, at) === '\n' ? { start: at, end: at, newText: `${body}${eol}` } : { start: at, end: at, newText: `${eol}${body}` };
}

/** Appends an item to the top-level list `section`, creating the section if it is missing. */
export function appendItem(doc: ParsedStudy, section: string, entries: readonly Entry[]): TextEdit | undefined {
  return appendItems(doc, section, [entries]);
}

/** Appends items, in order, to the top-level list `section` in one edit, creating the section if it is missing. */
export function appendItems(doc: ParsedStudy, section: string, all: readonly (readonly Entry[])[]): TextEdit | undefined {
  if (!all.length) return undefined;
  const text = doc.text;
  const value = rec(doc.value)?.[section];
  const at = doc.locate([section]);
  if (value === undefined || !at.found) return newSection(doc, section, all);
  if (!Array.isArray(value)) return undefined;
  const written = text.slice(at.value.start, at.value.end);
  if (written.startsWith('[')) {
    const close = at.value.start + written.lastIndexOf(']');
    const flow = all.map((entries) => `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`).join(', ');
    return written.trimEnd().endsWith(']') ? { start: close, end: close, newText: `${value.length ? ', ' : ''}${flow}` } : undefined;
  }
  // Items are written like the first, which must be a block mapping: '- - id: a' is a list in a list.
  if (!rec(value[0])) return undefined;
  const first = doc.locate([section, 0]).value.start;
  const dash = text.lastIndexOf('-', first);
  if (dash < 0 || text.slice(dash + 1, first).trim() !== '' || text.charAt(first) === '{') return undefined;
  const pad = ' '.repeat(columnOf(text, dash));
  const keyPad = ' '.repeat(columnOf(text, first) - columnOf(text, dash) - 1);
  return linesAfter(text, at.value.end, all.flatMap((entries) => entries.map(([k, v], i) => `${i ? `${pad} ${keyPad}` : `${pad}-${keyPad}`}${k}: ${v}`)));
}

/** A new top-level section holding the items, before the first section the schema orders after it (or at the end). */
function newSection(doc: ParsedStudy, section: string, all: readonly (readonly Entry[])[]): TextEdit | undefined {
  const order = Object.keys(studySchema.properties ?? {});
  const mine = order.indexOf(section);
  if (mine < 0) return undefined;
  const text = doc.text;
  const eol = eolOf(text);
  const step = ' '.repeat(indentStep(text));
  const lines = [`${section}:`, ...all.flatMap((entries) => entries.map(([k, v], i) => `${step}${i ? '  ' : '- '}${k}: ${v}`))];
  const next = Object.keys(rec(doc.value) ?? {})
    .filter((k) => order.indexOf(k) > mine)
    .map((k) => doc.locate([k]).key?.start)
    .filter((s): s is number => s !== undefined)
    .sort((a, b) => a - b)[0];
  if (next !== undefined) {
    const lineStart = text.lastIndexOf('\n', next - 1) + 1;
    return { start: lineStart, end: lineStart, newText: `${lines.join(eol)}${eol}` };
  }
  return linesAfter(text, text.length, lines);
}

/** Adds `key: value` to the mapping at `path` as its last key: a line at its keys' column, or before a flow mapping's `}`. */
export function addKey(doc: ParsedStudy, path: readonly PathSegment[], entry: Entry): TextEdit | undefined {
  const text = doc.text;
  const node = doc.locate(path);
  if (!node.found || !rec(valueOf(doc, path))) return undefined;
  const written = text.slice(node.value.start, node.value.end);
  if (written.startsWith('{')) {
    const close = node.value.start + written.lastIndexOf('}');
    return written.trimEnd().endsWith('}') ? { start: close, end: close, newText: `, ${entry[0]}: ${entry[1]}` } : undefined;
  }
  const firstKey = Object.keys(rec(valueOf(doc, path)) ?? {})[0];
  const key = firstKey === undefined ? undefined : doc.locate([...path, firstKey]).key;
  if (!key) return undefined;
  const indent = text.slice(text.lastIndexOf('\n', key.start - 1) + 1, key.start);
  // A first key after '- ' on its line: the item's keys stand at its column.
  const pad = /^ *$/.test(indent) ? indent : /^ *- +$/.test(indent) ? ' '.repeat(indent.length) : undefined;
  return pad === undefined ? undefined : linesAfter(text, node.value.end, [`${pad}${entry[0]}: ${entry[1]}`]);
}

function valueOf(doc: ParsedStudy, path: readonly PathSegment[]): unknown {
  let v: unknown = doc.value;
  for (const seg of path) v = (v as Record<string, unknown> | undefined)?.[String(seg)];
  return v;
}

/** Literal text inside a snippet: `$`, `}` and `\` escaped. */
export function lit(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** A snippet with its placeholders replaced by their defaults (a choice by its first option), as the file will read until they are typed over. */
export function plain(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet.charAt(i);
    if (c === '\\' && '$}\\'.includes(snippet.charAt(i + 1)) && i + 1 < snippet.length) {
      out += snippet.charAt(++i);
      continue;
    }
    const tab = c === '$' ? /^\$(?:(\d+)|\{(\d+)([:|]))/.exec(snippet.slice(i)) : null;
    if (!tab) {
      out += c;
      continue;
    }
    i += tab[0].length - 1;
    if (tab[1] !== undefined) continue; // $1: an empty tab stop
    // ${n:default} or ${n|first,second|}: the default, or the first choice, up to the unescaped end.
    let value = '';
    const end = tab[3] === ':' ? '}' : '|';
    for (i++; i < snippet.length && snippet.charAt(i) !== end; i++) {
      if (snippet.charAt(i) === '\\' && i + 1 < snippet.length) value += snippet.charAt(++i);
      else value += snippet.charAt(i);
    }
    if (end === '|') i++; // the closing brace after '|'
    out += end === '|' ? (value.split(',')[0] ?? '') : value;
  }
  return out;
}

/** A value YAML reads back as this text, plain where it can be, for use inside a snippet. */
export function yamlValue(text: string): string {
  const plainOk = /^[A-Za-z0-9_(][A-Za-z0-9_ ()./%+-]*$/.test(text) && !/\s$/.test(text) && !readsAsNonString(text);
  return plainOk ? text : JSON.stringify(text);
}

/** A text that a YAML reader, 1.2 or 1.1, takes for a number, a boolean or null when written plain. */
export function readsAsNonString(text: string): boolean {
  return /^[-+.]?[0-9.]+([eE][-+]?[0-9]+)?$/.test(text) || /^(true|false|null|yes|no|on|off|~)$/i.test(text);
}
