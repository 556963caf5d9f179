/**
 * Wording branches of schema messages that today's schema does not reach (length and exclusive
 * bounds, const, every type name), driven with ajv-shaped errors so they stay right when the
 * schema starts using them; and the UCUM wrapper's clean-up.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorObject } from 'ajv';
import { validate } from '../../src/core';
import { toProblem } from '../../src/core/schema/messages';
import { trial } from '../helpers/studies';
import { checkUcum } from '../../src/core/units/ucum';
import { ParseCache } from '../../src/core/yaml/cache';

const doc = new ParseCache().parse('study:\n  id: x\n  title: A title\n  phase: 7\n  keywords: [a, b]\n  flag: true\n  none:\n');
const error = (keyword: string, instancePath: string, params: Record<string, unknown>, schemaPath = '#/x'): ErrorObject => ({ keyword, instancePath, schemaPath, params });

describe('schema message branches', () => {
  it('bounds: exclusive, and lengths of text and lists', () => {
    assert.equal(toProblem(error('exclusiveMinimum', '/study/phase', { limit: 7 }), doc).message, '`phase` must be more than 7 (found `7`).');
    assert.equal(toProblem(error('exclusiveMaximum', '/study/phase', { limit: 7 }), doc).message, '`phase` must be less than 7 (found `7`).');
    assert.equal(toProblem(error('maxLength', '/study/title', { limit: 3 }), doc).message, '`title` is too long (at most 3).');
    assert.equal(toProblem(error('maxItems', '/study/keywords', { limit: 1 }), doc).message, '`keywords` is too long (at most 1).');
    assert.deepEqual(toProblem(error('maxItems', '/study/keywords', { limit: 1 }), doc).data, { pointer: '/study/keywords', limit: 1 });
    assert.equal(toProblem(error('minItems', '/study/keywords', { limit: 3 }), doc).message, '`keywords` must not be empty.');
  });
  it('const names the one allowed value', () => {
    assert.equal(toProblem(error('const', '/study/phase', { allowedValue: 'randomized' }), doc).message, '`phase` must be randomized (found `7`)');
  });
  it('every type is named in words, several with "or"', () => {
    const said = (type: string, at = '/study/title') => toProblem(error('type', at, { type }), doc).message;
    assert.equal(said('number'), '`title` must be a number (found `A title`).');
    assert.equal(said('boolean'), '`title` must be true or false (found `A title`).');
    assert.equal(said('null'), '`title` must be empty (found `A title`).');
    assert.equal(said('array'), '`title` must be a list (found `A title`).');
    assert.equal(said('string,number'), '`title` must be text or a number (found `A title`).');
    assert.equal(said('string', '/study/none'), '`none` must be text (found an empty value).');
    assert.equal(said('string', '/study/missing'), '`missing` must be text (found nothing).');
    assert.equal(said('string', '/study/flag'), '`flag` must be text (found `true`).');
  });
  it('a list item is named by position and list; the root is the annotation', () => {
    assert.equal(toProblem(error('type', '/study/keywords/1', { type: 'number' }), doc).message, 'Item 2 of `keywords` must be a number (found `b`).');
    assert.equal(toProblem(error('type', '', { type: 'object' }), doc).message, 'The annotation must be a mapping (indented key: value lines) (found a mapping).');
  });
});

describe('the UCUM wrapper', () => {
  it('gives the console back after a call that prints, and after one that throws', () => {
    const log = console.log;
    const error = console.error;
    for (const unit of ['()', '{3}2', '[', 'mL']) checkUcum(unit);
    assert.equal(console.log, log);
    assert.equal(console.error, error);
    assert.deepEqual(checkUcum('()'), { valid: false, suggestions: [] });
  });
});

describe('values YAML 1.1 tags make', () => {
  it('are named for what they are, not as "a mapping"', () => {
    const found = (value: string) => validate(trial((b) => b.replace('  title: Test trial', `  title: ${value}`))).map((p) => `${p.code}: ${p.message}`);
    assert.deepEqual(found('!!binary aGVsbG8='), ['schema-type: `title` must be text (found binary data (a `!!binary` value)).']);
    assert.deepEqual(found('!!timestamp 2001-12-14'), ['schema-type: `title` must be text (found a timestamp (a `!!timestamp` value)).']);
    assert.deepEqual(found('!!set {a, b}'), ['schema-type: `title` must be text (found a set (a `!!set` value)).']);
    assert.deepEqual(found('!!omap [a: 1]'), ['schema-type: `title` must be text (found an ordered map (a `!!omap` value)).']);
    assert.deepEqual(found('{a: 1}'), ['schema-type: `title` must be text (found a mapping).']);
  });
});
