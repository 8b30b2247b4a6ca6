// Request fuzzing from the OpenAPI document (issue 7, point 8). Pure and deterministic: the same
// document, seed and context give the same requests. The spec (fuzz.integration.spec.ts) sends
// them; this module only makes them.
//
// For every operation and caller it starts from a plausible request (built from the schemas, the
// examples and ids the context supplies) and breaks one thing at a time: a path id (unknown,
// malformed, huge, unicode), a query parameter (wrong type, negative/huge numbers, unknown), the
// body (each required field missing, wrong types, 100 kB strings, unicode/emoji/RTL/NUL,
// negative/huge/non-finite numbers, nested junk, extra fields, other users' ids, malformed JSON,
// wrong content types), the credentials and the Idempotency-Key. Each request says whether the API
// must refuse it (`mustReject`): those are the ones a database snapshot checks changed nothing.
import { isFreeObject, resolver, typesOf, type FuzzCase, type FuzzContext, type FuzzOptions, type Json, type OpenApiDocument, type Operation, type Resolve, type Schema, operationsOf } from './fuzz-openapi';
import { HUGE, JUNK_BODIES, MALFORMED_IDS, NASTY_NUMBERS, NON_FINITE_LITERALS, NUL_STRINGS, NUMBER_QUERY_VALUES, UNICODE_STRINGS, createRandom, type Random } from './fuzz-values';

export * from './fuzz-openapi';
export * from './fuzz-values';

// ---- building plausible values ----

interface Builder {
  resolve: Resolve;
  random: Random;
  context: FuzzContext;
  role: string;
}

function sample(schema: Schema, field: string, b: Builder): Json {
  const s = b.resolve(schema);
  if (s.enum?.length) return s.enum[0] as Json;
  if (s.oneOf?.length) return sample(s.oneOf[0], field, b);
  if (s.example !== undefined && s.type !== 'array' && s.type !== 'object') return s.example as Json;
  const type = s.type ?? (s.properties ? 'object' : 'string');
  switch (type) {
    case 'string': {
      if (s.format === 'uuid' || /Id$/.test(field) || field === 'id') return b.random.pick([...b.context.idsFor(field, b.role), b.random.uuid()]);
      if (s.format === 'date-time') return '2027-01-31T12:00:00.000Z';
      if (/email/i.test(field)) return 'fuzz@example.org';
      return `fuzz ${field}`;
    }
    case 'number':
    case 'integer':
      return (s.default as number) ?? s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array': {
      const itemField = field.endsWith('Ids') ? field.slice(0, -1) : field;
      return [sample(s.items ?? {}, itemField, b)];
    }
    case 'object': {
      if (!s.properties) return (s.example as Json) ?? {};
      const out: Record<string, Json> = {};
      for (const [name, property] of Object.entries(s.properties)) {
        if ((s.required ?? []).includes(name) || b.random.chance(0.6)) out[name] = sample(property, name, b);
      }
      return out;
    }
    default:
      return null;
  }
}

/** Every place in a value the schema describes: the paths the mutations aim at. */
interface Slot {
  path: Array<string | number>;
  schema: Schema;
  required: boolean;
  /** Inside an object with free keys (e.g. a workflow action's params): not validated field by field. */
  free: boolean;
}

function slotsOf(value: Json, schema: Schema, resolve: Resolve, path: Array<string | number> = [], free = false): Slot[] {
  const s = resolve(schema);
  const slots: Slot[] = [];
  if (s.type === 'array' && Array.isArray(value)) {
    value.forEach((item, index) => {
      slots.push({ path: [...path, index], schema: resolve(s.items), required: false, free });
      slots.push(...slotsOf(item, s.items ?? {}, resolve, [...path, index], free));
    });
  } else if (value && typeof value === 'object' && !Array.isArray(value) && s.properties) {
    for (const [name, property] of Object.entries(s.properties)) {
      const child = resolve(property);
      slots.push({ path: [...path, name], schema: child, required: (s.required ?? []).includes(name), free });
      if (name in value) slots.push(...slotsOf(value[name], property, resolve, [...path, name], free || isFreeObject(child)));
    }
  }
  return slots;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function setAt(root: Json, path: Array<string | number>, value: Json | typeof REMOVE): Json {
  if (path.length === 0) return value === REMOVE ? null : value;
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string | number, Json>;
  }
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}
const REMOVE = Symbol('remove');

const label = (path: Array<string | number>) => path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');

