import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { ApprovalRequestRepository, issueApprovalLinks } from '@qa/approvals-application';
import { CreateUserCommand, DeactivateUserCommand } from '@qa/identity-application';
import { listEndpointAccessRules } from '@qa/shared-http';
import { removeQueueKeys, startAppProcess, TEST_REDIS_URL, waitUntil, type AppProcess } from '@qa/shared-testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix, quoteBody, ROLES, settingsBody, workflowBody, type Fixtures, type Role, type User } from './authorization-matrix.table';
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
    const companyId = (await ok<{ id: string }>('manager', 'POST', '/api/v1/crm/companies', { name: 'Matrix Shared BV' })).id;
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
    let delegations = 0;
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
      companyId,
      apiTokenId: await apiTokenOfRep(),
      workflowId,
      failedRunId,
      notificationId,
      draftQuote,
      publishedQuote,
      pendingQuote,
      delegationOfManager: async () => {
        delegations += 1;
        const startsAt = new Date(Date.UTC(2098, 0, 1) + delegations * 2 * 86_400_000);
        return (await ok<{ id: string }>('manager', 'POST', '/api/v1/approvals/delegations', { delegateId: ids.admin, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 86_400_000).toISOString() })).id;
      },
      approvalLink: async () => {
        const quoteId = await pendingQuote();
        const round = await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(ApprovalRequestRepository).findCurrent(quoteId));
        return issueApprovalLinks({ requestId: round!.id, round: round!.round, step: 0, approverId: ids.manager }, api.config.approvalLinks.secret, new Date()).approve;
      },
      taskOfRep: async () => (await ok<{ id: string }>('manager', 'POST', '/api/v1/tasks', { title: 'For rep', assigneeId: ids.rep })).id,
      policyVersion: async () => (await ok<{ version: number }>('admin', 'GET', '/api/v1/approvals/settings')).version,
      dryRunOfAdmin: async () => (await ok<{ id: string }>('admin', 'POST', '/api/v1/approvals/dry-runs', { ...settingsBody(ids.manager), limit: 1 })).id,
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
