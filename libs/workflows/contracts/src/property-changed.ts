import { integrationEvent } from '@qa/shared-kernel';

export type PropertyValue = string | number | boolean | null;

export interface PropertyChangedPayload extends Record<string, unknown> {
  recordType: string;
  recordId: string;
  property: string;
  value: PropertyValue;
  previousValue: PropertyValue;
  /** The record's owner, when known, so the owner sees it live. */
  ownerId: string | null;
  runId: string | null;
}

export const PropertyChanged = integrationEvent<PropertyChangedPayload>('workflows.property.changed.v1');
