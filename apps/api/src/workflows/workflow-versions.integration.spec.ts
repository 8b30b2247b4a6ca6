import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInApiTestApp, type LoggedInApiTestApp } from '../testing/api-test-app';
import { workflowBody } from '../testing/workflow-fixtures';

type Summary = { version: number; createdAt: string; authorId: string | null; authorName: string | null; note: string | null; restoredFrom: number | null };
type Version = Omit<Summary, 'authorName'> & { definition: Record<string, unknown> & { actions: Array<{ key: string; params: Record<string, unknown> }> } };

/** A workflow's history over HTTP: every save a version, two compared, an old one restored as a new version; admins only. */
describe('workflow versions API', () => {
  let api: LoggedInApiTestApp;
  let id = '';
  const call: LoggedInApiTestApp['call'] = (...args) => api.call(...args);
  const definition = workflowBody({ actions: [{ key: 'create_task', params: { assignee: 'owner', title: 'Follow up {{record.number}}' } }] });

  beforeAll(async () => {
    api = await startLoggedInApiTestApp(['rep', 'manager', 'admin']);
    const created = await call('admin', 'POST', '/api/v1/workflows', { ...definition, changeNote: 'First' });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json<{ id: string }>().id;
    const second = await call('admin', 'PUT', `/api/v1/workflows/${id}`, { ...definition, name: 'Follow up, twice', version: 1, changeNote: 'Renamed' });
    expect(second.statusCode, second.body).toBe(200);
    const third = await call('admin', 'PUT', `/api/v1/workflows/${id}`, {
      ...definition,
      name: 'Follow up, twice',
      enabled: false,
      actions: [...definition.actions, { key: 'set_property', params: { property: 'followed_up', value: 'yes' } }],
      version: 2,
    });
    expect(third.statusCode, third.body).toBe(200);
  });
  afterAll(() => api?.close());

  it('keeps every save as a version with author, time and note, newest first', async () => {
    const list = (await call('admin', 'GET', `/api/v1/workflows/${id}/versions`)).json<{ items: Summary[]; nextBefore: number | null }>();
    expect(list.items.map((v) => [v.version, v.authorName, v.note, v.restoredFrom])).toEqual([
      [3, 'Ada Admin', null, null],
      [2, 'Ada Admin', 'Renamed', null],
      [1, 'Ada Admin', 'First', null],
    ]);
    expect(list.items.every((v) => !Number.isNaN(Date.parse(v.createdAt)))).toBe(true);
    expect(list.nextBefore).toBeNull();
    expect((await call('admin', 'GET', `/api/v1/workflows/${id}/versions/1`)).json()).toMatchObject({ version: 1, note: 'First', definition: { name: definition.name, enabled: true } });
  });

  it('compares two versions by path', async () => {
    const compared = (await call('admin', 'GET', `/api/v1/workflows/${id}/versions/compare?from=1&to=3`)).json<{ differences: Array<Record<string, unknown>> }>();
    expect(compared.differences.map((d) => [d['code'], d['path'], d['actionKey']])).toEqual([
      ['field-changed', 'name', null],
      ['field-changed', 'enabled', null],
      ['action-added', 'actions.1', 'set_property'],
    ]);
    expect((await call('admin', 'GET', `/api/v1/workflows/${id}/versions/compare?from=1&to=9`)).json()).toMatchObject({ statusCode: 404, code: 'WORKFLOWS.VERSION_NOT_FOUND' });
  });

  it('refuses reps and managers, a stale version, and never changes a version', async () => {
    for (const who of ['rep', 'manager']) {
      expect((await call(who, 'GET', `/api/v1/workflows/${id}/versions`)).statusCode).toBe(403);
      expect((await call(who, 'POST', `/api/v1/workflows/${id}/versions/1/restore`, { expectedVersion: 3 })).statusCode).toBe(403);
    }
    expect((await call('admin', 'POST', `/api/v1/workflows/${id}/versions/1/restore`, { expectedVersion: 2 })).json()).toMatchObject({ statusCode: 409, code: 'WORKFLOWS.STALE_VERSION' });
    expect((await call('admin', 'PUT', `/api/v1/workflows/${id}/versions/1`, { note: 'rewritten' })).statusCode).toBe(404);
    expect((await call('admin', 'DELETE', `/api/v1/workflows/${id}/versions/1`)).statusCode).toBe(404);
    expect((await call('admin', 'GET', `/api/v1/workflows/00000000-0000-7000-8000-000000000000/versions`)).json()).toMatchObject({ statusCode: 404, code: 'WORKFLOWS.NOT_FOUND' });
  });

  it('restores version 1 as version 4, equal to it, restored from it', async () => {
    const restored = await call('admin', 'POST', `/api/v1/workflows/${id}/versions/1/restore`, { expectedVersion: 3, changeNote: 'Back to the first' });
    expect(restored.json()).toMatchObject({ version: 4, name: definition.name, enabled: true, actions: [{ key: 'create_task' }] });
    const [first, fourth] = await Promise.all([1, 4].map(async (n) => (await call('admin', 'GET', `/api/v1/workflows/${id}/versions/${n}`)).json<Version>()));
    expect(fourth).toMatchObject({ version: 4, restoredFrom: 1, note: 'Back to the first' });
    expect(fourth!.definition).toEqual(first!.definition);
  });
});
