import { Document, isAlias, parseDocument, visit, type Node, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { ProblemDraft } from '../problem';
import { syntaxMessage } from './syntax-messages';

const SPECIFIC_CODES: Partial<Record<string, 'yaml-duplicate-key' | 'yaml-tab-indent' | 'yaml-multi-document'>> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  MULTIPLE_DOCS: 'yaml-multi-document',
};

/** Alias expansions allowed per document before we call it an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
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
  readonly doc: Document.Parsed;
  /** The plain value (null when alias expansion was refused). */
  readonly value: unknown;
  /** Syntax problems, offsets relative to the piece. */
  readonly problems: readonly ProblemDraft[];
  /** True when the value could not be built (alias bomb): do not validate it. */
  readonly unusable: boolean;
}

export function parsePart(text: string): Part {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const problems: ProblemDraft[] = [];
  for (const e of doc.errors) {
    const [start, end] = narrow(e.code, text, e.pos[0], e.pos[1]);
    problems.push({
      code: (SPECIFIC_CODES[e.code] ?? 'yaml-syntax') as 'yaml-syntax', // every one of these codes carries { yamlCode }
      message: syntaxMessage(e.code, e.message, e.code === 'DUPLICATE_KEY' ? keyAt(text, start) : text.slice(start, end)),
      start,
      end: Math.max(end, start + 1),
      data: { yamlCode: e.code },
    });
  }
  for (const w of doc.warnings) {
    problems.push({ code: 'yaml-warning', message: syntaxMessage(w.code, w.message, ''), start: w.pos[0], end: w.pos[1], data: { yamlCode: w.code } });
  }
  try {
    return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems, unusable: false };
  } catch (err) {
    const alias = firstAlias(doc);
    problems.push({
      code: 'yaml-alias-limit',
      message: `Aliases here expand to more than ${MAX_ALIAS_COUNT} copies (an "alias bomb"); the file is not validated further. Write the values out instead of nesting aliases.`,
      start: alias?.[0] ?? 0,
      end: alias?.[1] ?? 1,
      data: { limit: MAX_ALIAS_COUNT, detail: err instanceof Error ? err.message : String(err) },
    });
    return { doc, value: null, problems, unusable: true };
  }
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

function keyAt(text: string, at: number): string {
  return /^["']?([^:"'\n]*)/.exec(text.slice(at, at + 200))?.[1]?.trim() ?? '';
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
