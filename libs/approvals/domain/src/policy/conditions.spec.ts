import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from './condition-fields';
import { checkCondition, type RoutingFacts } from './conditions';

/**
 * A quote of EUR 10,000.00 by a rep in Sales, 15 % discount, on a USD 20,000.00 deal at "contract
 * sent", for a Dutch company; USD 11,000.00 in the base currency; properties risk_level "High",
 * risk_score 7, region "EMEA North" and approved_before false.
 */
const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  ownerId: 'rep',
  submittedBy: 'rep',
  currency: 'EUR',
  totalMinor: 1_000_000,
  discountMinor: 50_000,
  effectiveDiscountBp: 1500,
  largestLineDiscountBp: 2000,
  lineCount: 3,
  productNames: ['Widget Pro', 'Support'],
  recurring: false,
  paymentTermsDays: 30,
  daysUntilExpiry: 14,
  dealStage: 'contract_sent',
  dealAmountMinor: 2_000_000,
  dealCurrency: 'USD',
  dealOwnerId: 'mgr',
  companyOwnerId: 'dir',
  ownerRole: 'rep',
  ownerTeam: 'Sales',
  companyCountry: 'NL',
  baseCurrency: 'USD',
  totalInBaseMinor: 1_100_000,
  quoteProperties: { risk_level: 'High', risk_score: 7, region: 'EMEA North', approved_before: false, note: null },
  ...overrides,
});

/** A condition as stored (not necessarily valid: rules saved before values were checked). */
const condition = (field: string, operator: string, value: unknown) => ({ field, operator, value }) as Condition;
const holds = (field: string, operator: string, value: unknown, overrides: Partial<RoutingFacts> = {}) => checkCondition(condition(field, operator, value), facts(overrides)) !== null;
const propertyCondition = (property: string, operator: string, value: unknown) => ({ field: 'quoteProperty', property, operator, value }) as Condition;
const propertyHolds = (property: string, operator: string, value: unknown, overrides: Partial<RoutingFacts> = {}) => checkCondition(propertyCondition(property, operator, value), facts(overrides)) !== null;

type Row = [field: string, operator: string, value: unknown, overrides: Partial<RoutingFacts>, expected: boolean];

