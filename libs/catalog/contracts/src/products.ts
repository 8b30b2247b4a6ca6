import { Query } from '@nestjs/cqrs';

/** How often a product is billed: once, or per period (the same values as a quote line's billing period). */
export const PRODUCT_BILLING_PERIODS = ['one_time', 'monthly', 'quarterly', 'yearly'] as const;
export type ProductBillingPeriod = (typeof PRODUCT_BILLING_PERIODS)[number];

export const PRODUCT_STATUSES = ['active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** What a quote line needs of a library product, in one currency. */
export interface ProductForLine {
  id: string;
  sku: string;
  name: string;
  description: string;
  billingPeriod: ProductBillingPeriod;
  /** A tax category code (e.g. `standard`); rates per category and country come with taxes. */
  taxCategory: string;
  status: ProductStatus;
  /** The product's price in the asked currency; null when it has none in that currency. */
  price: { unitPriceMinor: number; unitCostMinor: number | null } | null;
}

/**
 * The library products with these ids, priced in `currency` (ids of unknown products are absent
 * from the answer; archived products are present, with their status). Send it on the QueryBus; the
 * catalog context answers. The quotes context uses it to check a line's product and to keep its
 * SKU and unit cost on the line.
 */
export class GetProductsForLinesQuery extends Query<ProductForLine[]> {
  constructor(
    readonly productIds: readonly string[],
    readonly currency: string,
  ) {
    super();
  }
}
