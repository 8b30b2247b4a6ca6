import { describe, expect, it } from 'vitest';
import { createAppI18n, type AppLocale } from '../../i18n';
import type { ApproverRef, ResolutionNote, RouteReason } from './approvals-api';
import { approverRefText, conditionText, listText, noteText, reasonText, reasonsText, type Words } from './route-words';

function wordsIn(locale: AppLocale): Words {
  const { t } = createAppI18n(locale).global;
  return { t: (key, named, plural) => (plural === undefined ? t(key, named ?? {}) : t(key, named ?? {}, plural)), locale };
}

const en = wordsIn('en');
const nl = wordsIn('nl');

/** The API types a reason's values loosely; these are what it sends. */
function condition(field: string, operator: string, expected: unknown, actual: unknown, currency?: string): RouteReason {
  return { code: 'condition', field, operator, expected, actual, ...(currency ? { currency } : {}) } as unknown as RouteReason;
}

const NAMES: Record<string, string> = { 'u-max': 'Max Manager', 'u-ada': 'Ada Admin', 'u-rita': 'Rita Rep' };
const nameOf = (id: string) => NAMES[id] ?? 'Unknown user';

/** Intl puts a no-break space between the euro sign and the amount in Dutch. */
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

describe('reasonText', () => {
  it('puts a percentage condition in words with the quote’s value first', () => {
    const reason = condition('effectiveDiscountPercent', 'gt', 20, 25);
    expect(reasonText(reason, en)).toBe('discount 25% > 20%');
    expect(reasonText(reason, nl)).toBe('korting 25% > 20%');
    expect(reasonText(condition('largestLineDiscountPercent', 'lte', 12.5, 7.25), en)).toBe('largest line discount 7.25% ≤ 12.5%');
    expect(reasonText(condition('largestLineDiscountPercent', 'lte', 12.5, 7.25), nl)).toBe('grootste regelkorting 7,25% ≤ 12,5%');
  });

  it('formats money with the currency the reason names', () => {
    const reason = condition('total', 'gte', '10000', '12000.00', 'EUR');
    expect(reasonText(reason, en)).toBe('total €12,000.00 ≥ €10,000.00');
    expect(reasonText(reason, nl)).toBe(`totaal ${nbsp('€ 12.000,00')} ≥ ${nbsp('€ 10.000,00')}`);
    expect(reasonText(condition('discountAmount', 'gt', '500', '750.5', 'USD'), en)).toBe('discount amount US$750.50 > US$500.00');
  });

  it('writes a range as from–to and joins a list', () => {
    expect(reasonText(condition('dealAmount', 'between', ['5000', '20000'], '7500.00', 'EUR'), en)).toBe('deal amount €7,500.00 between €5,000.00–€20,000.00');
    expect(reasonText(condition('lineCount', 'between', [3, 10], 4), nl)).toBe('aantal regels 4 tussen 3–10');
    expect(reasonText(condition('currency', 'in', ['USD', 'GBP'], 'USD'), en)).toBe('currency USD is one of USD, GBP');
    expect(reasonText(condition('currency', 'notIn', ['EUR', 'CHF'], 'USD'), nl)).toBe('valuta USD is geen van EUR, CHF');
    expect(reasonText(condition('dealStage', 'in', ['contract_sent', 'closed_won'], 'closed_won'), en)).toBe('deal stage Closed won is one of Contract sent, Closed won');
  });

  it('says "field: value" when the quote has exactly the value, with yes/no and labels for codes', () => {
    expect(reasonText(condition('recurring', 'eq', true, true), en)).toBe('recurring: yes');
    expect(reasonText(condition('recurring', 'eq', false, false), nl)).toBe('terugkerend: nee');
    expect(reasonText(condition('dealStage', 'eq', 'contract_sent', 'contract_sent'), en)).toBe('deal stage: Contract sent');
    expect(reasonText(condition('ownerRole', 'eq', 'rep', 'rep'), en)).toBe('owner’s role: Sales rep');
    expect(reasonText(condition('ownerTeam', 'neq', 'Enterprise', 'SMB'), en)).toBe('owner’s team SMB ≠ Enterprise');
  });

  it('counts days in the language, and says "none" for a value the quote lacks', () => {
    expect(reasonText(condition('paymentTermsDays', 'gt', 30, 45), en)).toBe('payment terms 45 days > 30 days');
    expect(reasonText(condition('paymentTermsDays', 'gt', 30, 45), nl)).toBe('betalingstermijn 45 dagen > 30 dagen');
    expect(reasonText(condition('daysUntilExpiry', 'lt', 7, 1), en)).toBe('days until expiry 1 day < 7 days');
    expect(reasonText(condition('dealStage', 'neq', 'closed_lost', null), en)).toBe('deal stage none ≠ Closed lost');
    expect(reasonText(condition('dealStage', 'neq', 'closed_lost', null), nl)).toBe('dealfase geen ≠ Verloren');
  });

  it('names what products a quote has', () => {
    expect(reasonText(condition('product', 'contains', 'Support', ['Design', 'Support']), en)).toBe('products Design, Support include Support');
    expect(reasonText(condition('product', 'notContains', 'Hosting', ['Design']), nl)).toBe('producten Design bevatten niet Hosting');
  });

  it('says why without a condition: every quote, all quotes, or the text of an old reason', () => {
    expect(reasonText({ code: 'always' }, en)).toBe('the rule applies to every quote');
    expect(reasonText({ code: 'all-quotes' }, en)).toBe('approval is required on all quotes');
    expect(reasonText({ code: 'all-quotes' }, nl)).toBe('goedkeuring is vereist voor alle offertes');
    expect(reasonText({ code: 'legacy', text: 'discount 25.00% > 20%' }, nl)).toBe('discount 25.00% > 20%');
  });

  it('joins the reasons of a route once each', () => {
    const reasons = [condition('effectiveDiscountPercent', 'gt', 20, 25), condition('total', 'gte', '10000', '12000.00', 'EUR'), condition('effectiveDiscountPercent', 'gt', 20, 25)];
    expect(reasonsText(reasons, en)).toBe('discount 25% > 20% and total €12,000.00 ≥ €10,000.00');
    expect(reasonsText(reasons, nl)).toBe(`korting 25% > 20% en totaal ${nbsp('€ 12.000,00')} ≥ ${nbsp('€ 10.000,00')}`);
  });
});