describe('checkCondition', () => {
  describe('money, compared exactly in the quote currency', () => {
    it.each<Row>([
      // EUR (2 decimals): 1,000,000 minor = 10000.00
      ['total', 'gt', '10000', {}, false],
      ['total', 'gte', '10000', {}, true],
      ['total', 'eq', '10000.00', {}, true],
      ['total', 'eq', '10000', {}, true],
      ['total', 'eq', '10000.0000', {}, true],
      ['total', 'neq', '10000', {}, false],
      ['total', 'neq', '10000.01', {}, true],
      ['total', 'lt', '10000.01', {}, true],
      ['total', 'lte', '9999.99', {}, false],
      ['total', 'gt', '9999.99', {}, true],
      ['total', 'gt', '9999.9999', {}, true],
      // a bound with more decimals than the currency
      ['total', 'gt', '10000.005', { totalMinor: 1_000_001 }, true],
      ['total', 'gte', '10000.005', { totalMinor: 1_000_001 }, true],
      ['total', 'lt', '10000.005', { totalMinor: 1_000_001 }, false],
      ['total', 'eq', '10000.005', { totalMinor: 1_000_001 }, false],
      ['total', 'lt', '10000.005', { totalMinor: 1_000_000 }, true],
      ['total', 'gt', '10000.005', { totalMinor: 1_000_000 }, false],
      ['total', 'neq', '10000.005', { totalMinor: 1_000_000 }, true],
      // JPY (0 decimals): 10,000 minor = ¥10000, not ¥100.00
      ['total', 'eq', '10000', { currency: 'JPY', totalMinor: 10_000 }, true],
      ['total', 'eq', '100', { currency: 'JPY', totalMinor: 10_000 }, false],
      ['total', 'gt', '9999.5', { currency: 'JPY', totalMinor: 10_000 }, true],
      ['total', 'lt', '10000.5', { currency: 'JPY', totalMinor: 10_000 }, true],
      ['total', 'gt', '10000', { currency: 'JPY', totalMinor: 10_000 }, false],
      ['total', 'gt', '100.00', { currency: 'JPY', totalMinor: 10_000 }, true],
      // KWD (3 decimals): 10,000,005 minor = 10000.005
      ['total', 'eq', '10000.005', { currency: 'KWD', totalMinor: 10_000_005 }, true],
      ['total', 'gt', '10000.004', { currency: 'KWD', totalMinor: 10_000_005 }, true],
      ['total', 'gt', '10000.005', { currency: 'KWD', totalMinor: 10_000_005 }, false],
      // between is inclusive at both ends
      ['total', 'between', ['10000', '20000'], { totalMinor: 1_000_000 }, true],
      ['total', 'between', ['10000', '20000'], { totalMinor: 2_000_000 }, true],
      ['total', 'between', ['10000', '20000'], { totalMinor: 999_999 }, false],
      ['total', 'between', ['10000', '20000'], { totalMinor: 2_000_001 }, false],
      ['total', 'between', ['10000.005', '10000.005'], { currency: 'KWD', totalMinor: 10_000_005 }, true],
      // discount amount: 50,000 minor = 500.00
      ['discountAmount', 'gte', '500', {}, true],
      ['discountAmount', 'gt', '500', {}, false],
      ['discountAmount', 'lt', '500.01', {}, true],
      // large amounts stay exact (beyond what a double holds in ten-thousandths)
      ['total', 'gt', '9999999999999.9899', { totalMinor: 999_999_999_999_999 }, true],
      ['total', 'lt', '9999999999999.9901', { totalMinor: 999_999_999_999_999 }, true],
      ['total', 'gt', '9999999999999.9999', { totalMinor: 999_999_999_999_999 }, false],
      ['total', 'gte', '9999999999999.99', { totalMinor: 999_999_999_999_999 }, true],
      ['total', 'eq', '9999999999999.9899', { totalMinor: 999_999_999_999_999 }, false],
    ])('%s %s %j with %j: %s', (field, operator, value, overrides, expected) => {
      expect(holds(field, operator, value, overrides)).toBe(expected);
    });

    it.each<Row>([
      // the total in the base currency (USD 11,000.00 for the EUR 10,000.00 quote), in its minor unit
      ['totalInBaseCurrency', 'gt', '10000', {}, true],
      ['totalInBaseCurrency', 'gt', '11000', {}, false],
      ['totalInBaseCurrency', 'gte', '11000', {}, true],
      ['totalInBaseCurrency', 'eq', '11000.00', {}, true],
      ['totalInBaseCurrency', 'neq', '11000', {}, false],
      ['totalInBaseCurrency', 'lt', '11000.005', {}, true],
      ['totalInBaseCurrency', 'lte', '10999.99', {}, false],
      ['totalInBaseCurrency', 'between', ['10000', '11000'], {}, true],
      ['totalInBaseCurrency', 'between', ['11000.01', '20000'], {}, false],
      // a JPY base currency: no decimals
      ['totalInBaseCurrency', 'eq', '1650000', { baseCurrency: 'JPY', totalInBaseMinor: 1_650_000 }, true],
      ['totalInBaseCurrency', 'gt', '16500', { baseCurrency: 'JPY', totalInBaseMinor: 1_650_000 }, true],
      // not the quote's own total
      ['totalInBaseCurrency', 'eq', '10000', {}, false],
    ])('%s %s %j with %j: %s', (field, operator, value, overrides, expected) => {
      expect(holds(field, operator, value, overrides)).toBe(expected);
    });

    it('compares the deal amount in the deal currency, not the quote currency', () => {
      // ¥500,000 on the deal, the quote in EUR: read as EUR cents it would be 5000.00
      expect(holds('dealAmount', 'gt', '10000', { dealAmountMinor: 500_000, dealCurrency: 'JPY' })).toBe(true);
      expect(holds('dealAmount', 'eq', '500000', { dealAmountMinor: 500_000, dealCurrency: 'JPY' })).toBe(true);
      // USD 20,000.00
      expect(holds('dealAmount', 'gt', '19999.99', {})).toBe(true);
      expect(holds('dealAmount', 'between', ['20000', '30000'], {})).toBe(true);
      expect(holds('dealAmount', 'lt', '20000', {})).toBe(false);
    });

    it('agrees with exact integer arithmetic for any EUR amount and any bound of up to 4 decimals', () => {
      const ops = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), fc.constantFrom(...ops), (minor, boundTenThousandths, operator) => {
          const text = `${Math.floor(boundTenThousandths / 10_000)}.${String(boundTenThousandths % 10_000).padStart(4, '0')}`;
          const actual = minor * 100; // in ten-thousandths of a euro
          const c = Math.sign(actual - boundTenThousandths);
          const expected = { gt: c > 0, gte: c >= 0, lt: c < 0, lte: c <= 0, eq: c === 0, neq: c !== 0 }[operator];
          expect(holds('total', operator, text, { totalMinor: minor })).toBe(expected);
        }),
      );
    });
  });

  describe('plain facts', () => {
    it.each<Row>([
      // percent, read from basis points
      ['effectiveDiscountPercent', 'gt', 15, {}, false],
      ['effectiveDiscountPercent', 'gte', 15, {}, true],
      ['effectiveDiscountPercent', 'eq', 15, {}, true],
      ['effectiveDiscountPercent', 'eq', '15', {}, true],
      ['effectiveDiscountPercent', 'neq', 15, {}, false],
      ['effectiveDiscountPercent', 'gt', 15, { effectiveDiscountBp: 1501 }, true],
      ['effectiveDiscountPercent', 'eq', 10.05, { effectiveDiscountBp: 1005 }, true],
      ['effectiveDiscountPercent', 'eq', '0.07', { effectiveDiscountBp: 7 }, true],
      ['effectiveDiscountPercent', 'lt', 0.07, { effectiveDiscountBp: 6 }, true],
      ['effectiveDiscountPercent', 'between', [10, 20], { effectiveDiscountBp: 1000 }, true],
      ['effectiveDiscountPercent', 'between', [10, 20], { effectiveDiscountBp: 2000 }, true],
      ['effectiveDiscountPercent', 'between', [10, 20], { effectiveDiscountBp: 999 }, false],
      ['effectiveDiscountPercent', 'between', [10, 20], { effectiveDiscountBp: 2001 }, false],
      ['largestLineDiscountPercent', 'gt', 25.5, { largestLineDiscountBp: 2550 }, false],
      ['largestLineDiscountPercent', 'gte', 25.5, { largestLineDiscountBp: 2550 }, true],
      ['largestLineDiscountPercent', 'lte', 100, { largestLineDiscountBp: 10_000 }, true],
      // line count
      ['lineCount', 'gt', 2, {}, true],
      ['lineCount', 'lt', 3, {}, false],
      ['lineCount', 'lte', 3, {}, true],
      ['lineCount', 'neq', 3, {}, false],
      ['lineCount', 'between', [3, 3], {}, true],
      ['lineCount', 'eq', 0, { lineCount: 0 }, true],
      // products: a line with this product, its whole name, case-insensitive
      ['product', 'contains', 'widget pro', {}, true],
      ['product', 'contains', 'WIDGET PRO', {}, true],
      ['product', 'contains', ' Support ', {}, true],
      ['product', 'contains', 'Widget', {}, false],
      ['product', 'contains', 'Training', {}, false],
      ['product', 'notContains', 'support', {}, false],
      ['product', 'notContains', 'Training', {}, true],
      ['product', 'contains', 'Widget Pro', { productNames: [] }, false],
      ['product', 'notContains', 'Widget Pro', { productNames: [] }, true],
      ['product', 'contains', 'straße', { productNames: ['STRASSE', 'Straße'] }, true],
      // recurring
      ['recurring', 'eq', true, { recurring: true }, true],
      ['recurring', 'eq', 'false', { recurring: true }, false],
      ['recurring', 'eq', false, { recurring: false }, true],
      ['recurring', 'eq', 'true', { recurring: false }, false],
      // payment terms and expiry (days)
      ['paymentTermsDays', 'gt', 30, { paymentTermsDays: 45 }, true],
      ['paymentTermsDays', 'gt', 30, { paymentTermsDays: 30 }, false],
      ['paymentTermsDays', 'gte', 30, { paymentTermsDays: 30 }, true],
      ['paymentTermsDays', 'between', [31, 60], { paymentTermsDays: 60 }, true],
      ['daysUntilExpiry', 'lt', 15, {}, true],
      ['daysUntilExpiry', 'lt', 0, { daysUntilExpiry: -2 }, true],
      ['daysUntilExpiry', 'gte', -3, { daysUntilExpiry: -2 }, true],
      // currency
      ['currency', 'eq', 'EUR', {}, true],
      ['currency', 'eq', 'USD', {}, false],
      ['currency', 'neq', 'USD', {}, true],
      ['currency', 'in', ['USD', 'EUR'], {}, true],
      ['currency', 'notIn', ['USD'], {}, true],
      ['currency', 'notIn', ['USD', 'EUR'], {}, false],
      // deal stage
      ['dealStage', 'in', ['contract_sent', 'closed_won'], {}, true],
      ['dealStage', 'notIn', ['contract_sent', 'closed_won'], {}, false],
      ['dealStage', 'notIn', ['closed_lost'], {}, true],
      ['dealStage', 'eq', 'qualified_to_buy', {}, false],
      ['dealStage', 'neq', 'qualified_to_buy', {}, true],
      ['dealStage', 'eq', 'contract_sent', {}, true],
      // owner role and team
      ['ownerRole', 'eq', 'rep', {}, true],
      ['ownerRole', 'in', ['manager', 'admin'], {}, false],
      ['ownerRole', 'notIn', ['manager', 'admin'], {}, true],
      ['ownerRole', 'in', ['manager', 'admin'], { ownerRole: 'manager' }, true],
      ['ownerRole', 'neq', 'rep', { ownerRole: 'admin' }, true],
      ['ownerTeam', 'eq', 'Sales', {}, true],
      ['ownerTeam', 'eq', ' Sales ', {}, true],
      ['ownerTeam', 'neq', 'Finance', {}, true],
      ['ownerTeam', 'in', ['Finance', 'Sales'], {}, true],
      ['ownerTeam', 'notIn', ['Finance', 'Sales'], {}, false],
      // company country
      ['companyCountry', 'eq', 'NL', {}, true],
      ['companyCountry', 'eq', 'nl', {}, true],
      ['companyCountry', 'eq', 'DE', {}, false],
      ['companyCountry', 'neq', 'DE', {}, true],
      ['companyCountry', 'neq', 'NL', {}, false],
      ['companyCountry', 'in', ['DE', 'NL'], {}, true],
      ['companyCountry', 'in', ['DE', 'US'], {}, false],
      ['companyCountry', 'notIn', ['DE', 'US'], {}, true],
      ['companyCountry', 'notIn', ['NL'], {}, false],
      ['companyCountry', 'eq', 'US', { companyCountry: 'US' }, true],
    ])('%s %s %j with %j: %s', (field, operator, value, overrides, expected) => {
      expect(holds(field, operator, value, overrides)).toBe(expected);
    });
  });

  describe('quote properties: text (case-insensitive), numbers for gt..lte', () => {
    it.each<[property: string, operator: string, value: unknown, overrides: Partial<RoutingFacts>, expected: boolean]>([
      ['risk_level', 'eq', 'High', {}, true],
      ['risk_level', 'eq', 'high', {}, true],
      ['risk_level', 'eq', ' HIGH ', {}, true],
      ['risk_level', 'eq', 'Low', {}, false],
      ['risk_level', 'neq', 'Low', {}, true],
      ['risk_level', 'neq', 'high', {}, false],
      ['risk_level', 'in', ['low', 'high'], {}, true],
      ['risk_level', 'in', ['low', 'medium'], {}, false],
      ['risk_level', 'notIn', ['low', 'medium'], {}, true],
      ['risk_level', 'notIn', ['HIGH'], {}, false],
      ['region', 'contains', 'emea', {}, true],
      ['region', 'contains', 'North', {}, true],
      ['region', 'contains', 'APAC', {}, false],
      // a number or yes/no set on the record compares as its text
      ['risk_score', 'eq', '7', {}, true],
      ['approved_before', 'eq', 'false', {}, true],
      ['approved_before', 'eq', 'FALSE', {}, true],
      // gt..lte: both sides numbers, compared exactly
      ['risk_score', 'gt', '5', {}, true],
      ['risk_score', 'gt', '7', {}, false],
      ['risk_score', 'gte', '7', {}, true],
      ['risk_score', 'gte', '7.0000000001', {}, false],
      ['risk_score', 'lt', '7.5', {}, true],
      ['risk_score', 'lte', '6.9999999999', {}, false],
      ['risk_score', 'lt', '-1', { quoteProperties: { risk_score: '-2.5' } }, true],
      ['risk_score', 'gt', '9', { quoteProperties: { risk_score: '10' } }, true],
      ['risk_score', 'gt', '0.1', { quoteProperties: { risk_score: '0.2' } }, true],
      ['risk_score', 'lt', '0.3', { quoteProperties: { risk_score: ' 0.2 ' } }, true],
      // a property that does not read as a number: gt..lte hold for nothing
      ['risk_level', 'gt', '0', {}, false],
      ['risk_level', 'lt', '0', {}, false],
      ['risk_score', 'gt', '1', { quoteProperties: { risk_score: '1e3' } }, false],
      ['risk_score', 'gt', '1', { quoteProperties: { risk_score: '' } }, false],
    ])('%s %s %j with %j: %s', (property, operator, value, overrides, expected) => {
      expect(propertyHolds(property, operator, value, overrides)).toBe(expected);
    });
  });

  describe('a fact the quote lacks holds for nothing, not even neq / notIn', () => {
    it.each<Row>([
      ['dealStage', 'eq', 'contract_sent', { dealStage: null }, false],
      ['dealStage', 'neq', 'contract_sent', { dealStage: null }, false],
      ['dealStage', 'in', ['contract_sent'], { dealStage: null }, false],
      ['dealStage', 'notIn', ['closed_lost'], { dealStage: null }, false],
      ['dealAmount', 'gt', '0', { dealAmountMinor: null, dealCurrency: null }, false],
      ['dealAmount', 'gte', '0', { dealAmountMinor: null, dealCurrency: null }, false],
      ['dealAmount', 'lt', '1000000', { dealAmountMinor: null, dealCurrency: null }, false],
      ['dealAmount', 'neq', '1', { dealAmountMinor: null, dealCurrency: null }, false],
      ['dealAmount', 'gte', '0', { dealAmountMinor: 1000, dealCurrency: null }, false],
      ['paymentTermsDays', 'gt', 30, { paymentTermsDays: null }, false],
      ['paymentTermsDays', 'lt', 30, { paymentTermsDays: null }, false],
      ['paymentTermsDays', 'neq', 30, { paymentTermsDays: null }, false],
      ['paymentTermsDays', 'between', [0, 3650], { paymentTermsDays: null }, false],
      ['daysUntilExpiry', 'lte', 1000, { daysUntilExpiry: null }, false],
      ['daysUntilExpiry', 'neq', 0, { daysUntilExpiry: null }, false],
      ['ownerRole', 'neq', 'rep', { ownerRole: null }, false],
      ['ownerRole', 'notIn', ['admin'], { ownerRole: null }, false],
      ['ownerTeam', 'neq', 'Sales', { ownerTeam: null }, false],
      ['ownerTeam', 'notIn', ['Finance'], { ownerTeam: null }, false],
      ['companyCountry', 'eq', 'NL', { companyCountry: null }, false],
      ['companyCountry', 'neq', 'DE', { companyCountry: null }, false],
      ['companyCountry', 'notIn', ['DE'], { companyCountry: null }, false],
      ['companyCountry', 'neq', 'DE', { companyCountry: undefined }, false],
      // no rate for the quote's currency
      ['totalInBaseCurrency', 'gte', '0', { totalInBaseMinor: null }, false],
      ['totalInBaseCurrency', 'neq', '1', { totalInBaseMinor: null }, false],
      ['totalInBaseCurrency', 'lt', '1000000', { totalInBaseMinor: undefined }, false],
    ])('%s %s %j with %j', (field, operator, value, overrides, expected) => {
      expect(holds(field, operator, value, overrides)).toBe(expected);
    });

    it.each<[property: string, operator: string, value: unknown, overrides: Partial<RoutingFacts>]>([
      ['missing', 'neq', 'x', {}],
      ['missing', 'notIn', ['x'], {}],
      ['note', 'neq', 'x', {}],
      ['note', 'notIn', ['x'], {}],
      ['risk_level', 'neq', 'Low', { quoteProperties: undefined }],
      ['risk_level', 'neq', 'Low', { quoteProperties: {} }],
      // inherited names are no properties
      ['constructor', 'neq', 'x', {}],
    ])('quoteProperty %s %s %j with %j', (property, operator, value, overrides) => {
      expect(propertyHolds(property, operator, value, overrides)).toBe(false);
    });
  });

  describe('a stored condition that cannot be read holds for nothing', () => {
    it.each<[string, string, string, unknown]>([
      ['"abc" for a percent, gt', 'effectiveDiscountPercent', 'gt', 'abc'],
      ['"abc" for a percent, lt', 'effectiveDiscountPercent', 'lt', 'abc'],
      ['"abc" for a percent, neq', 'effectiveDiscountPercent', 'neq', 'abc'],
      ['"abc" for money, neq', 'total', 'neq', 'abc'],
      ['12.5 for a count, neq', 'lineCount', 'neq', 12.5],
      ['a reversed range', 'effectiveDiscountPercent', 'between', [20, 10]],
      ['an empty list for notIn', 'currency', 'notIn', []],
      ['an unknown field', 'discount', 'gt', 10],
      ['an operator the field does not allow', 'lineCount', 'contains', 3],
      ['a lowercase currency, neq', 'currency', 'neq', 'usd'],
      ['an unknown country, neq', 'companyCountry', 'neq', 'XX'],
      ['a quoteProperty without a property name', 'quoteProperty', 'neq', 'x'],
    ])('%s', (_what, field, operator, value) => {
      for (const overrides of [{}, { effectiveDiscountBp: 0, totalMinor: 0, lineCount: 0 }, { effectiveDiscountBp: 10_000, totalMinor: 99_999_999, lineCount: 10_000 }]) {
        expect(checkCondition(condition(field, operator, value), facts(overrides))).toBeNull();
      }
    });
  });

  describe('the reason', () => {
    it('gives money as decimal text in the quote currency, with the currency', () => {
      expect(checkCondition(condition('total', 'gt', ' 10000 '), facts({ totalMinor: 1_000_001 }))).toStrictEqual({
        code: 'condition',
        field: 'total',
        operator: 'gt',
        expected: '10000',
        actual: '10000.01',
        currency: 'EUR',
      });
    });

    it('gives a JPY amount without decimals', () => {
      expect(checkCondition(condition('total', 'between', ['5000', '20000']), facts({ currency: 'JPY', totalMinor: 10_000 }))).toStrictEqual({
        code: 'condition',
        field: 'total',
        operator: 'between',
        expected: ['5000', '20000'],
        actual: '10000',
        currency: 'JPY',
      });
    });

    it('gives the deal amount in the deal currency', () => {
      expect(checkCondition(condition('dealAmount', 'gte', 15000), facts())).toStrictEqual({
        code: 'condition',
        field: 'dealAmount',
        operator: 'gte',
        expected: '15000',
        actual: '20000.00',
        currency: 'USD',
      });
    });

    it('gives a percent as a number (from basis points), the bound normalised, without currency', () => {
      expect(checkCondition(condition('effectiveDiscountPercent', 'between', ['10', '20']), facts({ effectiveDiscountBp: 1250 }))).toStrictEqual({
        code: 'condition',
        field: 'effectiveDiscountPercent',
        operator: 'between',
        expected: [10, 20],
        actual: 12.5,
      });
    });

    it('gives the total in base currency as decimal text, with the base currency', () => {
      expect(checkCondition(condition('totalInBaseCurrency', 'gt', '10000'), facts())).toStrictEqual({
        code: 'condition',
        field: 'totalInBaseCurrency',
        operator: 'gt',
        expected: '10000',
        actual: '11000.00',
        currency: 'USD',
      });
    });

    it("gives a quote property's name, the bound and the value set on the quote", () => {
      expect(checkCondition(propertyCondition('risk_level', 'in', [' high', 'medium']), facts())).toStrictEqual({
        code: 'condition',
        field: 'quoteProperty',
        property: 'risk_level',
        operator: 'in',
        expected: ['high', 'medium'],
        actual: 'High',
      });
      expect(checkCondition(propertyCondition('risk_score', 'gte', 5), facts())).toStrictEqual({
        code: 'condition',
        field: 'quoteProperty',
        property: 'risk_score',
        operator: 'gte',
        expected: '5',
        actual: '7',
      });
    });

    it.each<[string, string, unknown, Partial<RoutingFacts>, unknown, unknown]>([
      ['companyCountry', 'in', ['de', 'NL'], {}, ['DE', 'NL'], 'NL'],
      ['product', 'contains', ' widget pro ', {}, 'widget pro', ['Widget Pro', 'Support']],
      ['product', 'notContains', 'Training', {}, 'Training', ['Widget Pro', 'Support']],
      ['recurring', 'eq', 'true', { recurring: true }, true, true],
      ['paymentTermsDays', 'gt', '30', { paymentTermsDays: 45 }, 30, 45],
      ['daysUntilExpiry', 'lt', 0, { daysUntilExpiry: -2 }, 0, -2],
      ['lineCount', 'gte', '3', {}, 3, 3],
      ['currency', 'in', ['USD', 'EUR', 'USD'], {}, ['USD', 'EUR'], 'EUR'],
      ['dealStage', 'in', ['contract_sent', 'closed_won'], {}, ['contract_sent', 'closed_won'], 'contract_sent'],
      ['dealStage', 'notIn', ['closed_lost'], {}, ['closed_lost'], 'contract_sent'],
      ['ownerRole', 'eq', 'rep', {}, 'rep', 'rep'],
      ['ownerTeam', 'neq', ' Finance ', {}, 'Finance', 'Sales'],
    ])('%s %s %j: expected %j, actual the quote value', (field, operator, value, overrides, expected, actual) => {
      expect(checkCondition(condition(field, operator, value), facts(overrides))).toStrictEqual({ code: 'condition', field, operator, expected, actual });
    });
  });
});
