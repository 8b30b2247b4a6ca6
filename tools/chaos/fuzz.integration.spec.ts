import { removeQueueKeys } from '@qa/shared-testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../../apps/api/src/testing/api-test-app';
import { generateFuzzCases, type FuzzCase, type FuzzContext, type OpenApiDocument } from './fuzz';

/**
 * Fault injection, issue 7 point 8: requests generated from the OpenAPI document (see fuzz.ts),
 * sent as every kind of caller through the real API on PostgreSQL and Redis.
 *
 * - No answer may be a 5xx: bad input is the caller's problem (4xx), never a crash.
 * - Nothing refused may change anything: a snapshot of the database (rows and a hash of their
 *   contents, per table) is taken around every batch of requests; a batch whose state-changing
 *   requests were all refused must leave it exactly as it was.
 * - Requests that must be refused (wrong types, missing fields, malformed ids…) are not accepted.
 *
 * CI runs a fast subset (FUZZ_COUNT, default 2,000) with a fixed seed; `npm run chaos`
 * (CHAOS_FULL=1) sends 12,000 with a new seed each time. CHAOS_SEED=<n> replays a run.
 */
const FULL = process.env['CHAOS_FULL'] === '1';
const SEED = Number(process.env['CHAOS_SEED'] ?? (FULL ? Math.floor(Math.random() * 2 ** 31) : 20261127));
const COUNT = Number(process.env['FUZZ_COUNT'] ?? (FULL ? 12_000 : 2_000));
const BATCH = 25;
const ROLES = ['anonymous', 'rep', 'rep2', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];
type User = Exclude<Role, 'anonymous'>;

/**
 * Tables and columns that change on reads by design, left out of the snapshot:
 * - identity_session.last_seen_at / expires_at: the sliding session is renewed by any request
 *   once half its lifetime has passed (its rows stay in: a refused request must not log anyone in);
 * - identity_api_token.last_used_at: stamped when a token authenticates a request;
 * - mikro_orm_migrations: the schema's history.
 * Everything else is compared, messaging_outbox (a refused request publishes nothing) and
 * http_idempotency (a refused request stores no key) included. No worker runs, so nothing
 * changes the database behind the requests' backs.
 */
const VOLATILE_COLUMNS: Record<string, string[]> = {
  identity_session: ['last_seen_at', 'expires_at'],
  identity_api_token: ['last_used_at'],
};
const IGNORED_TABLES = ['mikro_orm_migrations'];

type Snapshot = Record<string, string>;

async function snapshot(db: Client): Promise<Snapshot> {
  const tables = (
    await db.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
  ).rows
    .map((r) => r.table_name)
    .filter((t) => !IGNORED_TABLES.includes(t));
  const parts = tables.map((table) => {
    const row = `(to_jsonb(t) ${(VOLATILE_COLUMNS[table] ?? []).map((c) => `- '${c}'`).join(' ')})::text`;
    return `select '${table}' as name, count(*)::text || ':' || md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as digest from "${table}" t`;
  });
  const { rows } = await db.query<{ name: string; digest: string }>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

const changedTables = (before: Snapshot, after: Snapshot) => Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);

interface Outcome {
  fuzz: FuzzCase;
  status: number;
  response: string;
}

const describeCase = ({ fuzz, status, response }: Outcome) =>
  `${fuzz.method} ${fuzz.url.slice(0, 160)} as ${fuzz.role} [${fuzz.mutation.slice(0, 80)}]` +
  `${fuzz.body !== undefined ? ` body ${JSON.stringify(fuzz.body.slice(0, 160))}` : ''} → ${status} ${response.slice(0, 300)}`;

