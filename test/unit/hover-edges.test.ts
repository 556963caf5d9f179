// Hover text, exactly: a quantity with and without the bounds as written, a unit no kind
// compares, a compound unit (never given its first atom's kind), a field's documentation with
// and without title, description and examples, and a key inside a block scalar (no hover).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeQuantity, documentField, hoverAt } from '../../src/core/editor/hover';
import type { Quantity } from '../../src/core/units/quantity';

const q = (low: number, unit: string, high?: number) => ({ low, unit, ...(high === undefined ? {} : { high }) }) as Quantity;

describe('a quantity described', () => {
  it('with its name, kind and the amount in the other units of the kind, the same whether or not the bounds are given as written', () => {
    const text = '**150 uL** (microliter, volume)\n\n= 0.15 mL · 1.5e-4 L';
    assert.equal(describeQuantity(q(150, 'uL')), text);
    assert.equal(describeQuantity(q(150, 'uL'), { low: '150' }), text);
    assert.equal(describeQuantity(q(1, 'mL', 2)), '**1-2 mL** (milliliter, volume)\n\n= 1000-2000 uL · 0.001-0.002 L');
  });
  it('with its name only where no kind compares it, and no empty line after', () => {
    assert.equal(describeQuantity(q(3, '{events}')), '**3 {events}** ({events})');
  });
  it('never with a compound unit\'s first atom\'s kind (km/h is no length)', () => {
    assert.equal(describeQuantity(q(3, 'km/h')), '**3 km/h** (kilometer/hour)');
  });
});

describe('a field documented', () => {
  it('shows its title, description and first example that is no mapping', () => {
    assert.equal(documentField({ title: 'T', description: 'D', examples: [{ a: 1 }, 'x', 'y'] }), '**T**\n\nD\n\nExample: `x`');
  });
  it('shows a mapping example as JSON when there is no other, and "Field" for a field without a title', () => {
    assert.equal(documentField({ examples: [{ a: 1 }] }), '**Field**\n\n\n\nExample: `{"a":1}`');
    assert.equal(documentField({}), '**Field**\n\n');
    assert.equal(documentField({ title: 'T', examples: [0] }), '**T**\n\n\n\nExample: `0`', 'a falsy example is still one');
  });
});

describe('hovering', () => {
  it('shows nothing on a key-like line inside a block scalar', () => {
    const text = 'study:\n  title: |\n    id: x\n';
    assert.equal(hoverAt(text, text.indexOf('id:') + 1), undefined);
  });
});
