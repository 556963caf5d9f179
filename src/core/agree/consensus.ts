import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Pair } from 'yaml';
import { list, rec, str } from '../checks/view';
import { resolveFieldPath } from '../checks/field-paths';
import { valueAt, type PathSegment } from '../value-path';
import { REFERENCE_LISTS, type Renames } from './match';
import type { Difference, ExtractionInfo } from './types';
import { show } from './values';

/** How one difference was settled: one side's value kept, or a value written anew (YAML text). */
export type Decision = { taken: 'left' | 'right' } | { taken: 'edited'; value: string };

export interface ConsensusInput {
  leftText: string;
  rightText: string;
  /** The two extractions, with their files relative to the consensus file. */
  left: ExtractionInfo;
  right: ExtractionInfo;
  differences: readonly Difference[];
  renames: Renames;
  decisions: Readonly<Record<string, Decision>>;
  /** Who settled the differences (the consensus file's curator), and when. */
  curator: string;
  date: string;
}

/** A difference that could not be written, and why (an edited value that is not YAML). */
export interface ConsensusRefusal {
  id: string;
  reason: string;
}

/** Right-side item ids in the left's names, inside a value taken from the right file. */
function inLeftNames(node: Node, renames: Renames, key: string | undefined): Node {
  const map = (k: string, v: unknown) => {
    const to = REFERENCE_LISTS[k] ? renames[REFERENCE_LISTS[k] as string]?.[String(v)] : undefined;
    return to;
  };
  if (isScalar(node) && key) {
    const to = map(key, node.value);
    if (to) node.value = to;
    return node;
  }
  visit(node, {
    Pair(_, pair) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.value)) {
        const to = map(k, pair.value.value);
        if (to) pair.value.value = to;
      } else if (isSeq(pair.value) && REFERENCE_LISTS[k]) {
        for (const item of pair.value.items) if (isScalar(item)) item.value = map(k, item.value) ?? item.value;
      }
    },
  });
  return node;
}

const lastKey = (path: readonly PathSegment[]) => [...path].reverse().find((s) => typeof s === 'string') as string | undefined;

/** Later list indexes first, so deleting an item never shifts one still to delete. */
function deepestLast(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return typeof a[i] === 'number' && typeof b[i] === 'number' ? (b[i] as number) - (a[i] as number) : String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return b.length - a.length;
}

/**
 * The consensus of two extractions: the left file with each settled difference written (the
 * right's value, or the edited one), and under `curation` both extractions and how every
 * difference was settled. The two originals are not touched; the same decisions give the
 * same bytes.
 */
export function writeConsensus(input: ConsensusInput): { text: string; refused: ConsensusRefusal[] } {
  const doc = parseDocument(input.leftText);
  const right = parseDocument(input.rightText);
  const sets: [PathSegment[], Node][] = [];
  const appends: [PathSegment[], Node][] = [];
  const deletes: PathSegment[][] = [];
  const refused: ConsensusRefusal[] = [];
  const settled: Record<string, string>[] = [];
  for (const d of input.differences) {
    const decision = input.decisions[d.id];
    if (!decision) continue;
    const entry: Record<string, string> = { field: d.id, taken: decision.taken };
    const who = decision.taken === 'left' ? input.left.curator : decision.taken === 'right' ? input.right.curator : undefined;
    if (who) entry.curator = who;
    if (decision.taken === 'left') {
      settled.push(entry);
      continue;
    }
    let node: Node | undefined;
    if (decision.taken === 'edited') {
      const parsed = parseDocument(decision.value);
      if (parsed.errors.length || parsed.contents === null) {
        refused.push({ id: d.id, reason: parsed.errors[0]?.message.split('\n')[0] ?? 'the value is empty' });
        continue;
      }
      node = parsed.contents as Node;
    } else if (d.right) {
      // The right file changed since the diff: its value is not where the diff found it.
      const taken = right.getIn(d.right.path, true);
      if (!taken || typeof taken !== 'object') {
        refused.push({ id: d.id, reason: 'the value is no longer there in the right file' });
        continue;
      }
      node = inLeftNames((taken as Node).clone() as Node, input.renames, lastKey(d.right.path));
    }
    settled.push(entry);
    if (!node) {
      if (d.left) deletes.push(d.left.path);
    } else if (d.left) sets.push([d.left.path, node]);
    else if (d.target?.append) appends.push([d.target.path, node]);
    else if (d.target) sets.push([d.target.path, node]);
  }
  const touched = new Set([...sets.map(([p]) => p), ...appends.map(([p]) => p), ...deletes].map((p) => String(p[0])));
  for (const [path, node] of sets) doc.setIn(path, node);
  for (const [path, node] of appends) (doc.hasIn(path) ? doc.addIn(path, node) : doc.setIn(path, doc.createNode([node])));
  for (const path of deletes.sort(deepestLast)) doc.deleteIn(path);
  if (carryEvidence(doc, input, new Set(refused.map((r) => r.id)))) touched.add('evidence');
  writeCuration(doc, input, settled);
  touched.add('curation');
  return { text: splice(input.leftText, doc, touched), refused };
}

