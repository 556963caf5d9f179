import { Pair, Scalar, Schema, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * The library's node classes, made without their constructors. Each constructor defines its
 * node-type symbol (and a collection its schema) with Object.defineProperty, per node: about a
 * third of the subset parser's time on a study. Here those hidden properties sit once on a
 * prototype between the node and its class, so `isScalar`, `instanceof`, `toJSON` and `clone`
 * see what they see on the library's own nodes; the visible fields are the constructor's.
 */

/** A prototype carrying the sample's non-enumerable own properties, inheriting from its class. */
function hiddenOf<T extends object>(sample: T): T {
  const own = Object.getOwnPropertyDescriptors(sample) as Record<PropertyKey, PropertyDescriptor>;
  const hidden: PropertyDescriptorMap = {};
  for (const key of Reflect.ownKeys(own)) if (!own[key as string]?.enumerable) hidden[key as string] = own[key as string] as PropertyDescriptor;
  return Object.create(Object.getPrototypeOf(sample) as object, hidden) as T;
}

/** The library's default schema (YAML 1.2 core): the same tags resolve the same plain scalars. */
export const schema = new Schema({});

const SCALAR = hiddenOf(new Scalar(null));
const PAIR = hiddenOf(new Pair(null));
const MAP = hiddenOf(new YAMLMap(schema));
const SEQ = hiddenOf(new YAMLSeq(schema));

export function newScalar(value: unknown): Scalar {
  const node = Object.create(SCALAR) as Scalar;
  node.value = value;
  return node;
}

export function newPair(key: Node, value: Node): Pair<Node, Node> {
  const pair = Object.create(PAIR) as Pair<Node, Node>;
  pair.key = key;
  pair.value = value;
  return pair;
}

export function newMap(): YAMLMap<Node, Node> {
  const map = Object.create(MAP) as YAMLMap<Node, Node>;
  map.items = [];
  return map;
}

export function newSeq(): YAMLSeq<Node> {
  const seq = Object.create(SEQ) as YAMLSeq<Node>;
  seq.items = [];
  return seq;
}
