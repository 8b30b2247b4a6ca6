import { EntitySchema, type EventArgs } from '@mikro-orm/core';
import { ApprovalRequest, ApprovalSettings } from '@qa/approvals-domain';

export const ApprovalSettingsSchema = new EntitySchema<ApprovalSettings>({
  class: ApprovalSettings,
  tableName: 'approvals_settings',
  properties: {
    id: { type: 'string', primary: true, length: 20 },
    version: { type: 'integer', version: true },
    requireApproval: { type: 'boolean' },
    defaultApproverId: { type: 'string', length: 36, nullable: true },
    rules: { type: 'json' },
    baseCurrency: { type: 'string', length: 3, default: 'EUR' },
    // Null in rows saved before rates were kept: none (the repository reads it as {}).
    exchangeRates: { type: 'json', nullable: true },
    updatedAt: { type: 'datetime' },
    updatedBy: { type: 'string', length: 36, nullable: true },
  },
});

export const ApprovalRequestSchema = new EntitySchema<ApprovalRequest>({
  class: ApprovalRequest,
  tableName: 'approvals_request',
  uniques: [{ name: 'approvals_request_quote_round_unique', properties: ['quoteId', 'round'] }],
  hooks: {
    // Rounds opened before activity was kept have none.
    onLoad: [({ entity }: EventArgs<ApprovalRequest>) => void (entity.activity ??= [])],
  },
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    quoteId: { type: 'string', length: 36 },
    quoteVersion: { type: 'integer' },
    round: { type: 'integer' },
    ownerId: { type: 'string', length: 36 },
    submittedBy: { type: 'string', length: 36, nullable: true },
    approverIds: { type: 'json' },
    route: { type: 'json' },
    currentStep: { type: 'integer', default: 0 },
    status: { type: 'string', length: 20 },
    decisions: { type: 'json' },
    // Null in rounds opened before it was kept: none (the repository reads it as []).
    activity: { type: 'json', nullable: true },
    snapshot: { type: 'json' },
    openedAt: { type: 'datetime' },
    decidedAt: { type: 'datetime', nullable: true },
  },
});

export const approvalsEntities = [ApprovalSettingsSchema, ApprovalRequestSchema];
