import { waitUntil } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
type Summary = { version: number; createdAt: string; authorId: string | null; authorName: string | null; note: string | null; restoredFrom: number | null };
type Version = Omit<Summary, 'authorName'> & { policy: Json & { version: number; updatedAt: string } };

const BIG_DISCOUNTS = (value: number, managerId: string) => ({
  id: 'big-discounts',
  name: 'Big discounts',
  when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value }] }],
  route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: managerId }] }] }],
  firstMatchOnly: false,
});
const LONG_TERMS = (managerId: string) => ({
  id: 'long-terms',
  name: 'Long terms',
  when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }] }],
  route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: managerId }] }] }],
  firstMatchOnly: false,
});

/**
 * The approval policy's history over HTTP, API + worker on PostgreSQL and Redis: every save is a
 * version with author, time (the clock's) and note; two versions compare as differences by path;
 * an old one is restored as a new version, which routes the next quote; nobody but admins acts.
 */
describe('approval policy versions: history, compare, restore (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'policy-versions', users: ['rep', 'manager', 'admin'], clockStart: '2026-12-03T09:00:00.000Z' });
  const { call, ids } = system;
  const url = '/api/v1/approvals/policy/versions';
  let first = 0;

  const save = async (body: Json, changeNote?: string) => {
    const { version } = (await call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number }>();
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', { ...body, version: version || undefined, changeNote });
    expect(saved.statusCode, saved.body).toBe(200);
    return saved.json<{ version: number }>().version;
  };

  beforeAll(async () => {
    await system.start();
    first = await save({ requireApproval: true, defaultApproverId: ids['manager'], rules: [] }, 'Everything to Max');
    system.advanceClock(60 * 60 * 1000);
    await save({ requireApproval: false, defaultApproverId: ids['manager'], rules: [BIG_DISCOUNTS(20, ids['manager']!)] }, 'Only big discounts');
    system.advanceClock(60 * 60 * 1000);
    await save({ requireApproval: false, defaultApproverId: ids['manager'], rules: [BIG_DISCOUNTS(30, ids['manager']!), LONG_TERMS(ids['manager']!)], exchangeRates: { USD: '0.92' } });
  });
  afterAll(() => system.stop());

  it('keeps every save as a version with author, time and note, newest first, a page at a time', async () => {
    const page = (await call('admin', 'GET', `${url}?limit=2`)).json<{ items: Summary[]; nextBefore: number | null }>();
    const row = (v: Summary) => [v.version, v.createdAt, v.authorId, v.authorName, v.note, v.restoredFrom];
    expect(page.items.map(row)).toEqual([
      [first + 2, '2026-12-03T11:00:00.000Z', ids['admin'], 'Ada Admin', null, null],
      [first + 1, '2026-12-03T10:00:00.000Z', ids['admin'], 'Ada Admin', 'Only big discounts', null],
    ]);
    expect(page.nextBefore).toBe(first + 1);
    const next = (await call('admin', 'GET', `${url}?limit=2&before=${page.nextBefore}`)).json<{ items: Summary[]; nextBefore: number | null }>();
    expect(next.items.map(row)[0]).toEqual([first, '2026-12-03T09:00:00.000Z', ids['admin'], 'Ada Admin', 'Everything to Max', null]);
    const one = (await call('admin', 'GET', `${url}/${first + 1}`)).json<Version>();
    expect(one.policy).toMatchObject({ version: first + 1, requireApproval: false, rules: [{ id: 'big-discounts', name: 'Big discounts', watchedFields: [] }], exchangeRates: {} });
  });

  it('compares two versions as differences by path, codes not sentences', async () => {
    const compare = async (from: number, to: number) => (await call('admin', 'GET', `${url}/compare?from=${from}&to=${to}`)).json<{ from: Version; to: Version; differences: Json[] }>();
    const oneToThree = await compare(first, first + 2);
    expect([oneToThree.from.version, oneToThree.to.version]).toEqual([first, first + 2]);
    expect(oneToThree.differences.map((d) => [d['code'], d['path'], d['from'], d['to'], d['toPosition']])).toEqual([
      ['setting-changed', 'requireApproval', true, false, null],
      ['setting-changed', 'exchangeRates.USD', null, '0.92', null],
      ['rule-added', 'rules.big-discounts', null, null, 0],
      ['rule-added', 'rules.long-terms', null, null, 1],
    ]);
    expect((await compare(first + 1, first + 2)).differences).toMatchObject([
      { code: 'setting-changed', path: 'exchangeRates.USD' },
      { code: 'rule-changed', path: 'rules.big-discounts', ruleName: 'Big discounts', fields: ['when'] },
      { code: 'rule-added', path: 'rules.long-terms' },
    ]);
    expect((await call('admin', 'GET', `${url}/compare?from=${first}&to=99`)).json()).toMatchObject({ statusCode: 404, code: 'APPROVALS.POLICY_VERSION_NOT_FOUND', details: { version: 99 } });
    expect((await call('admin', 'GET', `${url}/compare?from=abc&to=2`)).json()).toMatchObject({ statusCode: 400, details: { fields: expect.arrayContaining([{ field: 'from', reason: 'from must be a version number' }]) } });
    expect((await call('admin', 'GET', `${url}/abc`)).json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'version', reason: 'must be a whole number from 1' }] } });
  });

  it('refuses restores by reps and managers, a stale version, and never changes a version', async () => {
    for (const who of ['rep', 'manager']) {
      expect((await call(who, 'POST', `${url}/${first}/restore`, { expectedVersion: first + 2 })).statusCode).toBe(403);
      expect((await call(who, 'GET', url)).statusCode).toBe(403);
    }
    expect((await call('admin', 'POST', `${url}/${first}/restore`, { expectedVersion: first + 1 })).json()).toMatchObject({
      statusCode: 409,
      code: 'APPROVALS.STALE_SETTINGS',
      details: { expectedVersion: first + 1, currentVersion: first + 2 },
    });
    expect((await call('admin', 'POST', `${url}/${first}/restore`, { expectedVersion: first + 2, changeNote: 'x'.repeat(501) })).json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'changeNote' }] } });
    // No endpoint changes or deletes a version.
    expect((await call('admin', 'PUT', `${url}/${first}`, { note: 'rewritten' })).statusCode).toBe(404);
    expect((await call('admin', 'DELETE', `${url}/${first}`)).statusCode).toBe(404);
    expect((await call('admin', 'GET', `${url}/${first}`)).json()).toMatchObject({ note: 'Everything to Max', restoredFrom: null });
    expect((await call('admin', 'GET', '/api/v1/approvals/settings')).json()).toMatchObject({ version: first + 2 });
  });


  it('restores an old version as a new one, which routes the next quote', async () => {
    system.advanceClock(60 * 60 * 1000);
    const restored = await call('admin', 'POST', `${url}/${first}/restore`, { expectedVersion: first + 2, changeNote: 'Back to everything' });
    expect(restored.statusCode, restored.body).toBe(200);
    const now = restored.json<Version>();
    expect(now).toMatchObject({ version: first + 3, restoredFrom: first, note: 'Back to everything', authorId: ids['admin'], createdAt: '2026-12-03T12:00:00.000Z' });
    const old = (await call('admin', 'GET', `${url}/${first}`)).json<Version>();
    const policyOf = (v: Version) => ({ ...v.policy, version: undefined, updatedAt: undefined });
    expect(policyOf(now)).toEqual(policyOf(old));
    expect((await call('admin', 'GET', `${url}/compare?from=${first}&to=${first + 3}`)).json()).toMatchObject({ differences: [] });
    expect((await call('admin', 'GET', '/api/v1/approvals/settings')).json()).toMatchObject({ version: first + 3, requireApproval: true, rules: [] });

    // Approval on all quotes again: the next quote's round records the restored version.
    const dealId = await system.createDeal('Versions');
    const created = await call('rep', 'POST', '/api/v1/quotes', { title: 'After the restore', dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '100.00' }] });
    const id = created.json<{ id: string }>().id;
    const submitted = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ status: 'pending_approval' });
    const round = await waitUntil(
      async () => {
        const page = await call('admin', 'GET', `/api/v1/approvals/quotes/${id}`);
        return page.statusCode === 200 ? page.json<{ current: { route: { policyVersion: number } } }>().current : null;
      },
      { timeoutMs: 20_000 },
    );
    expect(round.route.policyVersion).toBe(first + 3);
  });

  it('keeps the version of each approval workflow the system installed', async () => {
    await system.waitUntilQuiet();
    const { items } = (await call('admin', 'GET', '/api/v1/workflows')).json<{ items: Array<{ id: string; name: string; version: number }> }>();
    const needsApproval = items.find((w) => w.name === 'When quotes need approval')!;
    const versions = (await call('admin', 'GET', `/api/v1/workflows/${needsApproval.id}/versions`)).json<{ items: Summary[] }>().items;
    // Installed by the first save; approvals stayed on through every later save (rules, then all quotes again).
    expect(versions.map((v) => [v.version, v.authorId, v.authorName, v.note])).toEqual([[1, 'system', null, 'installed']]);
    expect(versions[0]!.version).toBe(needsApproval.version);
  });

  it('lets one of two saves at the same moment win: the other answers 409 and writes no version', async () => {
    const settings = (await call('admin', 'GET', '/api/v1/approvals/settings')).json<Json & { version: number }>();
    const body = { requireApproval: settings['requireApproval'], defaultApproverId: settings['defaultApproverId'], rules: settings['rules'], version: settings.version };
    const answers = await Promise.all(['A', 'B'].map((note) => call('admin', 'PUT', '/api/v1/approvals/settings', { ...body, changeNote: `Race ${note}` })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const { items } = (await call('admin', 'GET', url)).json<{ items: Summary[] }>();
    expect(items.filter((v) => v.note?.startsWith('Race'))).toHaveLength(1);
    expect(items[0]!.version).toBe(settings.version + 1);
  });
});
