import type { ErrorObject } from 'ajv';
import type { ProblemCode } from '../codes';
import type { ProblemDataByCode, ProblemDraft } from '../problem';
import type { Span } from '../yaml/layout';
import { parsePointer, valueAt, type PathSegment } from '../value-path';
import type { Located, ParsedStudy } from '../yaml/parsed-study';
import { deref, schemaAt, studySchema, type SchemaNode } from './schema';
import { clipValue, q } from '../text/safe';
import { suggest } from './suggest';

/** Turns one (folded) ajv error into a located, plain-language problem. */
export function toProblem(e: ErrorObject, doc: ParsedStudy): ProblemDraft {
  const path = parsePointer(e.instancePath);
  const here = doc.locate(path);
  const found = valueAt(doc.value, path);
  const schema = schemaAt(path);
  const pointer = e.instancePath || '/';
  const base = { pointer };
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const prop = String(p.missingProperty);
      const [own, ...others] = (p.branches as string[][] | undefined) ?? [[prop]];
      const words = (b: readonly string[]) => b.map(q).join(' and ');
      const what = others.length ? `${words(own ?? [prop])} (or ${others.map(words).join(', or ')})` : q(prop);
      const why = conditionReason(e.schemaPath, doc.value, prop);
      const span = here.key ?? firstLine(doc.text, here.value);
      return draft('schema-missing-property', `${capital(subject(path))} is missing ${what}${why}.`, span, { ...base, property: prop });
    }
    case 'additionalProperties': {
      const prop = String(p.additionalProperty);
      const known = Object.keys(schema?.properties ?? {});
      const hint = suggest(prop, known);
      const at = doc.locate([...path, prop]);
      const where = path.length ? ` in ${subject(path)}` : ' at the top level';
      const list = known.length <= 8 ? ` Known properties: ${known.join(', ')}.` : '';
      return draft(
        'schema-unknown-property',
        `Unknown property \`${clip(prop)}\`${where}${hint ? `: did you mean \`${hint}\`?` : '.'}${hint ? '' : list}`,
        at.key ?? at.value,
        { ...base, property: prop, suggestion: hint ?? null, known },
      );
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]).map(String);
      const hint = typeof found === 'string' ? suggest(found, allowed, schema?.['x-aliases']) : undefined;
      const why = e.keyword === 'const' ? conditionReason(e.schemaPath, doc.value, String(p.allowedValue)) : '';
      const list = allowed.length > 6 ? `${allowed.slice(0, 5).join(', ')}, …` : allowed.join(', ');
      const one = allowed.length === 1 ? `must be ${list}` : `must be one of ${list}`;
      const span = valueSpan(here, doc.text);
      const written = doc.text.slice(span.start, span.end).trim();
      if (typeof found !== 'string' && allowed.includes(written)) {
        // `qualifier: ~` lists `~` as allowed and finds null: say why, or the message contradicts itself.
        const as = found === null ? 'an empty value (null)' : typeof found === 'boolean' ? 'a yes/no value' : 'a number';
        return draft('schema-enum', `${capital(subject(path))}: YAML reads ${q(written)} written plain as ${as}, not as text; write it in quotes, '${written}'.`, span, {
          ...base,
          found: written,
          allowed,
          suggestion: null,
        });
      }
      const tail = `found ${render(found)}${hint ? `: did you mean ${hint}?` : ''}`;
      return draft('schema-enum', `${capital(subject(path))} ${one}${why} (${tail})`, valueSpan(here, doc.text), {
        ...base,
        found: scalarText(found),
        allowed,
        suggestion: hint ?? null,
      });
    }
    case 'type': {
      const types = String(p.type).split(',').map(typeName);
      return draft('schema-type', `${capital(subject(path))} must be ${types.join(' or ')} (found ${renderFound(found, here, doc.text)}).`, valueSpan(here, doc.text), {
        ...base,
        expected: String(p.type),
      });
    }
    case 'pattern': {
      const rule = conditionalRule(e.schemaPath, String(p.pattern));
      const example = rule?.node.examples?.[0];
      const expected = rule && example !== undefined ? `${article(rule.when ? `${rule.when} id` : 'id')} such as '${String(example)}'` : expectation(path, schema);
      return draft('schema-pattern', `${capital(subject(path))} must be ${expected} (found ${render(found)}${unitHint(found, schema)}).`, valueSpan(here, doc.text), {
        ...base,
        found: scalarText(found),
      });
    }
    case 'format':
      return draft('schema-format', `${capital(subject(path))} must be a valid ${String(p.format).toUpperCase()} (found ${render(found)}).`, valueSpan(here, doc.text), {
        ...base,
        format: String(p.format),
      });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return draft('schema-range', `${capital(subject(path))} must be ${rangeWords(e.keyword)} ${String(p.limit)} (found ${renderFound(found, here, doc.text)}).`, valueSpan(here, doc.text), {
        ...base,
        limit: Number(p.limit),
      });
    case 'minItems':
    case 'minLength':
      return draft('schema-range', `${capital(subject(path))} must not be empty.`, valueSpan(here, doc.text), { ...base, limit: Number(p.limit) });
    case 'maxItems':
    case 'maxLength':
      return draft('schema-range', `${capital(subject(path))} is too long (at most ${String(p.limit)}).`, valueSpan(here, doc.text), { ...base, limit: Number(p.limit) });
    case 'uniqueItems': {
      const dup = Math.max(Number(p.i), Number(p.j));
      const at = doc.locate([...path, dup]);
      return draft('schema-duplicate-item', `${capital(subject(path))} lists ${render(valueAt(doc.value, [...path, dup]))} twice.`, at.value, { ...base, index: dup });
    }
    default: {
      const expected = expectation(path, schema);
      return draft('schema-invalid', `${capital(subject(path))} must be ${expected} (found ${renderFound(found, here, doc.text)}${unitHint(found, schema)}).`, valueSpan(here, doc.text), base);
    }
  }
}

type SchemaCode = Extract<ProblemCode, `schema-${string}`>;

function draft<C extends SchemaCode>(code: C, message: string, span: Span, data: ProblemDataByCode[C]): ProblemDraft {
  // The type checker cannot tie a generic code to its member of the union; the signature does.
  return { code, message, start: span.start, end: Math.max(span.end, span.start), data } as ProblemDraft;
}

/** "`route`", "item 2 of `arms`", "the annotation". */
export function subject(path: readonly PathSegment[]): string {
  if (!path.length) return 'the annotation';
  const last = String(path[path.length - 1]);
  if (/^\d+$/.test(last)) {
    const parent = path.length > 1 ? q(path[path.length - 2]) : 'the list';
    return `item ${Number(last) + 1} of ${parent}`;
  }
  return q(last);
}

/** The value's range; for an empty value or a multi-line collection, the key is narrower and visible. */
function valueSpan(here: Located, text: string): Span {
  const v = here.value;
  const empty = v.end <= v.start;
  const multiLine = text.slice(v.start, v.end).includes('\n') && /^[\s-]*[A-Za-z_"'-]/.test(text.slice(v.start, v.start + 40));
  if ((empty || multiLine) && here.key) return here.key;
  return empty ? { start: v.start, end: v.start } : v;
}

function firstLine(text: string, span: Span): Span {
  const nl = text.indexOf('\n', span.start);
  const end = nl === -1 || nl > span.end ? span.end : nl;
  return { start: span.start, end: Math.max(end, span.start) };
}

/** Why a conditional requirement applies, read from the `if` that triggered it. */
/**
 * The rule of a shared definition (`if registry is CTRI then id has this pattern`) that an error
 * comes from: its `then` node at the error's keyword, and what its `if` asks ('CTRI').
 */
function conditionalRule(schemaPath: string, pattern: string): { node: SchemaNode; when?: string } | undefined {
  const m = /^#\/allOf\/(\d+)\/then\/(.*)\/pattern$/.exec(schemaPath);
  if (!m) return undefined;
  const [index, rest] = [Number(m[1]), (m[2] as string).split('/')];
  for (const def of Object.values(studySchema.$defs ?? {})) {
    const rule = def.allOf?.[index];
    const node = rest.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), rule?.then) as SchemaNode | undefined;
    if (node?.pattern !== pattern) continue;
    const when = Object.values(rule?.if?.properties ?? {}).find((v) => v.const !== undefined)?.const;
    return { node, when: when === undefined ? undefined : String(when) };
  }
  return undefined;
}

function conditionReason(schemaPath: string, root: unknown, wanted: string): string {
  const m = /^#\/allOf\/(\d+)\/then\/(.*)$/.exec(schemaPath);
  if (!m) return '';
  const [index, rest] = [Number(m[1]), m[2] as string];
  // ajv starts the schema path of a rule inside a shared definition at '#' too: find whose rule it is.
  const says = (rule: SchemaNode | undefined) => {
    const v = rest.split('/').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), rule?.then);
    return Array.isArray(v) ? v.map(String).includes(wanted) : v !== undefined && String(v) === wanted;
  };
  const rule = studySchema.allOf?.[index];
  if (!says(rule)) {
    const local = Object.values(studySchema.$defs ?? {}).map((d) => d.allOf?.[index]).find(says);
    const when = Object.entries(local?.if?.properties ?? {}).find(([, v]) => v.const !== undefined);
    return when ? ` because \`${when[0]}\` is ${String(when[1].const)}` : '';
  }
  const about = JSON.stringify(rule?.if ?? {});
  const study = valueAt(root, ['study']) as Record<string, unknown> | undefined;
  if (about.includes('"status"')) return ` once a study is ${String(study?.status ?? 'completed')}`;
  return study?.type ? ` for a ${String(study.type)}` : '';
}

