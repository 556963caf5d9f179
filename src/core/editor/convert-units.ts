import { convertBounds, weeksAndDays, type ConvertedQuantity } from '../units/conversion';
import { kindOf } from '../units/dimensions';
import { rangeText } from '../units/number-text';
import { DEFAULT_PREFERRED_UNITS, type PreferredUnits } from '../units/preferred';
import { quantityOf } from '../units/quantity';
import { plural } from '../problem';
import type { ValidationResult } from '../validate';
import { valueAt } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';
import type { QuickFix, TextEdit } from './fixes';
import { readsAsNonString } from './insert';
import { quantityNodeAt, quantityNodes, type QuantityNode } from './quantity-nodes';
import { appliedSafely } from './verify';

export { DEFAULT_PREFERRED_UNITS, type PreferredUnits };

/** "Convert to …" for the quantity at [start, end] (input offsets): one verified fix per unit of its kind. */
export function conversionFixes(result: ValidationResult, start: number, end = start): QuickFix[] {
  const doc = result.parsed;
  const node = doc && quantityNodeAt(doc, start - result.shift, end - result.shift);
  const kind = node && kindOf(node.ucum);
  if (!doc || !node || !kind) return [];
  const fixes: QuickFix[] = [];
  for (const to of kind.targets) {
    const plan = planConversion(doc, node, to, result.shift);
    if (plan && verifyConversion(plan.fix, [plan.expect], result)) fixes.push(plan.fix);
  }
  return fixes;
}

/** "Convert all quantities to preferred units": every quantity of a kind with a preference, each conversion verified. */
export function preferredUnitsFix(result: ValidationResult, preferred: PreferredUnits = DEFAULT_PREFERRED_UNITS): QuickFix | undefined {
  const doc = result.parsed;
  if (!doc) return undefined;
  const edits: TextEdit[] = [];
  const expects: Expected[] = [];
  for (const node of quantityNodes(doc)) {
    const to = preferredFor(node.ucum, preferred);
    const plan = to && to !== node.ucum ? planConversion(doc, node, to, result.shift) : undefined;
    if (!plan || !verifyConversion(plan.fix, [plan.expect], result)) continue;
    edits.push(...plan.fix.edits);
    expects.push(plan.expect);
  }
  const n = expects.length;
  if (!n) return undefined;
  const all: QuickFix = { title: `Convert ${plural(n, 'quantity', 'quantities')} to preferred units`, edits, preferred: false };
  return verifyConversion(all, expects, result) ? all : undefined;
}

/** The preferred unit for a unit's kind, with the unit's own thing counted; undefined when there is none. */
export function preferredFor(ucum: string, preferred: PreferredUnits): string | undefined {
  const kind = kindOf(ucum);
  const want = kind && preferred[kind.dimension.id];
  if (!kind || !want) return undefined;
  const counted = /\{([^}]*)\}/.exec(ucum)?.[1];
  const unit = counted === undefined ? want : want.replace(/\{[^}]*\}/, `{${counted}}`);
  return kind.targets.includes(unit) || unit === ucum ? unit : undefined;
}

/** What a converted quantity must hold once the edit is applied. */
interface Expected {
  node: QuantityNode;
  converted: ConvertedQuantity;
  asReported: string;
}

/** Rewrites the quantity in `to`, keeping what the source wrote in `as_reported`. */
function planConversion(doc: ParsedStudy, node: QuantityNode, to: string, shift: number): { fix: QuickFix; expect: Expected } | undefined {
  const converted = convertBounds(node.written, node.ucum, to, true);
  if (!converted) return undefined;
  const asReported = node.asReported ?? `${node.qualifier ?? ''}${node.written.low}${node.written.high === undefined ? '' : `-${node.written.high}`} ${node.unit}`;
  const edits = node.form === 'short' ? shortToLong(node, converted, asReported) : longInPlace(doc, node, converted, asReported);
  if (!edits) return undefined;
  const fix = {
    title: `Convert to ${to} (${describe(converted, node)})`,
    edits: edits.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift })),
    preferred: false,
  };
  return { fix, expect: { node, converted, asReported } };
}

