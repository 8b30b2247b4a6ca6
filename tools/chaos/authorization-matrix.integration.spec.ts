import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand, DeactivateUserCommand } from '@qa/identity-application';
import { listEndpointAccessRules } from '@qa/shared-http';
import { removeQueueKeys, startAppProcess, TEST_REDIS_URL, waitUntil, type AppProcess } from '@qa/shared-testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../../apps/api/src/testing/api-test-app';

/**
 * Fault injection, issue 7 point 9: the authorisation matrix. Every endpoint of the API × every
 * kind of caller, with the status each must get, in one table. The table must name exactly the
 * endpoints the application has (from their access rules): a new endpoint fails the first test
 * until someone decides here who may call it.
 *
 * Callers: nobody logged in, the rep who owns the records (`rep`), another rep (`rep2`), the
 * manager (the approver) and the admin. Calls that change something get a fresh resource per
 * caller, so each expectation holds whatever the order.
 */

const ROLES = ['anonymous', 'rep', 'rep2', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];
type User = Exclude<Role, 'anonymous'>;

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  /** Send with another session of the caller (e.g. for log-out, which ends it). */
  cookie?: string;
  /** An endless text/event-stream: read over a real socket, only the status. */
  stream?: boolean;
}

/** Expected status per caller: [anonymous, rep (owner), rep2 (another rep), manager, admin]. */
type Expected = readonly [number, number, number, number, number];

interface Row {
  expect: Expected;
  call: (role: Role) => Call | Promise<Call>;
}

/** What the rows act on; made in beforeAll (and on demand for calls that change state). */
interface Fixtures {
  ids: Record<User, string>;
  /** A published quote of rep's (share link live, workflow properties recorded). */
  quoteId: string;
  slug: string;
  /** rep's quote in Pending approval, round 1 open with the manager as approver. */
  pendingQuoteId: string;
  dealId: string;
  apiTokenId: string;
  workflowId: string;
  failedRunId: string;
  notificationId: string;
  draftQuote(): Promise<{ id: string; version: number }>;
  publishedQuote(): Promise<{ id: string; version: number; slug: string }>;
  pendingQuote(): Promise<string>;
  taskOfRep(): Promise<string>;
  apiTokenOfRep(): Promise<string>;
  workflow(): Promise<{ id: string; version: number }>;
  /** A new disabled workflow with a webhook action, and its signing secret's id. */
  webhookWorkflow(): Promise<{ id: string; secretId: string }>;
  session(role: Role): Promise<string | undefined>;
  /** A new active rep, and a new deactivated one, to act on. */
  otherUser(): Promise<string>;
  deactivatedUser(): Promise<string>;
}

