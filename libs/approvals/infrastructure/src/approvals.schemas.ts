import { EntitySchema, type EventArgs } from '@mikro-orm/core';
import { ApprovalRequest, ApprovalSettings, Delegation, ApprovalTimer } from '@qa/approvals-domain';
import { ApprovalLinkUseSchema } from './approval-link-use.schema';
import { PolicyDryRunSchema } from './policy-dry-run.schema';
import { PolicyVersionSchema } from './policy-version.schema';

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
    // Null in rows saved before business hours were kept: the defaults.
    businessHours: { type: 'json', nullable: true },
    // Null in rows saved before it was kept: the default (24 hours).
    reminderCooldownHours: { type: 'integer', nullable: true },
    updatedAt: { type: 'datetime' },
    updatedBy: { type: 'string', length: 36, nullable: true },
  },
});

export const ApprovalRequestSchema = new EntitySchema<ApprovalRequest>({
  class: ApprovalRequest,
  tableName: 'approvals_request',
  uniques: [{ name: 'approvals_request_quote_round_unique', properties: ['quoteId', 'round'] }],
  // Delegations and deactivations look for the pending rounds.
  indexes: [{ name: 'approvals_request_status_index', properties: ['status'] }],
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

export const ApprovalTimerSchema = new EntitySchema<ApprovalTimer>({
  class: ApprovalTimer,
  tableName: 'approvals_timer',
  uniques: [{ name: 'approvals_timer_step_kind_unique', properties: ['requestId', 'round', 'step', 'kind'] }],
  // The sweep's question: scheduled timers by due time.
  indexes: [{ name: 'approvals_timer_state_due_index', properties: ['state', 'dueAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    requestId: { type: 'string', length: 36 },
    round: { type: 'integer' },
    step: { type: 'integer' },
    kind: { type: 'string', length: 10 },
    escalateTo: { type: 'string', length: 10, nullable: true },
    dueAt: { type: 'datetime' },
    state: { type: 'string', length: 10 },
    endedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});

/** Out-of-office windows of approvers with their delegates (time is data: no timer starts or ends one). */
export const ApprovalDelegationSchema = new EntitySchema<Delegation>({
  class: Delegation,
  tableName: 'approvals_delegation',
  // Who stands in now: delegations not cancelled that end after a moment; an approver's own list.
  indexes: [
    { name: 'approvals_delegation_ends_at_index', properties: ['endsAt'] },
    { name: 'approvals_delegation_approver_index', properties: ['approverId', 'startsAt'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    approverId: { type: 'string', length: 36 },
    delegateId: { type: 'string', length: 36 },
    startsAt: { type: 'datetime' },
    endsAt: { type: 'datetime' },
    note: { type: 'string', length: 500, nullable: true },
    createdBy: { type: 'string', length: 36 },
    createdAt: { type: 'datetime' },
    cancelledAt: { type: 'datetime', nullable: true },
  },
});

export const approvalsEntities = [ApprovalSettingsSchema, ApprovalRequestSchema, ApprovalDelegationSchema, ApprovalTimerSchema, ApprovalLinkUseSchema, PolicyVersionSchema, PolicyDryRunSchema];
