import type { ValidateFunction } from 'ajv';
import { MAX_PROBLEMS, type ProblemDraft } from '../problem';
import type { ParsedStudy } from '../yaml/parsed-study';
import { foldErrors } from './fold';
import { toProblem } from './messages';
import { loadSchemaValidator } from './validator-source';

let compiled: ValidateFunction | undefined;

/** The schema validator: generated at build time in a bundle, else compiled on first use; shared by every document. */
export function schemaValidator(): ValidateFunction {
  compiled ??= loadSchemaValidator();
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
