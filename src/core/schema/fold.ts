import type { ErrorObject } from 'ajv';

/**
 * Folds the noise ajv reports for oneOf/anyOf into what a curator needs.
 *
 * ajv reports every failing branch and then the combinator itself. Branch errors arrive just
 * before the combinator error, and their instance paths lie at or below the combinator's. A
 * branch whose `type` did not match the value is irrelevant; if exactly the branches of the
 * right type remain, their errors are the explanation. If none remain, one folded error
 * stands for the whole combinator. `if` errors only say "then failed" and are dropped.
 */
export function foldErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') {
      out.push(e);
      continue;
    }
    const group: ErrorObject[] = [];
    while (out.length && isAtOrBelow((out[out.length - 1] as ErrorObject).instancePath, e.instancePath)) {
      group.unshift(out.pop() as ErrorObject);
    }
    // A branch whose type did not match says nothing about the value, not even its enum.
    const branchOf = (g: ErrorObject) => (g.schemaPath.startsWith(`${e.schemaPath}/`) ? g.schemaPath.slice(e.schemaPath.length + 1).split('/')[0] : undefined);
    const wrongType = new Set(group.filter((g) => g.keyword === 'type' && g.instancePath === e.instancePath).map(branchOf));
    const relevant = group.filter((g) => !(g.keyword === 'type' && g.instancePath === e.instancePath) && !(wrongType.has(branchOf(g)) && branchOf(g) !== undefined));
    const passing = (e.params as { passingSchemas?: unknown }).passingSchemas;
    if (!relevant.length || passing) out.push(e);
    else if (relevant.every((g) => g.keyword === 'required' && g.instancePath === e.instancePath)) out.push(foldRequired(relevant));
    else out.push(...relevant);
  }
  return dedupe(out);
}

/**
 * anyOf [{required: [value]}, {required: [low, high]}] fails as one "needs `value` (or `low`
 * and `high`)". A group that was folded already (an anyOf inside a oneOf) keeps its branches.
 */
function foldRequired(group: ErrorObject[]): ErrorObject {
  const branches = new Map<string, string[]>();
  for (const g of group) {
    const params = g.params as { missingProperty: string; branches?: string[][] };
    if (params.branches) params.branches.forEach((b, i) => branches.set(`${g.schemaPath}#${i}`, b));
    else branches.set(g.schemaPath, [...(branches.get(g.schemaPath) ?? []), String(params.missingProperty)]);
  }
  const all = [...branches.values()];
  const first = group[0] as ErrorObject;
  return { ...first, params: { missingProperty: all[0]?.[0], branches: all } };
}

function isAtOrBelow(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