describe('conditionText', () => {
  it('puts a rule’s condition in words without a quote', () => {
    expect(conditionText({ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }, en)).toBe('discount > 20%');
    expect(conditionText({ field: 'currency', operator: 'in', value: ['USD', 'GBP'] }, nl)).toBe('valuta is een van USD, GBP');
  });
});

describe('noteText', () => {
  it('says who was passed over, why, and who approves instead', () => {
    const movedUp: ResolutionNote = { code: 'moved-up', skipped: 'u-max', because: 'owner', to: 'u-ada' };
    expect(noteText(movedUp, nameOf, en)).toBe('Max Manager is the quote’s owner, so the step moved up to Ada Admin.');
    expect(noteText(movedUp, nameOf, nl)).toBe('Max Manager is de eigenaar van de offerte, dus ging de stap een niveau hoger naar Ada Admin.');
    expect(noteText({ code: 'moved-up', skipped: 'u-rita', because: 'not-approver', to: 'u-max' }, nameOf, en)).toBe('Rita Rep is not a manager or admin, so the step moved up to Max Manager.');
    expect(noteText({ code: 'moved-up', skipped: 'u-max', because: 'submitter', to: 'u-ada' }, nameOf, en)).toBe('Max Manager submitted the quote, so the step moved up to Ada Admin.');
  });

  it('says when the fallback approver decides, or that nobody can', () => {
    expect(noteText({ code: 'fallback', because: 'none', to: 'u-ada' }, nameOf, en)).toBe('Nobody is named (no manager, or an empty team), so the fallback approver Ada Admin decides.');
    expect(noteText({ code: 'fallback', because: 'inactive', to: 'u-ada' }, nameOf, nl)).toBe('Iedereen die genoemd is, is gedeactiveerd, dus beslist de vervangende goedkeurder Ada Admin.');
    expect(noteText({ code: 'unresolved', because: 'owner' }, nameOf, en)).toBe(
      'The one named is the quote’s owner, and there is no fallback approver: nobody can approve this step until an admin fixes the approval policy.',
    );
  });
});

