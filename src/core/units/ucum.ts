import * as ucumPkg from '@lhncbc/ucum-lhc';

interface UcumUtils {
  validateUnitString(
    unit: string,
    suggest?: boolean,
  ): { status: string; msg?: string[]; suggestions?: { units: [string, string][] }[]; unit?: { name?: string }; ucumCode?: string };
  convertUnitTo(from: string, value: number, to: string): { status: string; toVal: number | null };
}

let utils: UcumUtils | undefined;
const validity = new Map<string, UnitCheck>();
const MAX_CACHE = 5000;

export interface UnitCheck {
  valid: boolean;
  suggestions: string[];
}

function ucum(): UcumUtils {
  // The unit tables load on first use (about 0.3 s), never at activation.
  utils ??= (ucumPkg as unknown as { UcumLhcUtils: { getInstance(): UcumUtils } }).UcumLhcUtils.getInstance();
  return utils;
}

export function checkUcum(unit: string): UnitCheck {
  let r = validity.get(unit);
  if (!r) {
    if (/\s/.test(unit) || unit.length > 200) {
      r = { valid: false, suggestions: [] };
    } else {
      const res = safe(() => ucum().validateUnitString(unit, true));
      r = {
        valid: res?.status === 'valid',
        suggestions: (res?.suggestions ?? []).flatMap((s) => s.units.map((u) => u[0])).slice(0, 3),
      };
    }
    if (validity.size > MAX_CACHE) validity.clear();
    validity.set(unit, r);
  }
  return r;
}

/** `value` in `from` expressed in `to`, or undefined when the units are not commensurable. */
export function convert(value: number, from: string, to: string): number | undefined {
  const res = safe(() => ucum().convertUnitTo(from, value, to));
  return res?.status === 'succeeded' && typeof res.toVal === 'number' ? res.toVal : undefined;
}

const pairs = new Map<string, boolean>();

export function commensurable(a: string, b: string): boolean {
  if (a === b) return true;
  const key = `${a}\u0000${b}`;
  let r = pairs.get(key);
  if (r === undefined) {
    r = convert(1, a, b) !== undefined;
    if (pairs.size > MAX_CACHE) pairs.clear();
    pairs.set(key, r);
  }
  return r;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined; // ucum-lhc throws on some malformed strings; treat as invalid
  }
}

/** The unit's name as UCUM gives it ('milliliter'), and for simple units the kind of quantity. */
export function unitInfo(unit: string): { name: string; property?: string } | undefined {
  const res = safe(() => ucum().validateUnitString(unit, false));
  if (res?.status !== 'valid' || !res.unit?.name) return undefined;
  const property = safe(() => (ucum() as unknown as { getSpecifiedUnit(u: string, t: string): { unit?: { property_?: string } } }).getSpecifiedUnit(unit, 'validate').unit?.property_);
  return { name: res.unit.name, property: property && property !== 'number' ? property : undefined };
}
