import type { ProblemDraft } from '../problem';
import { q } from '../text/safe';
import { quantityOf, readable, type Quantity } from '../units/quantity';
import { annotationsOf, normaliseUnit } from '../units/synonyms';
import { checkUcum, commensurable, convert } from '../units/ucum';
import { toPointer, type PathSegment } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';
import type { Check } from './check';
import { items, list, rec, str } from './view';

/** Dimensions a dose never has: a dose is an amount (mass, volume, a count), not a time or a length. */
const NOT_AN_AMOUNT: readonly [string, string][] = [
  ['s', 'a time'],
  ['m', 'a length'],
  ['K', 'a temperature'],
];

/** Annotations that count vesicles, and the product kinds made of them. */
const VESICLE_COUNTS = new Set(['particles', 'exosomes', 'evs', 'vesicles']);
const VESICLE_KINDS = new Set(['exosomes', 'extracellular vesicles']);

/** A factor between two doses of one product in one arm that is more often a slip (mg for ug) than a design. */
const SPREAD = 100;

/**
 * A regimen that contradicts itself: given once but in several doses, treated for less time than
 * one interval, a dose that is not an amount, a count of the wrong thing for the product, or two
 * doses of one product in one arm a hundredfold apart.
 */
export const regimenCheck: Check = {
  name: 'regimen',
  check(doc) {
    const kinds = new Map(items(doc.value, 'products').map(({ item }) => [str(item.id), str(item.kind)]));
    const out: ProblemDraft[] = [];
    for (const { item: arm, index: a } of items(doc.value, 'arms')) {
      const byProduct = new Map<string, { dose: Quantity; ucum: string; path: PathSegment[] }[]>();
      list(arm.interventions).forEach((raw, i) => {
        const iv = rec(raw);
        if (!iv) return;
        const path = (field: string): PathSegment[] => ['arms', a, 'interventions', i, field];
        const doses = typeof iv.doses === 'number' ? iv.doses : undefined;
        if (iv.frequency === 'once' && doses !== undefined && doses > 1) {
          out.push({ code: 'regimen-once-repeated', message: `\`frequency: once\` with \`doses: ${doses}\`: a product given once is one dose; correct the frequency or the number of doses.`, ...doc.locate(path('doses')).value, data: { pointer: toPointer(path('doses')) } });
        }
        const shortDuration = durationShorterThanInterval(iv);
        if (shortDuration) {
          out.push({ code: 'regimen-duration-short', message: `The treatment lasted ${shortDuration.duration}, less than one ${shortDuration.interval} interval between doses; check the duration or the interval.`, ...doc.locate(path('duration')).value, data: { pointer: toPointer(path('duration')) } });
        }
        const dose = quantityOf(iv.dose);
        if (!dose) return;
        const ucum = normaliseUnit(dose.unit).ucum;
        if (!checkUcum(ucum).valid) return; // the units check reports it
        const wrong = NOT_AN_AMOUNT.find(([base]) => commensurable(ucum, base));
        if (wrong) {
          out.push({ code: 'dose-not-an-amount', message: `A dose is an amount given (mass, volume, a count), but ${q(dose.unit)} is ${wrong[1]}; was this the interval or the duration?`, ...doc.locate(path('dose')).value, data: { pointer: toPointer(path('dose')) } });
          return;
        }
        const kind = kinds.get(str(iv.product));
        const mismatch = kindMismatch(kind, annotationsOf(ucum));
        if (mismatch) out.push({ code: 'dose-kind-mismatch', message: mismatch, ...doc.locate(path('dose')).value, data: { pointer: toPointer(path('dose')), kind: kind ?? '' } });
        const product = str(iv.product);
        if (product) {
          const group = byProduct.get(product) ?? [];
          group.push({ dose, ucum, path: path('dose') });
          byProduct.set(product, group);
        }
      });
      for (const [product, doses] of byProduct) out.push(...spread(doc, product, doses));
    }
    return out;
  },
};

function durationShorterThanInterval(iv: Record<string, unknown>): { duration: string; interval: string } | undefined {
  const duration = quantityOf(iv.duration);
  const interval = quantityOf(iv.interval);
  if (!duration || !interval) return undefined;
  const seconds = (x: Quantity) => convert(x.high ?? x.low, normaliseUnit(x.unit).ucum, 's');
  const d = seconds(duration);
  const i = convert(interval.low, normaliseUnit(interval.unit).ucum, 's');
  if (d === undefined || i === undefined || d >= i) return undefined;
  return { duration: `${readable(duration.high ?? duration.low)} ${duration.unit}`, interval: `${readable(interval.low)} ${interval.unit}` };
}

function kindMismatch(kind: string | undefined, annotations: readonly string[]): string | undefined {
  if (!kind) return undefined;
  if (VESICLE_KINDS.has(kind) && annotations.includes('cells')) {
    return `A dose of ${kind} counted in {cells}: record the vesicles given here, and the cells they came from as \`cell_equivalent\`.`;
  }
  const vesicles = annotations.find((a) => VESICLE_COUNTS.has(a));
  if (kind === 'cells' && vesicles) return `A dose of cells counted in {${vesicles}}: is the product cells, or what they secrete?`;
  return undefined;
}

/** Pairs of doses of one product in one arm, in one dimension, at least SPREAD apart: one problem, at the larger. */
function spread(doc: ParsedStudy, product: string, doses: readonly { dose: Quantity; ucum: string; path: PathSegment[] }[]): ProblemDraft[] {
  for (let i = 0; i < doses.length; i++) {
    for (let j = i + 1; j < doses.length; j++) {
      const [x, y] = [doses[i], doses[j]] as [(typeof doses)[number], (typeof doses)[number]];
      const yInX = convert(y.dose.low, y.ucum, x.ucum);
      if (yInX === undefined || yInX <= 0 || x.dose.low <= 0) continue;
      const factor = Math.max(x.dose.low / yInX, yInX / x.dose.low);
      if (factor < SPREAD) continue;
      const at = doc.locate(y.path).value;
      return [
        {
          code: 'dose-spread',
          message: `Two doses of ${q(product)} in this arm differ ${readable(Math.round(factor))}-fold (${q(`${readable(x.dose.low)} ${x.dose.unit}`)} and ${q(`${readable(y.dose.low)} ${y.dose.unit}`)}); check the units (mg for ug?).`,
          ...at,
          data: { pointer: toPointer(y.path), factor },
        },
      ];
    }
  }
  return [];
}
