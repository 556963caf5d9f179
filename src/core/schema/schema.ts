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
  $defs?: Record<string, SchemaNode>;
  'x-aliases'?: Record<string, string>;
  'x-expected'?: string;
  'x-schema-version'?: string;
}

export const studySchema = schemaJson as unknown as SchemaNode & { $id: string };
export const SCHEMA_VERSION: string = studySchema['x-schema-version'] ?? '0.0.0';

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

/** Instance paths (with '*' for any list item) of every quantity in the format, read from the schema. */
export function quantityPaths(): string[][] {
  const out: string[][] = [];
  const visit = (node: SchemaNode | undefined, path: string[], depth: number) => {
    if (!node || depth > 12) return;
    if (node.$ref === '#/$defs/quantity') {
      out.push(path);
      return;
    }
    const d = deref(node);
    if (!d) return;
    for (const [k, v] of Object.entries(d.properties ?? {})) visit(v, [...path, k], depth + 1);
    if (d.items) visit(d.items, [...path, '*'], depth + 1);
  };
  visit(studySchema, [], 0);
  return out;
}
