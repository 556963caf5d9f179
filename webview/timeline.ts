/**
 * Each trial's follow-up on one time axis (days from its own origin): a line to its last
 * assessment and a mark per timepoint, which leads to its source. The table below is the text
 * alternative.
 */
import type { Source, Timeline } from '../src/core/compare/types';
import { svg } from './charts';

const WIDTH = 860;
const LEFT = 340;
const ROW = 26;

export function renderTimelines(timelines: readonly Timeline[], reveal: (p: { source?: Source }) => void): HTMLElement {
  const figure = document.createElement('figure');
  const shown = timelines.filter((t) => t.points.length);
  const caption = document.createElement('figcaption');
  caption.textContent = 'Follow-up: assessment times in days';
  figure.append(caption);
  if (!shown.length) {
    figure.append(Object.assign(document.createElement('p'), { textContent: 'No timepoint has a time, so there is no timeline to draw.' }));
    return figure;
  }
  const max = Math.max(1, ...shown.flatMap((t) => t.points.map((p) => p.days)));
  const x = (d: number) => LEFT + (Math.max(0, d) / max) * (WIDTH - LEFT - 20);
  const height = shown.length * ROW + 40;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': 'Follow-up of each trial in days; the table below lists the timepoints' });
  for (const tick of [0, max / 2, max]) chart.append(svg('text', { x: x(tick), y: height - 8, class: 'tick-label', 'text-anchor': 'middle' }, `${Math.round(tick)} d`));
  shown.forEach((t, i) => {
    const y = 20 + i * ROW;
    chart.append(svg('text', { x: LEFT - 8, y: y + 4, class: 'arm-label', 'text-anchor': 'end' }, t.trial));
    chart.append(svg('line', { x1: x(0), x2: x(t.points[t.points.length - 1]?.days ?? 0), y1: y, y2: y, class: 'tick' }));
    for (const p of t.points) {
      const mark = svg('g', { class: 'mark timepoint', tabindex: 0, role: 'button', 'aria-label': `${t.trial} ${p.label}: day ${p.days}` });
      mark.append(svg('circle', { cx: x(p.days), cy: y, r: 4 }), svg('title', {}, `${p.label} (day ${Math.round(p.days * 10) / 10})`));
      mark.addEventListener('click', () => reveal(p));
      mark.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && reveal(p));
      chart.append(mark);
    }
  });
  const table = document.createElement('table');
  table.className = 'chart-data';
  table.setAttribute('aria-label', 'Timepoints in days');
  const head = table.createTHead().insertRow();
  for (const h of ['Trial', 'Timepoint', 'Day']) head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
  const body = table.createTBody();
  for (const t of shown) for (const p of t.points) for (const [i, text] of [t.trial, p.label, String(Math.round(p.days * 10) / 10)].entries()) (i === 0 ? body.insertRow() : (body.rows[body.rows.length - 1] as HTMLTableRowElement)).insertCell().textContent = text;
  figure.append(chart, table);
  return figure;
}
