// Whether a condition holds for a quote, and the reason (field, operator, the rule's value and the
// quote's own value) when it does.
import type { RouteReason } from '@qa/approvals-contracts';
import { formatMinor, minorDigits } from '@qa/shared-kernel';
import { CONDITION_FIELDS, PLAIN_DECIMAL, PROPERTY_NUMBER_OPERATORS, decimalScaled, normaliseCondition, type Condition } from './condition-fields';

/** What routing knows about a quote at submit: the quote's own figures, its deal, company and owner. */
export interface RoutingFacts {
  ownerId: string;
  /** Who submits: never one of the approvers. */
  submittedBy: string | null;
  currency: string;
  totalMinor: number;
  discountMinor: number;
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
  lineCount: number;
  productNames: string[];
  recurring: boolean;
  paymentTermsDays: number | null;
  daysUntilExpiry: number | null;
  dealStage: string | null;
  dealAmountMinor: number | null;
  dealCurrency: string | null;
  dealOwnerId: string | null;
  companyOwnerId: string | null;
  ownerRole: string | null;
  ownerTeam: string | null;
  /** The country of the quote's company (ISO 3166-1 alpha-2); null or absent: none known. */
  companyCountry?: string | null;
  /** The total in `baseCurrency` minor units (see base-currency.ts); null or absent: no rate for the quote's currency. */
  totalInBaseMinor?: number | null;
  baseCurrency?: string;
  /** The properties set on the quote record (workflows), by name; absent: none read (a draft). */
  quoteProperties?: Readonly<Record<string, string | number | boolean | null>>;
}

type Fact = { kind: 'money'; minor: number; currency: string } | { kind: 'plain'; value: number | string | boolean | string[] | null } | { kind: 'property'; value: string | null };

function factOf({ field, property }: Condition, f: RoutingFacts): Fact {
  switch (field) {
    case 'companyCountry':
      return { kind: 'plain', value: f.companyCountry ?? null };
    case 'totalInBaseCurrency':
      return f.totalInBaseMinor === null || f.totalInBaseMinor === undefined || !f.baseCurrency ? { kind: 'plain', value: null } : { kind: 'money', minor: f.totalInBaseMinor, currency: f.baseCurrency };
    case 'quoteProperty': {
      const v = property && f.quoteProperties && Object.hasOwn(f.quoteProperties, property) ? f.quoteProperties[property] : null;
      return { kind: 'property', value: v === null || v === undefined ? null : String(v) };
    }
    case 'total':
      return { kind: 'money', minor: f.totalMinor, currency: f.currency };
    case 'discountAmount':
      return { kind: 'money', minor: f.discountMinor, currency: f.currency };
    case 'dealAmount':
      return f.dealAmountMinor === null || !f.dealCurrency ? { kind: 'plain', value: null } : { kind: 'money', minor: f.dealAmountMinor, currency: f.dealCurrency };
    case 'effectiveDiscountPercent':
      return { kind: 'plain', value: f.effectiveDiscountBp / 100 };
    case 'largestLineDiscountPercent':
      return { kind: 'plain', value: f.largestLineDiscountBp / 100 };
    case 'lineCount':
      return { kind: 'plain', value: f.lineCount };
    case 'product':
      return { kind: 'plain', value: f.productNames };
    case 'recurring':
      return { kind: 'plain', value: f.recurring };
    case 'paymentTermsDays':
      return { kind: 'plain', value: f.paymentTermsDays };
    case 'daysUntilExpiry':
      return { kind: 'plain', value: f.daysUntilExpiry };
    case 'currency':
      return { kind: 'plain', value: f.currency };
    case 'dealStage':
      return { kind: 'plain', value: f.dealStage };
    case 'ownerRole':
      return { kind: 'plain', value: f.ownerRole };
    case 'ownerTeam':
      return { kind: 'plain', value: f.ownerTeam };
  }
}

/** An amount in minor units on the scale of `decimalScaled`, whatever the currency's decimals. */
function scaledMinor(minor: number, currency: string): bigint {
  return BigInt(minor) * 10n ** BigInt(4 - minorDigits(currency));
}

