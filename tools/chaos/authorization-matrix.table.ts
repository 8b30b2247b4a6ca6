// The authorisation matrix's table: every endpoint of the API, how to call it, and the status each
// kind of caller must get. authorization-matrix.integration.spec.ts makes the fixtures and runs it.

export const ROLES = ['anonymous', 'rep', 'rep2', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type User = Exclude<Role, 'anonymous'>;

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  /** Send with another session of the caller (e.g. for log-out, which ends it). */
  cookie?: string;
  /** An endless text/event-stream: read over a real socket, only the status. */
  stream?: boolean;
}

/** Expected status per caller: [anonymous, rep (owner), rep2 (another rep), manager, admin]. */
export type Expected = readonly [number, number, number, number, number];

export interface Row {
  expect: Expected;
  call: (role: Role) => Call | Promise<Call>;
}

/** What the rows act on; made in beforeAll (and on demand for calls that change state). */
export interface Fixtures {
  ids: Record<User, string>;
  /** A published quote of rep's (share link live, workflow properties recorded). */
  quoteId: string;
  slug: string;
  /** rep's quote in Pending approval, round 1 open with the manager as approver. */
  pendingQuoteId: string;
  dealId: string;
  /** A company shared by the manager (changed in place: the same change each time). */
  companyId: string;
  apiTokenId: string;
  workflowId: string;
  failedRunId: string;
  notificationId: string;
  draftQuote(): Promise<{ id: string; version: number }>;
  publishedQuote(): Promise<{ id: string; version: number; slug: string }>;
  pendingQuote(): Promise<string>;
  /** A new (planned) out-of-office delegation of the manager's, to cancel. */
  delegationOfManager(): Promise<string>;
  /** The Approve link of the approval e-mail to the manager, for a new pending quote of rep's. */
  approvalLink(): Promise<string>;
  taskOfRep(): Promise<string>;
  /** The approval settings' version now (the expectedVersion of a restore). */
  policyVersion(): Promise<number>;
  /** A new dry run of the admin's (of the last quote), to read and cancel. */
  dryRunOfAdmin(): Promise<string>;
  apiTokenOfRep(): Promise<string>;
  workflow(): Promise<{ id: string; version: number }>;
  /** A new disabled workflow with a webhook action, and its signing secret's id. */
  webhookWorkflow(): Promise<{ id: string; secretId: string }>;
  session(role: Role): Promise<string | undefined>;
  /** A new active rep, and a new deactivated one, to act on. */
  otherUser(): Promise<string>;
  deactivatedUser(): Promise<string>;
}

export const quoteBody = (dealId: string, extra: Record<string, unknown> = {}) => ({
  title: 'Matrix',
  dealId,
  expiresOn: '2099-12-31',
  lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }],
  ...extra,
});
export const settingsBody = (managerId: string) => ({
  requireApproval: false,
  defaultApproverId: managerId,
  rules: [
    {
      name: 'Big discounts',
      when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
      route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: managerId }] }] }],
      firstMatchOnly: true,
    },
  ],
});
export const workflowBody = (userId: string) => ({
  name: 'Chaos: quote live without approval',
  enabled: true,
  objectType: 'quote',
  trigger: { type: 'status_becomes', status: 'approval_not_needed' },
  conditions: [],
  reenrollment: 'always',
  actions: [
    { key: 'send_notification', params: { recipient: userId, title: 'Quote {{record.number}} is live' } },
    // Fails on purpose: a failed run for the retry endpoint.
    { key: 'set_property', params: { property: 'Not A Name', value: 'x' } },
  ],
});

