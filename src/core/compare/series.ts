import { items, rec, str } from '../checks/view';
import { convertUnit } from '../units/conversion';
import { quantityOf } from '../units/quantity';
import { normaliseUnit } from '../units/synonyms';
import type { Trial } from './build';
import { groupOf } from './equivalence';
import type { EffectPoint, Timeline } from './types';

/** Each timepoint with a time (`at`), in days; a range counts from its start. Timepoints without one are left out. */
export function timelineOf(t: Trial, trial: string): Timeline {
  const points = items(t.study, 'timepoints').flatMap(({ item, index }) => {
    const q = quantityOf(item.at);
    const days = q && convertUnit(q.low, normaliseUnit(q.unit).ucum, 'd');
    if (days === undefined || !Number.isFinite(days)) return [];
    const at = typeof item.at === 'string' ? item.at : `${q?.low} ${q?.unit}`;
    return [{ id: str(item.id) ?? String(index), label: str(item.label) ?? at, days, source: t.at(['timepoints', index, 'at']) }];
  });
  return { trial, points: points.sort((a, b) => a.days - b.days) };
}

/**
 * Results with a number, grouped by what their endpoint measures, for a forest-style plot:
 * the value, the interval where the dispersion is one (95% CI, IQR or a range), and p.
 */
export function effectsOf(t: Trial, trial: string): EffectPoint[] {
  const endpoints = new Map(items(t.study, 'endpoints').map(({ item }) => [str(item.id), item]));
  return items(t.study, 'results').flatMap(({ item: r, index }) => {
    const q = quantityOf(r.value);
    const value = q?.low ?? (typeof r.value === 'number' ? r.value : undefined);
    if (value === undefined) return [];
    const ep = endpoints.get(str(r.endpoint));
    const group = ep ? groupOf(ep) : undefined;
    const d = rec(r.dispersion);
    const point: EffectPoint = {
      group: group?.id ?? `endpoint:${str(r.endpoint) ?? '?'}`,
      groupLabel: group?.label ?? str(ep?.name) ?? str(r.endpoint) ?? '?',
      trial,
      label: [str(r.arm), str(r.comparator) && `vs ${str(r.comparator)}`, str(r.timepoint) && `@${str(r.timepoint)}`].filter(Boolean).join(' '),
      statistic: str(r.statistic) ?? 'value',
      unit: q?.unit ?? str(ep?.unit) ?? '',
      value,
      source: t.at(['results', index]),
    };
    if (typeof d?.low === 'number' && typeof d.high === 'number') [point.low, point.high] = [d.low, d.high];
    else if (q?.high !== undefined) [point.low, point.high] = [q.low, q.high];
    if (r.p !== undefined) point.p = String(r.p);
    return [point];
  });
}
