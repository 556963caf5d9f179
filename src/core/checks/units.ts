import { q } from '../text/safe';
import type { ProblemDraft, UnitData } from '../problem';
import { quantityPaths } from '../schema/schema';
import type { Span } from '../yaml/layout';
import { toPointer, valueAt, type PathSegment } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';
import { quantityOf, type Quantity } from '../units/quantity';
import { annotationsOf, normaliseUnit } from '../units/synonyms';
import { checkUcum, commensurable } from '../units/ucum';
import type { Check } from './check';
import { instancesOf, items, list, rec, str } from './view';

/** One unit written in the file. Its range (just the unit text) is found only if a problem needs it. */
interface UnitUse {
  path: PathSegment[];
  written: string;
  ucum: string;
  span: () => Span;
  valid: boolean;
  /** What a fix needs, carried by every unit problem. */
  data: UnitData;
}

/** Statistics reported in the unit of the endpoint's measure; the others (proportion, count, ratio, percent change) are not. */
const IN_ENDPOINT_UNIT = new Set(['mean', 'median', 'change from baseline', 'difference']);

/** Statistics that have no dimension whatever the endpoint measures. */
const DIMENSIONLESS = new Set(['proportion', 'percent change', 'ratio']);

/** A dose written per drop, puff, site, eye or nostril: 'ug/drop', '2e8 {particles}/puff'. */
const PER_UNIT = /^(.+?)\s*\/\s*(\[drp\]|drops?|puffs?|injection sites?|sites?|eyes?|nostrils?)$/i;

/** Fields whose quantities must be times. */
const TIME_FIELDS = new Set(['at', 'interval', 'duration', 'window', 'age', 'collection_time', 'per']);

/**
 * Units: every unit is UCUM after synonyms; compared quantities (doses of one product kind,
 * results of one endpoint, times) are commensurable; and {annotations}, which UCUM ignores,
 * agree, so cells are never silently compared with particles.
 */
export const unitsCheck: Check = {
  name: 'units',
  check(doc) {
    const out: ProblemDraft[] = [];
    const uses = new Map<string, UnitUse>();
    for (const pattern of quantityPaths()) {
      for (const path of instancesOf(doc.value, pattern)) {
        const quantity = quantityOf(valueAt(doc.value, path));
        if (!quantity) continue;
        const use = unitUse(doc, path, quantity.unit, quantity);
        uses.set(path.join('/'), use);
        const per = path[path.length - 1] === 'dose' ? PER_UNIT.exec(quantity.unit) : null;
        if (per) {
          // UCUM's hint '[drp]' is a volume: 'ug/[drp]' would be a concentration, not a dose per drop.
          const w = (per[2] ?? '').toLowerCase();
          const what = /drp|drop/.test(w) ? 'drop' : w.startsWith('puff') ? 'puff' : w.includes('site') ? 'injection site' : w.startsWith('eye') ? 'eye' : 'nostril';
          const message = `${q(quantity.unit)} is a dose per ${what}: write the dose in ${q(per[1] ?? '')} and \`dose_per: ${what}\` (${q(`${per[1]}/[drp]`)} would read as a concentration).`;
          out.push({ code: 'dose-per-unit', message, ...use.span(), data: { ...use.data, per: what } });
          continue;
        }
        out.push(...spelling(use));
      }
    }
    for (const { item, index } of items(doc.value, 'endpoints')) {
      const unit = str(item.unit);
      if (unit === undefined) continue;
      const use = unitUse(doc, ['endpoints', index, 'unit'], unit);
      uses.set(use.path.join('/'), use);
      out.push(...spelling(use));
    }
    for (const use of uses.values()) {
      const field = String(use.path[use.path.length - 1]);
      if (use.valid && field === 'volume' && !commensurable(use.ucum, 'mL')) {
        const message = `\`volume\` is the volume a dose is given in, but ${q(use.written)} is not a volume (use mL, uL or L).`;
        out.push({ code: 'unit-incommensurable', message, ...use.span(), data: { ...use.data, expected: 'mL', anchor: null } });
      }
      if (use.valid && TIME_FIELDS.has(field) && !commensurable(use.ucum, 's')) {
        const message = `${q(field)} is a time, but ${q(use.written)} is not a unit of time (use d, wk, h, mo or a).`;
        out.push({ code: 'unit-incommensurable', message, ...use.span(), data: { ...use.data, expected: 's', anchor: null } });
      }
    }
    for (const { item, index } of items(doc.value, 'results')) {
      const statistic = str(item.statistic);
      const use = uses.get(['results', index, 'value'].join('/'));
      if (statistic && DIMENSIONLESS.has(statistic) && use?.valid && !commensurable(use.ucum, '1')) {
        const message = `A ${statistic} has no dimension, but ${q(use.written)} has one; write it in % or as a fraction (unit 1).`;
        out.push({ code: 'unit-incommensurable', message, ...use.span(), data: { ...use.data, expected: '1', anchor: null } });
      }
    }
    for (const group of comparedGroups(doc.value)) {
      const members = group.paths.map((p) => uses.get(p.join('/'))).filter((u): u is UnitUse => !!u?.valid);
      const anchor = members[0];
      if (!anchor) continue;
      for (const use of members.slice(1)) {
        if (!commensurable(use.ucum, anchor.ucum)) {
          const message = `${q(use.written)} cannot be compared with ${q(anchor.written)} used for ${group.what}.`;
          out.push({ code: 'unit-incommensurable', message, ...use.span(), data: { ...use.data, expected: null, anchor: anchor.ucum } });
        } else if (annotationsOf(use.ucum).join() !== annotationsOf(anchor.ucum).join()) {
          const message = `${q(use.written)} counts ${annotationText(use.ucum)} but ${q(anchor.written)} (${group.what}) counts ${annotationText(anchor.ucum)}; UCUM would treat them as the same.`;
          out.push({ code: 'unit-annotation-mismatch', message, ...use.span(), data: { ...use.data, anchor: anchor.ucum } });
        }
      }
    }
    return out;
  },
};

