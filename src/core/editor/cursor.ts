/**
 * Where the cursor is in the annotation's structure, read from indentation rather than from a
 * parse: while a curator types, the text is often not valid YAML, and completion must still know
 * that `ro|` under `arms:` is a key of an arm.
 */
import { readKeyLine } from '../yaml/key-line';

export type Segment = string | number;

export interface CursorContext {
  /** key: typing a key; value: typing the value of `path`'s last key; item: typing a scalar list item. */
  kind: 'key' | 'value' | 'item';
  /** For keys: the mapping the key goes into. For values and items: the field (list items as 0). */
  path: Segment[];
  /** Offset where the word being typed starts: completions replace from here to the cursor. */
  replaceFrom: number;
  /** Keys already present in the same mapping (for keys only). */
  siblings: string[];
  /** Column where a key would start; used to indent inserted text. */
  indent: number;
}

interface Entry {
  col: number;
  seg: Segment;
}

/** Folds one line into the stack of open keys and list items. */
function push(stack: Entry[], line: string): void {
  const { indent, dashes, rest, key } = readKeyLine(line);
  // A dash opens an item even when a comment follows it ('- # first arm').
  if (!dashes && (rest.startsWith('#') || !rest.trim())) return;
  let col = indent;
  for (const dash of dashes.match(/- +/g) ?? []) {
    popTo(stack, col, true);
    stack.push({ col, seg: 0 });
    col += dash.length;
  }
  if (!key) return;
  popTo(stack, col, false);
  stack.push({ col, seg: key.name });
}

/** A new entry at `col` closes everything at or right of it; an item at col keeps the key at col open (`key:\n- item`). */
function popTo(stack: Entry[], col: number, isItem: boolean): void {
  while (stack.length) {
    const top = stack[stack.length - 1] as Entry;
    if (top.col > col || (top.col === col && (!isItem || typeof top.seg === 'number'))) stack.pop();
    else break;
  }
}


export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset).replace(/\r$/, '');
  if (/(^|\s)#/.test(before)) return undefined; // in a comment
  const stack: Entry[] = [];
  let at = 0;
  while (at < lineStart) {
    const end = text.indexOf('\n', at); // before lineStart: the line above the cursor ends in one
    push(stack, text.slice(at, end).replace(/\r$/, ''));
    at = end + 1;
  }
  const { indent, dashes: dashText, rest, key } = readKeyLine(before);
  let col = indent;
  const dashes = dashText.match(/- +/g) ?? [];
  for (const dash of dashes) {
    popTo(stack, col, true);
    stack.push({ col, seg: 0 });
    col += dash.length;
  }
  if (key) {
    // Typing a value: `key: va|` or a flow list `key: [a, b|`.
    popTo(stack, col, false);
    const path = [...stack.map((e) => e.seg), key.name];
    const value = before.slice(key.valueStart);
    const flow = /\[([^\]]*)$/.exec(value);
    if (flow) {
      const word = /[^\s,[]*$/.exec(flow[1] as string)?.[0] ?? '';
      return { kind: 'item', path: [...path, 0], replaceFrom: offset - word.length, siblings: [], indent: col };
    }
    return { kind: 'value', path, replaceFrom: offset - value.length, siblings: [], indent: col };
  }
  if (rest.includes(':')) return undefined;
  popTo(stack, col, false);
  const path = stack.map((e) => e.seg);
  const siblings = dashes.length ? keysAfter(text, offset, col) : [...keysAbove(text, lineStart, col), ...keysAfter(text, offset, col)];
  return { kind: dashes.length && !/^[\w-]*$/.test(rest) ? 'item' : 'key', path, replaceFrom: offset - rest.length, siblings, indent: col };
}

/** Keys at exactly `col` in the same mapping, scanning up from `from` until the mapping starts. */
function keysAbove(text: string, from: number, col: number): string[] {
  const out: string[] = [];
  let end = from - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const { indent, dashes, rest, key } = readKeyLine(line);
    if (!line.trim() || (!dashes && rest.startsWith('#'))) continue;
    const dash = dashes.length;
    if (indent + dash === col) {
      if (key) out.push(key.name);
      if (dash) break; // the item's first line: the mapping starts here
      continue;
    }
    if (indent < col) break;
  }
  return out;
}

/** Keys at `col` below the cursor line in the same mapping. */
function keysAfter(text: string, offset: number, col: number): string[] {
  const out: string[] = [];
  let start = text.indexOf('\n', offset);
  while (start !== -1) {
    const nl = text.indexOf('\n', start + 1);
    const line = text.slice(start + 1, nl === -1 ? text.length : nl).replace(/\r$/, '');
    start = nl;
    const { indent, dashes, rest, key } = readKeyLine(line);
    if (!line.trim() || rest.startsWith('#')) continue;
    if (indent < col) break;
    // A list at the keys' own column ('key:' then '- item') is the value of the key above it.
    if (indent === col && !dashes && key) out.push(key.name);
  }
  return out;
}
