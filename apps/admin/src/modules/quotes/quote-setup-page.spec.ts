import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { type FakeRoute } from '../../testing/fake-api';
import { acmeDeal, anna, quote, rita } from '../../testing/quotes';
import { approvalPreviewBecause, bigDiscounts, noApprovalNeeded } from '../../testing/approvals';
import { mountPage, PAGE_LOAD } from '../../testing/mount-page';
import QuoteSetupPage from './quote-setup-page.vue';

const saved = quote();
const QUOTE_PATH = `/api/v1/quotes/${saved.id}`;

const crmRoutes: Record<string, FakeRoute> = {
  'GET /api/v1/me': { status: 200, body: rita },
  'GET /api/v1/crm/deals': { status: 200, body: { items: [acmeDeal] } },
  'GET /api/v1/crm/contacts': { status: 200, body: { items: [anna] } },
  'GET /api/v1/crm/companies': { status: 200, body: { items: [{ id: acmeDeal.companyId, name: 'Acme BV', domain: null }] } },
};

function validationFailed(fields: Array<{ field: string; reason: string }>, code = 'VALIDATION_FAILED', status = 400) {
  return { status, body: { statusCode: status, code, message: fields.map((f) => `${f.field}: ${f.reason}`).join('; '), details: { fields } } };
}

function mountAt(path: string, routes: Record<string, FakeRoute>) {
  return mountPage(QuoteSetupPage, { path, routes: { ...crmRoutes, ...routes } });
}

