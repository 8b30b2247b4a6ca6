import { describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import App from '../../App.vue';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { FakeEventSource, liveEvent } from '../../testing/fake-event-source';
import { mountPage } from '../../testing/mount-page';
import { rita, task } from '../../testing/work-fixtures';

function mountAt(path: string, routes: Record<string, FakeRoute>, me: ApiSchemas['MeResponse'] = rita) {
  return mountPage(App, {
    path,
    routes: { 'GET /api/v1/me': { status: 200, body: me }, 'GET /api/v1/notifications': { status: 200, body: { items: [], unread: 0 } }, ...routes },
    waitFor: 'main h1',
  });
}

function tasksLink(w: VueWrapper) {
  return w.get('nav a[href="/tasks"]');
}

describe('Tasks link badge', () => {
  it('shows the count of my open tasks on the Tasks link and names the link "Tasks, 3 open"', async () => {
    const { wrapper: w } = await mountAt('/quotes', { 'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 3 } } });

    await vi.waitFor(() => expect(tasksLink(w).attributes('aria-label')).toBe('Tasks, 3 open'));
    expect(tasksLink(w).get('.nav-badge').text()).toBe('3');
    expect(tasksLink(w).get('.nav-badge').attributes('aria-hidden')).toBe('true');
    // The name starts with what the link shows, "Tasks 3" (WCAG 2.5.3).
    expect(tasksLink(w).text()).toBe('Tasks 3');
  });

  it('shows no badge and keeps the plain name "Tasks" while I have no open tasks', async () => {
    const { wrapper: w } = await mountAt('/quotes', { 'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 0 } } });

    expect(tasksLink(w).attributes('aria-label')).toBeUndefined();
    expect(tasksLink(w).find('.nav-badge').exists()).toBe(false);
    expect(tasksLink(w).text()).toBe('Tasks');
  });

  it('updates the badge without a reload when a task event about me arrives, and ignores tasks of others', async () => {
    let open = 1;
    const { wrapper: w, api } = await mountAt('/quotes', { 'GET /api/v1/tasks/counts': () => ({ status: 200, body: { openAssignedToMe: open } }) });
    const source = FakeEventSource.latest;
    source?.open();
    await vi.waitFor(() => expect(tasksLink(w).attributes('aria-label')).toBe('Tasks, 1 open'));
    const countCalls = () => api.calls.filter((call) => call.path === '/api/v1/tasks/counts').length;
    const before = countCalls();

    source?.emit('tasks.task.created.v1', liveEvent('tasks.task.created.v1', { payload: { assigneeId: 'u-someone-else' } }));
    await flushPromises();
    expect(countCalls()).toBe(before);

    open = 2;
    source?.emit('tasks.task.created.v1', liveEvent('tasks.task.created.v1', { payload: { assigneeId: 'u-rita', title: 'Review Q-1' } }));
    await vi.waitFor(() => expect(tasksLink(w).attributes('aria-label')).toBe('Tasks, 2 open'));
    expect(tasksLink(w).get('.nav-badge').text()).toBe('2');

    open = 1;
    source?.emit('tasks.task.completed.v1', liveEvent('tasks.task.completed.v1', { payload: { assigneeId: 'u-rita' } }));
    await vi.waitFor(() => expect(tasksLink(w).attributes('aria-label')).toBe('Tasks, 1 open'));
  });

  it('also refreshes the badge shortly after a quote event, when workflows create tasks', async () => {
    let open = 0;
    const { wrapper: w } = await mountAt('/quotes', {
      'GET /api/v1/tasks/counts': () => ({ status: 200, body: { openAssignedToMe: open } }),
      'GET /api/v1/quotes': { status: 200, body: { items: [], nextCursor: null, countsByStatus: {} } },
    });
    const source = FakeEventSource.latest;
    source?.open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    open = 1;
    source?.emit('quotes.quote.submitted.v1', liveEvent('quotes.quote.submitted.v1', { payload: { ownerId: 'u-rita' } }));
    await flushPromises();
    expect(tasksLink(w).attributes('aria-label')).toBeUndefined();
    vi.advanceTimersByTime(1_500);
    vi.useRealTimers();
    await vi.waitFor(() => expect(tasksLink(w).attributes('aria-label')).toBe('Tasks, 1 open'));
  });
});

describe('Tasks page', () => {
  const routes = (items: ApiSchemas['TaskResponse'][]): Record<string, FakeRoute> => ({
    'GET /api/v1/tasks': { status: 200, body: { items } },
    'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: items.length } },
    'GET /api/v1/users/names': { status: 200, body: { items: [{ id: 'u-max', name: 'Max Manager' }, { id: 'u-rita', name: 'Rita Rep' }] } },
  });

  it('lists my open tasks with the related quote, due date, priority and who created them', async () => {
    const { wrapper: w, api } = await mountAt(
      '/tasks',
      routes([
        task({ notes: 'Check the discount' }),
        task({ id: 't-2', title: 'Call the buyer', relatedType: null, relatedId: null, dueOn: null, priority: 'high', createdByType: 'user', createdById: 'u-max' }),
      ]),
    );

    expect(w.get('main h1').text()).toBe('Tasks');
    const rows = w.findAll('tbody tr');
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first?.get('th[scope="row"]').text()).toContain('Review Q-2026-0001');
    expect(first?.text()).toContain('Check the discount');
    expect(first?.get('a').text()).toBe('Open quote');
    expect(first?.get('a').attributes('href')).toBe('/quotes/q-1');
    expect(first?.get('time').text()).toBe('31 Jan 2030');
    expect(first?.text()).toContain('Medium');
    expect(first?.text()).toContain('Workflow');
    expect(second?.find('a').exists()).toBe(false);
    expect(second?.text()).toContain('No due date');
    expect(second?.text()).toContain('High');
    expect(second?.text()).toContain('Max Manager');
    expect(api.calls.filter((call) => call.path === '/api/v1/tasks').map((call) => call.method)).toContain('GET');
    // A rep sees only the status filter (their own tasks).
    expect(w.findAll('[role="group"] .form-label').map((label) => label.text())).toEqual(['Status']);
  });

  it('completes a task with its "Complete <title>" button and announces it', async () => {
    const api = { completed: false };
    const { wrapper: w } = await mountAt('/tasks', {
      ...routes([task(), task({ id: 't-2', title: 'Call the buyer' })]),
      'POST /api/v1/tasks/t-2/complete': () => {
        api.completed = true;
        return { status: 200, body: task({ id: 't-2', title: 'Call the buyer', status: 'completed' }) };
      },
    });

    const button = w.findAll('button').find((b) => b.attributes('aria-label') === 'Complete Call the buyer');
    expect(button?.text()).toContain('Complete');
    await button?.trigger('click');
    await flushPromises();

    expect(api.completed).toBe(true);
    expect(w.findAll('tbody tr').map((row) => row.get('th').text())).toEqual(['Review Q-2026-0001']);
    expect(w.get('.task-message[role="status"]').text()).toBe('Task “Call the buyer” completed.');
  });

  it('words a workflow task from its message code in the user’s language, and shows a typed title as it is', async () => {
    const items = [
      task({ id: 't-1', title: 'approvals.reviewQuoteStep', message: { code: 'approvals.reviewQuoteStep', params: { number: 'Q-2026-0007', title: 'Website', step: '2', steps: '3' } } }),
      task({ id: 't-2', title: 'approvals.makeChanges', notes: 'Lower the discount', message: { code: 'approvals.makeChanges', params: { number: 'Q-2026-0007' } } }),
      task({ id: 't-3', title: 'Call the buyer', createdByType: 'user', createdById: 'u-max' }),
      task({ id: 't-4', title: 'Stored text', message: { code: 'approvals.someFutureCode', params: {} } }),
    ];
    const rows = (w: VueWrapper) => w.findAll('tbody tr').map((row) => [row.get('.title-text').text(), row.find('.task-notes').exists() ? row.get('.task-notes').text() : '']);

    const { wrapper: en } = await mountAt('/tasks', routes(items));
    expect(rows(en)).toEqual([
      ['Review quote Q-2026-0007: Website (step 2 of 3)', 'The previous step is approved. Open the approval page to approve and publish the quote or request changes.'],
      ['Make the changes requested on Q-2026-0007', 'Lower the discount'],
      ['Call the buyer', ''],
      ['Stored text', ''],
    ]);
    expect(en.findAll('tbody button').map((b) => b.attributes('aria-label'))[0]).toBe('Complete Review quote Q-2026-0007: Website (step 2 of 3)');
    en.unmount();

    const { wrapper: nl } = await mountPage(App, {
      path: '/tasks',
      locale: 'nl',
      routes: { 'GET /api/v1/me': { status: 200, body: rita }, 'GET /api/v1/notifications': { status: 200, body: { items: [], unread: 0 } }, ...routes(items) },
      waitFor: 'main h1',
    });
    expect(rows(nl)).toEqual([
      ['Offerte Q-2026-0007 beoordelen: Website (stap 2 van 3)', 'De vorige stap is goedgekeurd. Open de goedkeuringspagina om de offerte goed te keuren en te publiceren of om wijzigingen te vragen.'],
      ['Voer de gevraagde wijzigingen door in Q-2026-0007', 'Lower the discount'],
      ['Call the buyer', ''],
      ['Stored text', ''],
    ]);
  });

  it('lets a manager switch between open and completed tasks of me or anyone with pressed toggle buttons', async () => {
    const queries: string[] = [];
    const { wrapper: w } = await mountAt(
      '/tasks',
      {
        ...routes([]),
        'GET /api/v1/tasks': ({ url }) => {
          queries.push(url.search);
          return { status: 200, body: { items: url.searchParams.get('assignee') === 'anyone' ? [task({ status: 'completed', completedAt: '2026-11-02T10:00:00.000Z' })] : [] } };
        },
      },
      { id: 'u-max', email: 'manager@example.com', name: 'Max Manager', role: 'manager' },
    );
    expect(w.text()).toContain('No open tasks.');

    const button = (name: string) => w.findAll('.filter-chip').find((chip) => chip.text() === name);
    await button('Completed')?.trigger('click');
    await button('Anyone')?.trigger('click');
    await flushPromises();

    expect(queries).toEqual(['?assignee=me&status=open', '?assignee=me&status=completed', '?assignee=anyone&status=completed']);
    expect(button('Completed')?.attributes('aria-pressed')).toBe('true');
    expect(button('Open')?.attributes('aria-pressed')).toBe('false');
    expect(button('Anyone')?.attributes('aria-pressed')).toBe('true');
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Task', 'Related record', 'Due', 'Priority', 'Assignee', 'Created by', 'Completed']);
    expect(w.get('tbody tr').text()).toContain('Rita Rep');
    expect(w.find('tbody button').exists()).toBe(false);
  });

  it('reloads the list without a reload of the page when a task event arrives', async () => {
    let items = [task()];
    const { wrapper: w } = await mountAt('/tasks', {
      ...routes([]),
      'GET /api/v1/tasks': () => ({ status: 200, body: { items } }),
    });
    const source = FakeEventSource.latest;
    source?.open();
    expect(w.findAll('tbody tr')).toHaveLength(1);

    items = [task(), task({ id: 't-2', title: 'New from a workflow' })];
    source?.emit('tasks.task.created.v1', liveEvent('tasks.task.created.v1', { payload: { assigneeId: 'u-rita' } }));
    await vi.waitFor(() => expect(w.findAll('tbody tr')).toHaveLength(2));
  });

  it('creates a task for myself from the New task dialog (a rep assigns to themselves)', async () => {
    const posted: unknown[] = [];
    const { wrapper: w } = await mountAt('/tasks', {
      ...routes([]),
      'POST /api/v1/tasks': ({ body }) => {
        posted.push(body);
        return { status: 201, body: task({ id: 't-5', title: 'Prepare the demo' }) };
      },
    });

    await w.findAll('button').find((b) => b.text() === 'New task')?.trigger('click');
    await flushPromises();
    const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Rita Rep (you)');
    // Submitting without a title shows the problem at the field.
    (document.querySelector('button[form="new-task-form"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(document.getElementById('new-task-title')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('new-task-title-error')?.textContent).toBe('Enter a title.');

    const title = document.getElementById('new-task-title') as HTMLInputElement;
    title.value = 'Prepare the demo';
    title.dispatchEvent(new Event('input'));
    const due = document.getElementById('new-task-due') as HTMLInputElement;
    due.value = '2030-02-01';
    due.dispatchEvent(new Event('input'));
    (document.querySelector('button[form="new-task-form"]') as HTMLButtonElement).click();
    await flushPromises();

    expect(posted).toEqual([{ title: 'Prepare the demo', assigneeId: 'u-rita', dueOn: '2030-02-01', priority: 'medium' }]);
    expect(w.get('.task-message').text()).toBe('Task “Prepare the demo” created.');
  });

  it('lets an admin assign a new task to any active user from the user list', async () => {
    const { wrapper: w } = await mountAt(
      '/tasks',
      {
        ...routes([]),
        'GET /api/v1/users': {
          status: 200,
          body: {
            items: [
              { id: 'u-ada', email: 'admin@example.com', name: 'Ada Admin', role: 'admin', active: true },
              { id: 'u-rita', email: 'rep@example.com', name: 'Rita Rep', role: 'rep', active: true },
              { id: 'u-old', email: 'old@example.com', name: 'Old Rep', role: 'rep', active: false },
            ],
          },
        },
      },
      ada,
    );

    await w.findAll('button').find((b) => b.text() === 'New task')?.trigger('click');
    await flushPromises();
    (document.querySelector('.new-task-dialog .p-select') as HTMLElement).click();
    await flushPromises();

    expect([...document.querySelectorAll('[role="option"]')].map((option) => option.textContent?.trim())).toEqual(['Ada Admin (you)', 'Rita Rep']);
  });
});
