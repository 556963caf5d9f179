import { items, rec, str } from '../checks/view';
import type { Trial } from './build';
import { quantityOf } from '../units/quantity';
import { interval } from './interval';
import type { ResultRecord } from './types';

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/**
 * Every result as one long-form record (study × arm × endpoint × timepoint × statistic), with
 * where it was read: the rows of the CSV a meta-analysis reads (metafor, meta, RevMan).
 */
export function resultRecords(t: Trial): ResultRecord[] {
  const study = str(rec(t.study.study)?.id) ?? t.file;
  const arms = new Map(items(t.study, 'arms').map(({ item }) => [str(item.id), item]));
  const endpoints = new Map(items(t.study, 'endpoints').map(({ item }) => [str(item.id), item]));
  return items(t.study, 'results').map(({ item: r, index }) => {
    const arm = arms.get(str(r.arm));
    const ep = endpoints.get(str(r.endpoint));
    const q = quantityOf(r.value);
    const dispersion = rec(r.dispersion);
    return {
      study,
      arm: text(r.arm),
      armLabel: text(arm?.label),
      role: text(arm?.role),
      n: typeof r.n === 'number' ? r.n : typeof arm?.n === 'number' ? arm.n : null,
      comparator: text(r.comparator),
      endpoint: text(r.endpoint),
      endpointName: text(ep?.name),
      measure: text(ep?.instrument) || text(ep?.analyte),
      unit: q ? q.unit : text(ep?.unit),
      timepoint: text(r.timepoint),
      statistic: text(r.statistic),
      value: q ? (q.high === undefined ? String(q.low) : interval(q.low, q.high)) : text(r.value),
      numerator: text(r.numerator),
      denominator: text(r.denominator),
      dispersionKind: text(dispersion?.type),
      dispersion: dispersion ? (dispersion.value !== undefined ? text(dispersion.value) : interval(text(dispersion.low), text(dispersion.high))) : '',
      p: text(r.p),
      direction: text(r.direction),
      significant: text(r.significant),
      file: t.file,
      line: t.at(['results', index])?.line ?? 0,
    };
  });
}
