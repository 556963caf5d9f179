import { parsePart, type Part } from './part';
import { ParsedStudy } from './parsed-study';

/**
 * Parses successive versions of one document, reusing every piece whose text did not change.
 * Pieces are keyed by their text, so a piece that only moved (an edit above it changed its
 * offset) is reused too. Only the previous version's pieces are kept: memory stays bounded.
 */
export class ParseCache {
  private previous = new Map<string, Part>();
  private lastText: string | undefined;
  private last: ParsedStudy | undefined;

  /** `split: false` parses every version whole: the reference the split parse must equal. */
  constructor(private readonly split = true) {}

  parse(text: string): ParsedStudy {
    if (text === this.lastText && this.last) return this.last;
    const next = new Map<string, Part>();
    const pieceOf = (piece: string): Part => {
      let part = next.get(piece) ?? this.previous.get(piece);
      if (!part) part = parsePart(piece);
      next.set(piece, part);
      return part;
    };
    const parsed = ParsedStudy.build(text, pieceOf, this.split);
    this.previous = next;
    this.lastText = text;
    this.last = parsed;
    return parsed;
  }
}
