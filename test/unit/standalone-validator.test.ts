import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { schemaAjv } from '../../src/core/schema/ajv-setup';
import { studySchema } from '../../src/core/schema/schema';
import { SCHEMA_VALIDATOR_ORIGIN } from '../../src/core/schema/validator-source';
import { standaloneValidatorModule } from '../../src/dev/standalone-validator';
import { EXAMPLES, INVALID, read, runs, studyFiles, trial } from '../helpers/studies';

/** The module esbuild puts in the core bundle, loaded as the bundle would load it. */
function builtIn(): { loadSchemaValidator: () => ValidateFunction; SCHEMA_VALIDATOR_ORIGIN: string } {
  const module = { exports: {} as never };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated module under test
  new Function('module', 'exports', 'require', standaloneValidatorModule())(module, module.exports, createRequire(__filename));
  return module.exports;
}

const errorsOf = (validate: ValidateFunction, value: unknown) => (validate(value) ? [] : structuredClone(validate.errors));

describe('the schema validator generated at build time', () => {
  // Built when the suite runs, not when it is declared: declaring costs every process that loads
  // this file (each mutant's, under mutation testing) two schema compiles, about 0.7 s.
  let generated: ReturnType<typeof builtIn>;
  let standalone: ValidateFunction;
  let compiled: ValidateFunction;
  before(() => {
    generated = builtIn();
    standalone = generated.loadSchemaValidator();
    compiled = schemaAjv().compile(studySchema);
  });

  it('replaces the run-time one with the same exports, and says it is built in', () => {
    assert.equal(SCHEMA_VALIDATOR_ORIGIN, 'compiled at first use');
    assert.equal(generated.SCHEMA_VALIDATOR_ORIGIN, 'built in');
    assert.equal(generated.loadSchemaValidator(), standalone, 'one validator, not one per call');
  });

  it('reports exactly what the run-time validator reports, on every example and invalid example', () => {
    let failing = 0;
    for (const file of [...studyFiles(EXAMPLES), ...studyFiles(INVALID)]) {
      let value: unknown;
      try {
        value = parse(read(file), { uniqueKeys: false, maxAliasCount: 100 });
      } catch {
        continue; // not one YAML document: the schema never sees it
      }
      const expected = errorsOf(compiled, value);
      if (expected?.length) failing++;
      assert.deepEqual(errorsOf(standalone, value), expected, file);
    }
    assert.ok(failing > 10, `${failing} examples with schema errors`);
  });

  it('reports what the run-time validator reports on altered trials (formats, enums, types, missing fields)', () => {
    const base = parse(trial()) as Record<string, unknown>;
    const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant('2024-02-30'), fc.constant('not a uri'), fc.constant('https://x.org'), fc.array(fc.string(), { maxLength: 2 }));
    const paths = fc.constantFrom(['study', 'type'], ['study', 'id'], ['source', 'url'], ['source', 'published'], ['curation', 'date'], ['population', 'enrolled'], ['arms', 0, 'role'], ['arms'], ['study'], ['results'], ['endpoints', 0, 'kind']);
    fc.assert(
      fc.property(paths, anything, fc.boolean(), (path, value, remove) => {
        const altered = structuredClone(base);
        let node = altered as Record<string | number, unknown>;
        for (const seg of path.slice(0, -1)) {
          if (!node[seg] || typeof node[seg] !== 'object') return;
          node = node[seg] as Record<string | number, unknown>;
        }
        const last = path[path.length - 1] as string | number;
        if (remove) delete node[last];
        else node[last] = value;
        assert.deepEqual(errorsOf(standalone, altered), errorsOf(compiled, altered));
      }),
      { numRuns: runs(300) },
    );
  });
});
