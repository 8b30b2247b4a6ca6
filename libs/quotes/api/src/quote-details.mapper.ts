import type { Discount, QuoteDetails } from '@qa/quotes-domain';
import { invalidField, parseMoneyInput } from '@qa/shared-kernel';
import type { DiscountRequest, QuoteDetailsRequest } from './quote.dtos';

/** A percentage "12.5" as basis points (1250), 0–100 with at most two decimals. */
function percentToBp(value: string, field: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value);
  const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
  if (!match || bp > 10_000) throw invalidField(field, 'must be a percentage from 0 to 100 with at most two decimals');
  return bp;
}

function toDiscount(discount: DiscountRequest | null | undefined, currency: string, field: string): Discount | null {
  if (!discount) return null;
  return discount.type === 'percent'
    ? { kind: 'percent', basisPoints: percentToBp(discount.value, `${field}.value`) }
    : { kind: 'amount', amountMinor: parseMoneyInput(discount.value, currency, `${field}.value`) };
}

/** The request's decimal strings as the domain's exact minor units; bad amounts name their field. */
export function toQuoteDetails(body: QuoteDetailsRequest): QuoteDetails {
  const currency = body.currency ?? 'EUR';
  if (Number.isNaN(new Date(`${body.expiresOn}T00:00:00Z`).getTime())) throw invalidField('expiresOn', 'is not a calendar date');
  return {
    title: body.title,
    dealId: body.dealId ?? null,
    companyId: body.companyId ?? null,
    recipientContactIds: [...new Set(body.recipientContactIds ?? [])],
    currency,
    expiresOn: body.expiresOn,
    quoteDiscount: toDiscount(body.quoteDiscount, currency, 'quoteDiscount'),
    commentsForBuyer: body.commentsForBuyer ?? '',
    purchaseTerms: body.purchaseTerms ?? '',
    paymentTermsDays: body.paymentTermsDays,
    language: body.language,
    lineItems: body.lineItems.map((line, i) => ({
      id: line.id ?? '',
      productName: line.productName.trim(),
      description: line.description ?? '',
      quantity: line.quantity,
      unitPriceMinor: parseMoneyInput(line.unitPrice, currency, `lineItems.${i}.unitPrice`),
      discount: toDiscount(line.discount, currency, `lineItems.${i}.discount`),
      billingPeriod: line.billingPeriod ?? undefined,
    })),
  };
}
