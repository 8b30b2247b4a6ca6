// Workflows, tasks and notifications in real Chromium against the real API and worker (built SPA
// served by apps/api, the worker running the workflow engine, fresh PostgreSQL database with the
// demo users). An admin builds a workflow in the editor; a rep's submitted quote runs it step by
// step; the rep gets the task and the notification live. Nothing is mocked.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request, type APIRequestContext, type Locator, type Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './browser';
import { choose, isoDateIn, logIn as logInAt, openPage, pageProblems, shot, visible } from './page-helpers';

const baseUrl = inject('baseUrl');

/** Two browsers, so the admin and the rep are signed in at the same time. */
let adminBrowser: E2eBrowser;
let repBrowser: E2eBrowser;

beforeAll(async () => {
  adminBrowser = await launchBrowser({ baseUrl });
  repBrowser = await launchBrowser({ baseUrl });
});

/** What this file made, undone at the end even when a test failed midway (other specs log in as the same users). */
const made = { workflowIds: [] as string[], quoteIds: [] as string[] };

afterAll(async () => {
  await adminBrowser?.close();
  await repBrowser?.close();
  await cleanUp();
});

/** Switches off this file's workflows and completes the open tasks they made (as the admin, through the API). */
async function cleanUp(): Promise<void> {
  const api = await request.newContext({ baseURL: baseUrl });
  try {
    await api.post('/api/v1/auth/login', { data: { email: 'admin@example.com', password: 'demo' } });
    for (const id of made.workflowIds) {
      const found = await api.get(`/api/v1/workflows/${id}`);
      if (!found.ok()) continue;
      const { id: _id, version, runs: _runs, updatedAt: _updatedAt, ...definition } = (await found.json()) as Record<string, unknown> & { id: string; version: number };
      if (definition['enabled']) await api.put(`/api/v1/workflows/${id}`, { data: { ...definition, enabled: false, version } });
    }
    for (const quoteId of made.quoteIds) {
      const open = await api.get(`/api/v1/tasks?assignee=anyone&status=open&relatedType=quote&relatedId=${quoteId}`);
      for (const task of ((await open.json()) as { items: Array<{ id: string }> }).items) await api.post(`/api/v1/tasks/${task.id}/complete`);
    }
  } finally {
    await api.dispose();
  }
}

const logIn = (page: Page, email: string) => logInAt(page, baseUrl, email);

async function addAction(page: Page, label: string): Promise<Locator> {
  const before = await page.locator('li.action-item').count();
  await page.getByRole('button', { name: 'Add action', exact: true }).click();
  await page.getByRole('menu', { name: 'Add action' }).getByRole('menuitem', { name: label, exact: true }).click();
  const added = page.locator('li.action-item').nth(before);
  await visible(added.getByRole('heading', { name: new RegExp(`Step ${before + 1}\\s*${label}`) }));
  return added;
}

