import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { type FakeRoute } from '../../testing/fake-api';
import { acmeDeal, anna, quote, rita } from '../../testing/quotes';
import { mountPage } from '../../testing/mount-page';
import { boundsWords, brokenLimitsOf, editableWithinLimits, type QuoteApprovalLimits } from './approval-limits';
import { formatMoney, formatPercent } from '../../i18n/format';
import { formFromQuote, toDetailsRequest } from './quote-form';
import QuoteDetailPage from './quote-detail-page.vue';
import QuoteSetupPage from './quote-setup-page.vue';

// The testing quote: Design 2 × €1,500.00 at 10% off, Hosting €49.99, €100.00 off the subtotal of €2,749.99: €2,649.99.
const limits: QuoteApprovalLimits = { maxDiscountPercent: '15.00', minTotal: '2400.00', currency: 'EUR' };
const published = quote({ status: 'published', sharePath: '/q/slug-1', approvalLimits: limits, version: 3 });
const QUOTE_PATH = `/api/v1/quotes/${published.id}`;

/** The save body of the testing quote with `change` applied to its form. */
function details(change: (form: ReturnType<typeof formFromQuote>) => void = () => {}) {
  const form = formFromQuote(published);
  change(form);
  return toDetailsRequest(form, 'en');
}

const routes: Record<string, FakeRoute> = {
  'GET /api/v1/me': { status: 200, body: rita },
  'GET /api/v1/users/names': { status: 200, body: { items: [{ id: rita.id, name: 'Rita Rep' }] } },
  'GET /api/v1/crm/deals': { status: 200, body: { items: [acmeDeal] } },
  'GET /api/v1/crm/contacts': { status: 200, body: { items: [anna] } },
  'GET /api/v1/crm/companies': { status: 200, body: { items: [{ id: acmeDeal.companyId, name: 'Acme BV', domain: null }] } },
  'POST /api/v1/quotes/approval-preview': { status: 200, body: { required: false, complete: true, approverIds: [], route: null, people: [] } },
};

describe('a change against the approved limits (as the API checks it)', () => {
  it('is within them at exactly the bounds: 15% off a line, the total at exactly the minimum', () => {
    expect(brokenLimitsOf(details(), limits)).toEqual([]);
    expect(brokenLimitsOf(details((f) => (f.lineItems[0]!.discount.value = '15')), limits)).toEqual([]);
    // €2,649.99 total; a minimum of exactly that is met.
    expect(brokenLimitsOf(details(), { ...limits, minTotal: '2649.99' })).toEqual([]);
  });

  it('names each bound broken: a line’s percent, the quote discount’s share of the subtotal (rounded up), the total', () => {
    expect(brokenLimitsOf(details((f) => (f.lineItems[0]!.discount.value = '15.01')), limits)).toEqual([
      { bound: 'maxDiscountPercent', limit: '15.00', actual: '15.01', on: 'line', lineId: published.lineItems[0]!.id, productName: 'Design' },
    ]);
    // €412.50 of the €2,749.99 subtotal is 15.00005…%; €412.49 is 14.9996…%.
    expect(brokenLimitsOf(details((f) => (f.quoteDiscount.value = '412.49')), { ...limits, minTotal: null })).toEqual([]);
    expect(brokenLimitsOf(details((f) => (f.quoteDiscount.value = '412.50')), { ...limits, minTotal: null })).toEqual([{ bound: 'maxDiscountPercent', limit: '15.00', actual: '15.01', on: 'quote' }]);
    expect(brokenLimitsOf(details(), { ...limits, minTotal: '2650.00' })).toEqual([{ bound: 'minTotal', limit: '2650.00', actual: '2649.99', currency: 'EUR' }]);
    expect(brokenLimitsOf(details((f) => (f.currency = 'USD')), limits)).toEqual([{ bound: 'minTotal', limit: '2400.00', actual: '2649.99', currency: 'EUR', actualCurrency: 'USD' }]);
  });

  it('is for approved or published quotes that have limits', () => {
    expect([editableWithinLimits(published), editableWithinLimits({ ...published, approvalLimits: null }), editableWithinLimits({ ...published, status: 'signed' })]).toEqual([true, false, false]);
  });

  it('words the bounds in English and Dutch', () => {
    const words = (locale: string, t: (key: string, params?: Record<string, unknown>) => string) => boundsWords(limits, { t, money: (a, c) => formatMoney(a, c, locale), percent: (v) => formatPercent(v, locale) });
    const en = (key: string, params: Record<string, unknown> = {}) => ({ 'approvalLimits.maxDiscount': `discount at most ${params['percent']}`, 'approvalLimits.minTotal': `total at least ${params['amount']}`, 'approvalLimits.and': ', ' })[key] ?? key;
    expect(words('en', en)).toBe('discount at most 15%, total at least €2,400.00');
    expect(words('nl', en).replace(/\s/g, ' ')).toBe('discount at most 15%, total at least € 2.400,00');
  });
});

