import type { ExpectedEndpoint } from '../profiles/profile';
import { foldName as norm } from '../text/fold-name';

/**
 * Endpoints that measure the same thing across trials, whatever each trial called them: the
 * rows of the endpoint matrix. `expects` names the condition-profile expectations a group
 * answers, so a trial lacking what its outcome set expects is marked in the right row.
 */
export interface EndpointGroup extends ExpectedEndpoint {
  /** The profile expectations (ids) this group answers. */
  expects?: string[];
}

export const ENDPOINT_GROUPS: readonly EndpointGroup[] = [
  { id: 'sle-activity', label: 'SLE disease activity (SLEDAI-2K, MEX-SLEDAI)', instruments: ['SLEDAI-2K', 'SLEDAI-2000', 'SLEDAI', 'MEX-SLEDAI', 'SELENA-SLEDAI', 'BILAG'], names: ['sledai'], expects: ['disease-activity'] },
  { id: 'c3', label: 'Complement C3', analytes: ['C3'], expects: ['c3'] },
  { id: 'c4', label: 'Complement C4', analytes: ['C4'], expects: ['c4'] },
  { id: 'anti-dsdna', label: 'Anti-dsDNA', analytes: ['anti-dsDNA'], expects: ['anti-dsdna'] },
  { id: 'il-6', label: 'IL-6', analytes: ['IL-6', 'interleukin-6'] },
  { id: 'tnf-alpha', label: 'TNF-alpha', analytes: ['TNF-alpha', 'TNF'] },
  { id: 'il-4', label: 'IL-4', analytes: ['IL-4'] },
  { id: 'cytokines', label: 'Inflammatory cytokines (other)', names: ['cytokine'], expects: ['cytokines'] },
  { id: 'pain-function', label: 'Pain and function (WOMAC, KOOS, VAS)', instruments: ['WOMAC', 'KOOS', 'VAS', 'NRS', 'Lequesne', 'IKDC'], expects: ['pain-function'] },
  { id: 'cartilage-imaging', label: 'Cartilage imaging (MRI, X-ray)', instruments: ['MRI', 'X-ray', 'radiograph', 'ultrasound'], categories: ['imaging'], expects: ['cartilage-imaging'] },
  { id: 'pao2-fio2', label: 'Oxygenation (PaO2/FiO2)', analytes: ['PaO2/FiO2', 'SpO2/FiO2'], names: ['oxygenation'], expects: ['oxygenation'] },
  { id: 'who-cps', label: 'WHO clinical progression scale', instruments: ['WHO-CPS 2020', 'WHO-CPS', 'WHO clinical progression scale', 'WHO ordinal scale'], expects: ['who-cps'] },
  { id: 'survival', label: 'Survival and mortality', categories: ['survival'], names: ['survival', 'mortality', 'death'], expects: ['survival', 'mortality'] },
  { id: 'adverse-events', label: 'Adverse events', categories: ['safety'], expects: ['adverse-events'] },
];


/** The group an endpoint belongs to: by instrument, analyte, category or name, in that order; undefined for none. */
export function groupOf(endpoint: Record<string, unknown>): EndpointGroup | undefined {
  const text = (k: string) => (typeof endpoint[k] === 'string' ? norm(endpoint[k] as string) : undefined);
  const [instrument, analyte, category, name] = [text('instrument'), text('analyte'), text('category'), text('name') ?? ''];
  const has = (v: string | undefined, list?: string[]) => v !== undefined && (list ?? []).some((x) => norm(x) === v);
  return (
    ENDPOINT_GROUPS.find((g) => has(instrument, g.instruments)) ??
    ENDPOINT_GROUPS.find((g) => has(analyte, g.analytes)) ??
    ENDPOINT_GROUPS.find((g) => has(category, g.categories) || (g.id === 'adverse-events' && endpoint.priority === 'safety')) ??
    ENDPOINT_GROUPS.find((g) => (g.names ?? []).some((f) => name.includes(norm(f))))
  );
}
