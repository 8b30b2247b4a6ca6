import { describe, expect, it } from 'vitest';
import { CONDITION_FIELD_NAMES, CONDITION_FIELDS, CONDITION_OPERATORS, ConditionProblem, decimalScaled, normaliseCondition, type ConditionOperator, type FieldType } from './condition-fields';

/** The condition in its checked form, or the part that is wrong and why. */
const check = (field: unknown, operator: unknown, value: unknown, property?: unknown) => {
  try {
    return { ok: normaliseCondition(property === undefined ? { field, operator, value } : { field, property, operator, value }) };
  } catch (error) {
    if (!(error instanceof ConditionProblem)) throw error;
    return { at: error.at, reason: error.reason };
  }
};

// Written out here (not read from OPERATORS_BY_TYPE), so the test is an independent statement of the rules.
const ALLOWED: Record<FieldType, ConditionOperator[]> = {
  money: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'],
  percent: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'],
  count: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'],
  days: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'],
  currency: ['eq', 'neq', 'in', 'notIn'],
  dealStage: ['eq', 'neq', 'in', 'notIn'],
  role: ['eq', 'neq', 'in', 'notIn'],
  text: ['eq', 'neq', 'in', 'notIn'],
  boolean: ['eq'],
  products: ['contains', 'notContains'],
  country: ['eq', 'neq', 'in', 'notIn'],
  property: ['eq', 'neq', 'in', 'notIn', 'contains', 'gt', 'gte', 'lt', 'lte'],
};

/** A good single value of each type. */
const SAMPLE: Record<FieldType, number | string | boolean> = {
  money: '10000.50',
  percent: 12.5,
  count: 3,
  days: 30,
  currency: 'EUR',
  dealStage: 'contract_sent',
  role: 'manager',
  text: 'Finance',
  boolean: true,
  products: 'Widget Pro',
  country: 'NL',
  property: '10',
};

/** The property a quoteProperty condition names. */
const PROPERTY = 'risk_level';
const propertyOf = (field: string) => (field === 'quoteProperty' ? PROPERTY : undefined);

const sampleValue = (type: FieldType, operator: ConditionOperator) =>
  operator === 'in' || operator === 'notIn' ? [SAMPLE[type]] : operator === 'between' ? [SAMPLE[type], SAMPLE[type]] : SAMPLE[type];

