import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deref, studySchema, type SchemaNode } from '../../src/core/schema/schema';
import { schemaValidator } from '../../src/core/schema/validator';

/** Every declared property (conditions in allOf and the is* condition fragments only restate names). */
function properties(): { path: string; node: SchemaNode }[] {
  const out: { path: string; node: SchemaNode }[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode | undefined, path: string) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    for (const [k, v] of Object.entries(node.properties ?? {})) {
      out.push({ path: `${path}.${k}`, node: v });
      visit(deref(v), `${path}.${k}`);
    }
    visit(deref(node.items), `${path}[]`);
    for (const b of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) visit(deref(b), path);
  };
  visit(studySchema, '');
  for (const [name, def] of Object.entries(studySchema.$defs ?? {})) if (!/^is[A-Z]/.test(name)) visit(def, `$defs.${name}`);
  return out;
}

describe('the annotation schema', () => {
  it('compiles under ajv strict mode', () => {
    assert.equal(typeof schemaValidator(), 'function');
  });

  it('gives every property a title, a description and an example', () => {
    const props = properties();
    assert.ok(props.length > 150, `only ${props.length} properties found`);
    const incomplete = props
      .map(({ path, node }) => ({ path, d: deref(node) }))
      .filter(({ d }) => !d?.title || !d.description || !d.examples?.length)
      .map(({ path }) => path);
    assert.deepEqual(incomplete, []);
  });

  it('holds every section of the model page', () => {
    const sections = ['study', 'citation', 'registration', 'design', 'population', 'products', 'arms', 'endpoints', 'results', 'safety', 'conclusions', 'review', 'evidence', 'curation'];
    for (const s of sections) assert.ok(studySchema.properties?.[s], s);
  });

  it('lets study type decide what is required', () => {
    const v = schemaValidator();
    const base = { curation: { curator: 'a', date: '2026', status: 'draft', schema_version: '1.0.0' } };
    const rct = { ...base, study: { id: 'x', title: 't', type: 'randomized controlled trial', status: 'recruiting' } };
    assert.equal(v(rct), false);
    const missing = (v.errors ?? []).filter((e) => e.keyword === 'required').map((e) => (e.params as { missingProperty: string }).missingProperty);
    assert.deepEqual(missing.sort(), ['arms', 'design', 'endpoints', 'population', 'products']);
    const reviewStudy = { ...base, study: { id: 'x', title: 't', type: 'narrative review', status: 'published' }, review: { scope: 's' } };
    assert.equal(v(reviewStudy), true);
  });
});
