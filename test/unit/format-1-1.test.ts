// Format 1.1: what real trials need. Each test names the fact a curator could not record, or the
// correct file that could not be made clean, under 1.0.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedValues, hoverAt, schemaAt, validate } from '../../src/core';
import { suggest } from '../../src/core/schema/suggest';
import path from 'node:path';
import { read, ROOT, trial } from '../helpers/studies';

const problems = (text: string) => validate(text).filter((p) => p.severity !== 'info').map((p) => `${p.code}: ${p.message}`);
const codes = (text: string) => validate(text).filter((p) => p.severity !== 'info').map((p) => p.code);
const withStudy = (lines: string) => trial((b) => b.replace('study:\n', `study:\n${lines}`));

describe('plain YAML numbers where the format wants text', () => {
  it('phase: 1 is the phase 1, for every phase written as a number', () => {
    for (const n of ['1', '2', '3', '4']) assert.deepEqual(problems(withStudy(`  phase: ${n}\n`)), [], n);
    assert.deepEqual(codes(withStudy('  phase: 5\n')), ['schema-enum']);
    assert.deepEqual(codes(withStudy('  phase: 1.0\n')), ['schema-enum'], 'the text as written, 1.0, is no phase');
  });
  it('a phase that is not one gets no did-you-mean of another number', () => {
    assert.match(problems(withStudy('  phase: 5\n'))[0] ?? '', /\(found `5`\)$/);
  });
  it('pmid, pages and dates typed as numbers are their text', () => {
    const cited = trial((b) => b.replace('design:\n', 'citation:\n  kind: journal article\n  pmid: 32380908\n  pages: 365\n  epub_date: 2020\ndesign:\n'));
    assert.deepEqual(problems(cited), []);
  });
  it('a number keeps its digits as written: a leading zero is not dropped', () => {
    const text = trial((b) => b.replace('  - id: treated', '  - id: 007'));
    assert.deepEqual(problems(text), []);
    const dup = trial((b) => b.replace('  - id: w4\n    at: 4 wk', '  - id: 01\n    at: 4 wk\n  - id: 1\n    at: 5 wk').replace('timepoints: [w4]', 'timepoints: [01, 1]'));
    assert.deepEqual(codes(dup), [], '01 and 1 are different ids as written');
  });
  it('an id typed as a number matches a reference typed as a number or as text', () => {
    const text = trial((b) => b.replace('  - id: w4', '  - id: 4').replace('timepoints: [w4]', 'timepoints: [4]'));
    assert.deepEqual(problems(text), []);
    const quoted = trial((b) => b.replace('  - id: w4', '  - id: 4').replace('timepoints: [w4]', "timepoints: ['4']"));
    assert.deepEqual(problems(quoted), []);
    const twice = trial((b) => b.replace('  - id: w4\n    at: 4 wk', "  - id: 4\n    at: 4 wk\n  - id: '4'\n    at: 5 wk").replace('timepoints: [w4]', 'timepoints: [4]'));
    assert.deepEqual(codes(twice), ['id-duplicate']);
  });
  it('a number from an alias is read as its value', () => {
    const text = trial((b) => b.replace('  id: test-trial', '  id: test-trial\n  phase: &p 2\n').replace('  - id: w4', '  - id: *p'));
    assert.deepEqual(codes(text), ['ref-unresolved'], 'the timepoint id is 2, and the endpoint still names w4');
  });
  it('numbers stay numbers where the format wants numbers', () => {
    assert.deepEqual(codes(trial((b) => b.replace('  - id: w4\n    at: 4 wk', '  - id: w4\n    at: 4'))), ['schema-invalid']);
  });
  it('a value YAML reads as null or a number, written like an allowed text, is explained', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: {value: 1, unit: mL, qualifier: ~}'));
    assert.deepEqual(problems(text), ["schema-enum: `qualifier`: YAML reads `~` written plain as an empty value (null), not as text; write it in quotes, '~'."]);
    assert.deepEqual(problems(trial((b) => b.replace('dose: 1 10*6{cells}/kg', "dose: {value: 1, unit: mL, qualifier: '~'}"))), []);
  });
});

