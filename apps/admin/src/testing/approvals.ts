// Test-only: approval settings, approval pages and approval workflows as the API answers them.
import type { ApiSchemas } from '@qa/shared-api-client';
import { quote, rita } from './quotes';

export const max = { id: '0190a000-0000-7000-8000-00000000a002', email: 'manager@example.com', name: 'Max Manager', role: 'manager' as const, active: true };
export const adaUser = { id: 'u-ada', email: 'admin@example.com', name: 'Ada Admin', role: 'admin' as const, active: true };
export const maxMe: ApiSchemas['MeResponse'] = { id: max.id, email: max.email, name: max.name, role: 'manager' };

export function approvalSettings(overrides: Partial<ApiSchemas['ApprovalSettingsResponse']> = {}): ApiSchemas['ApprovalSettingsResponse'] {
  return {
    requireApproval: false,
    defaultApproverId: null,
    rules: [],
    baseCurrency: 'EUR',
    exchangeRates: {},
    // The API's default working week.
    businessHours: { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
    reminderCooldownHours: 24,
    version: 0,
    updatedAt: '2026-05-01T09:00:00.000Z',
    ...overrides,
  };
}

/** GET /api/v1/approvals/condition-fields as the API answers it: each field with its type and operators. */
export function conditionFields(): ApiSchemas['ConditionFieldResponse'][] {
  const numeric = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'] as const;
  const choice = ['eq', 'neq', 'in', 'notIn'] as const;
  const fields: Array<[ApiSchemas['ConditionFieldResponse']['field'], ApiSchemas['ConditionFieldResponse']['type'], readonly ApiSchemas['ConditionFieldResponse']['operators'][number][]]> = [
    ['total', 'money', numeric],
    ['discountAmount', 'money', numeric],
    ['effectiveDiscountPercent', 'percent', numeric],
    ['largestLineDiscountPercent', 'percent', numeric],
    ['lineCount', 'count', numeric],
    ['product', 'products', ['contains', 'notContains']],
    ['recurring', 'boolean', ['eq']],
    ['paymentTermsDays', 'days', numeric],
    ['daysUntilExpiry', 'days', numeric],
    ['currency', 'currency', choice],
    ['dealStage', 'dealStage', choice],
    ['dealAmount', 'money', numeric],
    ['ownerRole', 'role', choice],
    ['ownerTeam', 'text', choice],
    ['companyCountry', 'country', choice],
    ['totalInBaseCurrency', 'money', numeric],
    ['quoteProperty', 'property', ['eq', 'neq', 'in', 'notIn', 'contains', 'gt', 'gte', 'lt', 'lte']],
  ];
  return fields.map(([field, type, operators]) => ({ field, type, operators: [...operators] }));
}

const WORKFLOW_NAMES = [
  'When quotes need approval',
  'When changes are requested on a quote',
  'When quotes are approved',
  'When a quote is withdrawn from approval',
  'When an approval step starts',
];

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

/** Why the quote needs approval, as the API sends it: "Big discounts" matched on discount `actual`% > 20%. */
export function bigDiscounts(actual: number): ApiSchemas['RuleMatchResponse'] {
  return {
    ruleId: 'r-big',
    ruleName: 'Big discounts',
    // The schema types a reason's values loosely; these are what the API sends.
    reasons: [{ code: 'condition', field: 'effectiveDiscountPercent', operator: 'gt', expected: 20, actual } as unknown as ApiSchemas['RouteReasonResponse']],
  };
}

/** "Big discounts" matched on discount 25% > 20%. */
export const bigDiscountsMatch = bigDiscounts(25);

/** Why when no rule matched: the account requires approval on all quotes. */
export const allQuotesMatch: ApiSchemas['RuleMatchResponse'] = { ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] };

type RouteGroupResponse = ApiSchemas['RouteGroupResponse'];
type RouteApproverResponse = ApiSchemas['RouteApproverResponse'];

/** One approver of a route group (waiting by default). */
export function routeApprover(userId: string, overrides: Partial<RouteApproverResponse> = {}): RouteApproverResponse {
  return { userId, state: 'waiting', at: null, notes: null, carriedFromRound: null, ...overrides };
}

/** A route group of named users (`refs`: one user ref each), any one of whom approves by default. */
export function routeGroup(approvers: RouteApproverResponse[], overrides: Partial<RouteGroupResponse> = {}): RouteGroupResponse {
  return {
    mode: 'any',
    state: approvers.some((approver) => approver.state === 'pending') ? 'pending' : 'waiting',
    refs: approvers.map((approver) => ({ kind: 'user' as const, userId: approver.userId })),
    ruleIds: ['r-big'],
    notes: [],
    approvers,
    ...overrides,
  };
}

/** The route of a pending round: one step, Max Manager decides, because of "Big discounts". */
export function pendingRoute(overrides: Partial<ApiSchemas['RouteTimelineResponse']> = {}): ApiSchemas['RouteTimelineResponse'] {
  return {
    policyVersion: 1,
    currentStep: 1,
    rules: [bigDiscountsMatch],
    steps: [{ step: 1, state: 'pending', groups: [routeGroup([routeApprover(max.id, { state: 'pending' })])] }],
    ...overrides,
  };
}

export function round(overrides: Partial<ApiSchemas['ApprovalRoundResponse']> = {}): ApiSchemas['ApprovalRoundResponse'] {
  return {
    round: 1,
    status: 'pending',
    approverIds: [max.id],
    currentApproverIds: [max.id],
    submittedBy: rita.id,
    route: pendingRoute(),
    decisions: [],
    activity: [],
    limits: null,
    openedAt: '2026-05-01T10:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

/** An approval preview: required, the route it would get (every step waiting) and the people it names. */
export function approvalPreview(overrides: Partial<ApiSchemas['ApprovalPreviewResponse']> = {}): ApiSchemas['ApprovalPreviewResponse'] {
  return {
    required: true,
    complete: true,
    route: pendingRoute({ currentStep: null, steps: [{ step: 1, state: 'waiting', groups: [routeGroup([routeApprover(max.id)])] }] }),
    people: [{ id: max.id, name: max.name, active: true }],
    ...overrides,
  };
}

/** The preview of approval by Max Manager, for these reasons. */
export function approvalPreviewBecause(...rules: Array<ApiSchemas['RuleMatchResponse']>): ApiSchemas['ApprovalPreviewResponse'] {
  const preview = approvalPreview();
  return { ...preview, route: preview.route && { ...preview.route, rules } };
}

/** The preview of a quote that needs no approval. */
export const noApprovalNeeded: ApiSchemas['ApprovalPreviewResponse'] = { required: false, complete: true, route: null, people: [] };

/** Round 2 after changes were requested in round 1: the Design line's discount went from 25% to 15%. */
export function secondRoundPage(overrides: Partial<ApiSchemas['ApprovalPageResponse']> = {}): ApiSchemas['ApprovalPageResponse'] {
  const first = round({
    status: 'changes_requested',
    currentApproverIds: [],
    route: pendingRoute({
      currentStep: null,
      steps: [
        {
          step: 1,
          state: 'changes_requested',
          groups: [routeGroup([routeApprover(max.id, { state: 'changes_requested', at: '2026-05-01T11:00:00.000Z', notes: 'Lower the discount to 15%' })], { state: 'changes_requested' })],
        },
      ],
    }),
    decisions: [{ approverId: max.id, decision: 'request_changes', notes: 'Lower the discount to 15%', at: '2026-05-01T11:00:00.000Z', step: 0 }],
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
    decidesFor: null,
    outOfOffice: [],
    mayReassign: [],
    reminder: null,
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
