/** "Did you mean" for enum values and property names: aliases first, then case, then spelling. */
export function suggest(found: string, candidates: readonly string[], aliases?: Readonly<Record<string, string>>): string | undefined {
  const f = found.trim();
  if (!f) return undefined;
  if (aliases) {
    const exact = aliases[f];
    if (exact) return exact;
    const lower = f.toLowerCase();
    for (const [alias, target] of Object.entries(aliases)) if (alias.toLowerCase() === lower) return target;
  }
  const lower = f.toLowerCase();
  const same = candidates.find((c) => c.toLowerCase() === lower);
  if (same) return same;
  // A spelling fix never changes a number ('5' is not a misspelt '1'), and never adds or drops a
  // word: 'umbilical cord blood' is another tissue than 'umbilical cord', not a typo of it.
  const digits = (s: string) => s.replace(/[^0-9]/g, '');
  const sameNumbers = candidates.filter((c) => digits(c) === digits(f));
  const prefixed = sameNumbers.filter((c) => c.toLowerCase().startsWith(lower));
  if (prefixed.length === 1 && lower.length >= 3) return prefixed[0];
  const words = (s: string) => s.split(/[\s/-]+/).filter(Boolean).length;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of sameNumbers) {
    if (words(c) !== words(f)) continue;
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(lower.length, 3) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** Levenshtein distance, capped to keep hostile long strings cheap. */
export function distance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}
