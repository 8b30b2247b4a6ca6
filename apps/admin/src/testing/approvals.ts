// Test-only: approval settings, approval pages and approval workflows as the API answers them.
import type { ApiSchemas } from '@qa/shared-api-client';
import { quote, rita } from './quotes';

export const max = { id: '0190a000-0000-7000-8000-00000000a002', email: 'manager@example.com', name: 'Max Manager', role: 'manager' as const, active: true };
export const adaUser = { id: 'u-ada', email: 'admin@example.com', name: 'Ada Admin', role: 'admin' as const, active: true };
export const maxMe: ApiSchemas['MeResponse'] = { id: max.id, email: max.email, name: max.name, role: 'manager' };

export function approvalSettings(overrides: Partial<ApiSchemas['ApprovalSettingsResponse']> = {}): ApiSchemas['ApprovalSettingsResponse'] {
  return { requireApproval: false, defaultApproverId: null, rules: [], version: 0, updatedAt: '2026-05-01T09:00:00.000Z', ...overrides };
}

const WORKFLOW_NAMES = ['When quotes need approval', 'When changes are requested on a quote', 'When quotes are approved', 'When a quote is withdrawn from approval'];

export function approvalWorkflows(enabled = true, setKey = 'quote-approvals-v1'): ApiSchemas['WorkflowResponse'][] {
  return WORKFLOW_NAMES.map((name, index) => ({
    id: `0190a000-0000-7000-8000-0000000bf00${index + 1}`,
    name,
    enabled,
    objectType: 'quote',
    trigger: { type: 'status_becomes', status: 'pending_approval' },
    conditions: [],
    reenrollment: 'never',
    actions: [],
    setKey,
    version: 1,
    runs: 0,
    updatedAt: '2026-05-01T09:00:00.000Z',
  }));
}

export function round(overrides: Partial<ApiSchemas['ApprovalRoundResponse']> = {}): ApiSchemas['ApprovalRoundResponse'] {
  return {
    round: 1,
    status: 'pending',
    approverIds: [max.id],
    submittedBy: rita.id,
    mode: 'any',
    reasons: ['discount 25.00% > 20%'],
    decisions: [],
    openedAt: '2026-05-01T10:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

/** Round 2 after changes were requested in round 1: the Design line's discount went from 25% to 15%. */
export function secondRoundPage(overrides: Partial<ApiSchemas['ApprovalPageResponse']> = {}): ApiSchemas['ApprovalPageResponse'] {
  const first = round({
    status: 'changes_requested',
    decisions: [{ approverId: max.id, decision: 'request_changes', notes: 'Lower the discount to 15%', at: '2026-05-01T11:00:00.000Z' }],
    decidedAt: '2026-05-01T11:00:00.000Z',
  });
  const second = round({ round: 2, openedAt: '2026-05-01T12:00:00.000Z' });
  return {
    quoteId: pendingQuote.id,
    current: second,
    rounds: [first, second],
    approvers: [{ id: max.id, name: max.name, active: true }],
    changes: {
      lines: [
        { kind: 'changed', productName: 'Design', changes: { discount: ['25.00%', '15.00%'], net: ['2250.00', '2550.00'] } },
        { kind: 'added', productName: 'Support', changes: {} },
        { kind: 'removed', productName: 'Hosting', changes: {} },
      ],
      quote: { total: ['2199.99', '2449.99'] },
    },
    canDecide: true,
    ...overrides,
  };
}

export const pendingQuote = quote({
  status: 'pending_approval',
  version: 4,
  history: [
    { status: 'draft', previousStatus: null, at: '2026-05-01T09:00:00.000Z', by: rita.id, note: null },
    { status: 'pending_approval', previousStatus: 'draft', at: '2026-05-01T10:00:00.000Z', by: rita.id, note: null },
  ],
});

export const people = [
  { id: rita.id, name: 'Rita Rep' },
  { id: max.id, name: 'Max Manager' },
  { id: adaUser.id, name: 'Ada Admin' },
];
