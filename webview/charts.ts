/**
 * Each arm's normalised dose on a log axis, one chart per unit (cells per kg, particles, mL …:
 * never two units on one axis), drawn as SVG by our own code with classes the stylesheet colours
 * from --vscode-charts-*. Each mark has the dose as written for a tooltip and leads to its source;
 * the table of the points below each chart is its text alternative.
 */
import type { DosePoint } from '../src/core/compare/types';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 860;
const ROW = 22;
const LEFT = 340;
const RIGHT = 20;

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Powers of ten around the values, one tick each. */
function decades(values: number[]): [number, number] {
  const logs = values.filter((v) => v > 0).map((v) => Math.log10(v));
  const lo = Math.floor(Math.min(...logs));
  const hi = Math.ceil(Math.max(...logs));
  return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
}

export function renderDoseCharts(points: readonly DosePoint[], reveal: (p: DosePoint) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'charts';
  const units = [...new Set(points.filter((p) => p.low > 0).map((p) => p.unit))];
  if (!units.length) {
    box.append(Object.assign(document.createElement('p'), { textContent: 'No dose could be normalised, so there is nothing to chart.' }));
    return box;
  }
  for (const unit of units) {
    const mine = points.filter((p) => p.unit === unit && p.low > 0);
    const [lo, hi] = decades(mine.flatMap((p) => [p.low, p.high ?? p.low]));
    const x = (v: number) => LEFT + ((Math.log10(v) - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
    const height = mine.length * ROW + 40;
    const figure = document.createElement('figure');
    // Drawn at its own size (not scaled to the pane), so labels keep the editor's font size.
    const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': `Doses in ${unit} on a log axis; the table below lists them` });
    for (let d = lo; d <= hi; d++) {
      chart.append(svg('line', { x1: x(10 ** d), x2: x(10 ** d), y1: 10, y2: height - 24, class: 'tick' }));
      chart.append(svg('text', { x: x(10 ** d), y: height - 8, class: 'tick-label', 'text-anchor': 'middle' }, `10^${d}`));
    }
    mine.forEach((p, i) => {
      const y = 20 + i * ROW;
      chart.append(svg('text', { x: LEFT - 8, y: y + 4, class: 'arm-label', 'text-anchor': 'end' }, `${p.trial} · ${p.arm}`));
      const mark = svg('g', { class: `mark ${p.role === 'experimental' ? 'experimental' : 'control'}`, tabindex: 0, role: 'button', 'aria-label': `${p.trial} ${p.arm}: ${p.text}` });
      if (p.high !== undefined) mark.append(svg('line', { x1: x(p.low), x2: x(p.high), y1: y, y2: y, class: 'range' }));
      mark.append(svg('circle', { cx: x(p.low), cy: y, r: 5 }));
      mark.append(svg('title', {}, `${p.text}\nas written: ${p.written}`));
      mark.addEventListener('click', () => reveal(p));
      mark.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') reveal(p);
      });
      chart.append(mark);
    });
    const caption = document.createElement('figcaption');
    caption.textContent = `Dose (${unit}), log scale`;
    figure.append(caption, chart, pointsTable(mine, unit));
    box.append(figure);
  }
  return box;
}

export function pointsTable(points: readonly DosePoint[], unit: string): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'chart-data';
  table.setAttribute('aria-label', `Doses in ${unit}`);
  const head = table.createTHead().insertRow();
  for (const h of ['Trial', 'Arm', `Dose (${unit})`, 'As written']) head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
  const body = table.createTBody();
  for (const p of points) {
    const tr = body.insertRow();
    for (const t of [p.trial, p.arm, p.text, p.written]) tr.insertCell().textContent = t;
  }
  return table;
}
