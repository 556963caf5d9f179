import Ajv2020, { type Options } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The one ajv set-up for the annotation schema: the validator compiled at run time (from the
 * sources) and the one generated at build time (`src/dev/standalone-validator.ts`) must be the
 * same validator, so both start here.
 */
export function schemaAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // if/then conditions name properties without repeating their types: that is intended.
    strictTypes: false,
    strictRequired: false,
    ...extra,
  });
  addFormats(ajv, ['uri', 'date']);
  ajv.addVocabulary(['x-aliases', 'x-expected', 'x-schema-version', 'x-ref', 'x-number-as-text']);
  return ajv;
}