/** A company, a deal and a quote of the rep, submitted (approval is off: it becomes Approval not needed). */
async function submitQuoteAsRep(request: APIRequestContext, title: string): Promise<{ id: string; number: string }> {
  const company = await request.post(`${baseUrl}/api/v1/crm/companies`, { data: { name: `Workflow Co ${title.slice(-6)}` } });
  expect(company.status()).toBe(201);
  const companyId = ((await company.json()) as { id: string }).id;
  const deal = await request.post(`${baseUrl}/api/v1/crm/deals`, {
    data: { name: `Deal ${title}`, amount: '1000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId },
  });
  expect(deal.status()).toBe(201);
  const dealId = ((await deal.json()) as { id: string }).id;
  const created = await request.post(`${baseUrl}/api/v1/quotes`, {
    data: { title, dealId, expiresOn: isoDateIn(30), lineItems: [{ productName: 'Onboarding', quantity: 1, unitPrice: '1000.00' }] },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  made.quoteIds.push(id);
  const submitted = await request.post(`${baseUrl}/api/v1/quotes/${id}/submit`, { data: { version: 1 } });
  expect(submitted.status()).toBe(200);
  const quote = (await submitted.json()) as { number: string; status: string };
  expect(quote.status).toBe('approval_not_needed');
  return { id, number: quote.number };
}

describe('workflows, tasks and notifications', () => {
  it('lets an admin build a workflow whose run creates a task, sets a property and notifies the rep, all shown live', async () => {
    const marker = randomBytes(3).toString('hex');
    const workflowName = `Follow up live quotes ${marker}`;
    const quoteTitle = `Website care ${marker}`;
    const taskTitle = `Call the buyer about ${quoteTitle}`;

    // The admin builds the workflow in the editor.
    const admin = await openPage(adminBrowser);
    await logIn(admin, 'admin@example.com');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows', exact: true }).click();
    await visible(admin.getByRole('main').getByRole('heading', { level: 1, name: 'Workflows' }));
    await admin.getByRole('link', { name: 'New workflow' }).click();
    await admin.waitForURL((url) => url.pathname === '/workflows/new');
    await visible(admin.getByRole('heading', { level: 1, name: 'New workflow' }));

    await admin.getByLabel('Name', { exact: true }).fill(workflowName);
    await choose(admin, admin.getByRole('combobox', { name: 'Trigger type' }), 'Status becomes');
    await choose(admin, admin.getByRole('combobox', { name: 'Status', exact: true }), 'Approval not needed');
    // Only this test's quote: other tests submit quotes too.
    await admin.getByRole('button', { name: 'Add condition' }).click();
    const condition = admin.getByRole('group', { name: 'Condition 1' });
    await condition.getByRole('combobox', { name: 'Property', exact: true }).fill('title');
    await choose(admin, condition.getByRole('combobox', { name: 'Operator' }), 'contains');
    await condition.getByRole('textbox', { name: 'Value', exact: true }).fill(marker);

    const createTask = await addAction(admin, 'Create task');
    await createTask.getByRole('textbox', { name: 'Assignee', exact: true }).fill('owner');
    await createTask.getByRole('textbox', { name: 'Title', exact: true }).fill('Call the buyer about {{record.title}}');
    await createTask.getByRole('textbox', { name: 'Due in days', exact: true }).fill('3');
    await choose(admin, createTask.getByRole('combobox', { name: 'Priority' }), 'High');
    const setProperty = await addAction(admin, 'Set property value');
    await setProperty.getByRole('textbox', { name: 'Property', exact: true }).fill('follow_up');
    await setProperty.getByRole('textbox', { name: 'Value', exact: true }).fill('task created for {{record.number}}');
    const notify = await addAction(admin, 'Send notification');
    await notify.getByRole('textbox', { name: 'Recipient', exact: true }).fill('owner');
    await notify.getByRole('textbox', { name: 'Title', exact: true }).fill('{{record.number}} is live');
    await notify.getByRole('textbox', { name: 'Message', exact: true }).fill('No approval was needed. A follow-up task is waiting for you.');

    await admin.getByRole('button', { name: 'Create workflow' }).click();
    await admin.waitForURL((url) => /^\/workflows\/[0-9a-f-]{36}$/.test(url.pathname));
    const workflowId = new URL(admin.url()).pathname.split('/').pop() as string;
    made.workflowIds.push(workflowId);
    await visible(admin.getByRole('status').getByText('Workflow created.'));
    await visible(admin.getByRole('heading', { level: 1, name: workflowName }));

    // Then another action: update the deal stage, moved up before the notification, and saved.
    const dealStage = await addAction(admin, 'Update deal stage');
    await choose(admin, dealStage.getByRole('combobox', { name: 'Stage' }), 'Presentation scheduled');
    await admin.getByRole('button', { name: 'Move Update deal stage up' }).click();
    await visible(admin.getByRole('heading', { name: /Step 3\s*Update deal stage/ }));
    await visible(admin.getByRole('heading', { name: /Step 4\s*Send notification/ }));
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await visible(admin.getByRole('status').getByText('Workflow saved.'));

    const saved = await admin.request.get(`${baseUrl}/api/v1/workflows/${workflowId}`);
    expect(saved.status()).toBe(200);
    const definition = (await saved.json()) as { version: number; enabled: boolean; trigger: unknown; conditions: unknown; actions: Array<{ key: string; params: Record<string, unknown> }> };
    expect(definition.enabled).toBe(true);
    expect(definition.trigger).toEqual({ type: 'status_becomes', status: 'approval_not_needed' });
    expect(definition.conditions).toEqual([{ property: 'title', operator: 'contains', value: marker }]);
    expect(definition.actions.map((action) => action.key)).toEqual(['create_task', 'set_property', 'update_deal_stage', 'send_notification']);
    expect(definition.actions[0]?.params).toEqual({ assignee: 'owner', title: 'Call the buyer about {{record.title}}', dueInDays: 3, priority: 'high' });
    expect(definition.actions[2]?.params).toEqual({ stage: 'presentation_scheduled' });

    // The rep is on the Tasks page, signed in in another browser.
    const rep = await openPage(repBrowser);
    await logIn(rep, 'rep@example.com');
    const counts = await rep.request.get(`${baseUrl}/api/v1/tasks/counts`);
    const openBefore = ((await counts.json()) as { openAssignedToMe: number }).openAssignedToMe;
    const inbox = await rep.request.get(`${baseUrl}/api/v1/notifications`);
    const unreadBefore = ((await inbox.json()) as { unread: number }).unread;
    const nav = rep.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: openBefore ? `Tasks, ${openBefore} open` : 'Tasks', exact: true }).click();
    await visible(rep.getByRole('main').getByRole('heading', { level: 1, name: 'Tasks' }));
    await rep.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

    const quote = await submitQuoteAsRep(rep.request, quoteTitle);

    // Without a reload: the task appears, the badge and the bell count go up.
    const taskLink = nav.getByRole('link', { name: `Tasks, ${openBefore + 1} open`, exact: true });
    await taskLink.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await taskLink.locator('.nav-badge').textContent()).toBe(String(openBefore + 1));
    const row = rep.getByRole('row', { name: new RegExp(taskTitle) });
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await visible(row.getByText('Workflow', { exact: true }));
    await visible(row.getByText('High', { exact: true }));
    expect(await row.getByRole('link', { name: 'Open quote' }).getAttribute('href')).toBe(`/quotes/${quote.id}`);
    const bell = rep.getByRole('button', { name: `Notifications, ${unreadBefore + 1} unread`, exact: true });
    await bell.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await bell.getAttribute('aria-haspopup')).toBe('dialog');
    expect(await rep.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await shot(rep, 'tasks.png', false);

    // The admin sees the run with every step succeeded in the run history (polled while open).
    const runs = admin.getByRole('region', { name: 'Run history' });
    const run = runs.locator('[data-run-status="succeeded"]').first();
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    const steps = run.locator('li.step');
    expect(await steps.count()).toBe(4);
    expect(await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-step-status')))).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect((await steps.locator('.step-label').allTextContents()).map((text) => text.trim())).toEqual([
      'Step 1: Create task',
      'Step 2: Set property value',
      'Step 3: Update deal stage',
      'Step 4: Send notification',
    ]);
    expect(await run.getByRole('link', { name: 'Open quote' }).getAttribute('href')).toBe(`/quotes/${quote.id}`);
    await visible(run.getByText(`value: task created for ${quote.number}`));
    await admin.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await shot(admin, 'workflow-editor.png');

    // The property the workflow set is kept on the quote.
    const properties = await rep.request.get(`${baseUrl}/api/v1/records/quote/${quote.id}/properties`);
    expect(((await properties.json()) as { properties: Array<{ name: string; value: unknown }> }).properties).toContainEqual(
      expect.objectContaining({ name: 'follow_up', value: `task created for ${quote.number}` }),
    );

    // The rep opens the bell: the notification with its time; opening it marks it read and goes to the quote.
    await bell.click();
    const panel = await visible(rep.getByRole('dialog', { name: 'Notifications' }));
    expect(await bell.getAttribute('aria-expanded')).toBe('true');
    const item = panel.getByRole('link', { name: new RegExp(`${quote.number} is live`) });
    await visible(item);
    await visible(item.getByText('No approval was needed. A follow-up task is waiting for you.'));
    expect(await item.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await item.getAttribute('href')).toBe(`/quotes/${quote.id}`);
    await shot(rep, 'notifications.png', false);
    await item.click();
    await rep.waitForURL((url) => url.pathname === `/quotes/${quote.id}`);
    await visible(rep.getByRole('button', { name: unreadBefore ? `Notifications, ${unreadBefore} unread` : 'Notifications', exact: true }));
    const afterRead = await rep.request.get(`${baseUrl}/api/v1/notifications`);
    expect(((await afterRead.json()) as { unread: number }).unread).toBe(unreadBefore);

    // The rep completes the task: it leaves the list and the badge goes back down.
    await nav.getByRole('link', { name: `Tasks, ${openBefore + 1} open`, exact: true }).click();
    await rep.getByRole('button', { name: `Complete ${taskTitle}`, exact: true }).click();
    await visible(rep.getByRole('status').getByText(`Task “${taskTitle}” completed.`));
    await rep.getByRole('row', { name: new RegExp(taskTitle) }).waitFor({ state: 'detached' });
    await visible(nav.getByRole('link', { name: openBefore ? `Tasks, ${openBefore} open` : 'Tasks', exact: true }));

    // The admin switches the workflow off from the list.
    await admin.getByRole('link', { name: 'Back to workflows' }).click();
    const toggle = await visible(admin.getByRole('switch', { name: `${workflowName} enabled`, exact: true }));
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    const workflowRow = admin.getByRole('row', { name: new RegExp(workflowName) });
    await visible(workflowRow.getByText('Status becomes Approval not needed'));
    await toggle.click();
    await visible(admin.getByRole('status').getByText(`“${workflowName}” is off.`));
    expect(await toggle.getAttribute('aria-checked')).toBe('false');

    expect(pageProblems(admin)).toEqual([]);
    expect(pageProblems(rep)).toEqual([]);
    await admin.close();
    await rep.close();
  });

  it('shows a sales manager a workflow read-only, without editing controls', async () => {
    const admin = await openPage(adminBrowser);
    await logIn(admin, 'admin@example.com');
    const name = `Read-only check ${randomBytes(3).toString('hex')}`;
    const created = await admin.request.post(`${baseUrl}/api/v1/workflows`, {
      data: {
        name,
        enabled: false,
        objectType: 'quote',
        trigger: { type: 'event', eventName: 'quotes.quote.signed.v1' },
        conditions: [],
        reenrollment: 'never',
        actions: [{ key: 'update_deal_stage', params: { stage: 'closed_won' } }],
      },
    });
    expect(created.status()).toBe(201);
    const workflowId = ((await created.json()) as { id: string }).id;
    made.workflowIds.push(workflowId);
    await admin.close();

    const manager = await openPage(adminBrowser);
    await logIn(manager, 'manager@example.com');
    await manager.goto(`${baseUrl}/workflows`);
    const row = await visible(manager.getByRole('row', { name: new RegExp(name) }));
    await visible(row.getByText('Event: Quote signed'));
    await visible(row.getByText('Off', { exact: true }));
    expect(await row.getByRole('switch').count()).toBe(0);
    expect(await manager.getByRole('link', { name: 'New workflow' }).count()).toBe(0);

    await row.getByRole('link', { name }).click();
    await manager.waitForURL((url) => url.pathname === `/workflows/${workflowId}`);
    await visible(manager.getByText('Only admins can change workflows.'));
    await visible(manager.getByRole('heading', { name: /Step 1\s*Update deal stage/ }));
    expect(await manager.getByLabel('Name', { exact: true }).isDisabled()).toBe(true);
    expect(await manager.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await manager.getByRole('button', { name: 'Add action' }).count()).toBe(0);
    expect(await manager.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    await visible(manager.getByRole('region', { name: 'Run history' }).getByText('No runs yet.'));
    expect(pageProblems(manager)).toEqual([]);
    await manager.close();
  });

  it('keeps sales reps out of the workflows pages and the API', async () => {
    const rep = await openPage(repBrowser);
    await logIn(rep, 'rep@example.com');
    const api = await rep.request.get(`${baseUrl}/api/v1/workflows`);
    expect(api.status()).toBe(403);

    await rep.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows', exact: true }).click();
    await visible(rep.getByRole('main').getByRole('heading', { level: 1, name: 'Workflows' }));
    await visible(rep.getByText('You do not have access to workflows.'));
    expect(await rep.getByRole('link', { name: 'New workflow' }).count()).toBe(0);
    expect(await rep.getByRole('table').count()).toBe(0);

    await rep.goto(`${baseUrl}/workflows/new`);
    await visible(rep.getByText('You do not have access to workflows.'));
    expect(await rep.getByRole('textbox', { name: 'Name' }).count()).toBe(0);
    expect(await rep.getByRole('button', { name: 'Create workflow' }).count()).toBe(0);
    expect(pageProblems(rep)).toEqual([]);
    await rep.close();
  });
});
