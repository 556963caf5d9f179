import { hoverAt } from '../src/core';
import { ParseCache } from '../src/core/yaml/cache';
const dose = (value: string) => `arms:\n  - id: a\n    interventions:\n      - dose: ${value}\n`;
for (const [t, at] of [[dose('2-3 mL # from table 2'),'2-3'],[dose('2-3 g'),'2-3'],['timepoints:\n  - id: d\n    at: 2 wk\n','2 wk'],[dose('"150 uL"'),'150'],[dose('1.5 cc'),'cc'],['timepoints:\n  - id: d\n    at: 43 d\n','43'],['timepoints:\n  - id: d\n    at: 3 mo\n','3 mo'],[dose('3 x 10^6 {cells}/kg'),'3 x'],[dose('{value: 150, unit: uL}'),'150'],[dose('\n          value: 90\n          unit: mg/dL\n'),'unit: mg']] as const) {
  const parsed = new ParseCache(true).parse(t);
  const h = hoverAt(t, t.indexOf(at), parsed);
  console.log(JSON.stringify(h && [t.slice(h.start,h.end), h.contents.split('\n\n---')[0]]));
}