function compare(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numericHolds(operator: Condition['operator'], actual: number | bigint, bound: (v: number | string) => number | bigint, value: Condition['value']): boolean {
  if (operator === 'between') {
    const [from, to] = value as Array<number | string>;
    return compare(actual, bound(from!)) >= 0 && compare(actual, bound(to!)) <= 0;
  }
  const c = compare(actual, bound(value as number | string));
  switch (operator) {
    case 'gt':
      return c > 0;
    case 'gte':
      return c >= 0;
    case 'lt':
      return c < 0;
    case 'lte':
      return c <= 0;
    case 'eq':
      return c === 0;
    case 'neq':
      return c !== 0;
    default:
      return false;
  }
}

/** Two plain decimals ("-2.5", "10") compared exactly, on integers. */
function compareDecimals(a: string, b: string): number {
  const scale = (d: string) => {
    const negative = d.startsWith('-');
    const [whole, fraction = ''] = (negative ? d.slice(1) : d).split('.');
    const n = BigInt(whole!) * 10n ** 10n + BigInt(fraction.padEnd(10, '0'));
    return negative ? -n : n;
  };
  return compare(scale(a), scale(b));
}

/**
 * A quote property compared as text, case-insensitive (contains: a part of it), or as numbers for
 * gt..lte when both the property and the bound read as plain decimals (else it holds for nothing).
 */
function propertyHolds(operator: Condition['operator'], value: Condition['value'], actual: string): boolean {
  const text = actual.trim().toLowerCase();
  const same = (b: unknown) => String(b).trim().toLowerCase() === text;
  if (PROPERTY_NUMBER_OPERATORS.includes(operator)) {
    const bound = String(value);
    if (!PLAIN_DECIMAL.test(actual.trim()) || !PLAIN_DECIMAL.test(bound)) return false;
    const c = compareDecimals(actual.trim(), bound);
    return operator === 'gt' ? c > 0 : operator === 'gte' ? c >= 0 : operator === 'lt' ? c < 0 : c <= 0;
  }
  switch (operator) {
    case 'eq':
      return same(value);
    case 'neq':
      return !same(value);
    case 'in':
      return (value as unknown[]).some(same);
    case 'notIn':
      return !(value as unknown[]).some(same);
    case 'contains':
      return text.includes(String(value).trim().toLowerCase());
    default:
      return false;
  }
}

/** Whether a (checked) condition holds for these facts: the reason when it does, else null. A fact the quote lacks (no deal) holds for nothing. */
export function checkCondition(stored: Condition, facts: RoutingFacts): RouteReason | null {
  let condition: Condition;
  try {
    // Rules saved before values were checked may hold one that cannot be read ("abc"): it holds for nothing.
    condition = normaliseCondition(stored);
  } catch {
    return null;
  }
  const fact = factOf(condition, facts);
  const { field, operator, value } = condition;
  let holds: boolean;
  let actual: unknown;
  let currency: string | undefined;
  if (fact.kind === 'money') {
    currency = fact.currency;
    actual = formatMinor(fact.minor, fact.currency);
    holds = numericHolds(operator, scaledMinor(fact.minor, fact.currency), (v) => decimalScaled(String(v)), value);
  } else if (fact.kind === 'property') {
    actual = fact.value;
    holds = fact.value !== null && propertyHolds(operator, value, fact.value);
  } else {
    actual = fact.value;
    const v = fact.value;
    if (v === null) holds = false;
    else if (CONDITION_FIELDS[field] === 'products') {
      const names = (v as string[]).map((n) => n.toLowerCase());
      const has = names.includes(String(value).toLowerCase());
      holds = operator === 'contains' ? has : !has;
    } else if (typeof v === 'number') holds = numericHolds(operator, v, (b) => Number(b), value);
    else {
      // Team names compare as people write them: "sales" is the Sales team (as approver groups find it).
      const same = (a: unknown) => (CONDITION_FIELDS[field] === 'text' ? String(a).toLowerCase() === String(v).toLowerCase() : String(a) === String(v));
      if (operator === 'in') holds = (value as unknown[]).some(same);
      else if (operator === 'notIn') holds = !(value as unknown[]).some(same);
      else if (operator === 'eq') holds = same(value);
      else if (operator === 'neq') holds = !same(value);
      else holds = false;
    }
  }
  if (!holds) return null;
  if (condition.property) return { code: 'condition', field, property: condition.property, operator, expected: value, actual };
  return currency ? { code: 'condition', field, operator, expected: value, actual, currency } : { code: 'condition', field, operator, expected: value, actual };
}
