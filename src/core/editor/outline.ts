import { items, list, rec, str } from '../checks/view';
import type { ParsedStudy } from '../yaml/parsed-study';

export type OutlineKind = 'study' | 'section' | 'arm' | 'product' | 'endpoint' | 'timepoint' | 'result';

/** A document symbol, in offsets. `select` is the part to highlight (usually the id). */
export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  start: number;
  end: number;
  selectStart: number;
  selectEnd: number;
  children: OutlineNode[];
}

/** Study, then each top-level section; arms, products, endpoints (with their timepoints) and results as children. */
export function outline(doc: ParsedStudy): OutlineNode[] {
  const root = rec(doc.value);
  const timepointLabels = new Map(items(root, 'timepoints').map(({ item }) => [str(item.id), str(item.label) ?? str(item.at) ?? '']));
  return doc.topLevelKeys().map(({ key }) => {
    const node = make(doc, [key], key, '', key === 'study' ? 'study' : 'section');
    if (key === 'study') node.detail = str(rec(root?.study)?.title) ?? '';
    const entries = items(root, key);
    const child = (kind: OutlineKind, name: (r: Record<string, unknown>) => string, detail: (r: Record<string, unknown>) => string) =>
      entries.map(({ item, index }) => make(doc, [key, index], name(item), detail(item), kind, item.id === undefined ? undefined : [key, index, 'id']));
    if (key === 'arms') node.children = child('arm', (a) => str(a.id) ?? '(no id)', (a) => [str(a.label), str(a.role)].filter(Boolean).join(' · '));
    if (key === 'products') node.children = child('product', (p) => str(p.id) ?? '(no id)', (p) => [str(p.name), str(p.kind)].filter(Boolean).join(' · '));
    if (key === 'timepoints') node.children = child('timepoint', (t) => str(t.id) ?? '(no id)', (t) => str(t.label) ?? str(t.at) ?? '');
    if (key === 'endpoints') {
      node.children = child('endpoint', (e) => str(e.id) ?? '(no id)', (e) => [str(e.name), str(e.priority)].filter(Boolean).join(' · '));
      node.children.forEach((endpoint, i) => {
        const e = entries[i];
        if (!e) return;
        endpoint.children = list(e.item.timepoints).map((tp, j) => make(doc, [key, e.index, 'timepoints', j], str(tp) ?? '?', timepointLabels.get(str(tp)) ?? '', 'timepoint'));
      });
    }
    if (key === 'results') {
      node.children = child(
        'result',
        (r) => `${str(r.endpoint) ?? '?'} · ${str(r.arm) ?? '?'}${r.comparator ? ` vs ${str(r.comparator)}` : ''}${r.timepoint ? ` @ ${str(r.timepoint)}` : ''}`,
        (r) => [str(r.direction), r.significant === true ? 'significant' : r.significant === false ? 'not significant' : undefined].filter(Boolean).join(' · '),
      );
    }
    return node;
  });
}

function make(doc: ParsedStudy, path: (string | number)[], name: string, detail: string, kind: OutlineKind, selectPath?: (string | number)[]): OutlineNode {
  const at = doc.locate(path);
  const start = at.key?.start ?? at.value.start;
  const end = Math.max(at.value.end, at.key?.end ?? 0);
  const select = selectPath ? doc.locate(selectPath).value : (at.key ?? at.value);
  return { name: name || '(empty)', detail, kind, start, end, selectStart: Math.max(select.start, start), selectEnd: Math.min(Math.max(select.end, select.start), end), children: [] };
}
