import { convertBounds, weeksAndDays, type WrittenBounds } from '../units/conversion';
import { kindOf } from '../units/dimensions';
import { rangeText } from '../units/number-text';

/**
 * A quantity's kind ('mass concentration', 'cells per body mass') and the same amount in the
 * other units of that kind: '= 0.15 mL · 1.5e-4 L'. Days name their whole weeks, and months
 * are said to be UCUM's mean Julian month, which is not a calendar month.
 */
export function equivalents(ucum: string, written: WrittenBounds): { name: string; line?: string } | undefined {
  const kind = kindOf(ucum);
  if (!kind) return undefined;
  const shown: string[] = [];
  for (const to of kind.targets) {
    const c = convertBounds(written, ucum, to);
    if (!c) continue;
    let text = `${rangeText(c.lowText, c.highText)} ${to}`;
    const days = to === 'wk' && ucum === 'd' && written.high === undefined ? weeksAndDays(Number(written.low)) : undefined;
    if (days) text += ` (${days})`;
    if (to === 'mo') text += ' (mean Julian month, 30.4375 d)';
    shown.push(text);
  }
  const line = shown.length ? `= ${shown.join(' · ')}` : undefined;
  const julian = ucum === 'mo' ? '1 mo is UCUM\'s mean Julian month, 30.4375 d, not a calendar month.' : undefined;
  return { name: kind.name, line: [line, julian].filter(Boolean).join('\n\n') || undefined };
}
