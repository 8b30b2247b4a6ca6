import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import { catalogue as baseCatalogue, max, workflow, workflowRequest } from '../../testing/work-fixtures';
import { mountWorkflowPage } from './workflows.testing';

// The built-in actions' text params as the API describes them: a task's notes, a notification's body,
// and the title that a message code stands in for.
const catalogue: ApiSchemas['ActionDescriptionResponse'][] = baseCatalogue.map((entry) => {
  if (entry.key === 'create_task') return { ...entry, params: [...entry.params, { name: 'notes', label: 'Notes', type: 'template', required: false }] };
  if (entry.key === 'send_notification') {
    const params = entry.params.map((param) => (param.name === 'title' ? { ...param, requiredUnless: 'message' } : param));
    return { ...entry, params: [...params, { name: 'body', label: 'Message', type: 'template', required: false }] };
  }
  return entry;
});

const reviewQuote = { code: 'approvals.reviewQuote', params: { number: '{{record.number}}', title: '{{record.title}}' } };
const quoteApproved = { code: 'approvals.quoteApproved', params: { number: '{{record.number}}', title: '{{record.title}}' } };
const makeChanges = { code: 'approvals.makeChanges', params: { number: '{{record.number}}' } };

/** "When quotes need approval" with a review task, the owner's notification and a task whose notes are its own. */
const builtIn = workflow({
  actions: [
    { key: 'create_task', params: { assignee: 'approvers', message: reviewQuote, priority: 'high', dueInDays: 1 } },
    { key: 'send_notification', params: { recipient: 'owner', message: quoteApproved } },
    { key: 'create_task', params: { assignee: 'owner', message: makeChanges, notes: '{{event.payload.notes}}' } },
  ],
});

type Put = { actions: Array<{ key: string; params: Record<string, unknown> }> };

function mountAt(routes: Parameters<typeof mountWorkflowPage>[1] = {}, me = undefined as Parameters<typeof mountWorkflowPage>[2], locale: 'en' | 'nl' = 'en') {
  return mountWorkflowPage(
    '/workflows/wf-1',
    { 'GET /api/v1/workflows/actions': { status: 200, body: { items: catalogue } }, 'GET /api/v1/workflows/wf-1': { status: 200, body: builtIn }, ...routes },
    me,
    locale,
  );
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no element #${id}`);
  return found;
}

const input = (id: string) => element(id) as HTMLInputElement;

function type(id: string, value: string): void {
  const field = input(id);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

function button(name: string, step: number): HTMLButtonElement {
  const found = document.querySelectorAll('.action-item')[step]?.querySelector<HTMLButtonElement>(`button[id$="-${name}"]`);
  if (!found) throw new Error(`no ${name} button in step ${step + 1}`);
  return found;
}

/** A step's built-in text: its label and each worded part ("Title: …"). */
function builtInText(step: number): { label: string; parts: string[] } | null {
  const group = document.querySelectorAll('.action-item')[step]?.querySelector('.built-in-text');
  if (!group) return null;
  return {
    label: element(group.getAttribute('aria-labelledby') ?? '').textContent?.trim() ?? '',
    parts: [...group.querySelectorAll('.built-in-part')].map((part) => `${part.querySelector('dt')?.textContent}: ${part.querySelector('dd')?.textContent}`),
  };
}

function saveButton(): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('button[type="submit"]')].find((b) => b.textContent?.trim() === 'Save');
  if (!found) throw new Error('no Save button');
  return found;
}

function savingTo(puts: Put[]) {
  return {
    'PUT /api/v1/workflows/wf-1': ({ body }: { body: unknown }) => {
      puts.push(body as Put);
      return { status: 200, body: workflow({ ...builtIn, actions: (body as Put).actions, version: 4 }) };
    },
  };
}