describe('did-you-mean never offers a different thing as a spelling fix', () => {
  const tissues = ['umbilical cord', 'umbilical cord blood', 'bone marrow', 'menstrual blood'];
  it('not a tissue with a word more or less', () => {
    assert.equal(suggest('umbilical cord blod', tissues), 'umbilical cord blood');
    assert.equal(suggest('umbilical cords', ['umbilical cord', 'bone marrow']), 'umbilical cord');
    assert.equal(suggest('umbilical cord blood', ['umbilical cord', 'bone marrow']), undefined);
    assert.equal(suggest('cord', ['umbilical cord']), undefined);
  });
  it('not another number', () => {
    assert.equal(suggest('5', ['1', '2', '3', '4']), undefined);
    assert.equal(suggest('phase 3', ['early 1', '1', '3']), undefined, 'distance alone would offer early 1');
    assert.equal(suggest('2/4', ['1/2', '2/3']), undefined);
  });
  it('still a spelling fix of the same words and numbers, across hyphens and slashes', () => {
    assert.equal(suggest('intravenus', ['intravenous', 'intramuscular']), 'intravenous');
    assert.equal(suggest('intra articular', ['intra-articular', 'intravenous']), 'intra-articular');
    assert.equal(suggest('Early 1', ['early 1', '1']), 'early 1');
  });
  it('umbilical cord blood is a tissue of its own', () => {
    const text = trial((b) => b.replace('    kind: cells\n', '    kind: cells\n    source:\n      tissue: umbilical cord blood\n'));
    assert.deepEqual(problems(text), []);
    for (const t of ['amniotic membrane', 'endometrium', 'synovium', 'exfoliated deciduous teeth']) {
      assert.deepEqual(problems(trial((b) => b.replace('    kind: cells\n', `    kind: cells\n    source:\n      tissue: ${t}\n`))), [], t);
    }
    assert.match(problems(trial((b) => b.replace('    kind: cells\n', '    kind: cells\n    source:\n      tissue: SHED\n')))[0] ?? '', /did you mean exfoliated deciduous teeth\?/);
  });
});

describe('what the source does not say can be said', () => {
  const registryOnly = read(path.join(ROOT, 'test', 'fixtures', 'registry-only.study.yaml'));
  it('a registered trial annotated from its registry record alone validates clean, with nothing invented', () => {
    assert.deepEqual(validate(registryOnly).map((p) => `${p.code}: ${p.message}`), []);
  });
  it('endpoints: {not_reported} is said once, and needs a reason', () => {
    const noReason = registryOnly.replace('    reason: The registry record lists no outcomes.\n', '    note: x\n');
    assert.deepEqual(codes(noReason), ['schema-missing-property', 'schema-unknown-property']);
    const noMarker = registryOnly.replace(/endpoints:\n  not_reported:\n    reason: .*\n/, '');
    assert.deepEqual(codes(noMarker), ['schema-missing-property'], 'a registered protocol still needs endpoints, or the marker');
  });
  it('a list of endpoints is still checked item by item, with references into it', () => {
    const text = trial((b) => b.replace('    timepoints: [w4]', '    timepoints: [w5]'));
    assert.deepEqual(codes(text), ['ref-unresolved']);
  });
  it('study status and allocation can be not reported; an RCT is still randomized', () => {
    assert.deepEqual(problems(trial((b) => b.replace('status: recruiting', 'status: not reported').replace('allocation: non-randomized', 'allocation: not reported'))), []);
    const rct = trial((b) => b.replace('type: single-arm trial', 'type: randomized controlled trial').replace('allocation: non-randomized', 'allocation: not reported'));
    assert.deepEqual(codes(rct), ['schema-enum']);
  });
  it('an endpoint marked not_reported needs no timepoint, and placeholders ask for no safety endpoint', () => {
    const placeholder = trial((b) =>
      b.replace(/endpoints:\n[\s\S]*?(?=curation:)/, 'endpoints:\n  - id: outcomes\n    name: Outcomes not listed in the registry record\n    not_reported:\n      reason: The registry record lists no outcomes.\n'),
    );
    assert.deepEqual(problems(placeholder), []);
    const unmarked = placeholder.replace(/    not_reported:\n      reason: .*\n/, '');
    assert.deepEqual(codes(unmarked).sort(), ['endpoint-no-timepoint', 'safety-endpoint-missing']);
    const oneReal = placeholder.replace('curation:', '  - id: pain\n    name: Pain\n    timepoints: [w4]\ncuration:');
    assert.deepEqual(codes(oneReal), ['safety-endpoint-missing'], 'with one listed outcome, a missing safety endpoint is worth a look again');
  });
});