/** The table. Keys are `Controller.method`, as listEndpointAccessRules names them. */
export function matrix(f: Fixtures): Record<string, Row> {
  const get = (url: string): Call => ({ method: 'GET', url });
  return {
    // ---- public ----
    'HealthController.check': { expect: [200, 200, 200, 200, 200], call: () => get('/api/health') },
    'AuthController.logIn': {
      expect: [200, 200, 200, 200, 200],
      call: (role) => ({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `${role === 'anonymous' ? 'rep' : role}@example.com`, password: 'demo' } }),
    },
    'AuthController.logOut': { expect: [204, 204, 204, 204, 204], call: async (role) => ({ method: 'POST', url: '/api/v1/auth/logout', cookie: await f.session(role) }) },
    'SharedQuotesController.getSharedQuote': { expect: [200, 200, 200, 200, 200], call: () => get(`/api/v1/shared-quotes/${f.slug}`) },
    'SharedQuotesController.downloadPdf': { expect: [200, 200, 200, 200, 200], call: () => get(`/api/v1/shared-quotes/${f.slug}/pdf`) },
    'SharedQuotesController.sign': {
      expect: [200, 200, 200, 200, 200],
      call: async () => ({ method: 'POST', url: `/api/v1/shared-quotes/${(await f.publishedQuote()).slug}/sign`, payload: { name: 'Bea Buyer', email: 'bea@example.org' } }),
    },

    // ---- me ----
    'MeController.getMe': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/me') },
    'MeController.listApiTokens': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/me/api-tokens') },
    'MeController.createApiToken': { expect: [401, 201, 201, 201, 201], call: () => ({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name: 'matrix' } }) },
    // Only your own tokens: another user's is not found.
    'MeController.revokeApiToken': { expect: [401, 204, 404, 404, 404], call: async () => ({ method: 'DELETE', url: `/api/v1/me/api-tokens/${await f.apiTokenOfRep()}` }) },

    // ---- users ----
    'UsersController.listUsers': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/users') },
    'UsersController.listPeople': { expect: [401, 200, 200, 200, 200], call: () => get(`/api/v1/users/names?ids=${f.ids.rep},${f.ids.manager}`) },
    'UsersController.changeUser': { expect: [401, 403, 403, 403, 200], call: async () => ({ method: 'PATCH', url: `/api/v1/users/${await f.otherUser()}`, payload: { role: 'manager' } }) },
    'UsersController.deactivateUser': { expect: [401, 403, 403, 403, 200], call: async () => ({ method: 'POST', url: `/api/v1/users/${await f.otherUser()}/deactivate` }) },
    'UsersController.reactivateUser': { expect: [401, 403, 403, 403, 200], call: async () => ({ method: 'POST', url: `/api/v1/users/${await f.deactivatedUser()}/reactivate` }) },

    // ---- crm ----
    'CrmController.listCompanies': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/crm/companies') },
    'CrmController.createCompany': { expect: [401, 201, 201, 201, 201], call: () => ({ method: 'POST', url: '/api/v1/crm/companies', payload: { name: 'Matrix BV' } }) },
    'CrmController.changeCompany': { expect: [401, 403, 403, 200, 200], call: () => ({ method: 'PATCH', url: `/api/v1/crm/companies/${f.companyId}`, payload: { country: 'NL' } }) },
    'CrmController.listContacts': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/crm/contacts') },
    'CrmController.createContact': { expect: [401, 201, 201, 201, 201], call: () => ({ method: 'POST', url: '/api/v1/crm/contacts', payload: { name: 'Bea', email: 'bea@example.org' } }) },
    'CrmController.listDeals': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/crm/deals') },
    'CrmController.createDeal': {
      expect: [401, 201, 201, 201, 201],
      call: () => ({ method: 'POST', url: '/api/v1/crm/deals', payload: { name: 'Matrix', amount: '100.00', currency: 'EUR', stage: 'qualified_to_buy' } }),
    },
    'CrmController.changeDealStage': { expect: [401, 403, 403, 200, 200], call: () => ({ method: 'PATCH', url: `/api/v1/crm/deals/${f.dealId}/stage`, payload: { stage: 'contract_sent' } }) },

    // ---- quotes (rep's): another rep must not learn they exist; managers read; admins change ----
    'QuotesController.listQuotes': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/quotes') },
    // On rep's deal: another rep may not attach it (422 QUOTES.UNKNOWN_REFERENCE, as for a deal that does not exist).
    'QuotesController.createQuote': { expect: [401, 201, 422, 201, 201], call: () => ({ method: 'POST', url: '/api/v1/quotes', payload: quoteBody(f.dealId) }) },
    'QuotesController.getQuote': { expect: [401, 200, 404, 200, 200], call: () => get(`/api/v1/quotes/${f.quoteId}`) },
    'QuotesController.downloadPdf': { expect: [401, 200, 404, 200, 200], call: () => get(`/api/v1/quotes/${f.quoteId}/pdf`) },
    'QuotesController.updateQuote': {
      expect: [401, 200, 404, 403, 200],
      call: async () => {
        const quote = await f.draftQuote();
        return { method: 'PUT', url: `/api/v1/quotes/${quote.id}`, payload: { ...quoteBody(f.dealId, { title: 'Matrix (edited)' }), version: quote.version } };
      },
    },
    'QuotesController.submitQuote': {
      expect: [401, 200, 404, 403, 200],
      call: async () => {
        const quote = await f.draftQuote();
        return { method: 'POST', url: `/api/v1/quotes/${quote.id}/submit`, payload: { version: quote.version } };
      },
    },
    'QuotesController.recallQuote': {
      expect: [401, 200, 404, 403, 200],
      call: async () => {
        const quote = await f.publishedQuote();
        return { method: 'POST', url: `/api/v1/quotes/${quote.id}/recall`, payload: { version: quote.version } };
      },
    },
    // The route unsaved edits of rep's quote would get: like an edit (another rep is told it does not exist).
    'QuotesController.previewRoute': {
      expect: [401, 200, 404, 403, 200],
      call: () => ({ method: 'POST', url: '/api/v1/quotes/approval-preview', payload: { ...quoteBody(f.dealId, { quoteDiscount: { type: 'percent', value: '25' } }), quoteId: f.quoteId } }),
    },
    // Pending approval back to Draft: the owner or an admin (created at version 1, submitted: 2).
    'QuotesController.withdrawQuote': {
      expect: [401, 200, 404, 403, 200],
      call: async () => ({ method: 'POST', url: `/api/v1/quotes/${await f.pendingQuote()}/withdraw`, payload: { version: 2 } }),
    },

    // ---- approvals ----
    'AuditController.list': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/audit') },
    // The approval ledger: admins only (export streams a download; verify walks the chain, changing nothing).
    'LedgerController.export': { expect: [401, 403, 403, 403, 200], call: () => get(`/api/v1/audit/ledger/export?format=csv&quoteId=${f.quoteId}`) },
    'LedgerController.verify': { expect: [401, 403, 403, 403, 200], call: () => ({ method: 'POST', url: '/api/v1/audit/ledger/verify' }) },
    'AnalyticsController.approvals': { expect: [401, 403, 403, 200, 200], call: () => get('/api/v1/analytics/approvals') },
    'ApprovalsController.getSettings': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/approvals/settings') },
    'ApprovalsController.saveSettings': { expect: [401, 403, 403, 403, 200], call: () => ({ method: 'PUT', url: '/api/v1/approvals/settings', payload: settingsBody(f.ids.manager) }) },
    // An edited policy tried on a quote (nothing saved): for admins, who edit the policy.
    'ApprovalsController.tryPolicy': { expect: [401, 403, 403, 403, 200], call: () => ({ method: 'POST', url: '/api/v1/approvals/try', payload: { ...settingsBody(f.ids.manager), quoteId: f.quoteId } }) },
    // The policy's history: for admins, who read and save the policy (version 1: the fixtures' save).
    'PolicyVersionsController.list': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/approvals/policy/versions') },
    'PolicyVersionsController.get': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/approvals/policy/versions/1') },
    'PolicyVersionsController.compare': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/approvals/policy/versions/compare?from=1&to=1') },
    'PolicyVersionsController.restore': {
      expect: [401, 403, 403, 403, 200],
      call: async () => ({ method: 'POST', url: '/api/v1/approvals/policy/versions/1/restore', payload: { expectedVersion: await f.policyVersion() } }),
    },
    // Dry runs of a draft policy: for admins, who save the policy; a run for its requester and admins.
    'PolicyDryRunsController.start': { expect: [401, 403, 403, 403, 202], call: () => ({ method: 'POST', url: '/api/v1/approvals/dry-runs', payload: { ...settingsBody(f.ids.manager), limit: 1 } }) },
    'PolicyDryRunsController.get': { expect: [401, 403, 403, 403, 200], call: async () => get(`/api/v1/approvals/dry-runs/${await f.dryRunOfAdmin()}`) },
    'PolicyDryRunsController.cancel': { expect: [401, 403, 403, 403, 200], call: async () => ({ method: 'POST', url: `/api/v1/approvals/dry-runs/${await f.dryRunOfAdmin()}/cancel` }) },
    // What a rule may look at: for admins, who write the rules.
    'ApprovalsController.conditionFields': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/approvals/condition-fields') },
    'ApprovalsController.preview': { expect: [401, 200, 404, 200, 200], call: () => get(`/api/v1/approvals/quotes/${f.quoteId}/preview`) },
    // The round's approvers, the quote's rep (to follow it and remind), and admins to look; nobody
    // else (another rep, who may not see the quote, is told it does not exist).
    'ApprovalsController.page': { expect: [401, 200, 404, 200, 200], call: () => get(`/api/v1/approvals/quotes/${f.pendingQuoteId}`) },
    // Only the round's approver decides: never the owner, nor an admin who is not an approver.
    'ApprovalsController.approve': { expect: [401, 403, 404, 200, 403], call: async () => ({ method: 'POST', url: `/api/v1/approvals/quotes/${await f.pendingQuote()}/approve`, payload: { round: 1 } }) },
    'ApprovalsController.requestChanges': {
      expect: [401, 403, 404, 200, 403],
      call: async () => ({ method: 'POST', url: `/api/v1/approvals/quotes/${await f.pendingQuote()}/request-changes`, payload: { round: 1, notes: 'Lower the price' } }),
    },
    // An approval e-mail's link: only the approver it was sent to (signed in) sees or uses it;
    // anyone else, the owner and an admin included, is told only that it is not theirs.
    'ApprovalLinksController.look': { expect: [401, 403, 403, 200, 403], call: async () => get(`/api/v1/approvals/links/${await f.approvalLink()}`) },
    'ApprovalLinksController.decide': { expect: [401, 403, 403, 200, 403], call: async () => ({ method: 'POST', url: `/api/v1/approvals/links/${await f.approvalLink()}/decision`, payload: {} }) },

    // Out of office: approvers (managers and admins) set their own, admins anyone's (windows far
    // ahead, one per caller, so none overlaps or loops); reps have none.
    'ApprovalDelegationsController.listDelegations': { expect: [401, 403, 403, 200, 200], call: () => get('/api/v1/approvals/delegations') },
    'ApprovalDelegationsController.createDelegation': {
      expect: [401, 403, 403, 201, 201],
      call: (role) => ({
        method: 'POST',
        url: '/api/v1/approvals/delegations',
        payload: role === 'admin' ? { delegateId: f.ids.manager, startsAt: '2097-02-01T00:00:00Z', endsAt: '2097-02-02T00:00:00Z' } : { delegateId: f.ids.admin, startsAt: '2097-01-01T00:00:00Z', endsAt: '2097-01-02T00:00:00Z' },
      }),
    },
    // The manager's own delegation: the manager or an admin ends it.
    'ApprovalDelegationsController.cancelDelegation': { expect: [401, 403, 403, 200, 200], call: async () => ({ method: 'DELETE', url: `/api/v1/approvals/delegations/${await f.delegationOfManager()}` }) },
    'ApprovalDelegationsController.approvers': { expect: [401, 403, 403, 200, 200], call: () => get('/api/v1/approvals/approvers') },
    // The manager hands their own place on; an admin anyone's; reps never.
    'ApprovalDelegationsController.reassign': {
      expect: [401, 403, 403, 200, 200],
      call: async () => ({ method: 'POST', url: `/api/v1/approvals/quotes/${await f.pendingQuote()}/reassign`, payload: { round: 1, from: f.ids.manager, to: f.ids.admin, note: 'Away' } }),
    },
    // The quote's rep reminds its approvers; approvers and admins do not; another rep is told it does not exist.
    'ApprovalDelegationsController.remind': { expect: [401, 200, 404, 403, 403], call: async () => ({ method: 'POST', url: `/api/v1/approvals/quotes/${await f.pendingQuote()}/remind`, payload: { round: 1 } }) },

    // ---- tasks ----
    'TasksController.listTasks': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/tasks?assignee=anyone') },
    'TasksController.countTasks': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/tasks/counts') },
    'TasksController.createTask': { expect: [401, 201, 201, 201, 201], call: () => ({ method: 'POST', url: '/api/v1/tasks', payload: { title: 'Call back', assigneeId: f.ids.rep } }) },
    // A task assigned to rep (by the manager): the assignee, managers and admins complete it.
    'TasksController.completeTask': { expect: [401, 200, 404, 200, 200], call: async () => ({ method: 'POST', url: `/api/v1/tasks/${await f.taskOfRep()}/complete` }) },

    // ---- workflows: managers read, admins change ----
    'WorkflowsController.listWorkflows': { expect: [401, 403, 403, 200, 200], call: () => get('/api/v1/workflows') },
    'WorkflowsController.listActions': { expect: [401, 403, 403, 200, 200], call: () => get('/api/v1/workflows/actions') },
    'WorkflowsController.createWorkflow': { expect: [401, 403, 403, 403, 201], call: () => ({ method: 'POST', url: '/api/v1/workflows', payload: { ...workflowBody(f.ids.rep), enabled: false } }) },
    'WorkflowsController.getWorkflow': { expect: [401, 403, 403, 200, 200], call: () => get(`/api/v1/workflows/${f.workflowId}`) },
    // A workflow's history: for admins, who edit workflows (version 1: the fixtures' create).
    'WorkflowVersionsController.list': { expect: [401, 403, 403, 403, 200], call: () => get(`/api/v1/workflows/${f.workflowId}/versions`) },
    'WorkflowVersionsController.get': { expect: [401, 403, 403, 403, 200], call: () => get(`/api/v1/workflows/${f.workflowId}/versions/1`) },
    'WorkflowVersionsController.compare': { expect: [401, 403, 403, 403, 200], call: () => get(`/api/v1/workflows/${f.workflowId}/versions/compare?from=1&to=1`) },
    'WorkflowVersionsController.restore': {
      expect: [401, 403, 403, 403, 200],
      call: async () => {
        const workflow = await f.workflow();
        return { method: 'POST', url: `/api/v1/workflows/${workflow.id}/versions/1/restore`, payload: { expectedVersion: workflow.version } };
      },
    },
    'WorkflowsController.updateWorkflow': {
      expect: [401, 403, 403, 403, 200],
      call: async () => {
        const workflow = await f.workflow();
        return { method: 'PUT', url: `/api/v1/workflows/${workflow.id}`, payload: { ...workflowBody(f.ids.rep), enabled: false, name: 'Edited', version: workflow.version } };
      },
    },
    // A fresh disabled workflow with a webhook per caller: rotating its signing secret is for admins.
    'WorkflowsController.rotateWebhookSecret': {
      expect: [401, 403, 403, 403, 200],
      call: async () => {
        const { id, secretId } = await f.webhookWorkflow();
        return { method: 'POST', url: `/api/v1/workflows/${id}/webhook-secrets/${secretId}/rotate`, payload: {} };
      },
    },
    'WorkflowsController.listRuns': { expect: [401, 403, 403, 200, 200], call: () => get(`/api/v1/workflows/${f.workflowId}/runs`) },
    'WorkflowsController.getRun': { expect: [401, 403, 403, 200, 200], call: () => get(`/api/v1/workflow-runs/${f.failedRunId}`) },
    // A failed run; retrying it again (from the same failed step) is fine, so one run serves all.
    'WorkflowsController.retryRun': { expect: [401, 403, 403, 403, 200], call: () => ({ method: 'POST', url: `/api/v1/workflow-runs/${f.failedRunId}/retry` }) },
    // A record's properties: like the record itself.
    'WorkflowsController.recordProperties': { expect: [401, 200, 404, 200, 200], call: () => get(`/api/v1/records/quote/${f.quoteId}/properties`) },

    // ---- notifications: only your own ----
    'NotificationsController.list': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/notifications') },
    'NotificationsController.markRead': { expect: [401, 200, 404, 404, 404], call: () => ({ method: 'POST', url: `/api/v1/notifications/${f.notificationId}/read` }) },
    'NotificationsController.markAllRead': { expect: [401, 200, 200, 200, 200], call: () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }) },
    // Preferences: each user's own only (nothing names another user).
    'NotificationsController.preferences': { expect: [401, 200, 200, 200, 200], call: () => get('/api/v1/notifications/preferences') },
    'NotificationsController.savePreferences': {
      expect: [401, 200, 200, 200, 200],
      call: () => ({ method: 'PUT', url: '/api/v1/notifications/preferences', payload: { preferences: [{ kind: 'reminded', inApp: true, email: true }] } }),
    },

    // ---- live events ----
    'LiveEventsController.stream': { expect: [401, 200, 200, 200, 200], call: () => ({ method: 'GET', url: '/api/v1/events/stream', stream: true }) },
  };
}
