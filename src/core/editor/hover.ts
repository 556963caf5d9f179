import { allowedValues, deref, schemaAt, type SchemaNode } from '../schema/schema';
import { parseQuantityText, quantityOf, quantityReading, readable, type Quantity } from '../units/quantity';
import { rangeText } from '../units/number-text';
import { normaliseUnit } from '../units/synonyms';
import { checkUcum, unitInfo } from '../units/ucum';
import { q as quote } from '../text/safe';
import { valueAt } from '../value-path';
import { readKeyLine } from '../yaml/key-line';
import type { ParsedStudy } from '../yaml/parsed-study';
import { cursorContext, type Segment } from './cursor';
import { equivalents } from './quantity-hover';
import { quantityNodeAt } from './quantity-nodes';

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  start: number;
  end: number;
}

/**
 * What to show when hovering at `offset`: the field's documentation, and for quantities their
 * UCUM form and the same amount in the other units of its kind. With the parse of `text`, a
 * long-form quantity ({value, unit}) is described too, wherever in it the pointer rests.
 */
export function hoverAt(text: string, offset: number, parsed?: ParsedStudy): HoverInfo | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl === -1 ? text.length : nl).replace(/\r$/, '');
  const { key } = readKeyLine(line);
  if (!key) return undefined;
  const keyStart = lineStart + key.start;
  const keyEnd = lineStart + key.end;
  const ctx = cursorContext(text, keyStart);
  if (!ctx || ctx.kind !== 'key') return undefined;
  const path: Segment[] = [...ctx.path, key.name];
  const schema = schemaAt(path);
  if (offset >= keyStart && offset <= keyEnd) {
    return schema ? { contents: documentField(schema), start: keyStart, end: keyEnd } : undefined;
  }
  const valueStart = lineStart + key.valueStart;
  const rawValue = line.slice(valueStart - lineStart).replace(/\s+#.*$/, '');
  const valueEnd = valueStart + rawValue.length;
  if (offset < valueStart || offset > valueEnd || !rawValue) return undefined;
  const value = rawValue.replace(/^(["'])(.*)\1$/, '$2');
  const quantity = isQuantity(schema) ? parseQuantityText(value) : undefined;
  const long = parsed?.text === text ? quantityNodeAt(parsed, offset) : undefined;
  const longQuantity = long?.form === 'long' ? quantityOf(valueAt(parsed?.value, long.path)) : undefined;
  const unitField = path[path.length - 1] === 'unit' ? value : undefined;
  const parts: string[] = [];
  if (quantity) parts.push(describeQuantity(quantity, quantityReading(value)?.readAs));
  else if (longQuantity && long) parts.push(describeQuantity(longQuantity, long.written));
  else if (unitField) parts.push(describeUnit(unitField));
  if (schema) parts.push(documentField(schema));
  return parts.length ? { contents: parts.join('\n\n---\n\n'), start: valueStart, end: valueEnd } : undefined;
}

function isQuantity(schema: SchemaNode | undefined): boolean {
  return Boolean(schema?.['x-expected']?.includes('quantity'));
}

export function documentField(schema: SchemaNode): string {
  const d = deref(schema) ?? schema;
  const lines = [`**${d.title ?? 'Field'}**`, '', d.description ?? ''];
  const allowed = allowedValues(d);
  if (allowed.length) lines.push('', `Allowed: ${allowed.map((v) => `\`${String(v)}\``).join(', ')}`);
  const example = d.examples?.find((x) => typeof x !== 'object') ?? d.examples?.[0];
  if (example !== undefined) lines.push('', `Example: \`${typeof example === 'object' ? JSON.stringify(example) : String(example)}\``);
  return lines.join('\n');
}

/**
 * '150 uL' -> its UCUM form, the unit's name and kind, and the amount in the other units of that
 * kind, each bound written as it was ('3 x 10^6' stays a power of ten).
 */
export function describeQuantity(q: Quantity, written?: { low: string; high?: string }): string {
  const { ucum, changed } = normaliseUnit(q.unit);
  const [low, high] = [readable(q.low), q.high === undefined ? undefined : readable(q.high)];
  const value = rangeText(low, high);
  if (!checkUcum(ucum).valid) return `${quote(q.unit)} is not a UCUM unit.`;
  const info = unitInfo(ucum);
  const kind = equivalents(ucum, written ?? { low: String(q.low), high: q.high === undefined ? undefined : String(q.high) });
  const named = [info?.name, kind?.name ?? info?.property].filter(Boolean).join(', ');
  const lines = [`**${value} ${ucum}**${named ? ` (${named})` : ''}`];
  if (changed) lines.push('', `Written ${quote(q.unit)}; the UCUM code is ${quote(ucum)}.`);
  if (q.sharedPower !== undefined && q.high !== undefined) {
    lines.push('', 'The power of ten written once, after the high bound, applies to both bounds.');
  }
  if (kind?.line) lines.push('', kind.line);
  return lines.join('\n');
}

function describeUnit(unit: string): string {
  const { ucum, changed } = normaliseUnit(unit);
  if (!checkUcum(ucum).valid) return `${quote(unit)} is not a UCUM unit.`;
  const info = unitInfo(ucum);
  return `UCUM \`${ucum}\`${info ? `: ${info.name}` : ''}${changed ? ` (written ${quote(unit)})` : ''}`;
}
