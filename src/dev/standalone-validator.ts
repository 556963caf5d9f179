/**
 * ajv's standalone code for the annotation schema, with the same set-up as the validator
 * compiled at run time (`schemaAjv`), as a module with the exports of
 * `src/core/schema/validator-source.ts`, which esbuild.mjs replaces with it in the core bundle.
 */
import { _ } from 'ajv/dist/compile/codegen';
import standaloneCode from 'ajv/dist/standalone';
import { schemaAjv } from '../core/schema/ajv-setup';
import { studySchema } from '../core/schema/schema';

export function standaloneValidatorModule(): string {
  // Formats are referred to by module, so the generated code carries no function source of ours.
  const ajv = schemaAjv({ code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  const code = standaloneCode(ajv, ajv.compile(studySchema));
  const validator = 'module.exports.default';
  return `${code}\nconst builtIn = ${validator};\nmodule.exports = { loadSchemaValidator: () => builtIn, SCHEMA_VALIDATOR_ORIGIN: 'built in' };\n`;
}
