import { describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import { apiError, type FakeRoute } from '../../testing/fake-api';
import { quote } from '../../testing/quotes';
import { mountPage } from '../../testing/mount-page';
import SharedQuotePage from './shared-quote-page.vue';

const SLUG = 'abcDEF123_-abcDEF123_-abcDEF123_';
const SHARED = `/api/v1/shared-quotes/${SLUG}`;

function shared(overrides: Partial<ApiSchemas['SharedQuoteResponse']> = {}): ApiSchemas['SharedQuoteResponse'] {
  const { number, title, companyName, currency, expiresOn, quoteDiscount, commentsForBuyer, purchaseTerms, paymentTermsDays, language, lineItems, totals } = quote();
  return {
    number,
    title,
    status: 'approval_not_needed',
    companyName,
    currency,
    expiresOn,
    quoteDiscount,
    commentsForBuyer,
    purchaseTerms,
    paymentTermsDays,
    language,
    lineItems,
    totals,
    signature: null,
    recipients: [{ name: 'Anna de Vries', email: 'anna@acme.example' }],
    ...overrides,
  };
}

const signed = shared({ status: 'signed', signature: { name: 'Bea Buyer', email: 'bea@acme.example', signedAt: '2026-05-02T10:30:00.000Z' } });

function mountBuyerPage(routes: Record<string, FakeRoute>) {
  return mountPage(SharedQuotePage, { path: `/q/${SLUG}`, routes: { 'GET /api/v1/me': apiError(401, 'AUTH.UNAUTHENTICATED'), ...routes } });
}

function dialog(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[role="dialog"]');
  if (!element) throw new Error('no dialog open');
  return element;
}

function labelledInput(label: string): HTMLInputElement {
  const labelElement = [...dialog().querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === label);
  const input = labelElement ? document.getElementById(labelElement.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no input labelled ${label}`);
  return input;
}

function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function dialogButton(name: string): HTMLButtonElement {
  const button = [...dialog().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!button) throw new Error(`no button ${name}`);
  return button;
}

async function openSignDialog(w: VueWrapper): Promise<void> {
  const open = w.findAll('button').find((button) => button.text() === 'Accept and sign');
  expect(open?.attributes('aria-haspopup')).toBe('dialog');
  await open?.trigger('click');
  await flushPromises();
}

describe('the buyer’s page', () => {
  it('shows the quote as the buyer sees it, without the app shell, with a plain Download PDF link', async () => {
    const { wrapper: w } = await mountBuyerPage({ [`GET ${SHARED}`]: { status: 200, body: shared() } });

    expect(w.get('h1').text()).toBe('Website redesign');
    expect(w.find('nav').exists()).toBe(false);
    expect(w.get('header').text()).toContain('Quote approvals');
    const text = w.text();
    for (const expected of ['Quote Q-2026-0001', 'Acme BV', 'Anna de Vries (anna@acme.example)', 'Design', 'Hosting', '/ month', '€2,649.99', '13.11%', 'Looking forward to it.', 'Net 30.', '31 Jan 2027']) {
      expect(text).toContain(expected);
    }
    expect(w.get('[data-payment-terms]').text()).toBe('Payment terms: net 30 days');
    const pdf = w.findAll('a').find((link) => link.text() === 'Download PDF');
    expect(pdf?.attributes('href')).toBe(`${SHARED}/pdf`);
    expect(pdf?.attributes('download')).toBe('');
  });

  it('speaks the quote’s language: a quote in Dutch shows Dutch texts, dates and amounts, not kept as the visitor’s choice', async () => {
    const { wrapper: w } = await mountBuyerPage({ [`GET ${SHARED}`]: { status: 200, body: shared({ language: 'nl' }) } });

    const text = w.text();
    for (const expected of ['Offerte Q-2026-0001', '31 jan 2027']) expect(text).toContain(expected);
    expect(text).toMatch(/€\s2\.649,99/);
    expect(w.findAll('a').some((link) => link.text() === 'Download PDF')).toBe(false);
    expect(w.findAll('button').some((button) => button.text() === 'Accept and sign')).toBe(false);
    expect(document.documentElement.lang).toBe('nl');
    // Not kept as the visitor's own choice.
    expect(globalThis.localStorage.getItem('qa.locale')).toBeNull();
  });

  it('opens an Accept and sign dialog with labelled Name and E-mail fields and signs with them', async () => {
    const { api, wrapper: w } = await mountBuyerPage({
      [`GET ${SHARED}`]: { status: 200, body: shared() },
      [`POST ${SHARED}/sign`]: { status: 200, body: signed },
    });

    await openSignDialog(w);
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog().getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Accept and sign');
    typeInto(labelledInput('Name'), ' Bea Buyer ');
    typeInto(labelledInput('E-mail'), 'bea@acme.example');
    dialogButton('Accept and sign').click();
    await flushPromises();

    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Bea Buyer', email: 'bea@acme.example' });
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(w.get('#signature-message').text()).toMatch(/^Signed by Bea Buyer on 2 May 2026, \d{2}:\d{2}$/);
    expect(w.findAll('button').some((button) => button.text() === 'Accept and sign')).toBe(false);
    expect(document.activeElement?.id).toBe('signature-message');
  });

  it('asks for a name and a valid e-mail before sending anything', async () => {
    const { api, wrapper: w } = await mountBuyerPage({ [`GET ${SHARED}`]: { status: 200, body: shared() } });

    await openSignDialog(w);
    typeInto(labelledInput('E-mail'), 'not-an-email');
    dialogButton('Accept and sign').click();
    await flushPromises();

    const name = labelledInput('Name');
    const email = labelledInput('E-mail');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter your name.');
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter a valid e-mail address.');
    expect(document.activeElement).toBe(name);
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('shows the signature of a quote that was already signed, and no sign button', async () => {
    const { wrapper: w } = await mountBuyerPage({ [`GET ${SHARED}`]: { status: 200, body: signed } });

    expect(w.get('#signature-message').text()).toContain('Signed by Bea Buyer on 2 May 2026');
    expect(w.findAll('button').some((button) => button.text() === 'Accept and sign')).toBe(false);
  });

  it('says "This quote is not available" for a recalled, expired or unknown link', async () => {
    const { wrapper: w } = await mountBuyerPage({ [`GET ${SHARED}`]: apiError(404, 'QUOTES.NOT_FOUND') });

    expect(w.get('h1').text()).toBe('This quote is not available');
    expect(w.text()).toContain('Ask your contact for a new link.');
    expect(w.findAll('a').some((link) => link.text() === 'Download PDF')).toBe(false);
  });

  it('shows the not-available page when the link stops working while the buyer signs', async () => {
    const { wrapper: w } = await mountBuyerPage({
      [`GET ${SHARED}`]: { status: 200, body: shared() },
      [`POST ${SHARED}/sign`]: apiError(404, 'QUOTES.NOT_FOUND'),
    });

    await openSignDialog(w);
    typeInto(labelledInput('Name'), 'Bea Buyer');
    typeInto(labelledInput('E-mail'), 'bea@acme.example');
    dialogButton('Accept and sign').click();
    await flushPromises();

    await vi.waitFor(() => expect(w.get('h1').text()).toBe('This quote is not available'));
  });

  it('states the payment terms in net days, one day as "day"', async () => {
    for (const [days, expected] of [
      [14, 'Payment terms: net 14 days'],
      [1, 'Payment terms: net 1 day'],
      [0, 'Payment terms: net 0 days'],
    ] as const) {
      const { wrapper: w } = await mountBuyerPage({ [`GET ${SHARED}`]: { status: 200, body: shared({ paymentTermsDays: days }) } });
      expect(w.get('[data-payment-terms]').text()).toBe(expected);
      w.unmount();
    }
  });

  it('is a public route: the buyer needs no login', async () => {
    const { router } = await mountBuyerPage({ [`GET ${SHARED}`]: { status: 200, body: shared() } });

    expect(router.currentRoute.value.name).toBe('shared-quote');
    expect(router.currentRoute.value.meta.public).toBe(true);
  });
});
