/**
 * Numbers written the way the curator wrote the one they replace: as many significant figures
 * as the original (at least three), and in its notation ('3e6', '3 x 10^6', plain).
 */

/** How a number was written: plain, with an e, or as a mantissa times a power of ten ('3 x 10^6', '3×10*6'). */
export type Notation = { kind: 'plain' } | { kind: 'e'; e: 'e' | 'E' } | { kind: 'times'; times: string; power: '^' | '*' };

const TIMES = /^[-+−]?[0-9.]+(\s*[x×*]\s*)10([\^*])[-+]?[0-9]+$/;
const E = /^[-+−]?[0-9.]+([eE])[-+]?[0-9]+$/;

export function notationOf(text: string): Notation {
  const t = text.trim();
  const times = TIMES.exec(t);
  if (times) return { kind: 'times', times: times[1] as string, power: times[2] as '^' | '*' };
  const e = E.exec(t);
  return e ? { kind: 'e', e: e[1] as 'e' | 'E' } : { kind: 'plain' };
}

/**
 * Significant figures of a written number: '0.15' 2, '1.50' 3, '3 x 10^6' 1, '3.0e6' 2, and
 * '150' 2: trailing zeros of a whole number may be placeholders, and are not counted.
 */
export function significantFigures(text: string): number {
  const mantissa = text.trim().replace(/^[-+−]/, '').split(/\s*[x×*]\s*10[\^*]|[eE]/)[0] ?? '';
  const whole = !mantissa.includes('.');
  const digits = mantissa.replace(/[^0-9]/g, '').replace(/^0+/, '');
  return Math.max(1, (whole ? digits.replace(/0+$/, '') : digits).length);
}

/** The number rounded to `figures` significant figures, without binary noise. */
export function roundTo(n: number, figures: number): number {
  // toPrecision keeps 0, the infinities and NaN as they are (and -0 becomes 0).
  return Number(n.toPrecision(Math.min(Math.max(figures, 1), 17)));
}

/**
 * Writes `n` in the notation given. Powers of ten are used only where plain digits would be long
 * (at or above 10^5, or below 10^-3), so '3e6 {cells}' in 10*6{cells} is '3', not '3e0'.
 * `yaml` restricts the output to forms YAML reads as a number (plain or e).
 */
export function writeNumber(n: number, notation: Notation, yaml = false, figures?: number): string {
  const a = Math.abs(n);
  const plain = a === 0 || (a >= 1e-3 && a < 1e5);
  // With `figures`, trailing zeros that are significant are written: 619.0 is not 619.
  if (plain || !Number.isFinite(n)) return figures && a !== 0 && Number.isFinite(n) ? plainDigits(n, figures) : String(n);
  const [mantissa, exponent] = (figures ? n.toExponential(figures - 1) : n.toExponential()).split('e') as [string, string];
  const power = String(Number(exponent));
  if (notation.kind === 'times' && !yaml) return `${mantissa}${notation.times}10${notation.power}${power}`;
  return `${mantissa}${notation.kind === 'e' ? notation.e : 'e'}${power}`;
}

/** `n` in plain digits with exactly `figures` significant figures: 619 to 4 is '619.0'. */
function plainDigits(n: number, figures: number): string {
  const decimals = Math.max(0, figures - 1 - Math.floor(Math.log10(Math.abs(n))));
  return n.toFixed(Math.min(decimals, 100));
}

/** A range for people to read: '3-5', or '3 × 10^5 to 5 × 10^5' where a bound has a space, so the dash cannot read as a minus sign. */
export function rangeText(low: string, high?: string): string {
  if (high === undefined) return low;
  return /\s/.test(low + high) ? `${low} to ${high}` : `${low}-${high}`;
}