describe('approverRefText', () => {
  it.each<[ApproverRef, string, string]>([
    [{ kind: 'user', userId: 'u-max' }, 'Max Manager', 'Max Manager'],
    [{ kind: 'manager', levels: 1 }, 'the owner’s manager', 'de manager van de eigenaar'],
    [{ kind: 'manager', levels: 2 }, 'the manager 2 levels up', 'de manager 2 niveaus hoger'],
    [{ kind: 'role', role: 'manager' }, 'everyone with the role Sales manager', 'iedereen met de rol Verkoopmanager'],
    [{ kind: 'team', team: 'Finance' }, 'team Finance', 'team Finance'],
    [{ kind: 'field', field: 'dealOwner' }, 'the deal owner', 'de eigenaar van de deal'],
    [{ kind: 'field', field: 'companyOwner' }, 'the company owner', 'de eigenaar van het bedrijf'],
  ])('puts %o in words', (ref, english, dutch) => {
    expect(approverRefText(ref, nameOf, en)).toBe(english);
    expect(approverRefText(ref, nameOf, nl)).toBe(dutch);
  });
});

describe('listText', () => {
  it('joins with "and" or "or" in the language', () => {
    expect(listText(['Max Manager', 'Ada Admin', 'Rita Rep'], 'disjunction', 'en')).toBe('Max Manager, Ada Admin or Rita Rep');
    expect(listText(['Max Manager', 'Ada Admin'], 'conjunction', 'nl')).toBe('Max Manager en Ada Admin');
  });
});

describe('the company country, total in base currency and quote property in words', () => {
  it('says the company country as its code', () => {
    expect(reasonText(condition('companyCountry', 'in', ['DE', 'AT'], 'DE'), en)).toBe('company country DE is one of DE, AT');
    expect(reasonText(condition('companyCountry', 'eq', 'NL', 'NL'), nl)).toBe('land van het bedrijf: NL');
  });

  it('formats the total in base currency with the base currency', () => {
    const reason = condition('totalInBaseCurrency', 'gt', '10000', '11000.00', 'USD');
    expect(reasonText(reason, en)).toBe('total in base currency US$11,000.00 > US$10,000.00');
    expect(reasonText(reason, nl)).toBe(`totaal in basisvaluta ${nbsp('US$ 11.000,00')} > ${nbsp('US$ 10.000,00')}`);
  });

  it('names the quote property and compares its text', () => {
    const reason = { code: 'condition', field: 'quoteProperty', property: 'risk_level', operator: 'eq', expected: 'high', actual: 'High' } as unknown as RouteReason;
    expect(reasonText(reason, en)).toBe('quote property risk_level High = high');
    expect(reasonText(reason, nl)).toBe('offerte-eigenschap risk_level High = high');
    const contains = { code: 'condition', field: 'quoteProperty', property: 'region', operator: 'contains', expected: 'emea', actual: 'EMEA North' } as unknown as RouteReason;
    expect(reasonText(contains, en)).toBe('quote property region EMEA North contains emea');
    expect(reasonText(contains, nl)).toBe('offerte-eigenschap region EMEA North bevat emea');
    expect(conditionText({ field: 'quoteProperty', property: 'risk_score', operator: 'gte', value: '5' }, en)).toBe('quote property risk_score ≥ 5');
  });
});
