import { integrationEvent } from '@qa/shared-kernel';

export interface CatalogCreatedPayload extends Record<string, unknown> {
  catalogId: string;
  name: string;
}

/** A catalog was created. A payload change that would break a subscriber is a new name (`.v2`). */
export const CatalogCreated = integrationEvent<CatalogCreatedPayload>('catalog.catalog.created.v1');
