import { Document, isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, visit, type Node, type Pair, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { ProblemDraft } from '../problem';
import { firstTooDeep, MAX_DEPTH } from './depth';
import { parsePlainSubset } from './plain-subset';
import { syntaxMessage } from './syntax-messages';

const SPECIFIC_CODES: Partial<Record<string, 'yaml-tab-indent' | 'yaml-multi-document'>> = {
  TAB_AS_INDENT: 'yaml-tab-indent',
  MULTIPLE_DOCS: 'yaml-multi-document',
};

/** Alias expansions allowed per document before we call it an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  // The library compares each key with every earlier one (quadratic: 32,000 keys took 17 s);
  // keyProblems finds duplicates in linear time instead.
  uniqueKeys: false,
  keepSourceTokens: false,
  strict: true,
  // 'warn' would call process.emitWarning, whose captured stack keeps each parsed document alive.
  logLevel: 'error',
};

/**
 * One parsed piece of text: a whole file, a top-level section or a list item. Offsets inside
 * are relative to the piece, so the same piece can be reused wherever it moves in the file.
 */
export interface Part {
  /** The root node (null for an empty piece); nodes keep the piece's offsets. */
  readonly root: Node | null;
  /** The plain value (null when alias expansion was refused). */
  readonly value: unknown;
  /** Syntax problems, offsets relative to the piece. */
  readonly problems: readonly ProblemDraft[];
  /** True when the value could not be built (alias bomb): do not validate it. */
  readonly unusable: boolean;
}

export function parsePart(text: string): Part {
  // The subset nests at most half the depth limit, and its nodes hold no aliases, collection
  // keys or errors: duplicate keys, which it notes, are all there is to find.
  const plain = parsePlainSubset(text);
  if (plain) return { root: plain.root, value: plain.value, problems: plain.duplicateKeys.map((k) => duplicateKey(k.name, k.start, k.end)), unusable: false };
  const deep = firstTooDeep(text);
  if (deep) {
    // Never handed to the parser, which would recurse once per level until the stack overflows.
    const problem: ProblemDraft = {
      code: 'yaml-too-deep',
      message: `Lists and mappings nest more than ${MAX_DEPTH} levels deep on this line; a study needs far fewer, so the file is not validated further.`,
      start: deep.offset,
      end: deep.lineEnd,
      data: { limit: MAX_DEPTH },
    };
    return { root: null, value: null, problems: [problem], unusable: true };
  }
  return parseWithLibrary(text);
}

function parseWithLibrary(text: string): Part {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const problems: ProblemDraft[] = [];
  for (const e of doc.errors) {
    const quote = /^Missing closing (["'])quote/.exec(e.message)?.[1];
    if (e.code === 'MISSING_CHAR' && quote) {
      problems.push(unclosedQuote(text, quote, e.pos[0]));
      continue;
    }
    const [start, end] = narrow(e.code, text, e.pos[0], e.pos[1]);
    problems.push({
      code: (SPECIFIC_CODES[e.code] ?? 'yaml-syntax') as 'yaml-syntax', // every one of these codes carries { yamlCode }
      message: syntaxMessage(e.code, e.message, text.slice(start, end)),
      start,
      end: Math.max(end, start + 1),
      data: { yamlCode: e.code },
    });
  }
  problems.push(...nodeProblems(doc.contents, text, (by) => (doc.contents = by as typeof doc.contents)));
  for (const w of doc.warnings) {
    problems.push({ code: 'yaml-warning', message: syntaxMessage(w.code, w.message, ''), start: w.pos[0], end: w.pos[1], data: { yamlCode: w.code } });
  }
  try {
    return { root: doc.contents, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems, unusable: false };
  } catch (err) {
    const alias = firstAlias(doc);
    problems.push({
      code: 'yaml-alias-limit',
      message: `Aliases here expand to more than ${MAX_ALIAS_COUNT} copies (an "alias bomb"); the file is not validated further. Write the values out instead of nesting aliases.`,
      start: alias?.[0] ?? 0,
      end: alias?.[1] ?? 1,
      data: { limit: MAX_ALIAS_COUNT, detail: err instanceof Error ? err.message : String(err) },
    });
    return { root: doc.contents, value: null, problems, unusable: true };
  }
}

/**
 * One walk over the parsed nodes, in document order, for what the library does not report as
 * we want it (its own `visit` allocates a frozen path per node, which cost more than the rest):
 *
 * - duplicate keys, a set per mapping, so linear in the number of keys;
 * - keys that are lists or mappings (`? [a, b]`), which no study field has and which plain
 *   objects cannot hold: reported once, here, and removed, or the key would also be an unknown
 *   property named '[ a, b ]';
 * - an alias whose anchor is not defined before it (`c: *nowhere`, or an anchor set later),
 *   which makes the library refuse the whole value: reported where it is written and read as
 *   an empty value, so the rest of the file is still validated.
 */
function nodeProblems(root: Node | null, text: string, replaceRoot: (by: Node) => void = () => undefined): ProblemDraft[] {
  const keys: ProblemDraft[] = [];
  const aliases: ProblemDraft[] = [];
  const anchors = new Set<string>();
  const walk = (node: unknown, replace: (by: Node) => void): void => {
    if (isAlias(node)) {
      if (anchors.has(node.source)) return;
      const range = node.range ?? [0, 0, 0];
      aliases.push({
        code: 'yaml-unresolved-alias',
        message: `\`*${clipName(node.source)}\` refers to an anchor \`&${clipName(node.source)}\` that is not defined before it; define the anchor first, or write the value out.`,
        start: range[0],
        end: range[1],
        data: { alias: node.source },
      });
      const empty = new Scalar(null);
      empty.range = [range[0], range[1], range[2]];
      replace(empty);
      return;
    }
    if (!isScalar(node) && !isCollection(node)) return;
    if (node.anchor) anchors.add(node.anchor);
    if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, (by) => (node.items[i] = by)));
    } else if (isMap(node)) {
      const seen = new Set<string>();
      const complex: Pair[] = [];
      for (const pair of node.items) {
        const problem = keyProblem(pair.key as Node | null, seen, text);
        if (problem) keys.push(problem);
        if (problem?.code === 'yaml-complex-key') {
          complex.push(pair);
          continue;
        }
        walk(pair.key, (by) => (pair.key = by));
        walk(pair.value, (by) => (pair.value = by));
      }
      for (const pair of complex) node.items.splice(node.items.indexOf(pair), 1);
    }
  };
  walk(root, replaceRoot);
  return [...keys, ...aliases];
}

