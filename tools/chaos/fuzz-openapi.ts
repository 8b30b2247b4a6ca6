// The OpenAPI document as the fuzzer reads it: its types, its operations, and schema helpers.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  pathParams: ParameterObject[];
  queryParams: ParameterObject[];
  body: Schema | null;
  /** Needs a logged-in caller (the document lists a security requirement). */
  secured: boolean;
}

export interface FuzzCase {
  role: string;
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The raw body as sent (JSON text unless the content type says otherwise). */
  body?: string;
  /** What was broken, e.g. `body.lineItems[0].quantity: -1`. */
  mutation: string;
  /** The API must answer 4xx: a success here means something invalid was accepted. */
  mustReject: boolean;
}

/** What the generator cannot know from the document: real ids to aim at, per caller. */
export interface FuzzContext {
  /** Good values for a path parameter (real resources, the caller's own or others'); empty: a random UUID. */
  pathValues(operation: Operation, param: string, role: string): string[];
  /** Plausible ids for a UUID field of a body or query, by field name (e.g. dealId, assigneeId). */
  idsFor(field: string, role: string): string[];
  /** Ids belonging to other users (their user ids, quotes, deals, tokens…). */
  foreignIds(role: string): string[];
}

export interface FuzzOptions {
  seed: number;
  /** How many requests to make. */
  count: number;
  /** 'anonymous' is sent without credentials. */
  roles: readonly string[];
  context: FuzzContext;
  /** Operations (per caller) not to fuzz, e.g. an endless event stream or logging the caller out. */
  skip?: (operation: Operation, role: string) => boolean;
}

// ---- the document ----

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = op.parameters ?? [];
      operations.push({
        operationId: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        secured: (op.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/** Follows $ref and folds allOf, so every schema the generator looks at is concrete. */
export function resolver(document: OpenApiDocument) {
  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      return resolve(document.components?.schemas?.[name]);
    }
    if (schema.allOf?.length) {
      const merged: Schema = { ...schema, allOf: undefined };
      for (const part of schema.allOf) {
        const resolved = resolve(part);
        Object.assign(merged, { ...resolved, properties: { ...merged.properties, ...resolved.properties }, required: [...(merged.required ?? []), ...(resolved.required ?? [])] });
      }
      return merged;
    }
    return schema;
  };
  return resolve;
}

export type Resolve = ReturnType<typeof resolver>;

/** The JSON types a schema allows. */
export function typesOf(schema: Schema, resolve: Resolve): Set<string> {
  if (schema.oneOf) return new Set(schema.oneOf.flatMap((s) => [...typesOf(resolve(s), resolve)]));
  if (schema.type) return new Set([schema.type === 'integer' ? 'number' : schema.type]);
  if (schema.properties) return new Set(['object']);
  return new Set(['string', 'number', 'boolean', 'object', 'array']);
}

/** Objects whose keys are free (`additionalProperties`), where anything goes by design. */
export const isFreeObject = (schema: Schema) => schema.additionalProperties === true || (typeof schema.additionalProperties === 'object' && !schema.properties);