/** A unit written in a quantity at `path`, or (no quantity) in a field that holds only a unit. */
function unitUse(doc: ParsedStudy, path: PathSegment[], unit: string, quantity?: Quantity): UnitUse {
  const isUnitField = !quantity;
  const short = !isUnitField && typeof valueAt(doc.value, path) === 'string';
  const span = (): Span => {
    if (!short) return doc.locate(isUnitField ? path : [...path, 'unit']).value;
    // Short form: narrow the range to the unit inside '1.5 cc' (quotes included in the node range).
    const node = doc.locate(path).value;
    const at = doc.text.slice(node.start, node.end).lastIndexOf(unit);
    return at === -1 ? node : { start: node.start + at, end: node.start + at + unit.length };
  };
  const ucum = normaliseUnit(unit).ucum;
  const data: UnitData = {
    unit,
    pointer: toPointer(path),
    form: isUnitField ? 'unit' : short ? 'short' : 'long',
    value: quantity?.low ?? null,
    high: quantity?.high ?? null,
  };
  return { path, written: unit, ucum, span, valid: checkUcum(ucum).valid, data };
}

function spelling(use: UnitUse): ProblemDraft[] {
  if (!use.valid) {
    const hints = checkUcum(use.written).suggestions;
    const message = `${q(use.written)} is not a UCUM unit${hints.length ? `: did you mean ${hints.map(q).join(' or ')}?` : ' (write e.g. mL, ug/kg, 10*6{cells}/kg, d).'}`;
    return [{ code: 'unit-unknown', message, ...use.span(), data: { ...use.data, suggestions: hints } }];
  }
  if (use.ucum !== use.written.trim()) {
    return [{ code: 'unit-synonym', message: `${q(use.written)} is not UCUM; write ${q(use.ucum)}.`, ...use.span(), data: { ...use.data, replacement: use.ucum } }];
  }
  return [];
}

function annotationText(unit: string): string {
  const a = annotationsOf(unit);
  return a.length ? a.map((x) => `{${x}}`).join(', ') : 'no annotation';
}

/** Quantities that are compared with each other: doses of one product kind, results of one endpoint. */
function comparedGroups(root: unknown): { what: string; paths: PathSegment[][] }[] {
  const kinds = new Map(items(root, 'products').map(({ item }) => [str(item.id), str(item.kind)]));
  const doses = new Map<string, PathSegment[][]>();
  for (const { item, index } of items(root, 'arms')) {
    list(item.interventions).forEach((iv, j) => {
      const kind = kinds.get(str(rec(iv)?.product));
      if (kind) pushTo(doses, kind, ['arms', index, 'interventions', j, 'dose']);
    });
  }
  // Results are compared within one endpoint and one statistic: a mean in mg/L and a percent
  // change in % are both right. The endpoint's unit is the unit of its measured values.
  const results = new Map<string, PathSegment[][]>();
  for (const { item, index } of items(root, 'endpoints')) {
    const id = str(item.id);
    if (id) results.set(`${id}\u0000`, [['endpoints', index, 'unit']]);
  }
  for (const { item, index } of items(root, 'results')) {
    const id = str(item.endpoint);
    const statistic = str(item.statistic);
    if (id) pushTo(results, `${id}\u0000${statistic && !IN_ENDPOINT_UNIT.has(statistic) ? statistic : ''}`, ['results', index, 'value']);
  }
  return [
    ...[...doses].map(([kind, p]) => ({ what: `doses of ${kind}`, paths: p })),
    ...[...results].map(([key, p]) => {
      const [id, statistic] = key.split('\u0000');
      return { what: statistic ? `the ${statistic} results of endpoint ${id}` : `endpoint ${id}`, paths: p };
    }),
  ];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