describe(`fuzzing the API from its OpenAPI document (seed ${SEED}, ${COUNT} requests)`, { timeout: FULL ? 1_800_000 : 180_000 }, () => {
  const queuePrefix = `qa-chaos-fuzz-${randomBytes(3).toString('hex')}`;
  let api: ApiTestApp;
  let db: Client;
  let document: OpenApiDocument;
  let context: FuzzContext;
  const cookies = {} as Record<User, string>;
  const ids = {} as Record<User, string>;
  // Logins from a documentation address (TEST-NET-2), so failed ones lock nobody else out.
  const remoteAddress = `198.51.100.${(SEED % 250) + 1}`;

  const call = async <T = Record<string, unknown>>(role: User, method: string, url: string, payload?: unknown): Promise<T> => {
    const response = await api.request({ method, url, payload: payload as never, headers: { cookie: cookies[role] } });
    if (response.statusCode >= 300) throw new Error(`fixture ${method} ${url} as ${role}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };

  beforeAll(async () => {
    api = await startApiTestApp({ QUEUE_PREFIX: queuePrefix, LOGIN_LOCKOUT_SECONDS: '60' });
    await api.seedDemoUsers();
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    for (const who of ['rep', 'rep2', 'manager', 'admin'] as const) {
      cookies[who] = await api.logIn(`${who}@example.com`);
      ids[who] = (await call<{ id: string }>(who, 'GET', '/api/v1/me')).id;
    }

    // Something to aim at: each rep's deal, quotes (draft, live, pending), tasks, tokens; a workflow.
    await call('admin', 'PUT', '/api/v1/approvals/settings', {
      requireApproval: false,
      defaultApproverId: ids.manager,
      rules: [
        {
          name: 'Big discounts',
          when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids.manager }] }] }],
          firstMatchOnly: true,
        },
      ],
    });
    // Shared (added by an admin): both reps may build on them; a rep's own company would be theirs alone.
    const companyId = (await call<{ id: string }>('admin', 'POST', '/api/v1/crm/companies', { name: 'Fuzz BV' })).id;
    const contactId = (await call<{ id: string }>('admin', 'POST', '/api/v1/crm/contacts', { name: 'Bea', email: 'bea@example.org', companyId })).id;
    const owned: Record<string, Record<User, string[]>> = { deal: {} as never, quote: {} as never, task: {} as never, token: {} as never };
    for (const who of ['rep', 'rep2', 'manager', 'admin'] as const) {
      owned.deal[who] = [(await call<{ id: string }>(who, 'POST', '/api/v1/crm/deals', { name: `Deal of ${who}`, amount: '1000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId })).id];
      owned.token[who] = [(await call<{ id: string }>(who, 'POST', '/api/v1/me/api-tokens', { name: `token of ${who}` })).id];
      owned.task[who] = [(await call<{ id: string }>('manager', 'POST', '/api/v1/tasks', { title: `For ${who}`, assigneeId: ids[who] })).id];
      owned.quote[who] = [];
    }
    let slug = '';
    for (const who of ['rep', 'rep2'] as const) {
      const quote = (discount?: string) => ({
        title: `Quote of ${who}`,
        dealId: owned.deal[who][0],
        companyId,
        recipientContactIds: [contactId],
        expiresOn: '2099-12-31',
        lineItems: [{ productName: 'Design', quantity: 2, unitPrice: '1500.00', ...(discount ? { discount: { type: 'percent', value: discount } } : {}) }],
      });
      const draft = (await call<{ id: string }>(who, 'POST', '/api/v1/quotes', quote())).id;
      const live = (await call<{ id: string }>(who, 'POST', '/api/v1/quotes', quote())).id;
      const shared = await call<{ sharePath: string }>(who, 'POST', `/api/v1/quotes/${live}/submit`, { version: 1 });
      slug ||= shared.sharePath.split('/').pop()!;
      const pending = (await call<{ id: string }>(who, 'POST', '/api/v1/quotes', quote('25'))).id;
      await call(who, 'POST', `/api/v1/quotes/${pending}/submit`, { version: 1 });
      owned.quote[who].push(draft, live, pending);
    }
    const workflowId = (
      await call<{ id: string }>('admin', 'POST', '/api/v1/workflows', {
        name: 'Fuzz target',
        enabled: false,
        objectType: 'quote',
        trigger: { type: 'status_becomes', status: 'published' },
        conditions: [],
        reenrollment: 'never',
        actions: [{ key: 'create_task', params: { assignee: 'owner', title: 'Follow up' } }],
      })
    ).id;

    const all = (kind: string) => Object.values(owned[kind]).flat();
    const users = Object.values(ids);
    const others = (role: string) => (role === 'anonymous' ? users : users.filter((id) => id !== ids[role as User]));
    context = {
      pathValues(operation, param) {
        if (param === 'recordType') return ['quote'];
        if (param === 'slug') return [slug];
        if (operation.path.startsWith('/api/v1/me/api-tokens')) return all('token');
        if (operation.path.startsWith('/api/v1/crm/deals')) return all('deal');
        if (operation.path.startsWith('/api/v1/tasks')) return all('task');
        if (operation.path.startsWith('/api/v1/workflows/')) return [workflowId];
        if (/quotes|records/.test(operation.path)) return all('quote');
        return [];
      },
      idsFor(field) {
        if (field === 'dealId') return all('deal');
        if (field === 'companyId') return [companyId];
        if (/contact/i.test(field)) return [contactId];
        // The approvers a policy may name (defaultApproverId, a rule's { kind: 'user', userId }).
        if (/approver/i.test(field) || field === 'userId') return [ids.manager, ids.admin];
        if (field === 'reportsTo') return users;
        if (field === 'relatedId') return all('quote');
        if (/assignee|owner|^ids?$/.test(field)) return users;
        return [];
      },
      foreignIds: (role) => [
        ...others(role),
        ...(['deal', 'quote', 'task', 'token'] as const).flatMap((kind) => Object.entries(owned[kind]).flatMap(([who, list]) => (who === role ? [] : list))),
      ],
    };
    document = (await api.request({ method: 'GET', url: '/api/docs-json' })).json<OpenApiDocument>();
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await removeQueueKeys(queuePrefix);
  });

  it('answers no request with a 5xx, accepts nothing invalid, and changes nothing when it refuses', async () => {
    const started = Date.now();
    const cases = generateFuzzCases(document, {
      seed: SEED,
      count: COUNT,
      roles: ROLES,
      context,
      // The event stream never ends (it has a row in the authorisation matrix); logging out would
      // end the session the rest of the run uses.
      skip: (operation, role) => (operation.operationId === 'streamEvents' || operation.operationId === 'logOut') && role !== 'anonymous',
    });
    const generatedIn = Date.now() - started;

    const send = async (fuzz: FuzzCase): Promise<Outcome> => {
      const headers: Record<string, string> = { ...fuzz.headers };
      if (fuzz.role !== 'anonymous') headers['cookie'] = cookies[fuzz.role as User];
      const response = await api.request({ method: fuzz.method, url: fuzz.url, payload: fuzz.body, headers, remoteAddress });
      return { fuzz, status: response.statusCode, response: response.body };
    };

    const outcomes: Outcome[] = [];
    const serverErrors: string[] = [];
    const acceptedInvalid: string[] = [];
    const changedOnRefusal: string[] = [];
    let checkedBatches = 0;
    // Must-refuse requests first (every batch of them is checked), then the rest.
    const phases = [cases.filter((c) => c.mustReject), cases.filter((c) => !c.mustReject)];
    let before = await snapshot(db);
    for (const phase of phases) {
      for (let start = 0; start < phase.length; start += BATCH) {
        const batch: Outcome[] = [];
        for (const fuzz of phase.slice(start, start + BATCH)) batch.push(await send(fuzz));
        outcomes.push(...batch);
        for (const outcome of batch) {
          if (outcome.status >= 500) serverErrors.push(describeCase(outcome));
          if (outcome.fuzz.mustReject && outcome.fuzz.method !== 'GET' && outcome.status < 400) acceptedInvalid.push(describeCase(outcome));
        }
        const after = await snapshot(db);
        const writes = batch.filter((o) => o.fuzz.method !== 'GET');
        if (writes.every((o) => o.status >= 400)) {
          checkedBatches++;
          const changed = changedTables(before, after);
          if (changed.length) changedOnRefusal.push(`tables ${changed.join(', ')} changed by a batch of refused requests:\n    ${writes.map(describeCase).join('\n    ')}`);
        }
        before = after;
      }
    }

    const byStatus = outcomes.reduce<Record<number, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {});
    const byRole = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.fuzz.role]: (acc[o.fuzz.role] ?? 0) + 1 }), {});
    const operations = new Set(outcomes.map((o) => o.fuzz.operationId)).size;
    console.log(
      [
        `[chaos] fuzz seed ${SEED} (replay: CHAOS_SEED=${SEED}${FULL ? ' CHAOS_FULL=1' : ''}): ${outcomes.length} requests over ${operations} operations in ${((Date.now() - started) / 1000).toFixed(1)} s (generated in ${generatedIn} ms)`,
        `[chaos]   per status: ${JSON.stringify(byStatus)}`,
        `[chaos]   per caller: ${JSON.stringify(byRole)}`,
        `[chaos]   must be refused: ${phases[0].length}; snapshot checked after ${checkedBatches} batches of refused writes`,
        `[chaos]   5xx: ${serverErrors.length}; invalid but accepted: ${acceptedInvalid.length}; changed on refusal: ${changedOnRefusal.length}`,
      ].join('\n'),
    );
    for (const [title, list] of [
      ['5xx', serverErrors],
      ['invalid but accepted', acceptedInvalid],
      ['changed on refusal', changedOnRefusal],
    ] as const) {
      if (list.length) console.log(`[chaos] ${title} (${list.length}):\n  ${list.slice(0, 100).join('\n  ')}`);
    }

    expect(outcomes.length).toBe(COUNT);
    expect(serverErrors, `${serverErrors.length} requests answered 5xx (seed ${SEED})`).toEqual([]);
    expect(acceptedInvalid, `${acceptedInvalid.length} invalid state-changing requests were accepted (seed ${SEED})`).toEqual([]);
    expect(changedOnRefusal, `refused requests changed the database (seed ${SEED})`).toEqual([]);
  });
});
