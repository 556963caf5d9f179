import type { ValidateFunction } from 'ajv';
import { schemaAjv } from './ajv-setup';
import { studySchema } from './schema';

/**
 * Where the schema validator comes from. Run from the sources, as the tests are, it is compiled
 * here at first use (about 280 ms on this machine). The bundle (esbuild.mjs) replaces this whole
 * module with ajv's standalone code generated at build time, so the extension and the CLI never
 * compile the schema, and ajv's compiler is not in the bundle at all.
 */
export function loadSchemaValidator(): ValidateFunction {
  return schemaAjv().compile(studySchema);
}

export const SCHEMA_VALIDATOR_ORIGIN: 'built in' | 'compiled at first use' = 'compiled at first use';
