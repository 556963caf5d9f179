import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { MAX_PROBLEMS, type ProblemDraft } from '../problem';
import type { ParsedStudy } from '../yaml/parsed-study';
import { foldErrors } from './fold';
import { toProblem } from './messages';
import { studySchema } from './schema';

let compiled: ValidateFunction | undefined;

/** The schema validator, compiled on first use and then shared by every document. */
export function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      // if/then conditions name properties without repeating their types: that is intended.
      strictTypes: false,
      strictRequired: false,
    });
    addFormats(ajv, ['uri', 'date']);
    ajv.addVocabulary(['x-aliases', 'x-expected', 'x-schema-version', 'x-ref', 'x-number-as-text']);
    compiled = ajv.compile(studySchema);
  }
  return compiled;
}

/**
 * Schema problems of one parsed annotation, folded and located. Wording and locating a problem
 * costs far more than finding it, so past the cap (one more than are listed, so the "more not
 * listed" note still appears) they are only counted (`omitted`).
 */
export function checkSchema(doc: ParsedStudy): { problems: ProblemDraft[]; omitted: number } {
  const validate = schemaValidator();
  if (validate(doc.value)) return { problems: [], omitted: 0 };
  const errors = foldErrors(validate.errors ?? []);
  return { problems: errors.slice(0, MAX_PROBLEMS + 1).map((e) => toProblem(e, doc)), omitted: Math.max(0, errors.length - MAX_PROBLEMS - 1) };
}
