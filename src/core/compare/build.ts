import { items, list, rec, str } from '../checks/view';
import { severityCounts } from '../problem';
import type { ValidationResult } from '../validate';
import type { PathSegment } from '../value-path';
import { isConsensus, studyIdOf } from '../agree/pairs';
import { normaliseDose } from './doses';
import { endpointRows } from './endpoint-matrix';
import { resultRecords } from './records';
import { effectsOf, timelineOf } from './series';
import { sourcesOf } from './source';
import type { Cell, Comparison, DosePoint, Row, Source, TrialColumn } from './types';

/** One validated file to compare. */
export interface CompareInput {
  file: string;
  result: ValidationResult;
}

/** What a row reads from one trial. */
export interface Trial {
  file: string;
  study: Record<string, unknown>;
  at: (path: readonly PathSegment[]) => Source | undefined;
  result: ValidationResult;
}

type Reader = (t: Trial) => Cell;

const absent: Cell = { text: '', state: 'absent' };

/** A cell for the value at `path`, shown by `show`; absent where there is none. */
function at(path: PathSegment[], show: (v: unknown) => string | undefined = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)): Reader {
  return (t) => {
    let v: unknown = t.study;
    for (const seg of path) v = rec(v)?.[String(seg)] ?? (Array.isArray(v) ? v[seg as number] : undefined);
    const text = v === undefined ? undefined : show(v);
    return text === undefined || text === '' ? absent : { text, state: text === 'not reported' ? 'not-reported' : 'value', source: t.at(path) };
  };
}

/** The arms' interventions of a trial, with the product each gives. */
function interventions(t: Trial): { arm: string; role: string; iv: Record<string, unknown>; path: PathSegment[]; product: Record<string, unknown> | undefined }[] {
  const products = new Map(items(t.study, 'products').map(({ item }) => [str(item.id), item]));
  return items(t.study, 'arms').flatMap(({ item, index }) =>
    list(item.interventions).map((iv, j) => ({
      arm: str(item.id) ?? `arm ${index + 1}`,
      role: str(item.role) ?? '',
      iv: rec(iv) ?? {},
      path: ['arms', index, 'interventions', j],
      product: products.get(str(rec(iv)?.product)),
    })),
  );
}

/** One text per arm ("secretome: 1.5 mL · placebo: 1.5 mL"), sourced at the first arm that has one. */
function perArm(read: (iv: Record<string, unknown>, product: Record<string, unknown> | undefined) => { text: string; sort?: number; written?: string; note?: string; field?: string } | undefined, field: string): Reader {
  return (t) => {
    const parts = interventions(t).flatMap((x) => {
      const r = read(x.iv, x.product);
      return r ? [{ ...r, x }] : [];
    });
    if (!parts.length) return absent;
    const experimental = parts.find((p) => p.x.role === 'experimental') ?? parts[0];
    const many = new Set(parts.map((p) => p.x.arm)).size > 1;
    return {
      text: parts.map((p) => (many ? `${p.x.arm}: ${p.text}` : p.text)).join(' · '),
      // every arm's value is 'not reported': the file says the source is silent, as at() says for one field
      state: parts.every((p) => p.text === 'not reported') ? 'not-reported' : 'value',
      sort: experimental?.sort,
      written: parts.some((p) => p.written && p.written !== p.text) ? parts.map((p) => `${p.x.arm}: ${p.written ?? p.text}`).join(' · ') : undefined,
      note: parts.map((p) => p.note).find(Boolean),
      source: experimental && t.at([...experimental.x.path, experimental.field ?? field]),
    };
  };
}

/** Doses normalised per kind, per kg and absolute apart (never one column unless a body weight is recorded). */
const dose = (perKg: boolean): Reader =>
  perArm((iv) => {
    const d = normaliseDose(iv.dose);
    return d && d.perKg === perKg ? { text: d.text, sort: d.sort, written: d.written, note: d.note } : undefined;
  }, 'dose');

const joined = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').join(', ') : typeof v === 'string' ? v : undefined);

