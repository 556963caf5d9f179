import { csv, md } from '../compare/export';
import type { ExtractionPair, Kappa } from './types';

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);
const fixed = (n: number | null, digits = 2) => (n === null ? '–' : n.toFixed(digits));

/** "κ 0.92 (observed 0.93, chance 0.14; 14 fields)": the figure and what it rests on. */
export function kappaText(k: Kappa): string {
  return k.kappa === null ? `undefined (${k.n} categorical field${k.n === 1 ? '' : 's'})` : `${fixed(k.kappa)} (observed ${fixed(k.observed)}, chance ${fixed(k.expected)}; ${k.n} categorical field${k.n === 1 ? '' : 's'})`;
}

/** For a review's methods section: per pair, the agreement per section and overall, kappa, and each difference with both values. */
export function agreementMarkdown(pairs: readonly ExtractionPair[]): string {
  if (!pairs.length) return '# Extraction agreement\n\nNo pairs: no study id has files by two different curators.\n';
  const parts = pairs.map((p) => {
    const figures = [p.agreement.overall, ...p.agreement.sections].map((s) => `| ${md(s.section)} | ${s.fields} | ${s.agreed} | ${percent(s.share)} |`).join('\n');
    const diffs = p.differences.length
      ? `| Field | ${md(p.left.curator)} | ${md(p.right.curator)} |\n|---|---|---|\n${p.differences.map((d) => `| ${md(d.id)} | ${md(d.left?.text ?? '(none)')} | ${md(d.right?.text ?? '(none)')} |`).join('\n')}`
      : 'None: the two extractions agree on every field.';
    return `## ${md(p.id)}\n\n${md(p.left.file)} (${md(p.left.curator)}) and ${md(p.right.file)} (${md(p.right.curator)})\n\n| Section | Fields | Agreed | Agreement |\n|---|---|---|---|\n${figures}\n\nCohen's kappa: ${kappaText(p.agreement.kappa)}\n\n### Differences (${p.differences.length})\n\n${diffs}`;
  });
  return `# Extraction agreement\n\n${parts.join('\n\n')}\n`;
}

const HEADER = ['record', 'study_id', 'left_file', 'left_curator', 'right_file', 'right_curator', 'section', 'fields', 'agreed', 'share', 'kappa', 'kappa_fields', 'field', 'categorical', 'left_value', 'right_value', 'left_line', 'right_line', 'left_quote', 'right_quote'];

/**
 * One table for R or a spreadsheet: `agreement` rows (per pair, overall and per section, with
 * kappa on the overall row) and `difference` rows (both values, lines and quotes).
 */
export function agreementCsv(pairs: readonly ExtractionPair[]): string {
  const rows: (string | number | null)[][] = [HEADER];
  for (const p of pairs) {
    const who = [p.id, p.left.file, p.left.curator, p.right.file, p.right.curator];
    const k = p.agreement.kappa;
    for (const s of [p.agreement.overall, ...p.agreement.sections]) {
      const overall = s === p.agreement.overall;
      rows.push(['agreement', ...who, s.section, s.fields, s.agreed, s.share, overall ? k.kappa : null, overall ? k.n : null, '', '', '', '', '', '', '', '']);
    }
    for (const d of p.differences) {
      rows.push(['difference', ...who, d.section, null, null, null, null, null, d.id, d.categorical ? 'true' : 'false', d.left?.text ?? '', d.right?.text ?? '', d.left?.source?.line ?? null, d.right?.source?.line ?? null, d.left?.quote ?? '', d.right?.quote ?? '']);
    }
  }
  return csv(rows);
}
