/**
 * The public API of the Study Annotator core. Pure: no editor, no file system. The CLI and the
 * extension both load the built form of this module (dist/core.js).
 */
export { validate, validateFile, ValidationSession, type SuppressedProblem, type ValidateOptions, type ValidationResult } from './validate';
export { atLeast, compareProblems, plural, severityCounts, type Problem, type ProblemData, type Severity } from './problem';
export { PROBLEM_CODES, type ProblemCode } from './codes';
export { DEFAULT_MAX_SIZE } from './text/input';
export { LineIndex } from './text/line-index';
export { DEFAULT_PROFILES, type ConditionProfile } from './profiles/profile';
export { parseProfiles } from './profiles/parse';
export { SCHEMA_VERSION, STUDY_ID_PATTERN } from './schema/schema';
export { SCHEMA_VALIDATOR_ORIGIN } from './schema/validator-source';
export { globToRegExp, parseIgnoreFile, isIgnored, matchesAny, hasModeline, type IgnoreFile } from './glob';
export { cursorContext, type CursorContext, type Segment } from './editor/cursor';
export { hoverAt, documentField, type HoverInfo } from './editor/hover';
export { outline, type OutlineNode, type OutlineKind } from './editor/outline';
export { studyTemplate, STUDY_TYPES, type StudyType } from './templates';
export { allowedValues, schemaAt, deref, type SchemaNode } from './schema/schema';
export type { ParsedStudy } from './yaml/parsed-study';
export { quickFixes, verifyFix, type QuickFix, type TextEdit } from './editor/fixes';
export { conversionFixes, preferredUnitsFix, preferredFor, DEFAULT_PREFERRED_UNITS, type PreferredUnits } from './editor/convert-units';
export { spellingFixAll } from './editor/fix-all';
export { applyEdits, editsAreSafe } from './editor/verify';
export { DIMENSION_IDS, DIMENSIONS, type DimensionId } from './units/dimensions';
export { duplicateStudyIds, type StudyIdLocation } from './workspace';
export { buildComparison, type CompareInput } from './compare/build';
export { toCsvLong, toCsvWide, toMarkdown } from './compare/export';
export type { Cell, CellState, Comparison, ResultRecord, Row, Source, TrialColumn } from './compare/types';
export { comparePair, diffExtractions, extractionInfo, findPairs, isConsensus, studyIdOf } from './agree/pairs';
export { readDecisions, writeConsensus, type ConsensusInput, type Decision } from './agree/consensus';
export { agreementCsv, agreementMarkdown, kappaText } from './agree/export';
export type { Agreement, Difference, ExtractionInfo, ExtractionPair, Kappa, SideValue } from './agree/types';