function expectation(path: readonly PathSegment[], schema: SchemaNode | undefined): string {
  if (schema?.['x-expected']) return schema['x-expected'];
  const named = deref(schema);
  // A field that uses a shared definition is described by the definition's name ("a count"),
  // not by its own title ("an enrolled"); its own examples stay the most telling.
  const shared = sharedTitle(path);
  const branchExamples = [...(named?.oneOf ?? []), ...(named?.anyOf ?? [])].flatMap((b) => deref(b)?.examples ?? []);
  const examples = [...(named?.examples ?? []), ...branchExamples].filter((x) => typeof x !== 'object');
  const name = shared ?? named?.title;
  const title = name ? (name === name.toUpperCase() ? name : name.toLowerCase()) : `a valid ${String(path[path.length - 1] ?? 'value')}`;
  return examples.length ? `${article(title)} such as ${examples.slice(0, 2).map((x) => `'${String(x)}'`).join(' or ')}` : article(title);
}

/** The title of the shared definition a field refers to (`$ref`), read from its parent's unresolved schema. */
function sharedTitle(path: readonly PathSegment[]): string | undefined {
  if (!path.length) return undefined;
  const parent = schemaAt(path.slice(0, -1));
  const last = String(path[path.length - 1]);
  const raw = /^\d+$/.test(last) ? parent?.items : parent?.properties?.[last];
  return raw?.$ref ? studySchema.$defs?.[raw.$ref.replace('#/$defs/', '')]?.title : undefined;
}