/** What the title shows: the new value, whole weeks and days, and UCUM's Julian month where months are involved. */
function describe(c: ConvertedQuantity, node: QuantityNode): string {
  const value = `${rangeText(c.lowText, c.highText)} ${c.unit}`;
  const notes: string[] = [];
  const days = c.unit === 'wk' && node.ucum === 'd' && c.high === undefined ? weeksAndDays(Number(node.written.low)) : undefined;
  if (days) notes.push(`exactly ${days}`);
  if (c.unit === 'mo' || node.ucum === 'mo') notes.push('a month is 30.4375 d in UCUM');
  return notes.length ? `${value}; ${notes.join('; ')}` : value;
}

const QUALIFIERS: Record<string, string> = { '≈': '~', '≤': '<=', '≥': '>=' };

/** '150 uL' becomes {value: 0.15, unit: mL, as_reported: 150 uL}: one edit, the scalar replaced. */
function shortToLong(node: QuantityNode, c: ConvertedQuantity, asReported: string): TextEdit[] {
  const parts = c.highText === undefined ? [`value: ${c.lowText}`] : [`low: ${c.lowText}`, `high: ${c.highText}`];
  parts.push(`unit: ${yamlText(c.unit)}`);
  if (node.qualifier) parts.push(`qualifier: ${yamlText(QUALIFIERS[node.qualifier] ?? node.qualifier)}`);
  parts.push(`as_reported: ${yamlText(asReported)}`);
  return [{ start: node.span.start, end: node.span.end, newText: `{${parts.join(', ')}}` }];
}

/** The long form keeps its layout: its numbers and unit are replaced, and `as_reported` added if it had none. */
function longInPlace(doc: ParsedStudy, node: QuantityNode, c: ConvertedQuantity, asReported: string): TextEdit[] | undefined {
  const o = valueAt(doc.value, node.path) as Record<string, unknown>;
  const edits: TextEdit[] = [];
  const replace = (key: string, text: string) => {
    const at = doc.locate([...node.path, key]);
    if (at.found) edits.push({ start: at.value.start, end: at.value.end, newText: text });
  };
  if (o.value !== undefined) replace('value', c.lowText);
  else {
    replace('low', c.lowText);
    replace('high', c.highText ?? c.lowText);
  }
  const unitAt = doc.locate([...node.path, 'unit']).value;
  const quote = doc.text.charAt(unitAt.start);
  replace('unit', quote === '"' || quote === "'" ? `${quote}${c.unit}${quote}` : yamlText(c.unit));
  if (node.asReported === undefined) {
    const added = addKey(doc, node, `as_reported: ${yamlText(asReported)}`);
    if (!added) return undefined;
    edits.push(added);
  }
  return edits;
}

/** A key added as the mapping's last: before a flow mapping's `}`, or as a line indented like the `unit` key. */
function addKey(doc: ParsedStudy, node: QuantityNode, entry: string): TextEdit | undefined {
  const text = doc.text;
  const written = text.slice(node.span.start, node.span.end);
  if (written.startsWith('{')) {
    const close = node.span.start + written.lastIndexOf('}');
    return written.trimEnd().endsWith('}') ? { start: close, end: close, newText: `, ${entry}` } : undefined;
  }
  const key = doc.locate([...node.path, 'unit']).key;
  if (!key) return undefined;
  const lineStart = text.lastIndexOf('\n', key.start - 1) + 1;
  const indent = text.slice(lineStart, key.start);
  if (!/^[ ]*$/.test(indent)) return undefined; // a key after '- ' on its line: the verification would have to guess
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = node.span.end;
  const needsBreak = text.slice(at - 1, at) !== '\n';
  const line = `${indent}${entry}`;
  return { start: at, end: at, newText: needsBreak ? `${eol}${line}` : `${line}${eol}` };
}

/** A plain scalar where YAML reads it back as the same text, in block or flow context; double-quoted otherwise. */
export function yamlText(text: string): string {
  const plain = /^[A-Za-z0-9_.+-][A-Za-z0-9_.+*^/ %-]*$/.test(text) && !/\s$/.test(text) && !readsAsNonString(text);
  return plain ? text : JSON.stringify(text);
}

/** A conversion must leave the file as valid as it was, and each quantity holding the converted numbers, the new unit and the original text. */
function verifyConversion(fix: QuickFix, expects: readonly Expected[], result: ValidationResult): boolean {
  const after = appliedSafely(fix, undefined, result)?.after.parsed;
  if (!after) return false;
  return expects.every(({ node, converted, asReported }) => {
    const now = valueAt(after.value, node.path);
    const q = quantityOf(now);
    return !!q && q.unit === converted.unit && q.low === converted.low && q.high === converted.high && (now as { as_reported?: unknown }).as_reported === asReported;
  });
}