function stepHeading(): string {
  return (document.getElementById('setup-step-heading')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('quote set-up flow', () => {
  it('offers the four steps in a labelled stepper, marks the current one and names the step in a heading', async () => {
    const { wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=terms`, { [`GET ${QUOTE_PATH}`]: { status: 200, body: saved } });

    const nav = w.get('nav');
    expect(nav.attributes('aria-label')).toBe('Quote set-up steps');
    const steps = nav.findAll('button');
    // The visible number is decoration (aria-hidden): a done step shows a check and says "(completed)".
    const names = steps.map((step) => [...step.element.querySelectorAll(':scope > span:not([aria-hidden])')].map((span) => span.textContent).join(''));
    expect(names).toEqual(['Details (completed)', 'Line items (completed)', 'Terms', 'Review']);
    expect(steps.map((step) => step.attributes('aria-current') ?? null)).toEqual([null, null, 'step', null]);
    expect(stepHeading()).toBe('Step 3 of 4: Terms');
  });

  it('names the deal picker’s icon-only dropdown button "Show deals"', async () => {
    const { wrapper: w } = await mountAt('/quotes/new', {});

    const dropdown = w.get('#quote-deal').element.parentElement?.querySelector('button[aria-haspopup="listbox"]');
    expect(dropdown?.getAttribute('aria-label')).toBe('Show deals');
    expect(dropdown?.textContent?.trim()).toBe('');
  });

  it('creates the draft with POST when leaving Details and moves to the Line items step of its edit page', async () => {
    const { api, router, wrapper: w } = await mountAt('/quotes/new', {
      'POST /api/v1/quotes': { status: 201, body: { id: saved.id } },
      [`GET ${QUOTE_PATH}`]: { status: 200, body: quote({ lineItems: [], recipientContactIds: [], dealId: null, companyId: null, companyName: null }) },
    });

    await w.get('#quote-title').setValue('Website redesign');
    await w.get('form').trigger('submit');
    await flushPromises();

    const post = api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/quotes');
    expect(post?.body).toMatchObject({ title: 'Website redesign', currency: 'EUR', lineItems: [], dealId: null, quoteDiscount: null });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/quotes/${saved.id}/edit?step=lineItems`));
    expect(stepHeading()).toBe('Step 2 of 4: Line items');
    expect(document.activeElement?.id).toBe('setup-step-heading');
  });

  it('shows a refused title at the title field and stays on Details', async () => {
    const { router, wrapper: w } = await mountAt('/quotes/new', {
      'POST /api/v1/quotes': validationFailed([{ field: 'title', reason: 'title must not be empty' }]),
    });

    await w.get('form').trigger('submit');
    await flushPromises();

    const title = w.get('#quote-title');
    expect(title.attributes('aria-invalid')).toBe('true');
    expect(w.get(`#${title.attributes('aria-describedby')}`).text()).toBe('Enter a title.');
    expect(w.get('.form-alert').text()).toBe('Check the highlighted fields.');
    expect(router.currentRoute.value.path).toBe('/quotes/new');
    expect(stepHeading()).toBe('Step 1 of 4: Details');
    expect(document.activeElement?.id).toBe('quote-title');
  });

  it('saves with PUT and the version, and shows a refused line price on the Line items step at that line’s field', async () => {
    const { api, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=terms`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`PUT ${QUOTE_PATH}`]: validationFailed([{ field: 'lineItems.1.unitPrice', reason: 'EUR has 2 decimals; "49.999" has 3' }]),
    });

    await w.get('#quote-comments').setValue('Changed comments');
    await w.get('form').trigger('submit');
    await flushPromises();

    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({ version: 1, commentsForBuyer: 'Changed comments', lineItems: [{ id: saved.lineItems[0]?.id }, { id: saved.lineItems[1]?.id }] });
    expect(stepHeading()).toBe('Step 2 of 4: Line items');
    const price = w.get('#line-1-unitPrice');
    expect(price.attributes('aria-invalid')).toBe('true');
    expect(w.get(`#${price.attributes('aria-describedby')}`).text()).toBe('Enter a price like 1500.00.');
    expect(w.get('#line-0-unitPrice').attributes('aria-invalid')).toBeUndefined();
    expect(document.activeElement?.id).toBe('line-1-unitPrice');

    await price.setValue('49.99');
    expect(w.get('#line-1-unitPrice').attributes('aria-invalid')).toBeUndefined();
  });

  it('offers labelled payment terms in days on Terms, saves them, and shows a refusal at that field', async () => {
    const { api, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=terms`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`PUT ${QUOTE_PATH}`]: validationFailed([{ field: 'paymentTermsDays', reason: 'paymentTermsDays must be a whole number of days from 0 to 365' }]),
    });

    const days = w.get('#quote-payment-terms');
    expect(w.get('label[for="quote-payment-terms"]').text()).toBe('Payment terms (days)');
    expect((days.element as HTMLInputElement).value).toBe('30');
    await days.setValue('400');
    await w.get('form').trigger('submit');
    await flushPromises();

    expect(api.calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ version: 1, paymentTermsDays: 400 });
    expect(stepHeading()).toBe('Step 3 of 4: Terms');
    expect(days.attributes('aria-invalid')).toBe('true');
    expect(w.get(`#${days.attributes('aria-describedby')?.split(' ')[0]}`).text()).toBe('Enter a whole number of days from 0 to 365.');
    expect(document.activeElement?.id).toBe('quote-payment-terms');
  });

  it('offers the quote’s language on Terms (English, Nederlands) and saves the one chosen', async () => {
    const { api, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=terms`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`PUT ${QUOTE_PATH}`]: { status: 200, body: quote({ language: 'nl', version: 2 }) },
    });

    expect(document.getElementById('quote-language-label')?.textContent?.trim()).toBe('Language of the quote');
    expect(document.getElementById('quote-language-hint')?.textContent).toBe('The buyer’s page and PDF are in this language.');
    const combobox = document.getElementById('quote-language') as HTMLElement;
    expect(combobox.textContent?.trim()).toBe('English');
    (combobox.closest('.p-select') as HTMLElement).click();
    await flushPromises();
    expect([...document.querySelectorAll('[role="option"]')].map((option) => option.textContent?.trim())).toEqual(['English', 'Nederlands']);
    [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((option) => option.textContent?.trim() === 'Nederlands')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await flushPromises();
    await w.get('form').trigger('submit');
    await flushPromises();

    expect(api.calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ version: 1, language: 'nl' });
  });

  it('offers a labelled billing period per line item, showing each line’s period', async () => {
    const { wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=lineItems`, { [`GET ${QUOTE_PATH}`]: { status: 200, body: saved } });

    const periods = [0, 1].map((index) => {
      const select = w.get(`#line-${index}-billingPeriod`);
      return [document.getElementById(select.attributes('aria-labelledby') ?? '')?.textContent, select.text()];
    });
    expect(periods).toEqual([
      ['Billing period', 'One-time'],
      ['Billing period', 'Monthly'],
    ]);
  });

  it('does not save again when nothing changed', async () => {
    const { api, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=details`, { [`GET ${QUOTE_PATH}`]: { status: 200, body: saved } });

    await w.get('form').trigger('submit');
    await flushPromises();

    expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
    expect(stepHeading()).toBe('Step 2 of 4: Line items');
  });

  it('shows the review as the buyer will see it and, when Submit is refused for a missing deal, the deal field on Details', async () => {
    const { api, router, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=review`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`POST ${QUOTE_PATH}/submit`]: validationFailed([{ field: 'dealId', reason: 'is required to submit' }], 'QUOTES.DEAL_REQUIRED', 422),
    });

    const review = w.get('.review-document');
    expect(review.get('h3').text()).toBe('Website redesign');
    expect(review.text()).toContain('Anna de Vries');
    expect(review.text()).toContain('€2,649.99');
    expect(review.text()).toContain('13.11%');
    const submit = w.findAll('button').find((button) => button.text() === 'Submit');
    expect(submit?.attributes('type')).toBe('submit');

    await w.get('form').trigger('submit');
    await flushPromises();

    expect(api.calls.find((call) => call.path === `${QUOTE_PATH}/submit`)?.body).toEqual({ version: 1 });
    expect(stepHeading()).toBe('Step 1 of 4: Details');
    expect(w.get('#quote-deal').attributes('aria-invalid')).toBe('true');
    expect(w.text()).toContain('Choose a deal before submitting.');
    expect(router.currentRoute.value.query['step']).toBe('details');
  });

  it('says in words when Submit is refused because nobody could approve the quote (QUOTES.NO_APPROVER), and stays on Review', async () => {
    const { wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=review`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`POST ${QUOTE_PATH}/submit`]: { status: 422, body: { statusCode: 422, code: 'QUOTES.NO_APPROVER', message: 'This quote needs approval, but nobody can approve it', details: { reasons: [] } } },
    });
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(stepHeading()).toBe('Step 4 of 4: Review');
    expect(w.get('[role="alert"]').text()).toContain('nobody can approve it now (no active approver other than you and the quote’s owner)');
  });

  it('says on Review whether submitting needs approval, from whom and why, asked after the last save', async () => {
    const PREVIEW = `/api/v1/approvals/quotes/${saved.id}/preview`;
    let putDone = false;
    const { api, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=terms`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`PUT ${QUOTE_PATH}`]: () => {
        putDone = true;
        return { status: 200, body: quote({ quoteDiscount: { type: 'amount', value: '900.00' }, version: 2 }) };
      },
      [`GET ${PREVIEW}`]: () => ({
        status: 200,
        body: putDone ? approvalPreviewBecause(bigDiscounts(34.07)) : noApprovalNeeded,
      }),
    });
    // Not on the editing steps: there it could only tell about the last save.
    expect(w.find('[data-testid="approval-summary"]').exists()).toBe(false);

    await w.get('#quote-discount-value').setValue('900.00');
    await w.get('form').trigger('submit');
    await flushPromises();

    expect(stepHeading()).toBe('Step 4 of 4: Review');
    const paths = api.calls.map((call) => `${call.method} ${call.path}`);
    expect(paths.indexOf(`GET ${PREVIEW}`)).toBeGreaterThan(paths.indexOf(`PUT ${QUOTE_PATH}`));
    expect(w.get('[data-testid="approval-summary"]').text()).toBe('Needs approval from Max Manager, because discount 34.07% > 20%');
  });

  it('goes to the quote page after a successful Submit', async () => {
    const { router, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=review`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`POST ${QUOTE_PATH}/submit`]: { status: 200, body: quote({ status: 'approval_not_needed', sharePath: '/q/abc', version: 2 }) },
    });

    await w.get('form').trigger('submit');

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/quotes/${saved.id}`), PAGE_LOAD);
  });

  it('saves the draft when the user leaves the flow for another page', async () => {
    const { api, router, wrapper: w } = await mountAt(`/quotes/${saved.id}/edit?step=details`, {
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`PUT ${QUOTE_PATH}`]: { status: 200, body: quote({ title: 'Website relaunch', version: 2 }) },
    });

    await w.get('#quote-title').setValue('Website relaunch');
    await router.push('/tasks');

    expect(api.calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ title: 'Website relaunch', version: 1 });
    expect(router.currentRoute.value.path).toBe('/tasks');
  });

  it('says a quote that is no longer editable cannot be edited and links to it', async () => {
    const { wrapper: w } = await mountAt(`/quotes/${saved.id}/edit`, { [`GET ${QUOTE_PATH}`]: { status: 200, body: quote({ status: 'pending_approval' }) } });

    expect(w.get('[role="alert"]').text()).toContain('This quote is Pending approval and cannot be edited.');
    expect(w.find('nav').exists()).toBe(false);
  });
});
