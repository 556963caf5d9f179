import { items, list, rec, str } from '../checks/view';
import type { Trial } from './build';
import { foldName as norm } from '../text/fold-name';
import { ENDPOINT_GROUPS, groupOf } from './equivalence';
import { interval } from './interval';
import type { Cell, Row } from './types';

/** What one result says, shortly: '[vs placebo] @d43: increase, p <0.05, significant'. */
export function describeResult(r: Record<string, unknown>): string {
  const value = typeof r.value === 'string' || typeof r.value === 'number' ? String(r.value) : rec(r.value) ? `${rec(r.value)?.value ?? interval(rec(r.value)?.low, rec(r.value)?.high)} ${str(rec(r.value)?.unit) ?? ''}`.trim() : undefined;
  const parts = [
    str(r.direction),
    value && `${str(r.statistic) ?? 'value'} ${value}`,
    r.p !== undefined && `p ${typeof r.p === 'number' ? `= ${r.p}` : String(r.p)}`,
    r.significant === true ? 'significant' : r.significant === false ? 'not significant' : undefined,
  ].filter(Boolean);
  const head = [str(r.arm), str(r.comparator) && `vs ${str(r.comparator)}`].filter(Boolean).join(' ') + (str(r.timepoint) ? ` @${str(r.timepoint)}` : '');
  return `${head}: ${parts.length ? parts.join(', ') : (str(r.as_reported) ?? 'reported')}`;
}

/**
 * Rows of endpoints grouped across trials by what they measure (the equivalence table), then one
 * row for each endpoint no group holds. A cell lists the endpoint's timepoints and each result;
 * an endpoint declared without a result, one marked not reported, and one the trial's outcome
 * set expects but the file lacks are three different states.
 */
export function endpointRows(trials: readonly Trial[]): Row[] {
  const rows = new Map<string, Row>();
  const row = (id: string, label: string): Row => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, group: 'endpoints', label, cells: trials.map(() => ({ text: '', state: 'absent' as const })) }));
    return r;
  };
  trials.forEach((t, column) => {
    const results = items(t.study, 'results');
    for (const { item, index } of items(t.study, 'endpoints')) {
      const id = str(item.id);
      const group = groupOf(item);
      const key = group?.id ?? `other:${norm(str(item.instrument) ?? str(item.analyte) ?? str(item.name) ?? id ?? String(index))}`;
      const target = row(key, group?.label ?? str(item.name) ?? id ?? '?');
      const own = results.filter(({ item: r }) => r.endpoint === id);
      const timepoints = list(item.timepoints).filter((x) => typeof x === 'string').join(', ');
      const name = `${str(item.name) ?? id}${timepoints ? ` [${timepoints}]` : ''}`;
      const notReported = rec(item.not_reported);
      const cell: Cell = own.length
        ? { text: `${name}: ${own.map(({ item: r }) => describeResult(r)).join('; ')}`, state: 'value', source: t.at(['results', own[0]?.index ?? 0]) }
        : notReported
          ? { text: `${name}: not reported (${str(notReported.reason) ?? 'no reason given'})`, state: 'not-reported', source: t.at(['endpoints', index]) }
          : { text: `${name}: declared, no result`, state: 'declared-not-reported', source: t.at(['endpoints', index]) };
      const previous = target.cells[column] as Cell;
      target.cells[column] = previous.state === 'absent' ? cell : { ...previous, text: `${previous.text} | ${cell.text}`, state: previous.state === 'value' ? 'value' : cell.state };
    }
    // What the trial's outcome set expects and the file lacks (the profile check's own findings).
    for (const p of t.result.problems) {
      if (p.code !== 'profile-endpoint-missing') continue;
      const group = ENDPOINT_GROUPS.find((g) => g.expects?.includes(p.data.expected));
      const target = row(group?.id ?? `expected:${p.data.expected}`, group?.label ?? p.data.label);
      if ((target.cells[column] as Cell).state === 'absent') target.cells[column] = { text: `expected by the outcome set, not recorded (${p.data.label})`, state: 'missing-expected' };
    }
  });
  const order = (id: string) => {
    const i = ENDPOINT_GROUPS.findIndex((g) => g.id === id);
    return i < 0 ? ENDPOINT_GROUPS.length : i;
  };
  return [...rows.values()].sort((a, b) => order(a.id) - order(b.id) || a.label.localeCompare(b.label));
}