describe('results are compared within one statistic', () => {
  const endpoint = '  - id: crp\n    name: CRP\n    unit: mg/L\n    timepoints: [w4]\n';
  const result = (statistic: string, value: string) => `  - endpoint: crp\n    arm: treated\n    timepoint: w4\n    statistic: ${statistic}\n    value: ${value}\n`;
  const study = (...results: string[]) => trial((b) => b.replace('    timepoints: [w4]\n', `    timepoints: [w4]\n${endpoint}`).replace('curation:', `results:\n${results.join('')}curation:`));
  it('a percent change in % beside an endpoint in mg/L, and beside a mean in mg/L, is right', () => {
    assert.deepEqual(problems(study(result('percent change', '-77 %'))), []);
    assert.deepEqual(problems(study(result('mean', '5 mg/L'), result('percent change', '-77 %'), result('median', '4 mg/L'), result('change from baseline', '-2 mg/L'), result('difference', '1 mg/L'))), []);
  });
  it('a count of patients beside a proportion is right; two counts of different things are not', () => {
    assert.deepEqual(problems(study(result('count', '17 {patients}'), result('proportion', '71 %'))), []);
    assert.deepEqual(problems(study(result('count', '17 {patients}'), result('count', '3 {events}'))), [
      'unit-annotation-mismatch: `{events}` counts {events} but `{patients}` (the count results of endpoint crp) counts {patients}; UCUM would treat them as the same.',
    ]);
  });
  it('a mean, median, change or difference is in the endpoint\'s unit', () => {
    for (const statistic of ['mean', 'median', 'change from baseline', 'difference']) {
      assert.deepEqual(problems(study(result(statistic, '5 %'))), ['unit-incommensurable: `%` cannot be compared with `mg/L` used for endpoint crp.'], statistic);
    }
    assert.deepEqual(codes(study(result('mean', '5 mg/L').replace('    statistic: mean\n', ''), result('mean', '5 %'))), ['unit-incommensurable'], 'no statistic: the endpoint\'s unit');
  });
  it('a proportion, percent change or ratio has no dimension', () => {
    for (const statistic of ['proportion', 'percent change', 'ratio']) {
      assert.deepEqual(problems(study(result(statistic, '5 mg/L'))), [`unit-incommensurable: A ${statistic} has no dimension, but \`mg/L\` has one; write it in % or as a fraction (unit 1).`], statistic);
    }
    assert.deepEqual(problems(study(result('ratio', '1.5 1'))), []);
    assert.deepEqual(problems(study(result('count', '5 mg/L'))), [], 'a count is not dimensionless by rule (UCUM counts are 1, but {annotations} are free)');
  });
});

