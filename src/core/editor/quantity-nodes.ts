import { rec } from '../checks/view';
import { instancesOf } from '../checks/view';
import { quantityPaths } from '../schema/schema';
import { quantityOf, quantityReading } from '../units/quantity';
import { normaliseUnit } from '../units/synonyms';
import { checkUcum } from '../units/ucum';
import { valueAt, type PathSegment } from '../value-path';
import type { Span } from '../yaml/layout';
import type { ParsedStudy } from '../yaml/parsed-study';

/** A quantity as it stands in the file: where it is, how its numbers were written, and its unit. */
export interface QuantityNode {
  path: PathSegment[];
  form: 'short' | 'long';
  /** The whole node: the scalar (quotes included) or the mapping. */
  span: Span;
  /** The bounds as written: '150', '3 x 10^6'; for the long form, the YAML number's text. */
  written: { low: string; high?: string };
  /** '~', '<', '>=' … where one is written. */
  qualifier?: string;
  /** The unit as written, and its UCUM code after synonyms. */
  unit: string;
  ucum: string;
  /** The short form's text, for `as_reported`; the long form's own `as_reported`, if any. */
  asReported?: string;
}

/** Every quantity of the study whose unit is UCUM (after synonyms) and whose numbers are finite. */
export function quantityNodes(doc: ParsedStudy): QuantityNode[] {
  const out: QuantityNode[] = [];
  for (const pattern of quantityPaths()) {
    for (const path of instancesOf(doc.value, pattern)) {
      const node = quantityNode(doc, path);
      if (node) out.push(node);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The quantity whose node holds [start, end], if any. */
export function quantityNodeAt(doc: ParsedStudy, start: number, end = start): QuantityNode | undefined {
  return quantityNodes(doc).find((n) => n.span.start <= start && end <= n.span.end);
}

function quantityNode(doc: ParsedStudy, path: PathSegment[]): QuantityNode | undefined {
  const value = valueAt(doc.value, path);
  const q = quantityOf(value);
  if (!q) return undefined;
  const ucum = normaliseUnit(q.unit).ucum;
  if (!checkUcum(ucum).valid) return undefined;
  const span = doc.locate(path).value;
  if (typeof value === 'string') {
    const reading = quantityReading(value);
    if (!reading || reading.ambiguous) return undefined;
    // '3-5 x 10^11' is read with the power for both bounds: so is the low bound written here.
    const written = { ...reading.readAs };
    const qualifier = /^\s*(~|≈|<=|>=|≤|≥|<|>)/.exec(value)?.[1];
    return { path, form: 'short', span, written, qualifier, unit: q.unit, ucum, asReported: value.trim() };
  }
  const o = rec(value) ?? {};
  const text = (key: string) => {
    const at = doc.locate([...path, key]);
    return at.found && typeof o[key] === 'number' ? doc.text.slice(at.value.start, at.value.end) : undefined;
  };
  const low = text('value') ?? text('low');
  if (low === undefined) return undefined;
  const high = o.value === undefined ? text('high') : undefined;
  const asReported = typeof o.as_reported === 'string' ? o.as_reported : undefined;
  const qualifier = typeof o.qualifier === 'string' ? o.qualifier : undefined;
  return { path, form: 'long', span, written: high === undefined ? { low } : { low, high }, qualifier, unit: q.unit, ucum, asReported };
}