describe('workflow editor: a built-in action’s text (a message code)', () => {
  it('shows the code worded in English with its placeholders, in place of the text fields it stands in for', async () => {
    await mountAt();

    expect(builtInText(0)).toEqual({
      label: 'Built-in text, shown in each user’s language',
      parts: ['Title: Review quote {{record.number}}: {{record.title}}', 'Notes: Open the approval page to approve and publish the quote or request changes.'],
    });
    expect(document.getElementById('wf-actions-0-params-title')).toBeNull();
    expect(document.getElementById('wf-actions-0-params-notes')).toBeNull();
    expect(input('wf-actions-0-params-assignee').value).toBe('approvers');
    expect(builtInText(1)?.parts).toEqual(['Title: Quote {{record.number}} was approved', 'Message: "{{record.title}}" is approved and published: you can now share it with your contacts.']);
    expect(document.getElementById('wf-actions-1-params-title')).toBeNull();
    expect(document.getElementById('wf-actions-1-params-body')).toBeNull();
    // The code words no notes here: the task's own notes stay a field.
    expect(builtInText(2)?.parts).toEqual(['Title: Make the changes requested on {{record.number}}']);
    expect(input('wf-actions-2-params-notes').value).toBe('{{event.payload.notes}}');
    // The button is named by its text and tells which step it is for.
    const writeOwn = button('write-own', 0);
    expect(writeOwn.textContent?.trim()).toBe('Write my own text');
    expect(element(writeOwn.getAttribute('aria-describedby') ?? '').textContent?.replace(/\s+/g, ' ').trim()).toBe('Step 1 Create task');
  });

  it('words the code in Dutch for a Dutch reader', async () => {
    await mountAt({}, undefined, 'nl');

    expect(builtInText(0)).toEqual({
      label: 'Ingebouwde tekst, getoond in de taal van elke gebruiker',
      parts: [
        'Titel: Offerte {{record.number}} beoordelen: {{record.title}}',
        'Notities: Open de goedkeuringspagina om de offerte goed te keuren en te publiceren of om wijzigingen te vragen.',
      ],
    });
    expect(builtInText(1)?.parts[0]).toBe('Titel: Offerte {{record.number}} is goedgekeurd');
    expect(button('write-own', 0).textContent?.trim()).toBe('Eigen tekst schrijven');
  });

  it('shows a manager the built-in text without the button', async () => {
    await mountAt({}, max);

    expect(builtInText(0)?.parts[0]).toBe('Title: Review quote {{record.number}}: {{record.title}}');
    expect(document.querySelector('.built-in-text button')).toBeNull();
  });

  it('sends each message back exactly as it was when the workflow is saved untouched', async () => {
    const puts: Put[] = [];
    await mountAt(savingTo(puts));

    saveButton().click();
    await flushPromises();

    expect(puts).toEqual([workflowRequest(builtIn)]);
    expect(puts[0]?.actions.map((action) => action.params['message'])).toEqual([reviewQuote, quoteApproved, makeChanges]);
  });

  it('"Write my own text" fills in the fields with the wording; saving sends the title, notes and body and no message', async () => {
    const puts: Put[] = [];
    await mountAt(savingTo(puts));

    button('write-own', 0).click();
    await flushPromises();
    expect(builtInText(0)).toBeNull();
    expect(input('wf-actions-0-params-title').value).toBe('Review quote {{record.number}}: {{record.title}}');
    expect(input('wf-actions-0-params-notes').value).toBe('Open the approval page to approve and publish the quote or request changes.');
    expect(document.activeElement?.id).toBe('wf-actions-0-params-title');
    expect(document.querySelector('.wf-section [role="status"].sr-only')?.textContent).toBe('Create task (1): your own text, filled in with the built-in wording.');
    type('wf-actions-0-params-title', 'Please review {{record.number}}');

    button('write-own', 1).click();
    await flushPromises();
    expect(input('wf-actions-1-params-title').value).toBe('Quote {{record.number}} was approved');
    expect(input('wf-actions-1-params-body').value).toBe('"{{record.title}}" is approved and published: you can now share it with your contacts.');

    saveButton().click();
    await flushPromises();

    expect(puts[0]?.actions).toEqual([
      {
        key: 'create_task',
        params: {
          assignee: 'approvers',
          title: 'Please review {{record.number}}',
          notes: 'Open the approval page to approve and publish the quote or request changes.',
          priority: 'high',
          dueInDays: 1,
        },
      },
      {
        key: 'send_notification',
        params: { recipient: 'owner', title: 'Quote {{record.number}} was approved', body: '"{{record.title}}" is approved and published: you can now share it with your contacts.' },
      },
      { key: 'create_task', params: { assignee: 'owner', message: makeChanges, notes: '{{event.payload.notes}}' } },
    ]);
    // Saved: the own text is the workflow's now, the built-in text no longer comes back.
    expect(document.querySelector('.save-status')?.textContent).toBe('Workflow saved.');
    expect(document.getElementById('wf-actions-0-use-built-in')).toBeNull();
    expect(input('wf-actions-0-params-title').value).toBe('Please review {{record.number}}');
  });

  it('"Use the built-in text" brings the code back before saving, and the save sends it unchanged', async () => {
    const puts: Put[] = [];
    await mountAt(savingTo(puts));

    button('write-own', 1).click();
    await flushPromises();
    type('wf-actions-1-params-title', 'Something else');
    const useBuiltIn = button('use-built-in', 1);
    expect(useBuiltIn.textContent?.trim()).toBe('Use the built-in text');
    expect(
      (useBuiltIn.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => element(id).textContent?.replace(/\s+/g, ' ').trim())
        .join(' | '),
    ).toBe('Step 2 Send notification | Your own text replaces the built-in text when you save, and is shown as you write it, in every language.');
    useBuiltIn.click();
    await flushPromises();

    expect(builtInText(1)?.parts[0]).toBe('Title: Quote {{record.number}} was approved');
    expect(document.getElementById('wf-actions-1-params-title')).toBeNull();
    expect(document.activeElement?.id).toBe('wf-actions-1-write-own');
    expect(document.querySelector('.wf-section [role="status"].sr-only')?.textContent).toBe('Send notification: the built-in text again.');
    saveButton().click();
    await flushPromises();

    expect(puts).toEqual([workflowRequest(builtIn)]);
  });
});
