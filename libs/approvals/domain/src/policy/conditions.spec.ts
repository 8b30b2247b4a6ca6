import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from './condition-fields';
import { checkCondition, type RoutingFacts } from './conditions';

/** A quote of EUR 10,000.00 by a rep in Sales, 15 % discount, on a USD 20,000.00 deal at "contract sent". */
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
  ...overrides,
});

/** A condition as stored (not necessarily valid: rules saved before values were checked). */
const condition = (field: string, operator: string, value: unknown) => ({ field, operator, value }) as Condition;
const holds = (field: string, operator: string, value: unknown, overrides: Partial<RoutingFacts> = {}) => checkCondition(condition(field, operator, value), facts(overrides)) !== null;

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
    ])('%s %s %j with %j: %s', (field, operator, value, overrides, expected) => {
      expect(holds(field, operator, value, overrides)).toBe(expected);
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
    ])('%s %s %j with %j', (field, operator, value, overrides, expected) => {
      expect(holds(field, operator, value, overrides)).toBe(expected);
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

    it.each<[string, string, unknown, Partial<RoutingFacts>, unknown, unknown]>([
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