function keyProblem(key: Node | null, seen: Set<string>, text: string): ProblemDraft | undefined {
  const range = key?.range;
  if (!key || !range) return undefined;
  if (isCollection(key)) {
    return {
      code: 'yaml-complex-key',
      message: 'This key is a list or a mapping; keys in a study annotation are plain names (`dose:`). Remove the `?`, or put the text in quotes.',
      start: range[0],
      end: Math.min(range[1], lineEnd(text, range[0])),
      data: { yamlCode: 'COMPLEX_KEY' },
    };
  }
  if (!isScalar(key)) return undefined;
  const name = String(key.value);
  if (name === '<<' || !seen.has(name)) {
    seen.add(name);
    return undefined;
  }
  return duplicateKey(name, range[0], range[1]);
}

/** A key its mapping already has, at the key. */
function duplicateKey(name: string, start: number, end: number): ProblemDraft {
  return {
    code: 'yaml-duplicate-key',
    message: syntaxMessage('DUPLICATE_KEY', '', name),
    start,
    end,
    data: { yamlCode: 'DUPLICATE_KEY', key: name },
  };
}

function clipName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

function firstAlias(doc: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_key, node: Node) {
      if (isAlias(node) && node.range) {
        found = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The parser notices a missing closing quote where the text ends (or where the next quote
 * happens to close it), lines later; the curator needs the quote that was opened. Inside a
 * double-quoted value every other " is escaped, and inside a single-quoted one every other ' is
 * doubled, so the opening quote is the last lone one before that point.
 */
function unclosedQuote(text: string, quote: string, at: number): ProblemDraft {
  let open = -1;
  for (let i = Math.min(at, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const lone = quote === '"' ? text[i - 1] !== '\\' : text[i - 1] !== "'" && text[i + 1] !== "'";
    if (lone) {
      open = i;
      break;
    }
  }
  const start = open === -1 ? at : open;
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
  return {
    code: 'yaml-syntax',
    message: `This ${quote === '"' ? 'double' : 'single'} quote is never closed, so the value runs on over the lines below; add the closing ${quote} where the value ends.`,
    start,
    end: Math.max(end, start + 1),
    data: { yamlCode: 'MISSING_CLOSING_QUOTE' },
  };
}

/** Narrower ranges than the library's where they help: the whole escape, the '---' marker only. */
function narrow(code: string, text: string, start: number, end: number): [number, number] {
  if (code === 'BAD_DQ_ESCAPE' && text[start] === '\\') return [start, Math.max(end, start + 2)];
  if (code === 'MULTIPLE_DOCS') {
    const marker = /^(---|\.\.\.)/.exec(text.slice(start, start + 3));
    if (marker) return [start, start + 3];
    const nl = text.indexOf('\n', start);
    return [start, nl === -1 ? end : Math.min(end, nl)];
  }
  return [start, end];
}