/** JSON text with some numbers written as literals JSON.stringify cannot produce (1e999). */
function stringifyWithLiterals(value: Json, literals: Map<string, string>): string {
  let text = JSON.stringify(value);
  for (const [token, literal] of literals) text = text.replace(JSON.stringify(token), literal);
  return text;
}

function nested(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value, b: [1, 'x', null] };
  return value;
}

// ---- the cases of one operation for one caller ----

interface Draft {
  mutation: string;
  mustReject: boolean;
  pathValues?: Record<string, string>;
  query?: Array<[string, string]>;
  body?: string | null;
  contentType?: string;
  headers?: Record<string, string>;
}

function casesOf(operation: Operation, role: string, document: OpenApiDocument, random: Random, context: FuzzContext): FuzzCase[] {
  const resolve = resolver(document);
  const builder: Builder = { resolve, random, context, role };
  // Nobody logged in, on an endpoint that needs a login: everything must be refused.
  const refused = role === 'anonymous' && operation.secured;
  const unsafe = operation.method !== 'GET';

  const goodPath = () =>
    Object.fromEntries(
      operation.pathParams.map((p) => {
        const values = context.pathValues(operation, p.name, role);
        return [p.name, values.length ? random.pick(values) : random.uuid()];
      }),
    );
  const baseBody = operation.body ? sample(operation.body, 'body', builder) : null;
  const drafts: Draft[] = [{ mutation: 'as documented', mustReject: refused }];

  // Path parameters: unknown, malformed, huge, unicode.
  for (const param of operation.pathParams) {
    drafts.push({ mutation: `path ${param.name}: unknown UUID`, mustReject: true, pathValues: { [param.name]: random.pick([random.uuid(), '00000000-0000-0000-0000-000000000000']) } });
    for (const value of [random.pick(MALFORMED_IDS), random.pick(MALFORMED_IDS)]) {
      drafts.push({ mutation: `path ${param.name}: ${value}`, mustReject: true, pathValues: { [param.name]: value } });
    }
    drafts.push({ mutation: `path ${param.name}: 5000 characters`, mustReject: true, pathValues: { [param.name]: 'a'.repeat(5_000) } });
    drafts.push({ mutation: `path ${param.name}: unicode`, mustReject: true, pathValues: { [param.name]: random.pick(UNICODE_STRINGS.filter(Boolean)) } });
    const foreign = context.foreignIds(role);
    if (foreign.length) drafts.push({ mutation: `path ${param.name}: another user's id`, mustReject: refused, pathValues: { [param.name]: random.pick(foreign) } });
  }

  // Query parameters: wrong types, out-of-range numbers, unknown values and names.
  for (const param of operation.queryParams) {
    const schema = resolve(param.schema);
    const items = schema.type === 'array' ? resolve(schema.items) : schema;
    const bad: Array<[string, string]> = [];
    if (items.enum) bad.push(['not in the list', 'bogus'], ['wrong case', String(items.enum[0]).toUpperCase() + 'X']);
    if (items.format === 'uuid' || /Id$|ids/.test(param.name)) bad.push(['malformed id', random.pick(MALFORMED_IDS)]);
    if (items.type === 'number' || items.type === 'integer') for (let i = 0; i < 3; i++) bad.push(['bad number', random.pick(NUMBER_QUERY_VALUES)]);
    bad.push(['10 kB', 'q'.repeat(10_000)]);
    for (const [kind, value] of bad) drafts.push({ mutation: `query ${param.name}: ${kind} (${value.slice(0, 30)})`, mustReject: true, query: [[param.name, value]] });
    drafts.push({ mutation: `query ${param.name}: unicode`, mustReject: refused, query: [[param.name, random.pick(UNICODE_STRINGS)]] });
    drafts.push({ mutation: `query ${param.name}: NUL`, mustReject: refused, query: [[param.name, random.pick(NUL_STRINGS)]] });
    drafts.push({ mutation: `query ${param.name}: twice`, mustReject: refused, query: [[param.name, String(sample(items, param.name, builder))], [param.name, 'bogus']] });
    const foreign = context.foreignIds(role);
    if (items.format === 'uuid' && foreign.length) drafts.push({ mutation: `query ${param.name}: another user's id`, mustReject: refused, query: [[param.name, random.pick(foreign)]] });
  }
  // An unknown query parameter: refused where the endpoint validates its query.
  drafts.push({ mutation: 'query: unknown parameter', mustReject: refused || operation.queryParams.length > 0, query: [['fuzz', 'x']] });

  // The body.
  if (operation.body && baseBody !== null) {
    const slots = slotsOf(baseBody, operation.body, resolve);
    const withValue = (slot: Slot, value: Json | typeof REMOVE) => JSON.stringify(setAt(baseBody, slot.path, value));
    for (const slot of slots) {
      const name = label(slot.path);
      const types = typesOf(slot.schema, resolve);
      const validated = !slot.free;
      if (slot.required && typeof slot.path[slot.path.length - 1] === 'string') drafts.push({ mutation: `body ${name}: missing`, mustReject: validated || refused, body: withValue(slot, REMOVE) });
      // Wrong types: everything the schema does not allow.
      const wrong: Json[] = [42, 'text', true, [1, 'two'], { junk: { deeper: [] } }].filter((v) => !types.has(Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v));
      if (!slot.schema.nullable && slot.required) wrong.push(null);
      for (const value of random.shuffle(wrong).slice(0, 2)) drafts.push({ mutation: `body ${name}: wrong type ${JSON.stringify(value)}`, mustReject: validated || refused, body: withValue(slot, value) });
      if (types.has('string')) {
        drafts.push({ mutation: `body ${name}: 100 kB string`, mustReject: validated || refused, body: withValue(slot, 'x'.repeat(HUGE)) });
        drafts.push({ mutation: `body ${name}: unicode`, mustReject: refused, body: withValue(slot, random.pick(UNICODE_STRINGS)) });
        drafts.push({ mutation: `body ${name}: NUL`, mustReject: refused, body: withValue(slot, random.pick(NUL_STRINGS)) });
        if (slot.schema.enum) drafts.push({ mutation: `body ${name}: not in the list`, mustReject: validated || refused, body: withValue(slot, 'bogus') });
        if (slot.schema.format === 'uuid') {
          drafts.push({ mutation: `body ${name}: malformed id`, mustReject: validated || refused, body: withValue(slot, random.pick(MALFORMED_IDS)) });
          drafts.push({ mutation: `body ${name}: unknown id`, mustReject: refused, body: withValue(slot, random.uuid()) });
          const foreign = context.foreignIds(role);
          if (foreign.length) drafts.push({ mutation: `body ${name}: another user's id`, mustReject: refused, body: withValue(slot, random.pick(foreign)) });
        }
      }
      if (types.has('number')) {
        for (const value of [random.pick(NASTY_NUMBERS), random.pick(NASTY_NUMBERS)]) {
          const outOfRange = (slot.schema.minimum !== undefined && value < slot.schema.minimum) || (slot.schema.maximum !== undefined && value > slot.schema.maximum);
          drafts.push({ mutation: `body ${name}: ${value}`, mustReject: (validated && outOfRange) || refused, body: withValue(slot, value) });
        }
        const literal = random.pick(NON_FINITE_LITERALS);
        const token = `@@literal-${random.uuid()}@@`;
        drafts.push({ mutation: `body ${name}: ${literal}`, mustReject: refused, body: stringifyWithLiterals(setAt(baseBody, slot.path, token), new Map([[token, literal]])) });
        // Refused unless the field also takes text (then it is simply text).
        drafts.push({ mutation: `body ${name}: number as text`, mustReject: (validated && !types.has('string')) || refused, body: withValue(slot, random.pick(['NaN', 'Infinity', '1', '-1', '1e999'])) });
      }
      if (types.has('array')) {
        drafts.push({ mutation: `body ${name}: 10,000 items`, mustReject: validated || refused, body: withValue(slot, Array.from({ length: 10_000 }, (_, i) => i)) });
      }
      if (!types.has('object')) drafts.push({ mutation: `body ${name}: nested junk`, mustReject: validated || refused, body: withValue(slot, nested(random.int(5, 60))) });
      // An extra field inside each object that has fixed fields.
      const resolvedSlot = resolve(slot.schema);
      if (resolvedSlot.properties && !isFreeObject(resolvedSlot)) {
        drafts.push({ mutation: `body ${name}: extra field`, mustReject: validated || refused, body: withValue(slot, { ...(clone(getAt(baseBody, slot.path)) as Record<string, Json>), fuzzExtra: 'x' }) });
      }
    }
    if (baseBody && typeof baseBody === 'object' && !Array.isArray(baseBody)) {
      drafts.push({ mutation: 'body: extra field', mustReject: true, body: JSON.stringify({ ...baseBody, isAdmin: true, ownerId: random.uuid() }) });
    }
    for (const junk of JUNK_BODIES) drafts.push({ mutation: `body: ${junk.name}`, mustReject: true, body: junk.body, contentType: junk.contentType });
  } else if (unsafe) {
    // No body expected: junk is ignored (or refused), the endpoint does what it does.
    for (const junk of random.shuffle([...JUNK_BODIES]).slice(0, 3)) drafts.push({ mutation: `unexpected body: ${junk.name}`, mustReject: refused || junk.name.startsWith('over the'), body: junk.body, contentType: junk.contentType });
  }

  // Credentials that are not credentials.
  if (role === 'anonymous' && operation.secured) {
    for (const [name, headers] of [
      ['junk session cookie', { cookie: 'qa_session=qa_s_junk' }],
      ['huge session cookie', { cookie: `qa_session=${'s'.repeat(4_000)}` }],
      ['junk bearer token', { authorization: 'Bearer qa_t_junk' }],
      ['huge bearer token', { authorization: `Bearer ${'t'.repeat(4_000)}` }],
      ['basic auth', { authorization: 'Basic YWRtaW5AZXhhbXBsZS5jb206ZGVtbw==' }],
      ['empty bearer', { authorization: 'Bearer ' }],
    ] as const) {
      drafts.push({ mutation: `credentials: ${name}`, mustReject: true, headers: { ...headers } });
    }
  }
  // Idempotency keys that are not keys (the interceptor refuses them before anything runs).
  if (unsafe && !refused) {
    for (const key of ['short', 'x'.repeat(300), 'has spaces in it', 'ünïcödé-key']) {
      drafts.push({ mutation: `Idempotency-Key: ${key.slice(0, 20)}`, mustReject: true, headers: { 'idempotency-key': key } });
    }
  }

  return drafts.map((draft) => {
    const values = { ...goodPath(), ...draft.pathValues };
    let url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => urlPart(values[name]));
    if (draft.query?.length) url += `?${draft.query.map(([k, v]) => `${urlPart(k)}=${urlPart(v)}`).join('&')}`;
    const headers: Record<string, string> = { ...draft.headers };
    let body: string | undefined;
    if (draft.body !== undefined && draft.body !== null) {
      body = draft.body;
      headers['content-type'] = draft.contentType ?? 'application/json';
    } else if (operation.body && baseBody !== null) {
      body = JSON.stringify(baseBody);
      headers['content-type'] = 'application/json';
    }
    // A valid key on some unsafe requests: a refused request must not store one.
    if (unsafe && !headers['idempotency-key'] && random.chance(0.2)) headers['idempotency-key'] = `fuzz-${random.uuid()}`;
    return { role, operationId: operation.operationId, method: operation.method, url, headers, body, mutation: draft.mutation, mustReject: draft.mustReject };
  });
}

