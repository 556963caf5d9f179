import type { Comparison, ResultRecord } from './types';

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180), and never read as a formula by a spreadsheet. */
export function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?[0-9.]+(e-?[0-9]+)?$/i.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csv = (rows: readonly (readonly (string | number | null)[])[]) => `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

const LONG: [string, keyof ResultRecord][] = [
  ['study_id', 'study'],
  ['arm_id', 'arm'],
  ['arm_label', 'armLabel'],
  ['role', 'role'],
  ['n', 'n'],
  ['comparator_arm', 'comparator'],
  ['endpoint_id', 'endpoint'],
  ['endpoint_name', 'endpointName'],
  ['analyte_or_instrument', 'measure'],
  ['unit', 'unit'],
  ['timepoint', 'timepoint'],
  ['statistic', 'statistic'],
  ['value', 'value'],
  ['numerator', 'numerator'],
  ['denominator', 'denominator'],
  ['dispersion_kind', 'dispersionKind'],
  ['dispersion_value', 'dispersion'],
  ['p', 'p'],
  ['direction', 'direction'],
  ['significant', 'significant'],
  ['source_file', 'file'],
  ['source_line', 'line'],
];

/** Long form: one row per study × arm × endpoint × timepoint × statistic, ready for metafor, meta or RevMan. */
export function toCsvLong(c: Comparison): string {
  return csv([LONG.map(([h]) => h), ...c.results.map((r) => LONG.map(([, k]) => r[k]))]);
}

/**
 * Wide form, one row per comparison of a treatment arm with a comparator arm at one endpoint,
 * timepoint and statistic, where both arms have a result of their own: n, value, dispersion and
 * events/total side by side.
 */
export function toCsvWide(c: Comparison): string {
  const header = ['study_id', 'endpoint_id', 'endpoint_name', 'timepoint', 'statistic', 'unit', 'treatment_arm', 'n_t', 'value_t', 'dispersion_kind_t', 'dispersion_t', 'events_t', 'total_t', 'comparator_arm', 'n_c', 'value_c', 'dispersion_kind_c', 'dispersion_c', 'events_c', 'total_c'];
  const rows: (string | number | null)[][] = [];
  const perArm = c.results.filter((r) => !r.comparator);
  const key = (r: ResultRecord) => [r.study, r.endpoint, r.timepoint, r.statistic].join('\u0000');
  const groups = new Map<string, ResultRecord[]>();
  for (const r of perArm) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  for (const group of groups.values()) {
    const treated = group.filter((r) => r.role === 'experimental');
    const controls = group.filter((r) => r.role && r.role !== 'experimental');
    for (const t of treated) {
      for (const k of controls) {
        rows.push([t.study, t.endpoint, t.endpointName, t.timepoint, t.statistic, t.unit || k.unit, t.arm, t.n, t.value, t.dispersionKind, t.dispersion, t.numerator, t.denominator, k.arm, k.n, k.value, k.dispersionKind, k.dispersion, k.numerator, k.denominator]);
      }
    }
  }
  return csv([header, ...rows]);
}

/** A Markdown cell: pipes and line breaks escaped, HTML-ish text shown as text. */
export function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

/** The overview and endpoint matrix as Markdown tables, trials as columns. */
export function toMarkdown(c: Comparison): string {
  const head = `| | ${c.trials.map((t) => md(t.id)).join(' | ')} |\n|---|${c.trials.map(() => '---').join('|')}|\n`;
  const problems = `| Problems in the file | ${c.trials.map((t) => (t.unreadable ? 'unreadable' : `${t.problems.errors} errors, ${t.problems.warnings} warnings`)).join(' | ')} |\n`;
  const body = (rows: Comparison['overview']) => rows.map((r) => `| ${md(r.label)} | ${r.cells.map((cell) => md(cell.state === 'missing-expected' ? `⚠ ${cell.text}` : cell.text)).join(' | ')} |`).join('\n');
  return `# Compared trials\n\n## Overview\n\n${head}${problems}${body(c.overview)}\n\n## Endpoints\n\n${head}${body(c.endpoints)}\n`;
}