describe('routes, frequencies and registries of the trials we read', () => {
  const intervention = (lines: string) => trial((b) => b.replace('        route: intravenous\n', lines));
  it('the new routes, and the spellings copied from registries as did-you-mean', () => {
    for (const r of ['intra-arterial', 'intraparenchymal', 'intracoronary', 'intramyocardial', 'intratracheal', 'intrabronchial', 'subconjunctival', 'topical ocular', 'intra-uterine', 'periodontal', 'intradiscal']) {
      assert.deepEqual(problems(intervention(`        route: ${r}\n`)), [], r);
    }
    for (const [written, meant] of [['inhalation', 'inhaled'], ['nasal drip', 'intranasal'], ['IA', 'intra-articular'], ['eye drops', 'topical ocular']]) {
      assert.match(problems(intervention(`        route: ${written}\n`))[0] ?? '', new RegExp(`did you mean ${meant}\\?\\)$`), written);
    }
  });
  it('other needs its description, and the message says why', () => {
    assert.deepEqual(problems(intervention('        route: other\n')), ['schema-missing-property: Item 1 of `interventions` is missing `route_description` because `route` is other.']);
    assert.deepEqual(problems(intervention('        route: other\n        route_description: retro-orbital injection\n')), []);
  });
  it('two routes at once, in one regimen', () => {
    assert.deepEqual(problems(intervention('        routes: [intravenous, intra-arterial]\n        frequency: weekly\n        duration: 2 wk\n')), []);
    assert.deepEqual(codes(intervention('        routes: [intravenous]\n')), ['schema-range'], 'routes is for two or more');
    assert.match(problems(intervention('        routes: [intravenous, IA]\n'))[0] ?? '', /Item 2 of `routes` must be one of .*did you mean intra-articular\?/);
  });
  it('frequencies as a count per period, beside the words', () => {
    const freq = (f: string) => problems(intervention(`        route: intravenous\n        frequency: ${f}\n`));
    assert.deepEqual(freq('{times: 4, per: 1 d}'), []);
    assert.deepEqual(freq('{times: 1, per: 3 d}'), []);
    assert.deepEqual(freq('twice daily'), []);
    assert.deepEqual(freq('weekly'), []);
    assert.deepEqual(freq('{times: 4, per: 1 mL}'), ['unit-incommensurable: `per` is a time, but `mL` is not a unit of time (use d, wk, h, mo or a).']);
    assert.deepEqual(freq('{times: 0, per: 1 d}').map((p) => p.split(':')[0]), ['schema-range']);
    assert.match(freq('twice a day')[0] ?? '', /did you mean twice daily\?\)$/);
  });
  it('completion and hover list a field\'s words when it also takes a mapping', () => {
    const text = 'arms:\n  - id: a\n    interventions:\n      - frequency: weekly\n';
    assert.match(hoverAt(text, text.indexOf('weekly'))?.contents ?? '', /Allowed: `once`, `daily`, .*`twice daily`/);
    assert.ok(allowedValues(schemaAt(['arms', 0, 'interventions', 0, 'frequency'])).includes('every 4 weeks'));
    assert.ok(allowedValues(schemaAt(['arms', 0, 'interventions', 0, 'route'])).includes('topical ocular'));
    assert.deepEqual(allowedValues(schemaAt(['arms', 0, 'interventions', 0, 'dose'])), [], 'a quantity has no words');
  });
  it('registries with their id forms, the example in the message, and a hint under other', () => {
    const reg = (registry: string, id: string) => problems(trial((b) => b.replace('design:\n', `registration:\n  - registry: ${registry}\n    id: ${id}\ndesign:\n`)));
    const good: [string, string][] = [['IRCT', 'IRCT20200413047063N1'], ['CTRI', 'CTRI/2020/05/025323'], ['jRCT', 'jRCT2031210090'], ['UMIN-CTR', 'UMIN000012345'], ['CRIS', 'KCT0001234'], ['DRKS', 'DRKS00012345'], ['PACTR', 'PACTR201509001234567'], ['ANZCTR', 'ACTRN12620000123456']];
    for (const [r, id] of good) assert.deepEqual(reg(r, id), [], r);
    assert.deepEqual(reg('CTRI', 'NCT01234567'), ["schema-pattern: `id` must be a CTRI id such as 'CTRI/2020/05/025323' (found `NCT01234567`)."]);
    assert.deepEqual(reg('other', 'UMIN000012345'), ['registry-id-form: `UMIN000012345` looks like an id of UMIN-CTR; set `registry: UMIN-CTR` so it is checked as one.']);
    assert.deepEqual(reg('other', 'ABC-123'), []);
  });
});