/**
 * Percent-encodes a URL part. The malformed-id samples are already encoded (some on purpose
 * badly, like %zz) and go as they are; a lone surrogate becomes its (invalid UTF-8) bytes.
 */
function urlPart(value: string): string {
  if (MALFORMED_IDS.includes(value)) return value;
  return Array.from(value, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

function getAt(root: Json, path: Array<string | number>): Json {
  let node: Json = root;
  for (const key of path) node = (node as Record<string | number, Json>)?.[key] ?? null;
  return node;
}

/**
 * `count` requests over every operation and caller: first one "as documented" request per
 * operation and caller, then a shuffled mix of all the broken ones; when more are asked for than
 * there are, further rounds with fresh random values.
 */
export function generateFuzzCases(document: OpenApiDocument, options: FuzzOptions): FuzzCase[] {
  const random = createRandom(options.seed);
  const operations = operationsOf(document);
  const cases: FuzzCase[] = [];
  let round = 0;
  while (cases.length < options.count) {
    const all: FuzzCase[] = [];
    for (const operation of operations) {
      for (const role of options.roles) {
        if (options.skip?.(operation, role)) continue;
        all.push(...casesOf(operation, role, document, random, options.context));
      }
    }
    if (all.length === 0) break;
    const firsts = round === 0 ? all.filter((c) => c.mutation === 'as documented') : [];
    const rest = random.shuffle(all.filter((c) => !firsts.includes(c)));
    cases.push(...firsts, ...rest);
    round++;
  }
  return cases.slice(0, options.count);
}
