/** Generated trials of realistic size for the Compare Trials bench: 3–5 arms, 10–20 endpoints, 2–5 timepoints each. */
/** A deterministic pseudo-random generator, so every run measures the same files. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

export function trialText(i: number): string {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const arms = 3 + Math.floor(r() * 3);
  const endpoints = 10 + Math.floor(r() * 11);
  const tps = 2 + Math.floor(r() * 4);
  const kind = pick(['cells', 'exosomes', 'secretome']);
  const unit = kind === 'cells' ? '10*6{cells}/kg' : kind === 'exosomes' ? '{particles}' : 'mL';
  const lines = [
    'study:',
    `  id: trial-${i}`,
    `  title: Generated trial ${i}`,
    '  type: randomized controlled trial',
    `  status: ${pick(['recruiting', 'completed', 'published'])}`,
    `  phase: ${pick(['1', '1/2', '2'])}`,
    'design:',
    '  allocation: randomized',
    'population:',
    '  species: Homo sapiens',
    `  condition: {name: ${pick(['systemic lupus erythematosus', 'knee osteoarthritis', 'COVID-19'])}}`,
    `  counts: {randomized: ${20 + Math.floor(r() * 200)}}`,
    'products:',
    `  - {id: p, kind: ${kind}}`,
    'arms:',
  ];
  for (let a = 0; a < arms; a++) {
    lines.push(`  - id: a${a}`, `    role: ${a === 0 ? 'placebo comparator' : 'experimental'}`, `    n: ${10 + Math.floor(r() * 40)}`, '    interventions:', `      - {product: p, dose: "${(1 + Math.floor(r() * 9)) * 10 ** (kind === 'exosomes' ? 9 : 0)} ${unit}", route: intravenous}`);
  }
  lines.push('timepoints:');
  for (let t = 0; t < tps; t++) lines.push(`  - {id: t${t}, at: ${(t + 1) * 4} wk}`);
  lines.push('endpoints:');
  const analytes = ['IL-6', 'C3', 'C4', 'TNF-alpha', 'anti-dsDNA', 'CRP', 'IL-10', 'IL-4'];
  for (let e = 0; e < endpoints; e++) lines.push(`  - {id: e${e}, name: Endpoint ${e}, analyte: ${analytes[e % analytes.length]}, timepoints: [${Array.from({ length: tps }, (_, t) => `t${t}`).join(', ')}]}`);
  lines.push('results:');
  for (let e = 0; e < endpoints; e++) for (let a = 1; a < arms; a++) lines.push(`  - {endpoint: e${e}, arm: a${a}, comparator: a0, timepoint: t${tps - 1}, direction: ${pick(['increase', 'decrease'])}, p: ${(r() / 10).toFixed(3)}}`);
  lines.push('curation:', '  curator: Bench', '  date: 2026-11-30', '  status: draft', '  schema_version: 1.1.0', '');
  return lines.join('\n');
}

