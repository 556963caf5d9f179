import type { ProblemDraft } from '../problem';
import type { ConditionProfile } from '../profiles/profile';
import type { ParsedStudy } from '../yaml/parsed-study';

export interface CheckContext {
  /** Condition profiles (core outcome sets) in force: shipped defaults merged with the workspace's. */
  readonly profiles: readonly ConditionProfile[];
}

/** One domain check beyond the schema. Each has its own module and stable problem codes. */
export interface Check {
  readonly name: string;
  check(doc: ParsedStudy, ctx: CheckContext): ProblemDraft[];
}
