import type { ProblemDraft } from '../problem';
import { q } from '../text/safe';
import { quantityOf, readable } from '../units/quantity';
import { normaliseUnit } from '../units/synonyms';
import { convert } from '../units/ucum';
import type { PathSegment } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';
import type { Check } from './check';
import { countValue, items, rec, str } from './view';

/** Statistics whose sign is the direction of the change. A mean can fall and stay positive. */
const SIGNED = new Set(['change from baseline', 'percent change', 'difference']);

/** The conventional significance level, the one "significant" means when a source says no more. */
const ALPHA = 0.05;

/**
 * A result that contradicts itself: a change whose sign is against its stated direction, a
 * proportion outside 0–100%, `significant` against its p-value, or more participants than its
 * arm has. Each is a typing slip a second reader would catch; one problem per result field.
 */
export const resultsCheck: Check = {
  name: 'result-consistency',
  check(doc) {
    const armSizes = new Map(items(doc.value, 'arms').map(({ item }) => [str(item.id), countValue(item.n)]));
    const out: ProblemDraft[] = [];
    for (const { item, index } of items(doc.value, 'results')) {
      const at = (field: string) => doc.locate(['results', index, field]).value;
      const statistic = str(item.statistic);
      const value = quantityOf(item.value);
      const direction = str(item.direction);
      const pointer = (field: string) => `/results/${index}/${field}`;
      if (value && statistic && SIGNED.has(statistic) && (direction === 'increase' || direction === 'decrease')) {
        const against = direction === 'increase' ? value.low < 0 && (value.high ?? value.low) < 0 : value.low > 0 && (value.high ?? value.low) > 0;
        if (against) {
          out.push({
            code: 'result-direction-contradiction',
            message: `A ${statistic} of ${q(written(doc, ['results', index, 'value']))} is ${direction === 'increase' ? 'a decrease' : 'an increase'}, but \`direction\` says ${direction}; check the sign or the direction.`,
            ...at('value'),
            data: { pointer: pointer('value'), direction },
          });
        }
      }
      if (value && statistic === 'proportion') {
        const max = proportionMax(value.unit);
        const bounds = [value.low, value.high ?? value.low];
        if (max !== undefined && bounds.some((b) => b < 0 || b > max)) {
          out.push({
            code: 'result-proportion-out-of-range',
            message: `A proportion lies between 0 and ${max === 1 ? '1' : `${max} ${value.unit}`}; ${q(written(doc, ['results', index, 'value']))} does not.`,
            ...at('value'),
            data: { pointer: pointer('value') },
          });
        }
      }
      const numerator = countValue(item.numerator);
      const denominator = countValue(item.denominator);
      if (numerator !== undefined && denominator !== undefined && numerator > denominator) {
        out.push({
          code: 'result-proportion-out-of-range',
          message: `${numerator} of ${denominator} is more than all of them; check the numerator and the denominator.`,
          ...at('numerator'),
          data: { pointer: pointer('numerator') },
        });
      } else if (numerator !== undefined && denominator && value && statistic === 'proportion' && value.high === undefined) {
        const max = proportionMax(value.unit);
        // '17 of 24 (71%)': 70.8% rounds to 71; more than one unit in the last place of what is written is a slip.
        if (max !== undefined && Math.abs((numerator / denominator) * max - value.low) > max / 100) {
          out.push({
            code: 'result-fraction-mismatch',
            message: `${numerator} of ${denominator} is ${readable(Math.round((numerator / denominator) * max * 10) / 10)}${max === 1 ? '' : ` ${value.unit}`}, not ${q(written(doc, ['results', index, 'value']))}; check the counts or the proportion.`,
            ...at('value'),
            data: { pointer: pointer('value') },
          });
        }
      }
      const p = pValue(item.p);
      if (typeof item.significant === 'boolean' && p) {
        const surelyAbove = p.min > ALPHA || (p.minOpen && p.min >= ALPHA);
        const surelyBelow = p.max < ALPHA || (p.maxOpen && p.max <= ALPHA);
        const contradicts = item.significant ? surelyAbove : surelyBelow;
        if (contradicts) {
          out.push({
            code: 'result-significance-contradiction',
            message: `\`significant: ${String(item.significant)}\` contradicts p ${q(written(doc, ['results', index, 'p']))} at the usual ${ALPHA} level; check which the source states.`,
            ...at('significant'),
            data: { pointer: pointer('significant') },
          });
        }
      }
      const n = countValue(item.n);
      const armId = str(item.arm);
      const armSize = armSizes.get(armId);
      if (n !== undefined && armSize !== undefined && !item.comparator && n > armSize) {
        out.push({
          code: 'result-n-exceeds-arm',
          message: `This result counts ${n} participants, more than the ${armSize} in arm ${q(armId ?? '')}.`,
          ...at('n'),
          data: { pointer: pointer('n'), n, armSize },
        });
      }
    }
    return out;
  },
};

function written(doc: ParsedStudy, path: PathSegment[]): string {
  const span = doc.locate(path).value;
  return doc.text.slice(span.start, span.end).trim();
}

/** 100 for '%', 1 for a fraction; undefined for a unit a proportion is not written in. */
function proportionMax(unit: string): number | undefined {
  const ucum = normaliseUnit(unit).ucum;
  if (ucum === '1') return 1;
  const one = convert(1, '1', ucum);
  return one === undefined ? undefined : one;
}

/**
 * A p-value as the interval it states: 0.03 is [0.03, 0.03]; '<0.05' is [0, 0.05) and '>0.05'
 * (0.05, 1]; '<=' and '>=' close the end.
 */
function pValue(v: unknown): { min: number; max: number; minOpen: boolean; maxOpen: boolean } | undefined {
  if (typeof v === 'number') return { min: v, max: v, minOpen: false, maxOpen: false };
  const m = typeof v === 'string' ? /^\s*(<=|>=|≤|≥|<|>|=)?\s*([0-9.]+)\s*$/.exec(v) : null;
  if (!m) return undefined;
  const x = Number(m[2]);
  if (!Number.isFinite(x)) return undefined;
  const op = m[1] ?? '=';
  if (op === '<' || op === '<=' || op === '≤') return { min: 0, max: x, minOpen: false, maxOpen: op === '<' };
  if (op === '>' || op === '>=' || op === '≥') return { min: x, max: 1, minOpen: op === '>', maxOpen: false };
  return { min: x, max: x, minOpen: false, maxOpen: false };
}
