import { isScalar, type Scalar, type ScalarTag } from 'yaml';
import { newScalar, schema } from './subset-nodes';

/**
 * The characters, words and scalars of the plain subset that `plain-subset.ts` parses: what
 * ends a line, what may start a plain scalar or a key, and how a scalar is resolved and stored
 * as the yaml library would.
 */

/** Thrown (one shared object, no stack) when the text leaves the subset. */
export const LEAVE = { leave: true };

export const SPACE = 0x20;
export const NL = 0x0a;
export const CR = 0x0d;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;

const DEFAULT_TAGS = schema.tags.filter((t): t is ScalarTag & { test: RegExp } => t.default === true && t.test !== undefined);

/** The words a key pattern admits that the core schema reads as null or a boolean, not as a name. */
export const NOT_NAMES = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Characters that cannot start a plain scalar. */
export const INDICATORS = new Set([...'[]{},#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** After `-` in a flow collection, what makes it an indicator instead of a scalar's first character (a line end, `[` and `{` leave in the scan). */
export const ENDS_FLOW_SCALAR = new Set([SPACE, 0x2c, 0x5d, 0x7d]);

/** First characters of every core-schema value that is not a string: digits, signs, '.', '~', n/N, t/T, f/F. */
const MAYBE_NOT_STRING = /^[-+.~0-9nNtTfF]/;

export function resolvePlain(source: string, start: number, valueEnd: number, end: number): Scalar {
  let node: Scalar;
  if (MAYBE_NOT_STRING.test(source)) {
    const tag = DEFAULT_TAGS.find((t) => t.test.test(source));
    if (tag) {
      let failed = false;
      const res = tag.resolve(source, () => (failed = true), { intAsBigInt: false }) as unknown;
      if (failed) throw LEAVE;
      node = isScalar(res) ? (res as Scalar) : newScalar(res);
      if (tag.format) node.format = tag.format;
    } else node = newScalar(source);
  } else node = newScalar(source);
  node.range = [start, valueEnd, end];
  node.source = source;
  node.type = 'PLAIN';
  return node;
}

/** An empty value, as the library reads one: null, with no source, at `at`. */
export function emptyScalar(at: number, end: number): Scalar {
  const node = newScalar(null);
  node.range = [at, at, end];
  node.source = '';
  node.type = 'PLAIN';
  return node;
}

/**
 * As the library's toJS: `__proto__` becomes an own property, not a prototype change. (The
 * library defines every key the object already has; for the others, inherited data properties
 * such as `constructor`, assigning does the same, and `__proto__` is the only inherited setter.)
 */
export function setPlain(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** A line break: LF, or the CR of a CRLF (a lone CR never reaches the parser). */
export function isBreak(c: number): boolean {
  return c === NL || c === CR;
}

export function skipSpaces(t: string, i: number): number {
  while (t.charCodeAt(i) === SPACE) i++;
  return i;
}

export function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
