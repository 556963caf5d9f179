/**
 * Generates a valid annotation of about `lines` lines: a multi-arm trial with many endpoints,
 * timepoints and results, shaped like a real (if unusually long) curated study.
 */
export function largeStudy(lines: number): string {
  const head = `# Generated for benchmarks and tests: a long but valid annotation.
study:
  id: generated-large-trial
  title: A generated multi-arm trial of UCMSC secretome
  type: randomized controlled trial
  status: published
  phase: "2"
design:
  allocation: randomized
  masking:
    level: double
  control: [placebo]
population:
  species: Homo sapiens
  sex: both
  condition:
    name: systemic lupus erythematosus
    code: M32
    system: ICD-10
  counts:
    randomized: 400
products:
  - id: secretome
    kind: secretome
  - id: saline
    kind: placebo
arms:
  - id: low
    role: experimental
    n: 100
    interventions:
      - product: secretome
        dose: 1.5 mL
        route: intramuscular
        frequency: weekly
        duration: 6 wk
  - id: high
    role: experimental
    n: 100
    interventions:
      - product: secretome
        dose: 3 mL
        route: intramuscular
  - id: placebo
    role: placebo comparator
    n: 100
    interventions:
      - product: saline
        dose: 1.5 mL
        route: intramuscular
curation:
  curator: Generator
  date: 2026-11-22
  status: draft
  schema_version: 1.0.0
`;
  const analytes = ['C3', 'C4', 'IL-6', 'anti-dsDNA', 'TNF-alpha', 'IL-10'];
  const endpoints = ['endpoints:', '  - id: sledai', '    name: SLEDAI-2K', '    priority: primary', '    instrument: SLEDAI-2K', '    timepoints: [baseline, d28]', '  - id: ae', '    name: Adverse events', '    priority: safety', '    category: safety', '    timepoints: [d28]'];
  const timepoints = ['timepoints:', '  - id: baseline', '    label: baseline', '  - id: d28', '    at: 28 d'];
  const results = ['results:', '  - endpoint: sledai', '    arm: low', '    timepoint: d28', '    direction: decrease'];
  const remaining = () => lines - head.split('\n').length - endpoints.length - timepoints.length - results.length;
  let i = 0;
  while (remaining() > 0) {
    const tp = `d${i + 29}`;
    if (i % 8 === 0 && remaining() > 20) {
      timepoints.push(`  - id: ${tp}`, `    at: ${i + 29} d`, '    relative_to: first dose');
      endpoints.push(`  - id: e${i}`, `    name: Serum ${analytes[i % analytes.length]} (${i})`, '    category: biomarker', `    analyte: ${analytes[i % analytes.length]}`, '    unit: mg/dL', `    timepoints: [baseline, ${tp}]`);
    }
    const e = `e${i - (i % 8)}`;
    const t = `d${i - (i % 8) + 29}`;
    results.push(
      `  - endpoint: ${e}`,
      `    arm: ${['low', 'high', 'placebo'][i % 3]}`,
      `    timepoint: ${t}`,
      '    statistic: mean',
      `    value: ${(i % 50) + 10.5} mg/dL`,
      `    dispersion: {type: SD, value: ${(i % 7) + 1.25}}`,
      `    n: ${90 + (i % 10)}`,
      `    p: ${i % 2 ? '"<0.05"' : 0.2}`,
      `    direction: ${['increase', 'decrease', 'no change'][i % 3]}`,
      `    as_reported: "Mean ${analytes[i % analytes.length]} changed at day ${i + 29} (row ${i})"`,
    );
    i++;
  }
  return head + [...timepoints, ...endpoints, ...results].join('\n') + '\n';
}