describe('condition fields', () => {
  it('lists every field with its type', () => {
    expect(CONDITION_FIELD_NAMES).toEqual([
      'total',
      'discountAmount',
      'effectiveDiscountPercent',
      'largestLineDiscountPercent',
      'lineCount',
      'product',
      'recurring',
      'paymentTermsDays',
      'daysUntilExpiry',
      'currency',
      'dealStage',
      'dealAmount',
      'ownerRole',
      'ownerTeam',
      'companyCountry',
      'totalInBaseCurrency',
      'quoteProperty',
    ]);
  });

  const operatorCases = CONDITION_FIELD_NAMES.flatMap((field) => {
    const type = CONDITION_FIELDS[field];
    return CONDITION_OPERATORS.map((operator) => ({ field, type, operator, allowed: ALLOWED[type].includes(operator) }));
  });

  it.each(operatorCases.filter((c) => c.allowed))('accepts $field ($type) with $operator', ({ field, type, operator }) => {
    const value = sampleValue(type, operator);
    const property = propertyOf(field);
    expect(check(field, operator, value, property)).toEqual({ ok: property ? { field, property, operator, value } : { field, operator, value } });
  });

  it.each(operatorCases.filter((c) => !c.allowed))('refuses $field ($type) with $operator at "operator"', ({ field, type, operator }) => {
    expect(check(field, operator, sampleValue(type, operator), propertyOf(field))).toEqual({ at: 'operator', reason: `must be one of ${ALLOWED[type].join(', ')} for ${field}` });
  });

  it.each([
    ['an unknown field', 'discount', 'gt'],
    ['a field that is not text', 42, 'gt'],
    ['no field', undefined, 'gt'],
  ])('refuses %s at "field"', (_what, field, operator) => {
    expect(check(field, operator, 10)).toEqual({ at: 'field', reason: `must be one of ${CONDITION_FIELD_NAMES.join(', ')}` });
  });

  // Regression: the field was looked up with `in`, which also finds what every object inherits
  // ("constructor", "toString"): the type was then not a field type and a TypeError came out.
  it.each(['constructor', 'toString', '__proto__'])('refuses the inherited name %s at "field"', (field) => {
    expect(check(field, 'eq', 10)).toEqual({ at: 'field', reason: `must be one of ${CONDITION_FIELD_NAMES.join(', ')}` });
  });

  it.each([null, undefined])('refuses a condition that is %s at "field"', (given) => {
    expect(() => normaliseCondition(given)).toThrow(expect.objectContaining({ at: 'field', reason: `must be one of ${CONDITION_FIELD_NAMES.join(', ')}` }));
  });

  it.each([
    ['an unknown operator', 'greater'],
    ['no operator', undefined],
    ['an operator that is not text', 1],
  ])('refuses %s at "operator"', (_what, operator) => {
    expect(check('lineCount', operator, 10)).toEqual({ at: 'operator', reason: 'must be one of gt, gte, lt, lte, eq, neq, between for lineCount' });
  });

  describe('good values, normalised', () => {
    it.each<[string, string, unknown, unknown]>([
      // money: kept as trimmed decimal text (never a float)
      ['total', 'gt', '10000', '10000'],
      ['total', 'gt', '  10000.50 ', '10000.50'],
      ['total', 'gte', 10000.5, '10000.5'],
      ['total', 'gte', 0, '0'],
      ['discountAmount', 'lt', '0.0001', '0.0001'],
      ['dealAmount', 'lte', '9999999999999.9999', '9999999999999.9999'],
      ['total', 'between', ['100', ' 250.5 '], ['100', '250.5']],
      ['total', 'between', ['100', '100.00'], ['100', '100.00']],
      // percent: numeric text becomes a number, 0..100 with decimals
      ['effectiveDiscountPercent', 'gt', '12.5', 12.5],
      ['effectiveDiscountPercent', 'gte', ' 7 ', 7],
      ['effectiveDiscountPercent', 'eq', 0, 0],
      ['largestLineDiscountPercent', 'lte', 100, 100],
      ['largestLineDiscountPercent', 'lt', '99.99', 99.99],
      ['effectiveDiscountPercent', 'between', ['10', '20'], [10, 20]],
      ['effectiveDiscountPercent', 'between', [15, 15], [15, 15]],
      // count and days: whole numbers in range
      ['lineCount', 'gt', '3', 3],
      ['lineCount', 'between', [0, '10000'], [0, 10000]],
      ['paymentTermsDays', 'gt', '30', 30],
      ['paymentTermsDays', 'gte', 3650, 3650],
      ['daysUntilExpiry', 'lt', -5, -5],
      ['daysUntilExpiry', 'lte', '-3650', -3650],
      ['daysUntilExpiry', 'eq', 12.0, 12],
      // choices: lists deduplicated, in order
      ['currency', 'eq', 'EUR', 'EUR'],
      ['currency', 'in', ['EUR', 'USD', 'EUR'], ['EUR', 'USD']],
      ['currency', 'notIn', ['JPY'], ['JPY']],
      ['dealStage', 'in', ['contract_sent', 'closed_won', 'contract_sent'], ['contract_sent', 'closed_won']],
      ['dealStage', 'neq', 'closed_lost', 'closed_lost'],
      ['ownerRole', 'in', ['rep', 'admin', 'rep'], ['rep', 'admin']],
      ['ownerRole', 'eq', 'manager', 'manager'],
      ['ownerTeam', 'eq', '  Finance ', 'Finance'],
      ['ownerTeam', 'notIn', [' Sales', 'Sales ', 'Legal'], ['Sales', 'Legal']],
      // boolean and products
      ['recurring', 'eq', true, true],
      ['recurring', 'eq', 'true', true],
      ['recurring', 'eq', false, false],
      ['recurring', 'eq', 'false', false],
      ['product', 'contains', ' Widget Pro ', 'Widget Pro'],
      ['product', 'notContains', 'Support', 'Support'],
      // country: ISO 3166-1 alpha-2, upper-cased
      ['companyCountry', 'eq', 'NL', 'NL'],
      ['companyCountry', 'eq', ' nl ', 'NL'],
      ['companyCountry', 'neq', 'us', 'US'],
      ['companyCountry', 'in', ['nl', 'DE', 'NL'], ['NL', 'DE']],
      ['companyCountry', 'notIn', ['GB'], ['GB']],
      // total in base currency: money as decimal text
      ['totalInBaseCurrency', 'gt', '10000', '10000'],
      ['totalInBaseCurrency', 'gte', 2500.5, '2500.5'],
      ['totalInBaseCurrency', 'between', ['100', '200.25'], ['100', '200.25']],
    ])('%s %s %j → %j', (field, operator, value, normalised) => {
      expect(check(field, operator, value)).toEqual({ ok: { field, operator, value: normalised } });
    });

    it.each<[string, unknown, unknown]>([
      // quote property: text trimmed (numbers and yes/no as text); numeric text for gt..lte
      ['eq', ' High ', 'High'],
      ['neq', 'low', 'low'],
      ['eq', 42, '42'],
      ['eq', true, 'true'],
      ['in', ['gold', ' silver', 'gold'], ['gold', 'silver']],
      ['notIn', ['bronze'], ['bronze']],
      ['contains', 'EMEA', 'EMEA'],
      ['gt', '10', '10'],
      ['gte', 2.5, '2.5'],
      ['lt', ' -3 ', '-3'],
      ['lte', '0.0001', '0.0001'],
    ])('quoteProperty %s %j → %j', (operator, value, normalised) => {
      expect(check('quoteProperty', operator, value, 'risk_level')).toEqual({ ok: { field: 'quoteProperty', property: 'risk_level', operator, value: normalised } });
    });

    it('keeps a property name of 64 characters of a-z, 0-9 and _', () => {
      const name = `a_1${'x'.repeat(61)}`;
      expect(check('quoteProperty', 'eq', 'x', name)).toEqual({ ok: { field: 'quoteProperty', property: name, operator: 'eq', value: 'x' } });
    });

    it('keeps a list of 50 values', () => {
      const teams = Array.from({ length: 50 }, (_, i) => `Team ${i}`);
      expect(check('ownerTeam', 'in', teams)).toEqual({ ok: { field: 'ownerTeam', operator: 'in', value: teams } });
    });
  });

  describe('bad values, refused with the part and why', () => {
    const PERCENT = 'must be a number from 0 to 100';
    const MONEY = 'must be an amount like 10000 or 10000.50';
    const STAGES = 'must be one of appointment_scheduled, qualified_to_buy, presentation_scheduled, decision_maker_bought_in, contract_sent, closed_won, closed_lost';
    const TEXT = 'must be a text of 1 to 200 characters';
    const LIST = 'must be a list of 1 to 50 values';
    const COUNTRY = 'must be an ISO 3166-1 alpha-2 country code like NL';

    it.each<[string, string, string, unknown, string, string]>([
      // percent: the old bug was that "abc" was accepted and never matched
      ['"abc" for a percent', 'effectiveDiscountPercent', 'gt', 'abc', 'value', PERCENT],
      ['empty text for a percent', 'effectiveDiscountPercent', 'gt', '', 'value', PERCENT],
      ['blank text for a percent', 'effectiveDiscountPercent', 'gt', '   ', 'value', PERCENT],
      ['null for a percent', 'effectiveDiscountPercent', 'gt', null, 'value', PERCENT],
      ['no value for a percent', 'largestLineDiscountPercent', 'gte', undefined, 'value', PERCENT],
      ['true for a percent', 'effectiveDiscountPercent', 'gt', true, 'value', PERCENT],
      ['"Infinity" for a percent', 'effectiveDiscountPercent', 'lt', 'Infinity', 'value', PERCENT],
      ['101 %', 'effectiveDiscountPercent', 'gt', 101, 'value', 'must be from 0 to 100'],
      ['"100.01" %', 'largestLineDiscountPercent', 'gt', '100.01', 'value', 'must be from 0 to 100'],
      ['-1 %', 'effectiveDiscountPercent', 'gt', -1, 'value', 'must be from 0 to 100'],
      // count and days: whole numbers in range
      ['12.5 for a count', 'lineCount', 'gt', 12.5, 'value', 'must be a whole number'],
      ['"12.5" for days', 'paymentTermsDays', 'gt', '12.5', 'value', 'must be a whole number'],
      ['12.5 for days', 'daysUntilExpiry', 'lt', 12.5, 'value', 'must be a whole number'],
      ['-1 for a count', 'lineCount', 'gt', -1, 'value', 'must be from 0 to 10000'],
      ['10001 for a count', 'lineCount', 'gt', 10_001, 'value', 'must be from 0 to 10000'],
      ['"abc" for a count', 'lineCount', 'gt', 'abc', 'value', 'must be a number from 0 to 10000'],
      ['3651 days', 'paymentTermsDays', 'gt', 3651, 'value', 'must be from -3650 to 3650'],
      ['-3651 days', 'daysUntilExpiry', 'gt', -3651, 'value', 'must be from -3650 to 3650'],
      ['"abc" for days', 'paymentTermsDays', 'gt', 'abc', 'value', 'must be a number from -3650 to 3650'],
      // money: decimal text, at most 4 decimals, not negative
      ['"abc" for money', 'total', 'gt', 'abc', 'value', MONEY],
      ['a negative amount', 'total', 'gt', -5, 'value', MONEY],
      ['a negative amount as text', 'discountAmount', 'gt', '-5', 'value', MONEY],
      ['5 decimals', 'total', 'gt', '10.12345', 'value', MONEY],
      ['thousands separators', 'total', 'gt', '1,000', 'value', MONEY],
      ['an exponent', 'dealAmount', 'gt', '1e5', 'value', MONEY],
      ['14 digits', 'total', 'gt', '10000000000000', 'value', MONEY],
      ['a money value that is not finite', 'total', 'gt', Number.POSITIVE_INFINITY, 'value', MONEY],
      ['null for money', 'total', 'gt', null, 'value', MONEY],
      // choices
      ['a lowercase currency', 'currency', 'eq', 'eur', 'value', 'must be a currency code like EUR'],
      ['a currency of 4 letters', 'currency', 'neq', 'EURO', 'value', 'must be a currency code like EUR'],
      ['an unknown deal stage', 'dealStage', 'eq', 'won', 'value', STAGES],
      ['an unknown role', 'ownerRole', 'eq', 'director', 'value', 'must be one of rep, manager, admin'],
      ['a blank team', 'ownerTeam', 'eq', '   ', 'value', TEXT],
      ['a team of 201 characters', 'ownerTeam', 'eq', 'x'.repeat(201), 'value', TEXT],
      ['a number for a team', 'ownerTeam', 'eq', 5, 'value', TEXT],
      ['an empty product', 'product', 'contains', '', 'value', TEXT],
      ['"yes" for a boolean', 'recurring', 'eq', 'yes', 'value', 'must be true or false'],
      ['1 for a boolean', 'recurring', 'eq', 1, 'value', 'must be true or false'],
      // lists for in / notIn
      ['an empty list for in', 'currency', 'in', [], 'value', LIST],
      ['an empty list for notIn', 'dealStage', 'notIn', [], 'value', LIST],
      ['51 values for in', 'ownerTeam', 'in', Array.from({ length: 51 }, (_, i) => `T${i}`), 'value', LIST],
      ['a single value for in', 'currency', 'in', 'EUR', 'value', LIST],
      ['a bad second value for in', 'currency', 'in', ['EUR', 'usd'], 'value.1', 'must be a currency code like EUR'],
      ['a bad second deal stage for notIn', 'dealStage', 'notIn', ['closed_won', 'nope'], 'value.1', STAGES],
      ['a bad first role for in', 'ownerRole', 'in', ['boss', 'rep'], 'value.0', 'must be one of rep, manager, admin'],
      // between
      ['between with from > to', 'effectiveDiscountPercent', 'between', [20, 10], 'value', 'from must not be greater than to'],
      ['money between with from > to', 'total', 'between', ['500', '100.5'], 'value', 'from must not be greater than to'],
      ['days between with from > to', 'daysUntilExpiry', 'between', ['5', '-5'], 'value', 'from must not be greater than to'],
      ['between with one value', 'effectiveDiscountPercent', 'between', [10], 'value', 'must be a list [from, to]'],
      ['between with three values', 'lineCount', 'between', [1, 2, 3], 'value', 'must be a list [from, to]'],
      ['between with a single value', 'lineCount', 'between', 3, 'value', 'must be a list [from, to]'],
      ['between with a bad "to"', 'effectiveDiscountPercent', 'between', [10, 'abc'], 'value.1', PERCENT],
      ['between with a bad "from"', 'lineCount', 'between', [1.5, 3], 'value.0', 'must be a whole number'],
      ['money between with a bad "to"', 'total', 'between', ['100', '-1'], 'value.1', MONEY],
      // single-value operators
      ['a list for gt', 'effectiveDiscountPercent', 'gt', [10, 20], 'value', 'must be a single value for gt'],
      ['a list for eq', 'currency', 'eq', ['EUR'], 'value', 'must be a single value for eq'],
      ['a list for contains', 'product', 'contains', ['Widget'], 'value', 'must be a single value for contains'],
      // country
      ['an unknown country', 'companyCountry', 'eq', 'XX', 'value', COUNTRY],
      ['a country that is no ISO 3166-1 code', 'companyCountry', 'eq', 'EU', 'value', COUNTRY],
      ['a country of 3 letters', 'companyCountry', 'eq', 'NLD', 'value', COUNTRY],
      ['a number for a country', 'companyCountry', 'eq', 31, 'value', COUNTRY],
      ['a bad second country for in', 'companyCountry', 'in', ['NL', 'UK'], 'value.1', COUNTRY],
      ['a country list for eq', 'companyCountry', 'eq', ['NL'], 'value', 'must be a single value for eq'],
      // total in base currency: money
      ['"abc" for a total in base currency', 'totalInBaseCurrency', 'gt', 'abc', 'value', MONEY],
      ['a negative total in base currency', 'totalInBaseCurrency', 'lt', '-1', 'value', MONEY],
    ])('refuses %s', (_what, field, operator, value, at, reason) => {
      expect(check(field, operator, value)).toEqual({ at, reason });
    });

    const NAME = 'must be a property name of 1 to 64 characters: a-z, 0-9 and _';
    it.each<[string, unknown, string, unknown, string, string]>([
      ['no property name', undefined, 'eq', 'x', 'property', NAME],
      ['an empty property name', '', 'eq', 'x', 'property', NAME],
      ['a property name of 65 characters', 'x'.repeat(65), 'eq', 'x', 'property', NAME],
      ['capitals in a property name', 'Risk', 'eq', 'x', 'property', NAME],
      ['a space in a property name', 'risk level', 'eq', 'x', 'property', NAME],
      ['a dash in a property name', 'risk-level', 'eq', 'x', 'property', NAME],
      ['a number as property name', 5, 'eq', 'x', 'property', NAME],
      ['a blank property value', 'risk', 'eq', '  ', 'value', TEXT],
      ['a property value of 201 characters', 'risk', 'contains', 'x'.repeat(201), 'value', TEXT],
      ['text for gt', 'risk', 'gt', 'high', 'value', 'must be a number like 10 or 2.5'],
      ['an exponent for lte', 'risk', 'lte', '1e5', 'value', 'must be a number like 10 or 2.5'],
      ['a list for gt', 'risk', 'gt', [1], 'value', 'must be a single value for gt'],
      ['an empty list for in', 'risk', 'in', [], 'value', LIST],
      ['a bad second value for notIn', 'risk', 'notIn', ['a', ''], 'value.1', TEXT],
      ['between (not for properties)', 'risk', 'between', [1, 2], 'operator', 'must be one of eq, neq, in, notIn, contains, gt, gte, lt, lte for quoteProperty'],
    ])('refuses a quoteProperty condition with %s', (_what, property, operator, value, at, reason) => {
      expect(check('quoteProperty', operator, value, property ?? null)).toEqual({ at, reason });
    });

    // Regression: from > to was checked with Number(), which cannot tell apart amounts of 17 significant
    // digits; the condition was saved and then never matched (the amounts compare exactly later).
    it('refuses money between with from > to even when they differ only in the 4th decimal of a large amount', () => {
      expect(check('total', 'between', ['9999999999999.0002', '9999999999999.0001'])).toEqual({ at: 'value', reason: 'from must not be greater than to' });
    });
  });

  it.each([
    ['0', 0n],
    ['1.5', 15_000n],
    ['10000.005', 100_000_050n],
    ['10000.0050', 100_000_050n],
    ['9999999999999.9999', 99_999_999_999_999_999n],
  ])('reads the money bound %s exactly, in ten-thousandths', (decimal, scaled) => {
    expect(decimalScaled(decimal)).toBe(scaled);
  });
});
