import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { SendNotificationCommand } from '@qa/notifications-contracts';
import { CreateTaskCommand } from '@qa/tasks-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

describe('tasks and notifications API', () => {
  let api: ApiTestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApiTestApp();
    await api.seedDemoUsers();
    for (const who of ['rep', 'rep2', 'manager', 'admin']) {
      cookies[who] = await api.logIn(`${who}@example.com`);
      ids[who] = (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookies[who] } })).json<{ id: string }>().id;
    }
  });
  afterAll(() => api?.close());

  const call = (who: string, method: string, url: string, payload?: unknown) => api.request({ method, url, payload: payload as never, headers: { cookie: cookies[who] } });
  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(api.app.get(MikroORM).em.fork(), work);

  it("shows a user their open tasks and the badge count; the assignee completes a task once", async () => {
    const created = await call('rep', 'POST', '/api/v1/tasks', { title: 'Call Anna about the discount', assigneeId: ids['manager'], relatedType: 'quote', relatedId: ids['rep'], priority: 'high', dueOn: '2026-12-01' });
    expect(created.statusCode).toBe(201);
    const task = created.json<{ id: string }>();
    expect((await call('manager', 'GET', '/api/v1/tasks/counts')).json()).toEqual({ openAssignedToMe: 1 });
    const mine = (await call('manager', 'GET', '/api/v1/tasks?status=open')).json<{ items: Array<{ id: string; title: string; message: unknown }> }>();
    expect(mine.items.map((t) => [t.title, t.message])).toEqual([['Call Anna about the discount', null]]);

    expect((await call('rep2', 'POST', `/api/v1/tasks/${task.id}/complete`)).statusCode).toBe(404);
    expect((await call('rep2', 'GET', '/api/v1/tasks?assignee=anyone')).json<{ items: unknown[] }>().items).toEqual([]);
    // The creator sees the task they made, though it is not theirs to complete.
    expect((await call('rep', 'GET', '/api/v1/tasks?assignee=anyone')).json<{ items: Array<{ id: string }> }>().items.map((t) => t.id)).toContain(task.id);

    const completed = await call('manager', 'POST', `/api/v1/tasks/${task.id}/complete`);
    expect(completed.json()).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect((await call('manager', 'POST', `/api/v1/tasks/${task.id}/complete`)).json()).toMatchObject({ statusCode: 409, code: 'TASKS.ALREADY_COMPLETED' });
    expect((await call('manager', 'GET', '/api/v1/tasks/counts')).json()).toEqual({ openAssignedToMe: 0 });
  });

  it('names invalid task fields', async () => {
    const response = await call('rep', 'POST', '/api/v1/tasks', { title: '', assigneeId: 'nobody', priority: 'urgent', dueOn: 'tomorrow' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ details: { fields: Array<{ field: string }> } }>().details.fields.map((f) => f.field).sort()).toEqual(['assigneeId', 'dueOn', 'dueOn', 'priority', 'title']);
  });

  it('creates a workflow task once per source key (a redelivered step makes no second task)', async () => {
    const command = () =>
      new CreateTaskCommand({
        title: 'approvals.reviewQuote',
        notes: '',
        message: { code: 'approvals.reviewQuote', params: { number: 'Q-2026-0001', title: 'Website redesign' } },
        assigneeId: ids['manager'],
        relatedType: 'quote',
        relatedId: ids['rep'],
        dueOn: null,
        priority: 'medium',
        createdBy: { type: 'workflow', id: 'wf-1' },
        sourceKey: 'run-42:step-0',
      });
    const first = await inContext(() => api.app.get(CommandBus).execute(command()));
    const second = await inContext(() => api.app.get(CommandBus).execute(command()));
    expect(first).toMatchObject({ created: true });
    expect(second).toEqual({ id: (first as { id: string }).id, created: false });
    // Its text is a code with params for clients to word; a task a user typed has none.
    const tasks = (await call('manager', 'GET', '/api/v1/tasks?assignee=me&status=open')).json<{ items: Array<{ id: string; title: string; message: unknown }> }>().items;
    expect(tasks.find((t) => t.id === (first as { id: string }).id)?.message).toEqual({ code: 'approvals.reviewQuote', params: { number: 'Q-2026-0001', title: 'Website redesign' } });
  });

  it('rings the bell: notifications list, unread count, mark one and all as read, only for the recipient', async () => {
    const approved = { code: 'approvals.quoteApproved', params: { number: 'Q-2026-0001', title: 'Website redesign' } };
    const send = (title: string, sourceKey: string, message: typeof approved | null = null) =>
      inContext(() => api.app.get(CommandBus).execute(new SendNotificationCommand({ recipientUserId: ids['rep'], title, body: '', message, link: '/quotes/x', sourceKey })));
    await send('approvals.quoteApproved', 'n-1', approved);
    await send('approvals.quoteApproved', 'n-1', approved); // the same source key notifies once
    await send('Task assigned', 'n-2');
    const list = (await call('rep', 'GET', '/api/v1/notifications')).json<{ items: Array<{ id: string; title: string; message: unknown; readAt: string | null }>; unread: number }>();
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => [n.title, n.message])).toEqual([
      ['Task assigned', null],
      ['approvals.quoteApproved', approved],
    ]);

    expect((await call('rep2', 'POST', `/api/v1/notifications/${list.items[0].id}/read`)).statusCode).toBe(404);
    expect((await call('rep', 'POST', `/api/v1/notifications/${list.items[0].id}/read`)).json()).toMatchObject({ readAt: expect.any(String) });
    expect((await call('rep', 'GET', '/api/v1/notifications?unread=true')).json<{ items: unknown[]; unread: number }>()).toMatchObject({ unread: 1 });
    expect((await call('rep', 'POST', '/api/v1/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await call('rep', 'GET', '/api/v1/notifications')).json<{ unread: number }>().unread).toBe(0);
    expect((await call('rep2', 'GET', '/api/v1/notifications')).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
