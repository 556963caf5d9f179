import { annotationsOf } from './synonyms';
import { convert } from './ucum';
import { notationOf, roundTo, significantFigures, writeNumber, type Notation } from './number-text';

/** Bracketed UCUM atoms that are arbitrary units: ucum-lhc refuses to convert them at all. */
const ARBITRARY = /\[(?:iU|IU|arb'U|USP'U|CFU|PFU|FFU)\]/g;

/**
 * `value` in `from` expressed in `to`, with the guards ucum-lhc lacks: {annotations} must agree
 * (it converts {cells} to {particles} without a word), and an arbitrary unit converts to itself
 * scaled ('[iU]/mL' to '[iU]/L'), which ucum-lhc refuses. Mass to moles needs a molecular weight
 * and stays refused. Undefined when the units do not convert.
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  if (annotationsOf(from).join() !== annotationsOf(to).join()) return undefined;
  if (from === to) return value;
  const direct = convert(value, from, to);
  if (direct !== undefined) return direct;
  const atoms = (u: string) => (u.match(ARBITRARY) ?? []).sort().join();
  if (!atoms(from) || atoms(from) !== atoms(to)) return undefined;
  // The same arbitrary unit on both sides cancels: read it as a plain count and convert the rest.
  const plain = (u: string) => u.replace(ARBITRARY, (m) => `{${m.slice(1, -1)}}`);
  return convert(value, plain(from), plain(to));
}

/** A quantity's bounds as written: '150', or '3e11' and '5e11'. */
export interface WrittenBounds {
  low: string;
  high?: string;
}

export interface ConvertedQuantity {
  unit: string;
  low: number;
  high?: number;
  /** The bounds in the notation they were written in ('3 x 10^6' stays a power of ten). */
  lowText: string;
  highText?: string;
}

/**
 * Converts written bounds to `to`. Each bound keeps at least the significant figures it was
 * written with (three at least, so '43 d' is '6.14 wk'), and more only where fewer would not
 * convert back to the number written: converting back returns the original.
 * `yaml` writes numbers YAML reads as numbers (for the long form's `value`).
 */
export function convertBounds(written: WrittenBounds, from: string, to: string, yaml = false): ConvertedQuantity | undefined {
  const low = convertBound(written.low, from, to, yaml);
  if (!low) return undefined;
  if (written.high === undefined) return { unit: to, low: low.value, lowText: low.text };
  const high = convertBound(written.high, from, to, yaml);
  return high && { unit: to, low: low.value, high: high.value, lowText: low.text, highText: high.text };
}

function convertBound(text: string, from: string, to: string, yaml: boolean): { value: number; text: string } | undefined {
  const x = readWritten(text);
  const exact = x === undefined ? undefined : convertUnit(x, from, to);
  if (x === undefined || exact === undefined || !Number.isFinite(exact)) return undefined;
  const figures = significantFigures(text);
  const notation: Notation = notationOf(text);
  for (let p = Math.max(3, figures); p <= 15; p++) {
    const value = roundTo(exact, p);
    // Shortest first ('0.15'); with its significant trailing zeros ('619.0') where the short one would not convert back.
    for (const written of [writeNumber(value, notation, yaml), writeNumber(value, notation, yaml, p)]) {
      const back = backTo(value, written, to, from);
      if (back !== undefined && roundTo(back, figures) === roundTo(x, figures)) return { value, text: written };
    }
  }
  const value = roundTo(exact, 15);
  return { value, text: writeNumber(value, notation, yaml) };
}

/** What converting `value`, written as `text`, back gives, to the figures that conversion would keep. */
function backTo(value: number, text: string, from: string, to: string): number | undefined {
  const back = convertUnit(value, from, to);
  return back === undefined ? undefined : roundTo(back, Math.max(3, significantFigures(text)));
}

/** '1.5', '3e6', '3 x 10^6', '−2'. */
function readWritten(text: string): number | undefined {
  const t = text.replace(/−/g, '-').replace(/\s+/g, '');
  const times = /^([-+]?[0-9.]+)[x×*]10[\^*]([-+]?[0-9]+)$/.exec(t);
  const n = times ? Number(`${times[1]}e${times[2]}`) : Number(t);
  return Number.isFinite(n) && t !== '' ? n : undefined;
}

/** A duration in whole weeks and days when it is not a whole number of weeks: 43 d is '6 wk 1 d'. */
export function weeksAndDays(days: number): string | undefined {
  if (!Number.isInteger(days) || days < 7 || days % 7 === 0) return undefined;
  return `${Math.floor(days / 7)} wk ${days % 7} d`;
}
