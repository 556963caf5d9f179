import { parse } from 'yaml';
import type { ConditionProfile } from './profile';

/**
 * Reads a workspace profiles file (YAML or JSON): a list of profiles, or {profiles: [...]}.
 * Returns a plain error message rather than throwing, for the CLI and the status bar.
 */
export function parseProfiles(text: string): { profiles: ConditionProfile[] } | { error: string } {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return { error: `not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
  const list = Array.isArray(data) ? data : (data as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(list)) return { error: 'expected a list of profiles, or a mapping with a `profiles` list' };
  const profiles: ConditionProfile[] = [];
  for (const [i, p] of list.entries()) {
    const r = p as Partial<ConditionProfile> | null;
    if (!r || typeof r.id !== 'string' || typeof r.name !== 'string' || typeof r.applies !== 'object' || !Array.isArray(r.expects)) {
      return { error: `profile ${i + 1} needs id, name, applies and expects` };
    }
    const bad = r.expects.findIndex((x) => !x || typeof x.id !== 'string' || typeof x.label !== 'string');
    if (bad !== -1) return { error: `profile ${r.id}: expected endpoint ${bad + 1} needs id and label` };
    profiles.push(r as ConditionProfile);
  }
  return { profiles };
}
