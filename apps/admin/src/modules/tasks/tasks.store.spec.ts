import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createApiClient } from '@qa/shared-api-client';
import { setApiClient } from '../../api/client';
import { BASE_URL, installFakeApi } from '../../testing/fake-api';
import { task } from '../../testing/work-fixtures';
import { usePeopleStore } from '../people/people.store';
import { useTasksStore, type Task } from './tasks.store';

describe('useTasksStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('loads my open tasks by default and asks the API for the names of the people who created them', async () => {
    const api = installFakeApi({
      'GET /api/v1/tasks': ({ url }) => ({
        status: 200,
        body: { items: url.search === '?assignee=me&status=open' ? [task(), task({ id: 't-2', createdByType: 'user', createdById: 'u-max' })] : [] },
      }),
      'GET /api/v1/users/names': ({ url }) => ({
        status: 200,
        body: { items: url.searchParams.get('ids') === 'u-rita,u-max' ? [{ id: 'u-rita', name: 'Rita Rep' }, { id: 'u-max', name: 'Max Manager' }] : [] },
      }),
    });
    const tasks = useTasksStore();

    await tasks.load();

    expect(tasks.items.map((item) => item.id)).toEqual(['t-1', 't-2']);
    expect(tasks.loaded).toBe(true);
    expect(usePeopleStore().nameOf('u-max')).toBe('Max Manager');
    expect(api.calls.map((call) => call.path)).toEqual(['/api/v1/tasks', '/api/v1/users/names']);
  });

  it('asks for completed tasks of anyone when the filters say so', async () => {
    const queries: string[] = [];
    installFakeApi({
      'GET /api/v1/tasks': ({ url }) => {
        queries.push(url.search);
        return { status: 200, body: { items: [] } };
      },
    });
    const tasks = useTasksStore();

    await tasks.setStatus('completed');
    await tasks.setAssignee('anyone');

    expect(queries).toEqual(['?assignee=me&status=completed', '?assignee=anyone&status=completed']);
  });

  it('keeps the answer of the newest request when an older one arrives later', async () => {
    const pending: Array<{ status: string | null; answer: (response: Response) => void }> = [];
    const fetchImpl = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/users/names') return Promise.resolve(Response.json({ items: [] }));
      return new Promise<Response>((answer) => pending.push({ status: url.searchParams.get('status'), answer }));
    };
    setApiClient(createApiClient(BASE_URL, fetchImpl as typeof fetch));
    const tasks = useTasksStore();
    const first = tasks.load();
    const second = tasks.setStatus('completed');
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));

    // The newer request (completed) answers first, then the older one (open).
    pending.find((entry) => entry.status === 'completed')?.answer(Response.json({ items: [task({ id: 'new', status: 'completed' })] }));
    await second;
    pending.find((entry) => entry.status === 'open')?.answer(Response.json({ items: [task({ id: 'old' })] }));
    await first;

    expect(pending).toHaveLength(2);
    expect(tasks.items.map((item) => item.id)).toEqual(['new']);
    expect(tasks.loading).toBe(false);
  });

  it('completes a task: POSTs it, drops it from the open list and refreshes the count of my open tasks', async () => {
    let open = 2;
    const api = installFakeApi({
      'GET /api/v1/tasks': { status: 200, body: { items: [task(), task({ id: 't-2', title: 'Call the buyer' })] } },
      'GET /api/v1/users/names': { status: 200, body: { items: [] } },
      'POST /api/v1/tasks/t-2/complete': () => {
        open -= 1;
        return { status: 200, body: task({ id: 't-2', status: 'completed', completedAt: '2026-11-02T10:00:00.000Z' }) };
      },
      'GET /api/v1/tasks/counts': () => ({ status: 200, body: { openAssignedToMe: open } }),
    });
    const tasks = useTasksStore();
    await tasks.load();
    await tasks.loadCount();
    expect(tasks.openCount).toBe(2);

    const result = await tasks.complete(tasks.items[1] as Task);

    expect(result.ok).toBe(true);
    expect(tasks.items.map((item) => item.id)).toEqual(['t-1']);
    expect(tasks.openCount).toBe(1);
    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toContain('POST /api/v1/tasks/t-2/complete');
  });

  it('keeps a task whose completion failed and says so in the result', async () => {
    installFakeApi({
      'GET /api/v1/tasks': { status: 200, body: { items: [task()] } },
      'GET /api/v1/users/names': { status: 200, body: { items: [] } },
      'POST /api/v1/tasks/t-1/complete': { status: 404, body: { statusCode: 404, code: 'TASKS.NOT_FOUND', message: 'No task', details: {} } },
    });
    const tasks = useTasksStore();
    await tasks.load();

    const result = await tasks.complete(tasks.items[0] as Task);

    expect(result).toMatchObject({ ok: false, status: 404 });
    expect(tasks.items).toHaveLength(1);
    expect(tasks.completing).toEqual([]);
  });

  it('creates a task with POST /api/v1/tasks and reloads the list and the count', async () => {
    const api = installFakeApi({
      'POST /api/v1/tasks': ({ body }) => ({ status: 201, body: task({ id: 't-9', title: (body as { title: string }).title, createdByType: 'user', createdById: 'u-rita' }) }),
      'GET /api/v1/tasks': { status: 200, body: { items: [task({ id: 't-9', title: 'Prepare the demo' })] } },
      'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 1 } },
      'GET /api/v1/users/names': { status: 200, body: { items: [{ id: 'u-rita', name: 'Rita Rep' }] } },
    });
    const tasks = useTasksStore();

    const result = await tasks.create({ title: 'Prepare the demo', assigneeId: 'u-rita', priority: 'high', dueOn: '2030-02-01' });

    expect(result.ok).toBe(true);
    expect(api.calls[0]).toEqual({ method: 'POST', path: '/api/v1/tasks', body: { title: 'Prepare the demo', assigneeId: 'u-rita', priority: 'high', dueOn: '2030-02-01' } });
    expect(tasks.items.map((item) => item.title)).toEqual(['Prepare the demo']);
    expect(tasks.openCount).toBe(1);
  });
});