const ROWS: { id: string; group: string; label: string; read: Reader }[] = [
  { id: 'type', group: 'design', label: 'Study type', read: at(['study', 'type']) },
  { id: 'status', group: 'design', label: 'Status', read: at(['study', 'status']) },
  { id: 'phase', group: 'design', label: 'Phase', read: at(['study', 'phase']) },
  { id: 'allocation', group: 'design', label: 'Allocation', read: at(['design', 'allocation']) },
  { id: 'masking', group: 'design', label: 'Masking', read: at(['design', 'masking'], (m) => [str(rec(m)?.level), joined(rec(m)?.masked)].filter(Boolean).join(': ')) },
  { id: 'registration', group: 'design', label: 'Registration', read: at(['registration'], (r) => list(r).map((e) => [str(rec(e)?.registry), str(rec(e)?.id)].filter(Boolean).join(' ')).filter(Boolean).join('; ')) },
  { id: 'condition', group: 'population', label: 'Condition', read: (t) => condition(t) },
  { id: 'species', group: 'population', label: 'Species', read: at(['population', 'species']) },
  { id: 'planned', group: 'population', label: 'N planned', read: at(['population', 'counts', 'planned']) },
  { id: 'randomized', group: 'population', label: 'N randomized', read: at(['population', 'counts', 'randomized']) },
  { id: 'analyzed', group: 'population', label: 'N analysed', read: at(['population', 'counts', 'analyzed']) },
  { id: 'arms', group: 'arms', label: 'Arms (role, n)', read: at(['arms'], (a) => list(a).map(rec).filter((x) => x !== undefined).map((x) => `${str(x.id) ?? '?'} (${[str(x.role), x.n].filter((v) => v !== undefined).join(', ')})`).join('; ')) },
  { id: 'product-kind', group: 'product', label: 'Product kind', read: at(['products'], (p) => [...new Set(list(p).map((x) => str(rec(x)?.kind)).filter(Boolean))].join(', ')) },
  { id: 'tissue', group: 'product', label: 'Source tissue', read: at(['products'], (p) => [...new Set(list(p).map((x) => str(rec(rec(x)?.source)?.tissue)).filter(Boolean))].join(', ')) },
  { id: 'preconditioning', group: 'product', label: 'Preconditioning', read: at(['products'], (p) => [...new Set(list(p).flatMap((x) => list(rec(x)?.preconditioning)).filter((v) => typeof v === 'string'))].join(', ')) },
  { id: 'markers', group: 'product', label: 'Markers (+ / −)', read: at(['products'], (p) => list(p).map((x) => rec(rec(x)?.characterization)).filter(Boolean).map((c) => markers(joined(c?.positive_markers), joined(c?.negative_markers))).filter(Boolean).join('; ')) },
  { id: 'dose-per-kg', group: 'intervention', label: 'Dose per kg (normalised)', read: dose(true) },
  { id: 'dose', group: 'intervention', label: 'Dose (normalised)', read: dose(false) },
  { id: 'route', group: 'intervention', label: 'Route', read: perArm(route, 'route') },
  { id: 'frequency', group: 'intervention', label: 'Frequency × doses', read: perArm((iv) => frequency(iv), 'frequency') },
  { id: 'duration', group: 'intervention', label: 'Duration', read: perArm((iv) => (str(iv.duration) ? { text: str(iv.duration) as string } : undefined), 'duration') },
  { id: 'follow-up', group: 'outcomes', label: 'Timepoints', read: at(['timepoints'], (tp) => list(tp).map((x) => str(rec(x)?.at) ?? str(rec(x)?.label) ?? str(rec(x)?.id)).filter(Boolean).join(', ')) },
  { id: 'primary', group: 'outcomes', label: 'Primary endpoint', read: at(['endpoints'], (e) => list(e).filter((x) => rec(x)?.priority === 'primary').map((x) => str(rec(x)?.name) ?? str(rec(x)?.id)).join('; ') || undefined) },
  { id: 'safety', group: 'outcomes', label: 'Adverse events', read: (t) => safety(t) },
];

/** Positive / negative markers; a product with negative markers only keeps the slash, so they never read as positive. */
function markers(positive: string | undefined, negative: string | undefined): string {
  return negative ? `${positive || '—'} / ${negative}` : positive ?? '';
}

/** An arm's route: `routes` (several) where it is written, else `route`, sourced at the one it read. */
function route(iv: Record<string, unknown>): { text: string; field: string } | undefined {
  const many = joined(iv.routes);
  if (many) return { text: many, field: 'routes' };
  const one = str(iv.route);
  return one ? { text: one, field: 'route' } : undefined;
}

