import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { max, workflow, workflowRequest } from '../../testing/work-fixtures';
import { mountWorkflowPage as mountAt } from './workflows.testing';

function field(id: string): HTMLInputElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  return element as HTMLInputElement;
}

function type(id: string, value: string): void {
  const input = field(id);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** Picks an option of the PrimeVue Select whose combobox has this id (it selects on mousedown, as a real click starts with one). */
async function pick(comboboxId: string, option: string): Promise<void> {
  (field(comboboxId).closest('.p-select') as HTMLElement).click();
  await flushPromises();
  const choice = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === option);
  if (!choice) throw new Error(`no option "${option}"`);
  choice.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  await flushPromises();
  // The overlay is gone (and the Select has taken focus back) before the next step.
  await vi.waitFor(() => expect(document.querySelector('[role="listbox"]')).toBeNull());
}

async function addAction(label: string): Promise<void> {
  button('Add action').click();
  await flushPromises();
  const item = [...document.querySelectorAll('[role="menuitem"]')].find((entry) => entry.textContent?.trim() === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  (item.querySelector('[data-pc-section="itemcontent"]') as HTMLElement).click();
  await flushPromises();
}

const stepTitles = () => [...document.querySelectorAll('.action-item h3')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());

describe('workflow editor', () => {
  it('generates each action parameter field from the catalogue: label, required, help, select options', async () => {
    await mountAt('/workflows/wf-1', {});

    expect(document.querySelector('main h1')?.textContent).toBe('When quotes need approval');
    expect(stepTitles()).toEqual(['Step 1 Create task', 'Step 2 Set property value']);
    const assignee = field('wf-actions-0-params-assignee');
    expect(assignee.value).toBe('approver');
    expect(document.querySelector('label[for="wf-actions-0-params-assignee"]')?.textContent?.trim()).toBe('Assignee *');
    expect(assignee.getAttribute('aria-required')).toBe('true');
    expect(field(assignee.getAttribute('aria-describedby') ?? '').textContent).toBe('owner, approver, or a user id');
    expect(field('wf-actions-0-params-title-help').textContent).toContain('Placeholders such as {{record.number}} are filled in from the quote.');
    expect(field('wf-actions-0-params-dueInDays').getAttribute('inputmode')).toBe('decimal');
    expect(field('wf-actions-0-params-dueInDays').getAttribute('aria-required')).toBeNull();
    // A select param: a combobox named by its label, with the catalogue's options.
    const priority = field('wf-actions-0-params-priority');
    expect(priority.getAttribute('role')).toBe('combobox');
    expect(field(priority.getAttribute('aria-labelledby') ?? '').textContent?.trim()).toBe('Priority');
    expect(priority.textContent).toBe('High');
    (priority.closest('.p-select') as HTMLElement).click();
    await flushPromises();
    expect([...document.querySelectorAll('[role="option"]')].map((o) => o.textContent?.trim())).toEqual(['Low', 'Medium', 'High']);

    // A boolean param is a checkbox; a url param an URL field.
    await addAction('Send webhook');
    expect(field('wf-actions-2-params-dryRun').getAttribute('type')).toBe('checkbox');
    expect(document.querySelector('label[for="wf-actions-2-params-dryRun"]')?.textContent).toBe('Dry run');
    expect(field('wf-actions-2-params-url').getAttribute('type')).toBe('url');
    // Focus goes to the new action's first field.
    expect(document.activeElement?.id).toBe('wf-actions-2-params-url');
  });

  it('adds, reorders and removes actions and saves them with PUT and the version', async () => {
    const puts: unknown[] = [];
    const { api } = await mountAt('/workflows/wf-1', {
      'PUT /api/v1/workflows/wf-1': ({ body }) => {
        puts.push(body);
        return { status: 200, body: workflow({ version: 4, name: (body as { name: string }).name }) };
      },
    });

    await addAction('Send notification');
    type('wf-actions-2-params-recipient', 'owner');
    type('wf-actions-2-params-title', 'Quote {{record.number}} is waiting');
    expect(stepTitles()).toEqual(['Step 1 Create task', 'Step 2 Set property value', 'Step 3 Send notification']);

    button('Move Send notification up').click();
    await flushPromises();
    expect(stepTitles()).toEqual(['Step 1 Create task', 'Step 2 Send notification', 'Step 3 Set property value']);
    // Focus stays on the moved action's button, and the move is announced.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Send notification up');
    expect(document.querySelector('.wf-section [role="status"].sr-only')?.textContent).toBe('Send notification moved to step 2.');
    button('Move Create task down').click();
    await flushPromises();
    expect(stepTitles()).toEqual(['Step 1 Send notification', 'Step 2 Create task', 'Step 3 Set property value']);
    expect(button('Move Send notification up').disabled).toBe(true);

    button('Remove Set property value').click();
    await flushPromises();
    expect(stepTitles()).toEqual(['Step 1 Send notification', 'Step 2 Create task']);

    type('wf-name', 'Approval reminders');
    button('Save').click();
    await flushPromises();

    // Everything but the name and the steps goes back as loaded.
    expect(puts).toEqual([
      workflowRequest(workflow(), {
        name: 'Approval reminders',
        actions: [
          { key: 'send_notification', params: { recipient: 'owner', title: 'Quote {{record.number}} is waiting' } },
          { key: 'create_task', params: { assignee: 'approver', title: 'Review {{record.number}}', priority: 'high' } },
        ],
      }),
    ]);
    expect(puts[0]).toMatchObject({ enabled: true, trigger: { type: 'status_becomes', status: 'pending_approval' }, setKey: 'quote-approvals-v1', version: 3 });
    expect(document.querySelector('.save-status')?.textContent).toBe('Workflow saved.');
    expect(document.querySelector('main h1')?.textContent).toBe('Approval reminders');
    expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
  });

  it('sends the trigger, conditions and typed parameter values the way the API takes them', async () => {
    const puts: Array<Record<string, unknown>> = [];
    await mountAt('/workflows/wf-1', {
      'PUT /api/v1/workflows/wf-1': ({ body }) => {
        puts.push(body as Record<string, unknown>);
        return { status: 200, body: workflow({ version: 4 }) };
      },
    });

    await pick('wf-trigger-status', 'Approval not needed');
    button('Add condition').click();
    await flushPromises();
    expect(document.activeElement?.id).toBe('wf-conditions-0-property');
    type('wf-conditions-0-property', 'effectiveDiscountPercent');
    await pick('wf-conditions-0-operator', 'is greater than');
    type('wf-conditions-0-value', '15');
    button('Add condition').click();
    await flushPromises();
    type('wf-conditions-1-property', 'currency');
    await pick('wf-conditions-1-operator', 'is one of');
    type('wf-conditions-1-value', 'EUR, USD');
    type('wf-actions-0-params-dueInDays', '2');
    (document.getElementById('wf-reenrollment-never') as HTMLInputElement).click();
    await flushPromises();
    button('Save').click();
    await flushPromises();

    expect(puts[0]?.['trigger']).toEqual({ type: 'status_becomes', status: 'approval_not_needed' });
    expect(puts[0]?.['conditions']).toEqual([
      { property: 'effectiveDiscountPercent', operator: 'gt', value: '15' },
      { property: 'currency', operator: 'in', value: ['EUR', 'USD'] },
    ]);
    expect(puts[0]?.['reenrollment']).toBe('never');
    expect((puts[0]?.['actions'] as Array<{ params: unknown }>)[0]?.params).toEqual({ assignee: 'approver', title: 'Review {{record.number}}', priority: 'high', dueInDays: 2 });
  });

  it('shows the 422 problems of the API at their fields and in a summary that leads to them', async () => {
    await mountAt('/workflows/wf-1', {
      'GET /api/v1/workflows/wf-1': { status: 200, body: workflow({ conditions: [{ property: 'status', operator: 'eq', value: 'draft' }] }) },
      'PUT /api/v1/workflows/wf-1': {
        status: 422,
        body: {
          statusCode: 422,
          code: 'WORKFLOWS.INVALID_DEFINITION',
          message: 'conditions.0.property: must name a property',
          details: { fields: [{ field: 'conditions.0.property', reason: 'must name a property' }, { field: 'actions.1.key', reason: 'unknown action' }] },
        },
      },
    });

    button('Save').click();
    await flushPromises();

    const property = field('wf-conditions-0-property');
    expect(property.getAttribute('aria-invalid')).toBe('true');
    expect(field(property.getAttribute('aria-describedby') ?? '').textContent).toBe('Enter a property.');
    expect(document.querySelectorAll('.action-item')[1]?.textContent).toContain('This action is not available.');
    const summary = field('wf-error-summary');
    expect(summary.getAttribute('role')).toBe('alert');
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual([
      'Condition 1: Property: Enter a property.',
      'Step 2 (Set property value): This action is not available.',
    ]);
    expect(document.activeElement).toBe(summary);
    (summary.querySelector('a') as HTMLAnchorElement).click();
    expect(document.activeElement).toBe(property);
  });

  it('shows a 400 validation problem of the name at the name field', async () => {
    await mountAt('/workflows/wf-1', {
      'PUT /api/v1/workflows/wf-1': {
        status: 400,
        body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'name: too long', details: { fields: [{ field: 'name', reason: 'name must be shorter than or equal to 200 characters' }] } },
      },
    });

    button('Save').click();
    await flushPromises();

    expect(field('wf-name').getAttribute('aria-invalid')).toBe('true');
    expect(field('wf-name-error').textContent).toBe('Enter a name.');
  });

  it('checks required action parameters before saving and sends nothing while one is empty', async () => {
    const { api } = await mountAt('/workflows/wf-1', {});

    type('wf-actions-0-params-title', '  ');
    type('wf-actions-0-params-dueInDays', 'soon');
    button('Save').click();
    await flushPromises();

    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);
    expect(field('wf-actions-0-params-title').getAttribute('aria-invalid')).toBe('true');
    expect(field('wf-actions-0-params-title-error').textContent).toBe('Fill in this field.');
    expect(field('wf-actions-0-params-dueInDays-error').textContent).toBe('Enter a number.');
    expect(field('wf-error-summary').textContent).toContain('Step 1 (Create task): Title: Fill in this field.');
  });

  it('says when someone else changed the workflow (409) and reloads it on request', async () => {
    let version = 3;
    const { api } = await mountAt('/workflows/wf-1', {
      'GET /api/v1/workflows/wf-1': () => ({ status: 200, body: workflow({ version, name: version === 3 ? 'When quotes need approval' : 'Renamed meanwhile' }) }),
      'PUT /api/v1/workflows/wf-1': () => {
        version = 5;
        return { status: 409, body: { statusCode: 409, code: 'WORKFLOWS.STALE_VERSION', message: 'changed', details: { expectedVersion: 3, currentVersion: 5 } } };
      },
    });

    button('Save').click();
    await flushPromises();

    expect(field('wf-error-summary').textContent).toContain('Someone changed this workflow meanwhile');
    button('Reload').click();
    await flushPromises();
    expect(document.querySelector('main h1')?.textContent).toBe('Renamed meanwhile');
    expect(field('wf-error-summary').textContent?.trim()).toBe('');
    expect(api.calls.filter((call) => call.path === '/api/v1/workflows/wf-1' && call.method === 'GET')).toHaveLength(2);
  });

  it('creates a new workflow with POST and moves to its page', async () => {
    const posts: unknown[] = [];
    const { router } = await mountAt('/workflows/new', {
      'POST /api/v1/workflows': ({ body }) => {
        posts.push(body);
        return { status: 201, body: workflow({ id: 'wf-9', name: 'Signed quotes', version: 1 }) };
      },
      'GET /api/v1/workflows/wf-9/runs': { status: 200, body: { items: [] } },
    });
    expect(document.querySelector('main h1')?.textContent).toBe('New workflow');
    expect(document.title).toBe('New workflow · Quote approvals');

    button('Create workflow').click();
    await flushPromises();
    expect(posts).toEqual([]);
    expect(field('wf-name-error').textContent).toBe('Enter a name.');

    type('wf-name', 'Signed quotes');
    await pick('wf-trigger-type', 'Event happens');
    await pick('wf-trigger-eventName', 'Quote signed');
    await addAction('Update deal stage');
    await pick('wf-actions-0-params-stage', 'Closed won');
    button('Create workflow').click();
    await flushPromises();

    expect(posts).toEqual([
      {
        name: 'Signed quotes',
        enabled: true,
        objectType: 'quote',
        trigger: { type: 'event', eventName: 'quotes.quote.signed.v1' },
        conditions: [],
        reenrollment: 'never',
        actions: [{ key: 'update_deal_stage', params: { stage: 'closed_won' } }],
        setKey: null,
      },
    ]);
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/workflows/wf-9'));
    expect(document.querySelector('.save-status')?.textContent).toBe('Workflow created.');
    expect(button('Save').type).toBe('submit');
  });

  it("never shows a webhook's signing secret once saved: a new one is shown once, kept by its id on the next save, and rotated on request", async () => {
    const SECRET = 'whsec_NEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWN';
    const ROTATED = 'whsec_ROTROTROTROTROTROTROTROTROTROTROTROTROTROTR';
    const webhook = (last4: string) => ({ key: 'send_webhook', params: { url: 'https://erp.example.com/h', secretId: 'sec-1' }, secretSet: true, secretLast4: last4 });
    const saved = (version: number, last4: string, issuedSecrets?: Array<{ actionIndex: number; secretId: string; secret: string }>) =>
      workflow({ version, actions: [...workflow().actions, webhook(last4)], ...(issuedSecrets ? { issuedSecrets } : {}) });
    const puts: Array<{ actions: Array<{ key: string; params: Record<string, unknown> }> }> = [];
    const { api } = await mountAt('/workflows/wf-1', {
      'PUT /api/v1/workflows/wf-1': ({ body }) => {
        puts.push(body as never);
        return { status: 200, body: puts.length === 1 ? saved(4, 'EWN', [{ actionIndex: 2, secretId: 'sec-1', secret: SECRET }]) : saved(5, 'EWN') };
      },
      'POST /api/v1/workflows/wf-1/webhook-secrets/sec-1/rotate': { status: 200, body: saved(6, 'OTR', [{ actionIndex: 2, secretId: 'sec-1', secret: ROTATED }]) },
    });

    await addAction('Send webhook');
    type('wf-actions-2-params-url', 'https://erp.example.com/h');
    expect(field('wf-actions-2-secret').textContent?.trim()).toBe('Made by the server when you save; shown once then.');
    button('Save').click();
    await flushPromises();
    // The first save sends no secret; the answer's new secret is shown once, focused, with a copy button.
    expect(puts[0]!.actions[2]).toEqual({ key: 'send_webhook', params: { url: 'https://erp.example.com/h', dryRun: false } });
    const panel = field('wf-issued-secrets');
    expect(document.activeElement).toBe(panel);
    expect(panel.querySelector('h2')?.textContent).toBe('New signing secret');
    expect(field('wf-issued-sec-1').value).toBe(SECRET);
    expect(document.querySelector('label[for="wf-issued-sec-1"]')?.textContent?.trim()).toBe('Step 3 (Send webhook)');
    expect(button('Copy the signing secret of step 3')).toBeTruthy();
    expect(field('wf-actions-2-secret').textContent?.trim()).toBe('Set (ends in …EWN). It is never shown again.');
    button('I have stored it').click();
    await flushPromises();
    expect(document.getElementById('wf-issued-secrets')).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);

    // The next save names the secret by its id, so the server keeps it; nothing new is shown.
    button('Save').click();
    await flushPromises();
    expect(puts[1]!.actions[2]).toEqual({ key: 'send_webhook', params: { url: 'https://erp.example.com/h', dryRun: false, secretId: 'sec-1' } });
    expect((puts[1] as unknown as { version: number }).version).toBe(4);
    expect(document.getElementById('wf-issued-secrets')).toBeNull();

    button('Rotate the signing secret of Send webhook').click();
    await flushPromises();
    expect(api.calls.filter((c) => c.path.endsWith('/rotate'))).toEqual([{ method: 'POST', path: '/api/v1/workflows/wf-1/webhook-secrets/sec-1/rotate', body: { version: 5 } }]);
    expect(field('wf-issued-sec-1').value).toBe(ROTATED);
    expect(field('wf-actions-2-secret').textContent?.trim()).toBe('Set (ends in …OTR). It is never shown again.');
  });

  it("shows a saved webhook's secret as set, never its value, and offers a manager no rotation", async () => {
    await mountAt(
      '/workflows/wf-1',
      { 'GET /api/v1/workflows/wf-1': { status: 200, body: workflow({ actions: [{ key: 'send_webhook', params: { url: 'https://erp.example.com/h', secretId: 'sec-1' }, secretSet: true, secretLast4: 'wxyz' }] }) } },
      max,
    );
    expect(field('wf-actions-0-secret').textContent?.trim()).toBe('Set (ends in …wxyz). It is never shown again.');
    expect([...document.querySelectorAll('button')].some((b) => /Rotate/.test(b.getAttribute('aria-label') ?? b.textContent ?? ''))).toBe(false);
  });

  it('shows a manager the workflow read-only: disabled fields and no editing buttons', async () => {
    await mountAt('/workflows/wf-1', {}, max);

    expect(document.querySelector('main')?.textContent).toContain('Only admins can change workflows.');
    expect(field('wf-name').disabled).toBe(true);
    expect(field('wf-actions-0-params-assignee').disabled).toBe(true);
    const labels = [...document.querySelectorAll('main button')].map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim());
    expect(labels.filter((label) => /^(Save|Add action|Add condition|Move |Remove )/.test(label ?? ''))).toEqual([]);
  });

  it('tells a manager that only admins create workflows and a rep that workflows are not for them', async () => {
    const manager = await mountAt('/workflows/new', {}, max);
    expect(document.querySelector('main')?.textContent).toContain('Only admins can create workflows.');
    expect(document.getElementById('wf-name')).toBeNull();
    manager.wrapper.unmount();
    document.body.innerHTML = '';

    const { api } = await mountAt('/workflows/wf-1', {}, { id: 'u-rita', email: 'rep@example.com', name: 'Rita Rep', role: 'rep' });
    expect(document.querySelector('main')?.textContent).toContain('You do not have access to workflows.');
    expect(api.calls.some((call) => call.path.startsWith('/api/v1/workflows'))).toBe(false);
  });
});
