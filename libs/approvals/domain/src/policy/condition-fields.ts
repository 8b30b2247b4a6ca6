// The fields an approval rule may look at, each with its type, the operators that type allows and
// the values it accepts. A condition is checked when the policy is saved (wrong type, out of
// range: refused with the field and reason) and evaluated against a quote's routing facts.
import { DEAL_STAGES, isCountryCode } from '@qa/crm-contracts';

export const FIELD_TYPES = ['money', 'percent', 'count', 'days', 'currency', 'dealStage', 'role', 'text', 'boolean', 'products', 'country', 'property'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const CONDITION_FIELDS = {
  /** The quote's total, in its currency. */
  total: 'money',
  /** Every discount on the quote (lines and quote discount), in its currency. */
  discountAmount: 'money',
  /** The total discount as a share of the list price. */
  effectiveDiscountPercent: 'percent',
  largestLineDiscountPercent: 'percent',
  lineCount: 'count',
  /** A line with this product (its name, case-insensitive). */
  product: 'products',
  /** Some line bills monthly, quarterly or yearly. */
  recurring: 'boolean',
  paymentTermsDays: 'days',
  daysUntilExpiry: 'days',
  currency: 'currency',
  dealStage: 'dealStage',
  /** The deal's amount, in the deal's currency. */
  dealAmount: 'money',
  ownerRole: 'role',
  ownerTeam: 'text',
  /** The country of the quote's company (ISO 3166-1 alpha-2); a quote without one matches nothing. */
  companyCountry: 'country',
  /** The quote's total in the account's base currency (by its exchange rates); a quote in a currency without a rate matches nothing. */
  totalInBaseCurrency: 'money',
  /** A property set on the quote record (workflows), named by the condition's `property`. */
  quoteProperty: 'property',
} as const satisfies Record<string, FieldType>;
export type ConditionField = keyof typeof CONDITION_FIELDS;
export const CONDITION_FIELD_NAMES = Object.keys(CONDITION_FIELDS) as ConditionField[];

export const CONDITION_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between', 'in', 'notIn', 'contains', 'notContains'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

const NUMERIC: ConditionOperator[] = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'];
const CHOICE: ConditionOperator[] = ['eq', 'neq', 'in', 'notIn'];
/** Compared as numbers (both sides must read as numbers): a quote property. */
export const PROPERTY_NUMBER_OPERATORS: readonly ConditionOperator[] = ['gt', 'gte', 'lt', 'lte'];

export const OPERATORS_BY_TYPE: Record<FieldType, readonly ConditionOperator[]> = {
  money: NUMERIC,
  percent: NUMERIC,
  count: NUMERIC,
  days: NUMERIC,
  currency: CHOICE,
  dealStage: CHOICE,
  role: CHOICE,
  text: CHOICE,
  boolean: ['eq'],
  products: ['contains', 'notContains'],
  country: CHOICE,
  // Text (case-insensitive; contains: a part of it), and gt..lte when both sides read as numbers.
  property: ['eq', 'neq', 'in', 'notIn', 'contains', ...PROPERTY_NUMBER_OPERATORS],
};

/** A condition's value: money as decimal text ("10000.00"), numbers, codes, a list for in/notIn, [from, to] for between. */
export type ConditionValue = number | string | boolean | Array<number | string>;

export interface Condition {
  field: ConditionField;
  /** quoteProperty only: the property's name (a-z, 0-9 and _, at most 64). */
  property?: string;
  operator: ConditionOperator;
  value: ConditionValue;
}

const ROLES = ['rep', 'manager', 'admin'];
const PROPERTY_NAME = /^[a-z0-9_]{1,64}$/;
/** A number as a quote property or its bound may hold it: plain decimal text. */
export const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;
const MONEY = /^\d{1,13}(\.\d{1,4})?$/;
const RANGE: Partial<Record<FieldType, [number, number, boolean]>> = {
  // [min, max, whole numbers only]
  percent: [0, 100, false],
  count: [0, 10_000, true],
  days: [-3650, 3650, true],
};

export class ConditionProblem {
  constructor(
    /** Relative to the condition: 'field', 'operator' or 'value' (or 'value.1'). */
    readonly at: string,
    readonly reason: string,
  ) {}
}

/** Reads one value of the field's type, or says why not. Numeric text is read as a number. */
function readOne(type: FieldType | 'propertyNumber', raw: unknown, at: string): number | string | boolean {
  switch (type) {
    case 'country': {
      const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
      if (!isCountryCode(code)) throw new ConditionProblem(at, 'must be an ISO 3166-1 alpha-2 country code like NL');
      return code;
    }
    case 'property': {
      const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'boolean' ? String(raw) : raw;
      if (typeof text !== 'string' || !text.trim() || text.length > 200) throw new ConditionProblem(at, 'must be a text of 1 to 200 characters');
      return text.trim();
    }
    case 'propertyNumber': {
      const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
      if (!PLAIN_DECIMAL.test(text)) throw new ConditionProblem(at, 'must be a number like 10 or 2.5');
      return text;
    }
    case 'money': {
      const text = typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? String(raw) : raw;
      if (typeof text !== 'string' || !MONEY.test(text.trim())) throw new ConditionProblem(at, 'must be an amount like 10000 or 10000.50');
      return text.trim();
    }
    case 'percent':
    case 'count':
    case 'days': {
      // Numeric text only in plain decimal form ("0x10" and "1e1" are no percentages).
      const n = typeof raw === 'string' ? (/^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN) : raw;
      const [min, max, whole] = RANGE[type]!;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new ConditionProblem(at, `must be a number from ${min} to ${max}`);
      if (whole && !Number.isInteger(n)) throw new ConditionProblem(at, 'must be a whole number');
      if (n < min || n > max) throw new ConditionProblem(at, `must be from ${min} to ${max}`);
      return n;
    }
    case 'currency':
      if (typeof raw !== 'string' || !/^[A-Z]{3}$/.test(raw)) throw new ConditionProblem(at, 'must be a currency code like EUR');
      return raw;
    case 'dealStage':
      if (typeof raw !== 'string' || !(DEAL_STAGES as readonly string[]).includes(raw)) throw new ConditionProblem(at, `must be one of ${DEAL_STAGES.join(', ')}`);
      return raw;
    case 'role':
      if (typeof raw !== 'string' || !ROLES.includes(raw)) throw new ConditionProblem(at, `must be one of ${ROLES.join(', ')}`);
      return raw;
    case 'text':
    case 'products':
      if (typeof raw !== 'string' || !raw.trim() || raw.length > 200) throw new ConditionProblem(at, 'must be a text of 1 to 200 characters');
      return raw.trim();
    case 'boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      throw new ConditionProblem(at, 'must be true or false');
  }
}

/**
 * The condition in its checked form (numbers as numbers, lists trimmed), or a ConditionProblem
 * saying which part is wrong and why. The field decides the operators and the value's type.
 */
export function normaliseCondition(given: { field?: unknown; operator?: unknown; value?: unknown; property?: unknown } | null | undefined): Condition {
  const raw = given ?? {};
  if (typeof raw.field !== 'string' || !Object.hasOwn(CONDITION_FIELDS, raw.field)) throw new ConditionProblem('field', `must be one of ${CONDITION_FIELD_NAMES.join(', ')}`);
  const field = raw.field as ConditionField;
  const type = CONDITION_FIELDS[field];
  const allowed = OPERATORS_BY_TYPE[type];
  if (typeof raw.operator !== 'string' || !allowed.includes(raw.operator as ConditionOperator)) throw new ConditionProblem('operator', `must be one of ${allowed.join(', ')} for ${field}`);
  const operator = raw.operator as ConditionOperator;
  const value = raw.value;
  if (type === 'property') {
    const property = raw.property;
    if (typeof property !== 'string' || !PROPERTY_NAME.test(property)) throw new ConditionProblem('property', 'must be a property name of 1 to 64 characters: a-z, 0-9 and _');
    const valueType = PROPERTY_NUMBER_OPERATORS.includes(operator) ? 'propertyNumber' : type;
    if (operator === 'in' || operator === 'notIn') {
      if (!Array.isArray(value) || value.length === 0 || value.length > 50) throw new ConditionProblem('value', 'must be a list of 1 to 50 values');
      return { field, property, operator, value: [...new Set(value.map((v, i) => readOne(type, v, `value.${i}`) as string))] };
    }
    if (Array.isArray(value)) throw new ConditionProblem('value', `must be a single value for ${operator}`);
    return { field, property, operator, value: readOne(valueType, value, 'value') };
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value) || value.length === 0 || value.length > 50) throw new ConditionProblem('value', 'must be a list of 1 to 50 values');
    return { field, operator, value: [...new Set(value.map((v, i) => readOne(type, v, `value.${i}`) as string))] };
  }
  if (operator === 'between') {
    if (!Array.isArray(value) || value.length !== 2) throw new ConditionProblem('value', 'must be a list [from, to]');
    const range = value.map((v, i) => readOne(type, v, `value.${i}`) as number | string);
    if (type === 'money' ? decimalScaled(String(range[0])) > decimalScaled(String(range[1])) : Number(range[0]) > Number(range[1])) throw new ConditionProblem('value', 'from must not be greater than to');
    return { field, operator, value: range };
  }
  if (Array.isArray(value)) throw new ConditionProblem('value', `must be a single value for ${operator}`);
  return { field, operator, value: readOne(type, value, 'value') };
}

/** A money bound (decimal text, at most 4 decimals) as an exact integer scaled by 10^4: compared without binary floating point. */
export function decimalScaled(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.split('.');
  return BigInt(whole!) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4));
}
