/**
 * A forest-style plot per endpoint group that has numeric results: each result a mark at its
 * value with its interval where one is given, and p beside it; one plot per group and unit, so
 * no two measures share an axis. The table below each plot is its text alternative.
 */
import type { EffectPoint } from '../src/core/compare/types';
import { svg } from './charts';

const WIDTH = 860;
const LEFT = 340;
const ROW = 22;

export function renderForest(effects: readonly EffectPoint[], reveal: (p: EffectPoint) => void): HTMLElement {
  const box = document.createElement('div');
  const keys = [...new Set(effects.map((e) => `${e.group}\u0000${e.statistic}\u0000${e.unit}`))];
  if (!keys.length) {
    box.append(Object.assign(document.createElement('p'), { textContent: 'No result has a number, so there is no forest plot to draw.' }));
    return box;
  }
  for (const key of keys) {
    const [group, statistic, unit] = key.split('\u0000') as [string, string, string];
    const mine = effects.filter((e) => e.group === group && e.statistic === statistic && e.unit === unit);
    const values = mine.flatMap((e) => [e.value, e.low ?? e.value, e.high ?? e.value]);
    const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
    const span = hi - lo || 1;
    const x = (v: number) => LEFT + ((v - lo) / span) * (WIDTH - LEFT - 80);
    const height = mine.length * ROW + 40;
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = `${mine[0]?.groupLabel ?? group}: ${statistic}${unit ? ` (${unit})` : ''}`;
    const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': `${caption.textContent}; the table below lists the values` });
    chart.append(svg('line', { x1: x(0), x2: x(0), y1: 8, y2: height - 24, class: 'tick' }));
    for (const v of [lo, 0, hi]) chart.append(svg('text', { x: x(v), y: height - 8, class: 'tick-label', 'text-anchor': 'middle' }, String(Math.round(v * 1000) / 1000)));
    mine.forEach((e, i) => {
      const y = 20 + i * ROW;
      chart.append(svg('text', { x: LEFT - 8, y: y + 4, class: 'arm-label', 'text-anchor': 'end' }, `${e.trial} · ${e.label}`));
      const mark = svg('g', { class: 'mark', tabindex: 0, role: 'button', 'aria-label': `${e.trial} ${e.label}: ${e.value}${e.p ? `, p ${e.p}` : ''}` });
      if (e.low !== undefined && e.high !== undefined) mark.append(svg('line', { x1: x(e.low), x2: x(e.high), y1: y, y2: y, class: 'range' }));
      mark.append(svg('rect', { x: x(e.value) - 4, y: y - 4, width: 8, height: 8 }), svg('title', {}, `${e.value}${e.low !== undefined ? ` (${e.low} to ${e.high})` : ''}${e.p ? `, p ${e.p}` : ''}`));
      if (e.p) mark.append(svg('text', { x: WIDTH - 70, y: y + 4, class: 'tick-label' }, `p ${e.p}`));
      mark.addEventListener('click', () => reveal(e));
      mark.addEventListener('keydown', (k) => (k as KeyboardEvent).key === 'Enter' && reveal(e));
      chart.append(mark);
    });
    const table = document.createElement('table');
    table.className = 'chart-data';
    table.setAttribute('aria-label', caption.textContent ?? '');
    const head = table.createTHead().insertRow();
    for (const h of ['Trial', 'Result', 'Value', 'Interval', 'p']) head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
    const body = table.createTBody();
    for (const e of mine) {
      const tr = body.insertRow();
      for (const text of [e.trial, e.label, String(e.value), e.low !== undefined ? `${e.low} to ${e.high}` : '', e.p ?? '']) tr.insertCell().textContent = text;
    }
    figure.append(caption, chart, table);
    box.append(figure);
  }
  return box;
}