/** A bare number where a quantity belongs is the commonest slip: say so. */
function unitHint(found: unknown, schema: SchemaNode | undefined): string {
  const isQuantity = Boolean(schema?.['x-expected']?.includes('quantity'));
  const bare = typeof found === 'number' || (typeof found === 'string' && /^\s*[-+]?[0-9.]+(e[-+]?\d+)?\s*$/i.test(found));
  return isQuantity && bare ? ': the unit is missing' : '';
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'a mapping (indented key: value lines)',
    array: 'a list',
    null: 'empty',
  };
  return names[t] ?? t;
}

function rangeWords(keyword: string): string {
  return { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[keyword] ?? keyword;
}

export function render(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  // YAML 1.1 tags the core schema still reads: say what they are, not "a mapping".
  if (v instanceof Uint8Array) return 'binary data (a `!!binary` value)';
  if (v instanceof Date) return 'a timestamp (a `!!timestamp` value)';
  if (v instanceof Set) return 'a set (a `!!set` value)';
  if (v instanceof Map) return 'an ordered map (a `!!omap` value)';
  if (typeof v === 'object') return 'a mapping';
  return `\`${clip(String(v))}\``;
}

/** What was found, as written when it is a number or a word YAML converted (`0x1F`, `.inf`, `yes`). */
function renderFound(v: unknown, here: Located, text: string): string {
  if (typeof v !== 'number' && typeof v !== 'boolean') return render(v);
  const written = text.slice(here.value.start, here.value.end).trim();
  return written && written !== String(v) ? `\`${clip(written)}\` (read as ${String(v)})` : render(v);
}

function scalarText(v: unknown): string | null {
  return v === null || v === undefined || typeof v === 'object' ? null : String(v);
}

function clip(s: string): string {
  return clipValue(s);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function article(s: string): string {
  return /^(a|an|the)\s/.test(s) ? s : `${/^[aeiou]/i.test(s) ? 'an' : 'a'} ${s}`;
}
