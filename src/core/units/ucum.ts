import * as ucumPkg from '@lhncbc/ucum-lhc';
import { memoize } from '../memo';

interface UcumUtils {
  validateUnitString(
    unit: string,
    suggest?: boolean,
  ): { status: string; msg?: string[]; suggestions?: { units: [string, string][] }[]; unit?: { name?: string }; ucumCode?: string };
  convertUnitTo(from: string, value: number, to: string): { status: string; toVal: number | null };
}

let utils: UcumUtils | undefined;

export interface UnitCheck {
  valid: boolean;
  suggestions: string[];
}

function ucum(): UcumUtils {
  // The unit tables load on first use (about 0.3 s), never at activation.
  utils ??= (ucumPkg as unknown as { UcumLhcUtils: { getInstance(): UcumUtils } }).UcumLhcUtils.getInstance();
  return utils;
}

export const checkUcum = memoize((unit: string): UnitCheck => {
  if (/\s/.test(unit) || unit.length > 200) return { valid: false, suggestions: [] };
  const res = safe(() => ucum().validateUnitString(unit, true));
  return {
    valid: res?.status === 'valid',
    suggestions: (res?.suggestions ?? []).flatMap((s) => s.units.map((u) => u[0])).slice(0, 3),
  };
});

/** `value` in `from` expressed in `to`, or undefined when the units are not commensurable. */
export function convert(value: number, from: string, to: string): number | undefined {
  const res = safe(() => ucum().convertUnitTo(from, value, to));
  return res?.status === 'succeeded' && typeof res.toVal === 'number' ? res.toVal : undefined;
}

// Keyed by both units joined with a NUL, which no unit contains.
const commensurablePair = memoize((pair: string): boolean => {
  const [a, b] = pair.split('\u0000') as [string, string];
  return convert(1, a, b) !== undefined;
});

export function commensurable(a: string, b: string): boolean {
  return a === b || commensurablePair(`${a}\u0000${b}`);
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Runs a ucum-lhc call contained: it throws on some malformed strings (treated as invalid), and
 * for others (`()`, `{3}2`) it writes its own error to stdout, where the CLI's JSON and SARIF
 * go. The console is silenced for the call; the call is synchronous, so nothing else is.
 */
function safe<T>(f: () => T): T | undefined {
  const target = console as unknown as Record<(typeof CONSOLE_METHODS)[number], unknown>;
  const saved = CONSOLE_METHODS.map((m) => target[m]);
  for (const m of CONSOLE_METHODS) target[m] = () => undefined;
  try {
    return f();
  } catch {
    return undefined;
  } finally {
    CONSOLE_METHODS.forEach((m, i) => (target[m] = saved[i]));
  }
}

/** The unit's name as UCUM gives it ('milliliter'), and for simple units the kind of quantity. */
export function unitInfo(unit: string): { name: string; property?: string } | undefined {
  const res = safe(() => ucum().validateUnitString(unit, false));
  if (res?.status !== 'valid' || !res.unit?.name) return undefined;
  // ucum-lhc gives a compound unit its first atom's property ('km/h' is "length", 'm2' too), so
  // only a unit of one atom, with no product, quotient or power, is given its kind that way.
  if (!/^[^/.*^\d]+$/.test(unit)) return { name: res.unit.name };
  const property = safe(() => (ucum() as unknown as { getSpecifiedUnit(u: string, t: string): { unit?: { property_?: string } } }).getSpecifiedUnit(unit, 'validate').unit?.property_);
  return { name: res.unit.name, property: property && property !== 'number' ? property : undefined };
}