/**
 * A value taken from the right keeps its provenance: the right file's `evidence` quote for it is
 * added to the consensus's evidence under the field's name there (unless the same quote is
 * already there, or the field is not in the consensus). True when an entry was added.
 */
function carryEvidence(doc: Document, input: ConsensusInput, refused: ReadonlySet<string>): boolean {
  const value = doc.toJS() as unknown;
  const quotes = new Set(list(rec(value)?.evidence).map((e) => str(rec(e)?.quote)));
  let added = false;
  for (const d of input.differences) {
    const quote = d.right?.evidence ? d.right.quote : undefined;
    if (!quote || input.decisions[d.id]?.taken !== 'right' || refused.has(d.id) || quotes.has(quote) || !resolveFieldPath(value, d.id)) continue;
    const entry = d.right?.location ? { field: d.id, quote, location: d.right.location } : { field: d.id, quote };
    if (isSeq(doc.get('evidence'))) doc.addIn(['evidence'], doc.createNode(entry));
    else doc.set('evidence', doc.createNode([entry]));
    quotes.add(quote);
    added = true;
  }
  return added;
}

const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : String(p.key));

/**
 * The left text with only the touched sections written anew: a section no decision changed
 * stays byte for byte as the left curator wrote it, comments and line breaks included.
 */
function splice(leftText: string, doc: Document, touched: ReadonlySet<string>): string {
  const original = parseDocument(leftText).contents;
  const now = new Map((isMap(doc.contents) ? doc.contents.items : []).map((p) => [keyOf(p as Pair), p as Pair]));
  const render = (key: string) => {
    const pair = now.get(key);
    if (!pair) return '';
    const one = new Document({});
    (one.contents as unknown as { items: Pair[] }).items.push(pair);
    return one.toString({ lineWidth: 0, flowCollectionPadding: false }).trim();
  };
  if (!isMap(original)) return doc.toString();
  let out = '';
  let at = 0;
  const seen = new Set<string>();
  for (const p of original.items) {
    const key = keyOf(p);
    seen.add(key);
    const start = (p.key as Node).range?.[0] ?? at;
    let end = (p.value as Node | null)?.range?.[1] ?? start;
    while (end > start && /\s/.test(leftText[end - 1] as string)) end--; // the blank lines after a section stay
    out += leftText.slice(at, start);
    at = touched.has(key) ? end : start;
    if (touched.has(key)) out += render(key);
  }
  out += leftText.slice(at);
  const added = [...now.keys()].filter((k) => !seen.has(k));
  if (added.length) out = `${out.replace(/\n*$/, '\n')}\n${added.map(render).join('\n\n')}\n`;
  return out;
}

function writeCuration(doc: Document, input: ConsensusInput, settled: Record<string, string>[]): void {
  if (!isMap(doc.get('curation'))) doc.set('curation', doc.createNode({}));
  doc.setIn(['curation', 'curator'], input.curator);
  doc.setIn(['curation', 'date'], input.date);
  doc.setIn(['curation', 'status'], 'in review');
  const info = (e: ExtractionInfo) => (e.date ? { file: e.file, curator: e.curator, date: e.date } : { file: e.file, curator: e.curator });
  doc.setIn(['curation', 'extractions'], doc.createNode([info(input.left), info(input.right)]));
  if (settled.length) doc.setIn(['curation', 'reconciliation'], doc.createNode(settled));
  else doc.deleteIn(['curation', 'reconciliation']);
}

/**
 * The decisions a consensus file records, for the differences still found between its two
 * extractions: what a panel reopened on a half-settled pair starts from. An edited value is
 * read back from the consensus itself.
 */
export function readDecisions(consensusText: string, differences: readonly Difference[]): Record<string, Decision> {
  const doc = parseDocument(consensusText);
  const value = doc.toJS() as unknown;
  const ids = new Set(differences.map((d) => d.id));
  const out: Record<string, Decision> = {};
  for (const e of list(rec(rec(value)?.curation)?.reconciliation)) {
    const field = str(rec(e)?.field);
    const taken = str(rec(e)?.taken);
    if (!field || !ids.has(field)) continue;
    if (taken === 'left' || taken === 'right') out[field] = { taken };
    else if (taken === 'edited') {
      const path = resolveFieldPath(value, field);
      if (path) out[field] = { taken: 'edited', value: show(valueAt(value, path)) };
    }
  }
  return out;
}
