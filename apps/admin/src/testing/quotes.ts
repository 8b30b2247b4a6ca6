// Test-only: quotes as the API answers them, for the quotes specs.
import type { ApiSchemas } from '@qa/shared-api-client';

type Quote = ApiSchemas['QuoteResponse'];
type ListItem = ApiSchemas['QuoteListItemResponse'];

export const rita = { id: '0190a000-0000-7000-8000-00000000a001', email: 'rep@example.com', name: 'Rita Rep', role: 'rep' as const };

/** The list's row of quote() (the same quote), with `overrides`. */
export function listItem(overrides: Partial<ListItem> = {}): ListItem {
  const { id, number, title, status, ownerId, companyName, dealId, currency, totals, expiresOn, updatedAt, version, sharePath } = quote();
  return { id, number, title, status, ownerId, companyName, dealId, currency, total: totals.total, expiresOn, updatedAt, version, sharePath, ...overrides };
}

export function quote(overrides: Partial<Quote> = {}): Quote {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    number: 'Q-2026-0001',
    title: 'Website redesign',
    status: 'draft',
    ownerId: rita.id,
    dealId: '0190a000-0000-7000-8000-00000000d001',
    companyId: '0190a000-0000-7000-8000-00000000c001',
    companyName: 'Acme BV',
    recipientContactIds: ['0190a000-0000-7000-8000-00000000e001'],
    dealName: 'Acme website',
    recipients: [{ id: '0190a000-0000-7000-8000-00000000e001', name: 'Anna de Vries', email: 'anna@acme.example' }],
    currency: 'EUR',
    expiresOn: '2027-01-31',
    quoteDiscount: { type: 'amount', value: '100.00' },
    approvalLimits: null,
    commentsForBuyer: 'Looking forward to it.',
    purchaseTerms: 'Net 30.',
    paymentTermsDays: 30,
    language: 'en',
    lineItems: [
      {
        id: '0190a000-0000-7000-8000-00000000f001',
        productName: 'Design',
        description: '',
        quantity: 2,
        unitPrice: '1500.00',
        discount: { type: 'percent', value: '10.00' },
        billingPeriod: 'one_time',
        gross: '3000.00',
        discountAmount: '300.00',
        net: '2700.00',
      },
      {
        id: '0190a000-0000-7000-8000-00000000f002',
        productName: 'Hosting',
        description: 'Managed',
        quantity: 1,
        unitPrice: '49.99',
        discount: null,
        billingPeriod: 'monthly',
        gross: '49.99',
        discountAmount: '0.00',
        net: '49.99',
      },
    ],
    totals: { gross: '3049.99', subtotal: '2749.99', quoteDiscount: '100.00', total: '2649.99', effectiveDiscountPercent: '13.11', largestLineDiscountPercent: '10.00' },
    sharePath: null,
    signature: null,
    history: [{ status: 'draft', previousStatus: null, at: '2026-05-01T09:00:00.000Z', by: rita.id, note: null }],
    version: 1,
    createdAt: '2026-05-01T09:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export const acmeDeal: ApiSchemas['DealResponse'] = {
  id: '0190a000-0000-7000-8000-00000000d001',
  name: 'Acme website',
  amount: '24000.00',
  currency: 'EUR',
  ownerId: rita.id,
  stage: 'qualified_to_buy',
  companyId: '0190a000-0000-7000-8000-00000000c001',
};

export const anna: ApiSchemas['ContactResponse'] = {
  id: '0190a000-0000-7000-8000-00000000e001',
  name: 'Anna de Vries',
  email: 'anna@acme.example',
  companyId: '0190a000-0000-7000-8000-00000000c001',
};
