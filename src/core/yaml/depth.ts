/**
 * How deeply lists and mappings nest, read from the text before any parser sees it. The yaml
 * library recurses once per level and overflows the stack at about 800, reporting "Maximum call
 * stack size exceeded" at a column that depends on the JIT; a study needs fewer than ten levels.
 * This scan is linear and deterministic, and errs towards counting too much, never too little
 * (test/unit/depth.test.ts compares it with the library's parse on generated texts).
 */

/** Levels allowed: far more than any study (its deepest path is about eight). */
export const MAX_DEPTH = 64;

/** The first offset whose line is nested deeper than `limit`, with that depth; undefined when none is. */
export function firstTooDeep(text: string, limit = MAX_DEPTH): { offset: number; lineEnd: number; depth: number } | undefined {
  const indents: number[] = []; // columns of the open block collections
  const keyed: boolean[] = []; // for each, whether a key line opened it (a mapping), not a dash
  let flow = 0; // open [ and { across lines
  let quote = ''; // the open quote of a flow scalar that spans lines
  let blockScalar = -1; // indent of the key whose | or > scalar is open; its deeper lines are text
  // Block levels of the line, dashes included; while a flow collection or quote spans lines,
  // those of the line it opened on, so that its levels count on top of them.
  let base = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    const indent = i - start;
    const blank = i === end || text[i] === '\r' || text[i] === '#';
    if (blockScalar >= 0 && (blank || indent > blockScalar)) {
      start = end + 1;
      continue;
    }
    blockScalar = -1;
    if (blank && !flow && !quote) {
      start = end + 1;
      continue;
    }
    if (!flow && !quote) {
      const dashLine = text.charCodeAt(i) === 0x2d && blankOrEnd(text, i + 1);
      // A dash at a key's own column ('a:' then '- b') is a list inside that key's mapping: a
      // level more. At a list's column it is that list's next item.
      while (indents.length && (indents[indents.length - 1] as number) >= indent + (dashLine ? 1 : 0)) {
        indents.pop();
        keyed.pop();
      }
      if (!dashLine || !indents.length || (indents[indents.length - 1] as number) < indent || keyed[keyed.length - 1]) {
        indents.push(indent);
        keyed.push(!dashLine);
      }
      base = indents.length;
    }
    let depth = base + flow;
    let valueStart = true; // at a position where a flow collection may open in block context
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      // Most characters are letters, digits or spaces, which change nothing here but `valueStart`.
      if (!quote && isPlain(code)) {
        valueStart = false;
        if (depth > limit) break; // reported below, as at any other character
        continue;
      }
      const c = text[i] as string;
      if (quote) {
        if (c === quote && !(quote === '"' && text[i - 1] === '\\')) quote = '';
        continue;
      }
      if (c === '#' && (i === start || /\s/.test(text[i - 1] as string))) break;
      if (c === '"' || c === "'") {
        // Only where a scalar starts: in "i'n vitro" the quote is a letter, in flow as in block.
        if (valueStart) quote = c;
        valueStart = false;
      } else if (c === '[' || c === '{') {
        if (flow || valueStart) {
          flow++;
          depth = Math.max(depth, base + flow);
          valueStart = true;
        }
      } else if (c === ']' || c === '}') {
        if (flow) flow--;
      } else if (c === '-' && !flow && valueStart && blankOrEnd(text, i + 1)) {
        // `- - -`: each dash opens a list inside the one before, and what follows it sits at the
        // column after its spaces: a mapping there ('- a:') is one level, its keys' lines the next.
        let j = i + 1;
        while (j < end && text.charCodeAt(j) === SPACE) j++;
        indents.push(j - start);
        keyed.push(false);
        base = indents.length;
        depth = Math.max(depth, base);
      } else if (c === ':' && (blankOrEnd(text, i + 1) || (flow && (text[i - 1] === '"' || text[i - 1] === "'")))) {
        // A pair in a flow sequence ('[a: b]') is a mapping of its own: a level more (one too many in '{a: b}').
        if (flow) depth = Math.max(depth, base + flow + 1);
        valueStart = true;
        continue;
      } else if (c === '|' || c === '>') {
        if (!flow && valueStart) blockScalar = indent;
      } else if (c !== ' ' && c !== '\t' && c !== ',' && c !== '?') {
        valueStart = false;
      }
      if (c === ',' && flow) valueStart = true;
      if (c === ' ' || c === '\t' || c === ',') continue;
      if (c !== '-' && c !== '[' && c !== '{' && c !== '?') valueStart = false;
      if (depth > limit) return { offset: start, lineEnd: end > start && text[end - 1] === '\r' ? end - 1 : end, depth };
    }
    if (depth > limit) return { offset: start, lineEnd: end > start && text[end - 1] === '\r' ? end - 1 : end, depth };
    start = end + 1;
  }
  return undefined;
}

const SPACE = 0x20;
const TAB = 0x09;

/** Letters, digits and the other characters the scan gives no meaning (anything outside ASCII too). */
function isPlain(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code > 0x7f;
}

/** A space, tab or CR at `i`, or the end of the text. */
function blankOrEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === 0x0d;
}