describe('the quote screen of a quote approved with limits', () => {
  it('shows the limits and offers Edit; without limits neither', async () => {
    const { wrapper: w } = await mountPage(QuoteDetailPage, { path: `/quotes/${published.id}`, routes: { ...routes, [`GET ${QUOTE_PATH}`]: { status: 200, body: published } } });
    expect(w.get('[data-testid="approval-limits"]').text()).toContain('Approved with limits: discount at most 15%, total at least €2,400.00.');
    expect(w.findAll('a').some((link) => link.text() === 'Edit')).toBe(true);
    w.unmount();

    const { wrapper: plain } = await mountPage(QuoteDetailPage, { path: `/quotes/${published.id}`, routes: { ...routes, [`GET ${QUOTE_PATH}`]: { status: 200, body: { ...published, approvalLimits: null } } } });
    expect(plain.find('[data-testid="approval-limits"]').exists()).toBe(false);
    expect(plain.findAll('a').some((link) => link.text() === 'Edit')).toBe(false);
  });

  it('says in the history that a change was within the approved limits (Dutch too)', async () => {
    const history = [...published.history, { status: 'published' as const, previousStatus: 'published' as const, at: '2026-05-04T09:00:00.000Z', by: rita.id, note: null, approvalLimitsCheck: { code: 'changed-within-approved-limits' as const, broken: [] } }];
    const { wrapper: w } = await mountPage(QuoteDetailPage, { path: `/quotes/${published.id}`, locale: 'nl', routes: { ...routes, [`GET ${QUOTE_PATH}`]: { status: 200, body: { ...published, history } } } });
    expect(w.get('[data-testid="history-limits"]').text()).toBe('Gewijzigd binnen de goedgekeurde grenzen');
  });
});

describe('editing a quote approved with limits', () => {
  it('saves a change within the limits at once and says it stays approved', async () => {
    const { api, wrapper: w } = await mountPage(QuoteSetupPage, {
      path: `/quotes/${published.id}/edit?step=lineItems`,
      routes: {
        ...routes,
        [`GET ${QUOTE_PATH}`]: { status: 200, body: published },
        [`PUT ${QUOTE_PATH}`]: { status: 200, body: { ...published, version: 4, approvalLimitsCheck: { code: 'changed-within-approved-limits', broken: [] } } },
      },
    });
    expect(w.get('[data-testid="approval-limits"]').text()).toContain('discount at most 15%, total at least €2,400.00');

    await w.get('#line-0-discount-value').setValue('12');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(api.calls.filter((call) => call.method === 'PUT').map((call) => (call.body as { version: number }).version)).toEqual([3]);
    expect(document.body.querySelector('[data-testid="limits-warning"]')).toBeNull();
    expect(w.text()).toContain('Saved within the approved limits: the quote stays approved.');
  });

  it('warns before saving a change beyond them, saves only once confirmed, and says the quote is back in Draft', async () => {
    const { api, wrapper: w } = await mountPage(QuoteSetupPage, {
      path: `/quotes/${published.id}/edit?step=lineItems`,
      routes: {
        ...routes,
        [`GET ${QUOTE_PATH}`]: { status: 200, body: published },
        [`PUT ${QUOTE_PATH}`]: {
          status: 200,
          body: {
            ...published,
            status: 'draft',
            sharePath: null,
            approvalLimits: null,
            version: 4,
            approvalLimitsCheck: { code: 'approval-limits-exceeded', broken: [{ bound: 'maxDiscountPercent', limit: '15.00', actual: '20.00', on: 'line', productName: 'Design' }] },
          },
        },
      },
    });

    await w.get('#line-0-discount-value').setValue('20');
    await w.get('form').trigger('submit');
    await flushPromises();
    const dialog = document.body.querySelector('[data-testid="limits-warning"]');
    expect(dialog?.textContent).toContain('Beyond the approved limits');
    expect(dialog?.querySelector('li')?.textContent).toBe('Design: 20% off, at most 15%');
    expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);

    const confirm = [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Save and send back to Draft');
    confirm?.click();
    await flushPromises();
    expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
    expect(w.text()).toContain('The change went beyond the approved limits: the quote is back in Draft and needs approval again.');
  });
});
