/** Names that lead from data to the objects behind it; never followed, whatever the object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** A plain data object (from JSON): its prototype is Object.prototype or null. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** One step of a path: only an own, enumerable data property of plain data (an object or a list). */
function step(node: unknown, key: string): unknown {
  if (FORBIDDEN_KEYS.has(key)) return undefined;
  if (!isPlainObject(node) && !Array.isArray(node)) return undefined;
  if (Array.isArray(node) && !/^\d+$/.test(key)) return undefined;
  const property = Object.getOwnPropertyDescriptor(node, key);
  // A getter is code, not data: never run it.
  return property && property.enumerable && 'value' in property ? property.value : undefined;
}

/** Text of a value a path reached: text, numbers, true/false, dates, lists of those; nothing else. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item !== null && typeof item === 'object' && !(item instanceof Date) ? '' : text(item))).join(',');
  return '';
}

/**
 * `{{record.number}}`-style templates for action parameters: dotted paths into a context object.
 * A path reaches only the own data of plain objects and lists (the record's fields, the event's
 * payload), never a prototype, constructor, method or getter (`{{record.constructor}}`,
 * `{{record.__proto__}}`, `{{record.toString}}` render as empty text). Unknown paths render as
 * empty text; nothing is evaluated.
 */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g, (_, path: string) => text(path.split('.').reduce<unknown>(step, context)));
}