describe('dose forms, results as counts, populations and sources of the EV literature', () => {
  const intervention = (lines: string) => trial((b) => b.replace('        route: intravenous\n', `        route: intravenous\n${lines}`));
  it('a dose per drop with the drops per administration, and the volume it is given in', () => {
    assert.deepEqual(problems(intervention('        dose_per: drop\n        units_per_administration: 2\n        volume: 3 mL\n')), []);
    assert.deepEqual(codes(intervention('        units_per_administration: 2\n')), ['schema-missing-property'], 'per what?');
    assert.deepEqual(problems(intervention('        volume: 3 mg\n')), ['unit-incommensurable: `volume` is the volume a dose is given in, but `mg` is not a volume (use mL, uL or L).']);
  });
  it("'17 of 24 (71%)': numerator and denominator beside the proportion, checked against it", () => {
    const result = (fields: string) => trial((b) => b.replace('curation:', `results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    statistic: proportion\n${fields}curation:`));
    assert.deepEqual(problems(result('    value: 71 %\n    numerator: 17\n    denominator: 24\n')), []);
    assert.deepEqual(problems(result('    value: 70 %\n    numerator: 17\n    denominator: 24\n')), [], '70.8 is within one point of 70');
    assert.deepEqual(codes(result('    value: 69 %\n    numerator: 17\n    denominator: 24\n')), ['result-fraction-mismatch']);
    assert.deepEqual(problems(result('    value: 0.71 1\n    numerator: 17\n    denominator: 24\n')), []);
    assert.deepEqual(problems(result('    value: 0.5 1\n    numerator: 17\n    denominator: 24\n')), ['result-fraction-mismatch: 17 of 24 is 0.7, not `0.5 1`; check the counts or the proportion.']);
    assert.deepEqual(problems(result('    numerator: 25\n    denominator: 24\n')), ['result-proportion-out-of-range: 25 of 24 is more than all of them; check the numerator and the denominator.']);
    assert.deepEqual(problems(result('    numerator: 24\n    denominator: 24\n')), []);
  });
  it('several conditions with codes and how they were diagnosed; prospective or retrospective', () => {
    const text = trial((b) =>
      b
        .replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  conditions:\n    - name: COVID-19\n      code: U07.1\n      system: ICD-10\n      diagnosis: PCR-positive SARS-CoV-2\n    - name: acute respiratory distress syndrome\n      code: J80\n      system: ICD-10\n')
        .replace('  allocation: non-randomized\n', '  allocation: non-randomized\n  data_collection: retrospective\n'),
    );
    assert.deepEqual(problems(text), []);
  });
  it('a profile applies through any of several conditions', () => {
    const lupus = (pop: string) => validate(trial((b) => b.replace('  species: Homo sapiens\n', `  species: Homo sapiens\n${pop}`))).filter((p) => p.code === 'profile-endpoint-missing').length;
    assert.ok(lupus('  conditions:\n    - name: nephritis\n    - name: systemic lupus erythematosus\n') > 0);
    assert.ok(lupus('  conditions:\n    - name: nephritis\n    - name: other\n      code: M32.1\n') > 0, 'by code');
    assert.equal(lupus('  conditions:\n    - name: nephritis\n    - name: gout\n'), 0);
  });
  it('the experiments of a paper that mixes a trial with animal and in-vitro work', () => {
    const text = trial((b) => b.replace('curation:', 'experiments:\n  - type: preclinical in vivo\n    species: Mus musculus\n    model: DMM-induced knee osteoarthritis\n  - type: in vitro\n    cells: human chondrocytes\ncuration:'));
    assert.deepEqual(problems(text), []);
    assert.deepEqual(codes(trial((b) => b.replace('curation:', 'experiments:\n  - species: Mus musculus\ncuration:'))), ['schema-missing-property']);
  });
  it('a record from a registry or review table: where the title comes from, and the secondary source', () => {
    const text = trial((b) => b.replace('  title: Test trial\n', '  title: Test trial\n  title_source: registry\n').replace('  schema_version: 1.0.0\n', '  schema_version: 1.0.0\n  secondary_source:\n    kind: review table\n    citation: Table 2 of the review\n    doi: 10.3390/ijms24010001\n'));
    assert.deepEqual(problems(text), []);
  });
});

describe('a dose per drop is not a concentration', () => {
  const dose = (d: string) => problems(trial((b) => b.replace('dose: 1 10*6{cells}/kg', `dose: ${d}`)));
  it('per drop, puff, site, eye or nostril, as written or as UCUM drops: one problem that says what to write', () => {
    assert.deepEqual(dose('5 ug/[drp]'), ['dose-per-unit: `ug/[drp]` is a dose per drop: write the dose in `ug` and `dose_per: drop` (`ug/[drp]` would read as a concentration).']);
    assert.deepEqual(dose('2e8 {particles}/puff').map((p) => p.split(':')[0]), ['dose-per-unit']);
    assert.match(dose('1 mL/eye')[0] ?? '', /dose per eye: write the dose in `mL` and `dose_per: eye`/);
    assert.match(dose('3 ug / injection sites')[0] ?? '', /`dose_per: injection site`/);
    assert.match(dose('3 ug/Drops')[0] ?? '', /`dose_per: drop`/);
  });
  it('names what the dose is per for every spelling, singular and plural', () => {
    const per = (d: string) => /`dose_per: ([a-z ]+)`/.exec(dose(d).find((p) => p.startsWith('dose-per-unit')) ?? '')?.[1];
    const table: [string, string | undefined][] = [
      ['5 ug/drop', 'drop'], ['5 ug/drops', 'drop'], ['5 ug/puff', 'puff'], ['5 ug/puffs', 'puff'],
      ['5 ug/site', 'injection site'], ['5 ug/sites', 'injection site'], ['5 ug/injection site', 'injection site'],
      ['5 mL/eye', 'eye'], ['5 mL/eyes', 'eye'], ['5 ug/nostril', 'nostril'], ['5 ug/NOSTRILS', 'nostril'],
      ['5 ug/puffer', undefined], ['5 ug/eyedrop', undefined], ['5 ug/kg/puff', 'puff'],
    ];
    assert.deepEqual(table.map(([d]) => [d, per(d)]), table);
  });
  it('per kg and per volume elsewhere are untouched', () => {
    assert.deepEqual(dose('5 ug/kg'), []);
    assert.deepEqual(problems(trial((b) => b.replace('    category: safety\n', '    category: safety\n    unit: ug/[drp]\n'))), [], 'an endpoint unit is not a dose');
  });
});
