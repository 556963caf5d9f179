import schemaJson from '../../../schemas/study-annotation.schema.json';

/** A JSON Schema node as we read it: only the keywords the core looks at are typed. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
  'x-aliases'?: Record<string, string>;
  'x-expected'?: string;
  'x-schema-version'?: string;
  /** On a reference: the list whose item ids it names ('arms', 'products', ...). */
  'x-ref'?: string;
  /** Text that curators type as a plain YAML number (`phase: 1`, `pmid: 32380908`): a number there is read as its written text. */
  'x-number-as-text'?: boolean;
}

export const studySchema = schemaJson as unknown as SchemaNode & { $id: string };
// The schema ships inside the bundle, so what is read from it here is there (one-source.test.ts
// holds each to its use); a fallback would only hide a schema that lost it.
export const SCHEMA_VERSION: string = studySchema['x-schema-version']!;

/** The study types the schema calls trials (`$defs.isTrial`): they must describe design, arms and endpoints. */
export const TRIAL_TYPES: readonly string[] = studySchema.$defs!.isTrial!.properties!.study!.properties!.type!.enum!.map(String);

/** Follows a local `#/$defs/...` reference. */
export function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let guard = 0; n?.$ref && guard < 16; guard++) {
    const name = n.$ref.replace('#/$defs/', '');
    const target = studySchema.$defs?.[name];
    // Keep the referring node's own annotations (title, description) over the target's.
    n = target ? { ...target, ...withoutRef(n) } : undefined;
  }
  return n;
}

function withoutRef(n: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = n;
  return rest;
}

/** The schema for the value at an instance path, ignoring conditionals; for hover, completion and messages. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node = deref(studySchema);
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number' || /^\d+$/.test(String(seg))) node = deref(node.items ?? branchWith(node, 'items')?.items);
    else node = deref(node.properties?.[seg] ?? branchWith(node, 'properties')?.properties?.[seg]);
  }
  return node;
}

function branchWith(node: SchemaNode, key: 'items' | 'properties'): SchemaNode | undefined {
  for (const b of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    const d = deref(b);
    if (d?.[key]) return d;
  }
  return undefined;
}

/** Instance paths (with '*' for any list item) of the schema nodes that `match`, which also stops the descent. */
function pathsWhere<T>(match: (node: SchemaNode) => T | undefined): { path: string[]; found: T }[] {
  const out: { path: string[]; found: T }[] = [];
  const visit = (node: SchemaNode | undefined, path: string[], depth: number) => {
    if (!node || depth > 12) return;
    const found = match(node);
    if (found !== undefined) {
      out.push({ path, found });
      return;
    }
    const d = deref(node);
    if (!d) return;
    for (const [k, v] of Object.entries(d.properties ?? {})) visit(v, [...path, k], depth + 1);
    if (d.items) visit(d.items, [...path, '*'], depth + 1);
    // A field with two forms (`endpoints`: a list, or `{not_reported}`) holds paths in each.
    for (const b of [...(d.oneOf ?? []), ...(d.anyOf ?? [])]) visit(b, path, depth + 1);
  };
  visit(studySchema, [], 0);
  // No two branches of the schema hold the same path (schema-paths.test.ts), so no path repeats.
  return out;
}

let quantities: readonly string[][] | undefined;
let references: readonly { path: string[]; collection: string }[] | undefined;

/** Instance paths of every quantity in the format, read from the schema once (it does not change). */
export function quantityPaths(): readonly string[][] {
  return (quantities ??= pathsWhere((n) => (n.$ref === '#/$defs/quantity' ? true : undefined)).map((x) => x.path));
}

/** Every field that holds the id of an item elsewhere in the file, and the list it names, read from the schema once. */
export function referencePaths(): readonly { path: string[]; collection: string }[] {
  return (references ??= pathsWhere((n) => n['x-ref']).map(({ path, found }) => ({ path, collection: found })));
}

/**
 * The values a field allows: its enum, or the enum of its one branch that has one (`frequency`
 * is a word or `{times, per}`), for completion and hover.
 */
export function allowedValues(node: SchemaNode | undefined): unknown[] {
  const d = deref(node);
  if (d?.enum) return d.enum;
  const branches = [...(d?.oneOf ?? []), ...(d?.anyOf ?? [])].map(deref).filter((b) => b?.enum);
  return branches.length === 1 ? (branches[0]?.enum ?? []) : [];
}

/** Instance paths of every field where a plain YAML number stands for its written text. */
export function numberAsTextPaths(): string[][] {
  return pathsWhere((n) => (deref(n)?.['x-number-as-text'] ? true : undefined)).map((x) => x.path);
}

/** A study id: lower case, digits and single hyphens (`nurudhin-2025-sle-secretome`). */
export const STUDY_ID_PATTERN: string = studySchema.$defs!.study!.properties!.id!.pattern!;

/** Every study type, in the schema's order. */
export function schemaStudyTypes(): string[] {
  return (deref(schemaAt(['study', 'type']))?.enum ?? []).map(String);
}