const quoteBody = (dealId: string, extra: Record<string, unknown> = {}) => ({
  title: 'Matrix',
  dealId,
  expiresOn: '2099-12-31',
  lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }],
  ...extra,
});
const settingsBody = (managerId: string) => ({
  requireApproval: false,
  defaultApproverId: managerId,
  rules: [{ name: 'Big discounts', priority: 0, conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: '20' }], approverIds: [managerId], mode: 'any' }],
});
const workflowBody = (userId: string) => ({
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
function matrix(f: Fixtures): Record<string, Row> {
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
    // Pending approval back to Draft: the owner or an admin (created at version 1, submitted: 2).
    'QuotesController.withdrawQuote': {
      expect: [401, 200, 404, 403, 200],
      call: async () => ({ method: 'POST', url: `/api/v1/quotes/${await f.pendingQuote()}/withdraw`, payload: { version: 2 } }),
    },

    // ---- approvals ----
    'AuditController.list': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/audit') },
    'ApprovalsController.getSettings': { expect: [401, 403, 403, 403, 200], call: () => get('/api/v1/approvals/settings') },
    'ApprovalsController.saveSettings': { expect: [401, 403, 403, 403, 200], call: () => ({ method: 'PUT', url: '/api/v1/approvals/settings', payload: settingsBody(f.ids.manager) }) },
    'ApprovalsController.preview': { expect: [401, 200, 404, 200, 200], call: () => get(`/api/v1/approvals/quotes/${f.quoteId}/preview`) },
    // The round's approvers, and admins to look; nobody else (the owner included; another rep,
    // who may not see the quote, is told it does not exist).
    'ApprovalsController.page': { expect: [401, 403, 404, 200, 200], call: () => get(`/api/v1/approvals/quotes/${f.pendingQuoteId}`) },
    // Only the round's approver decides: never the owner, nor an admin who is not an approver.
    'ApprovalsController.approve': { expect: [401, 403, 404, 200, 403], call: async () => ({ method: 'POST', url: `/api/v1/approvals/quotes/${await f.pendingQuote()}/approve`, payload: { round: 1 } }) },
    'ApprovalsController.requestChanges': {
      expect: [401, 403, 404, 200, 403],
      call: async () => ({ method: 'POST', url: `/api/v1/approvals/quotes/${await f.pendingQuote()}/request-changes`, payload: { round: 1, notes: 'Lower the price' } }),
    },

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

    // ---- live events ----
    'LiveEventsController.stream': { expect: [401, 200, 200, 200, 200], call: () => ({ method: 'GET', url: '/api/v1/events/stream', stream: true }) },
  };
}

describe('authorisation matrix: every endpoint × every caller', { timeout: 180_000 }, () => {
  const queuePrefix = `qa-chaos-authz-${randomBytes(3).toString('hex')}`;
  let api: ApiTestApp;
  let worker: AppProcess;
  let baseUrl: string;
  const cookies: Partial<Record<Role, string>> = {};
  const ids = {} as Record<User, string>;
  let fixtures: Fixtures;

  const request = (role: Role, method: string, url: string, payload?: unknown, cookie = cookies[role]) =>
    api.request({ method, url, payload: payload as never, headers: cookie ? { cookie } : {} });
  const ok = async <T = Record<string, unknown>>(role: Role, method: string, url: string, payload?: unknown): Promise<T> => {
    const response = await request(role, method, url, payload);
    if (response.statusCode >= 300) throw new Error(`fixture ${method} ${url} as ${role}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };

  beforeAll(async () => {
    // Failed workflow steps stay failed at once (no retries), so the failed run appears quickly.
    api = await startApiTestApp({ QUEUE_PREFIX: queuePrefix, JOB_BACKOFF_MS: '100', JOB_ATTEMPTS: '1' });
    await api.seedDemoUsers();
    worker = await startAppProcess(
      'apps/worker/src/main.ts',
      { DATABASE_URL: api.database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'info', JOB_BACKOFF_MS: '100', JOB_ATTEMPTS: '1' },
      'worker ready',
    );
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await api.app.getUrl();
    for (const who of ['rep', 'rep2', 'manager', 'admin'] as const) {
      cookies[who] = await api.logIn(`${who}@example.com`);
      ids[who] = (await ok<{ id: string }>(who, 'GET', '/api/v1/me')).id;
    }

    // Approval only for big discounts (the manager approves): plain quotes go live at once.
    await ok('admin', 'PUT', '/api/v1/approvals/settings', settingsBody(ids.manager));
    const dealId = (await ok<{ id: string }>('rep', 'POST', '/api/v1/crm/deals', { name: 'Acme', amount: '1000.00', currency: 'EUR', stage: 'qualified_to_buy' })).id;
    const workflowId = (await ok<{ id: string }>('admin', 'POST', '/api/v1/workflows', workflowBody(ids.rep))).id;

    const draftQuote = async () => {
      const { id } = await ok<{ id: string }>('rep', 'POST', '/api/v1/quotes', quoteBody(dealId));
      return { id, version: 1 };
    };
    const publishedQuote = async () => {
      const { id, version } = await draftQuote();
      const submitted = await ok<{ status: string; version: number; sharePath: string | null }>('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version });
      if (submitted.status !== 'approval_not_needed' || !submitted.sharePath) throw new Error(`expected a live quote, got ${JSON.stringify(submitted)}`);
      return { id, version: submitted.version, slug: submitted.sharePath.split('/').pop()! };
    };
    const pendingQuote = async () => {
      const { id } = await ok<{ id: string }>('rep', 'POST', '/api/v1/quotes', quoteBody(dealId, { quoteDiscount: { type: 'percent', value: '25' } }));
      const submitted = await ok<{ status: string }>('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
      if (submitted.status !== 'pending_approval') throw new Error(`expected Pending approval, got ${submitted.status}`);
      await waitUntil(async () => (await request('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ canDecide?: boolean }>().canDecide === true, { timeoutMs: 30_000 });
      return id;
    };

    const published = await publishedQuote();
    const pendingQuoteId = await pendingQuote();
    // The worker records the quote for workflows (its owner), runs the workflow (a notification
    // for rep, then the failing step).
    await waitUntil(async () => (await request('rep', 'GET', `/api/v1/records/quote/${published.id}/properties`)).statusCode === 200, { timeoutMs: 30_000 });
    const failedRunId = await waitUntil(
      async () => (await ok<{ items: Array<{ id: string; status: string }> }>('admin', 'GET', `/api/v1/workflows/${workflowId}/runs`)).items.find((r) => r.status === 'failed')?.id ?? null,
      { timeoutMs: 30_000 },
    );
    const notificationId = await waitUntil(async () => (await ok<{ items: Array<{ id: string }> }>('rep', 'GET', '/api/v1/notifications')).items[0]?.id ?? null, { timeoutMs: 30_000 });
    let userCount = 0;
    const otherUser = async () => {
      const email = `matrix-${(userCount += 1)}-${queuePrefix}@example.com`;
      return (await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(CommandBus).execute(new CreateUserCommand(email, 'Matrix User', 'rep', 'matrix password')))).id;
    };
    const apiTokenOfRep = async () => (await ok<{ id: string }>('rep', 'POST', '/api/v1/me/api-tokens', { name: 'matrix' })).id;

    fixtures = {
      ids,
      quoteId: published.id,
      slug: published.slug,
      pendingQuoteId,
      dealId,
      apiTokenId: await apiTokenOfRep(),
      workflowId,
      failedRunId,
      notificationId,
      draftQuote,
      publishedQuote,
      pendingQuote,
      taskOfRep: async () => (await ok<{ id: string }>('manager', 'POST', '/api/v1/tasks', { title: 'For rep', assigneeId: ids.rep })).id,
      apiTokenOfRep,
      workflow: async () => {
        const created = await ok<{ id: string; version: number }>('admin', 'POST', '/api/v1/workflows', { ...workflowBody(ids.rep), enabled: false });
        return { id: created.id, version: created.version };
      },
      webhookWorkflow: async () => {
        const created = await ok<{ id: string; issuedSecrets: Array<{ secretId: string }> }>('admin', 'POST', '/api/v1/workflows', {
          ...workflowBody(ids.rep),
          enabled: false,
          actions: [{ key: 'send_webhook', params: { url: 'https://hooks.example.com/matrix' } }],
        });
        return { id: created.id, secretId: created.issuedSecrets[0]!.secretId };
      },
      session: async (role) => (role === 'anonymous' ? undefined : api.logIn(`${role}@example.com`)),
      otherUser,
      deactivatedUser: async () => {
        const id = await otherUser();
        await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(CommandBus).execute(new DeactivateUserCommand(ids.admin, id)));
        return id;
      },
    };
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await removeQueueKeys(queuePrefix);
  });

  it('names every endpoint of the API, and only those', () => {
    const endpoints = listEndpointAccessRules(api.app).map((e) => e.endpoint);
    const table = Object.keys(matrix(fixtures));
    const missing = endpoints.filter((e) => !table.includes(e)).sort();
    const stale = table.filter((e) => !endpoints.includes(e)).sort();
    expect(missing, `endpoints missing from the authorisation matrix in ${__filename}: add a row with the status each caller must get`).toEqual([]);
    expect(stale, 'rows of the authorisation matrix for endpoints that no longer exist').toEqual([]);
    expect(endpoints.length).toBe(new Set(endpoints).size);
  });

  it('answers every caller of every endpoint with the expected status', async () => {
    const rows = Object.entries(matrix(fixtures));
    const mismatches: string[] = [];
    const lines: string[] = [];
    for (const [endpoint, row] of rows) {
      const actual: number[] = [];
      for (const [index, role] of ROLES.entries()) {
        const call = await row.call(role);
        const cookie = call.cookie ?? cookies[role];
        let status: number;
        let body = '';
        if (call.stream) {
          const aborter = new AbortController();
          const response = await fetch(`${baseUrl}${call.url}`, { headers: cookie ? { cookie, accept: 'text/event-stream' } : {}, signal: aborter.signal });
          status = response.status;
          if (status >= 300) body = await response.text();
          aborter.abort();
        } else {
          const response = await request(role, call.method, call.url, call.payload, 'cookie' in call ? call.cookie : cookie);
          status = response.statusCode;
          body = response.body;
        }
        actual.push(status);
        const expected = row.expect[index];
        if (status !== expected) mismatches.push(`${endpoint} as ${role}: expected ${expected}, got ${status} ${body.slice(0, 200)}`);
        // Refusals use the one error body, with a code.
        if (status >= 400) {
          const error = JSON.parse(body || '{}') as { statusCode?: unknown; code?: unknown };
          if (error.statusCode !== status || typeof error.code !== 'string') mismatches.push(`${endpoint} as ${role}: ${status} without the error body: ${body.slice(0, 200)}`);
        }
      }
      lines.push(`${endpoint.padEnd(42)} ${actual.map((s) => String(s).padStart(4)).join(' ')}`);
    }
    console.log(`[chaos] authorisation matrix (${rows.length} endpoints × ${ROLES.length} callers)\n${''.padEnd(42)} ${ROLES.map((r) => r.slice(0, 4).padStart(4)).join(' ')}\n${lines.join('\n')}`);
    expect(mismatches).toEqual([]);
  });

  it('also guards the queue dashboard (outside Nest, so not in the table above): admins only', async () => {
    const statuses: number[] = [];
    for (const role of ROLES) statuses.push((await request(role, 'GET', '/admin/queues/api/queues')).statusCode);
    expect(statuses).toEqual([401, 403, 403, 403, 200]);
  });

  it('refuses those who may not decide as such, whatever the state of the round (no 409 that tells them it)', async () => {
    const id = await fixtures.pendingQuote();
    expect((await request('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).statusCode).toBe(200);
    const answers: Record<string, unknown> = {};
    for (const role of ['rep', 'rep2', 'admin'] as const) {
      for (const round of [1, 2]) answers[`${role} round ${round}`] = (await request(role, 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round })).json<{ code: string }>().code;
    }
    expect(answers).toEqual({
      'rep round 1': 'APPROVALS.OWN_QUOTE',
      'rep round 2': 'APPROVALS.OWN_QUOTE',
      // Another rep may not see the quote: not found, as the quote itself answers them.
      'rep2 round 1': 'APPROVALS.NOT_FOUND',
      'rep2 round 2': 'APPROVALS.NOT_FOUND',
      'admin round 1': 'APPROVALS.NOT_AN_APPROVER',
      'admin round 2': 'APPROVALS.NOT_AN_APPROVER',
    });
    // The approver still learns why: it was decided.
    expect((await request('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ALREADY_DECIDED' });
  });

  it("lists nothing of another rep's, whatever the filters", async () => {
    // A rep's list is always their own: the ownerId filter cannot widen it.
    const quotes = await request('rep2', 'GET', `/api/v1/quotes?ownerId=${fixtures.ids.rep}`);
    expect(quotes.statusCode).toBe(200);
    const page = quotes.json<{ items: Array<{ ownerId: string }>; countsByStatus: Record<string, number> }>();
    expect(page.items.filter((q) => q.ownerId !== fixtures.ids.rep2), 'quotes of others').toEqual([]);
    expect(Object.values(page.countsByStatus).reduce((a, b) => a + b, 0)).toBe(page.items.length);
    // Tasks: only those assigned to or created by the rep (the matrix had rep2 create one for rep).
    type TaskItem = { assigneeId: string; createdById: string | null; relatedId: string | null };
    const notTheirs = (items: TaskItem[]) => items.filter((t) => t.assigneeId !== fixtures.ids.rep2 && t.createdById !== fixtures.ids.rep2);
    const assignedToRep = (await request('rep2', 'GET', `/api/v1/tasks?assignee=${fixtures.ids.rep}`)).json<{ items: TaskItem[] }>().items;
    expect(notTheirs(assignedToRep), "rep's tasks seen by rep2").toEqual([]);
    const aboutRepsQuote = (await request('rep2', 'GET', `/api/v1/tasks?assignee=anyone&relatedType=quote&relatedId=${fixtures.pendingQuoteId}`)).json<{ items: TaskItem[] }>().items;
    expect(aboutRepsQuote, "tasks about rep's quote seen by rep2").toEqual([]);
    expect((await request('manager', 'GET', `/api/v1/tasks?assignee=${fixtures.ids.rep}`)).json<{ items: TaskItem[] }>().items.length).toBeGreaterThan(0);
    // The owner does see them.
    expect((await request('rep', 'GET', `/api/v1/quotes?ownerId=${fixtures.ids.rep}`)).json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it('refuses a rep who guesses ids: unknown and foreign ids look the same (404)', async () => {
    const unknown = randomUUID();
    for (const url of [`/api/v1/quotes/${unknown}`, `/api/v1/approvals/quotes/${unknown}/preview`, `/api/v1/records/quote/${unknown}/properties`]) {
      expect((await request('rep2', 'GET', url)).statusCode, url).toBe(404);
    }
    expect((await request('rep2', 'GET', `/api/v1/quotes/${fixtures.quoteId}`)).json()).toMatchObject({ statusCode: 404, code: 'QUOTES.NOT_FOUND' });
  });
});
