import type { PathSegment } from '../value-path';
import type { ValidationResult } from '../validate';
import { LineIndex } from '../text/line-index';
import type { Source } from './types';

/** Where paths of one validated file are: its value node's range, with line and column. */
export function sourcesOf(file: string, result: ValidationResult): (path: readonly PathSegment[]) => Source | undefined {
  const doc = result.parsed;
  if (!doc) return () => undefined;
  let lines: LineIndex | undefined;
  return (path) => {
    const at = doc.locate([...path]);
    if (!at.found) return undefined;
    const span = at.value.end > at.value.start ? at.value : (at.key ?? at.value);
    lines ??= new LineIndex(doc.text);
    const { line, column } = lines.position(span.start);
    return { file, start: span.start + result.shift, end: span.end + result.shift, line, column };
  };
}