function frequency(iv: Record<string, unknown>): { text: string } | undefined {
  const f = iv.frequency;
  const word = typeof f === 'string' ? f : rec(f) ? `${rec(f)?.times}× per ${str(rec(f)?.per) ?? '?'}` : undefined;
  const doses = typeof iv.doses === 'number' ? `${iv.doses} doses` : undefined;
  const text = [word, doses].filter(Boolean).join(' × ');
  return text ? { text } : undefined;
}

function condition(t: Trial): Cell {
  const population = rec(t.study.population);
  const one = rec(population?.condition);
  const many = list(population?.conditions).map(rec);
  const all = [one, ...many].filter((c): c is Record<string, unknown> => !!c);
  if (!all.length) return rec(population?.disease_model) ? at(['population', 'disease_model', 'name'])(t) : absent;
  return { text: all.map((c) => [str(c.name), str(c.code) && `(${str(c.code)})`].filter(Boolean).join(' ')).join('; '), state: 'value', source: t.at(['population', one ? 'condition' : 'conditions']) };
}

/** None observed, observed, or not reported: three different things. */
function safety(t: Trial): Cell {
  const events = list(rec(t.study.safety)?.adverse_events).map(rec).filter((e): e is Record<string, unknown> => !!e);
  if (!events.length) return absent; // the file says nothing: not the same as a source that reports nothing
  const text = events.map((e) => `${str(e.category) ?? 'any'}: ${str(e.status) ?? '?'}${typeof e.participants === 'number' ? ` (${e.participants} participants)` : ''}`).join('; ');
  return { text, state: events.every((e) => e.status === 'not reported') ? 'not-reported' : 'value', source: t.at(['safety', 'adverse_events']) };
}

/** Every arm's dose that could be normalised, with its value in the normalised unit. */
function dosePoints(t: Trial, trial: string): DosePoint[] {
  return interventions(t).flatMap((x) => {
    const d = normaliseDose(x.iv.dose);
    if (!d?.unit || d.sort === undefined) return [];
    const point: DosePoint = { trial, arm: x.arm, role: x.role, low: d.sort, unit: d.unit, text: d.text, written: d.written, source: t.at([...x.path, 'dose']) };
    if (d.high !== undefined) point.high = d.high;
    return [point];
  });
}

/**
 * A study extracted twice and settled in a consensus file is compared once, as its consensus:
 * three columns of one study would count it three times in a meta-analysis.
 */
export function withoutSettledExtractions(inputs: readonly CompareInput[]): readonly CompareInput[] {
  const settled = new Set(inputs.filter(isConsensus).map(studyIdOf).filter(Boolean));
  return settled.size ? inputs.filter((i) => isConsensus(i) || !settled.has(studyIdOf(i))) : inputs;
}

/**
 * Compares validated studies: an overview row per fact, an endpoint row per group of equivalent
 * endpoints, and the results in long form. A file that could not be read keeps its column with
 * its problem count, and hides no other.
 */
export function buildComparison(all: readonly CompareInput[]): Comparison {
  const inputs = withoutSettledExtractions(all);
  const trials: Trial[] = inputs.map(({ file, result }) => ({ file, result, study: rec(result.parsed?.value) ?? {}, at: sourcesOf(file, result) }));
  const columns: TrialColumn[] = trials.map((t) => {
    const study = rec(t.study.study);
    const counts = severityCounts(t.result.problems);
    return { file: t.file, id: str(study?.id) ?? t.file, title: str(study?.title) ?? '', problems: { errors: counts.error, warnings: counts.warning, infos: counts.info }, unreadable: !rec(t.result.parsed?.value) };
  });
  const overview: Row[] = ROWS.map((r) => ({ id: r.id, group: r.group, label: r.label, cells: trials.map((t) => r.read(t)) })).filter((r) => r.cells.some((c) => c.state !== 'absent'));
  return {
    version: 1,
    trials: columns,
    overview,
    endpoints: endpointRows(trials),
    results: trials.flatMap((t) => resultRecords(t)),
    doses: trials.flatMap((t, i) => dosePoints(t, columns[i]?.id ?? t.file)),
    timelines: trials.map((t, i) => timelineOf(t, columns[i]?.id ?? t.file)),
    effects: trials.flatMap((t, i) => effectsOf(t, columns[i]?.id ?? t.file)),
  };
}
