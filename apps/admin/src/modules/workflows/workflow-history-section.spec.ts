import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { workflow } from '../../testing/work-fixtures';
import { mountWorkflowPage as mountAt } from './workflows.testing';

const VERSIONS = {
  items: [
    { version: 2, createdAt: '2026-12-03T10:00:00.000Z', authorId: 'u-ada', authorName: 'Ada Admin', note: 'Longer due date', restoredFrom: null },
    { version: 1, createdAt: '2026-12-02T09:00:00.000Z', authorId: 'system', authorName: null, note: 'installed', restoredFrom: null },
  ],
  nextBefore: null,
};
const definition = (dueInDays: number) => ({ ...workflow(), actions: [{ key: 'create_task', params: { assignee: 'approver', title: 'Review', dueInDays } }] });

function button(name: string, within: ParentNode = document): HTMLButtonElement {
  const found = [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}
const history = () => document.querySelector<HTMLElement>('[data-testid="workflow-history"]')!;
const rowsOf = (table: HTMLTableElement) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));

describe('workflow history', () => {
  it('lists the versions, the system’s installs in words, and compares two side by side', async () => {
    await mountAt('/workflows/wf-1', {
      'GET /api/v1/workflows/wf-1': { status: 200, body: workflow({ version: 2 }) },
      'GET /api/v1/workflows/wf-1/versions': { status: 200, body: VERSIONS },
      'GET /api/v1/workflows/wf-1/versions/compare': {
        status: 200,
        body: {
          from: { version: 1, createdAt: VERSIONS.items[1]!.createdAt, authorId: 'system', note: 'installed', restoredFrom: null, definition: definition(1) },
          to: { version: 2, createdAt: VERSIONS.items[0]!.createdAt, authorId: 'u-ada', note: 'Longer due date', restoredFrom: null, definition: definition(3) },
          differences: [
            { code: 'field-changed', path: 'enabled', actionKey: null, from: false, to: true },
            { code: 'action-changed', path: 'actions.0', actionKey: 'create_task', from: definition(1).actions[0], to: definition(3).actions[0] },
          ],
        },
      },
    });
    await flushPromises();
    expect(history().querySelector('h2')?.textContent).toBe('History');
    expect(rowsOf(history().querySelector('table')!).map((cells) => [cells[1], cells[3], cells[4]])).toEqual([
      ['2 Current', 'Ada Admin', 'Longer due date'],
      ['1', 'System', 'Installed by the approval settings'],
    ]);
    for (const version of [1, 2]) document.querySelector<HTMLInputElement>(`input[aria-label="Compare version ${version}"]`)!.click();
    await flushPromises();
    button('Compare selected').click();
    await flushPromises();
    expect(rowsOf(history().querySelector('.version-compare table')!)).toEqual([
      ['Enabled', 'No', 'Yes', 'Changed'],
      ['Action 1', 'Create task (assignee: approver, title: Review, dueInDays: 1)', 'Create task (assignee: approver, title: Review, dueInDays: 3)', 'Changed'],
    ]);
  });

  it('sends the change note with a save, and restores a version after a confirm, the editor showing it', async () => {
    const page = await mountAt('/workflows/wf-1', {
      'GET /api/v1/workflows/wf-1': { status: 200, body: workflow({ version: 2 }) },
      'GET /api/v1/workflows/wf-1/versions': { status: 200, body: VERSIONS },
      'POST /api/v1/workflows/wf-1/versions/1/restore': { status: 200, body: workflow({ version: 3, name: 'Restored name' }) },
      'PUT /api/v1/workflows/wf-1': { status: 200, body: workflow({ version: 2 }) },
    });
    await flushPromises();
    const note = document.getElementById('wf-change-note') as HTMLInputElement;
    expect(document.querySelector('label[for="wf-change-note"]')?.textContent).toBe('Change note');
    note.value = 'Due sooner';
    note.dispatchEvent(new Event('input'));
    button('Save').click();
    await flushPromises();
    expect(page.api.calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ changeNote: 'Due sooner', version: 2 });
    expect(note.value).toBe('');
    const restoreButton = button('Restore this version: version 1');
    restoreButton.click();
    await flushPromises();
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-describedby')).toBe('wf-restore-body');
    button('Restore', dialog).click();
    await flushPromises();
    expect(page.api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/v1/workflows/wf-1/versions/1/restore', body: { expectedVersion: 2 } });
    expect(history().querySelector('[role="status"]')?.textContent).toBe('Version 1 was restored as version 3.');
    expect(document.querySelector('main h1')?.textContent).toBe('Restored name');
  });
});
