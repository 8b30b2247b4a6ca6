import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import { max, run } from '../../testing/work-fixtures';
import { mountWorkflowPage as mountAt } from './workflows.testing';

describe('run history', () => {
  it('lists runs newest first with each step, its status, attempts, error and result, and a link to the quote', async () => {
    await mountAt('/workflows/wf-1', {
      'GET /api/v1/workflows/wf-1/runs': {
        status: 200,
        body: {
          items: [
            run(),
            run({
              id: 'run-2',
              recordId: 'q-2',
              status: 'failed',
              createdAt: '2026-11-02T10:00:00.000Z',
              finishedAt: null,
              steps: [
                { index: 0, actionKey: 'create_task', status: 'succeeded', attempts: 1, startedAt: null, finishedAt: null, resumeAt: null, error: null, output: { taskId: 't-2' } },
                { index: 1, actionKey: 'send_webhook', status: 'failed', attempts: 6, startedAt: null, finishedAt: null, resumeAt: null, error: 'POST https://hooks.example answered 500', output: null },
              ],
            }),
          ],
        },
      },
    });

    const runs = [...document.querySelectorAll('.run')];
    expect(runs.map((element) => element.getAttribute('data-run-id'))).toEqual(['run-2', 'run-1']);
    const [failed, succeeded] = runs;
    expect(failed?.querySelector('h3')?.textContent).toMatch(/^Run of 2 Nov 2026/);
    expect(failed?.textContent).toContain('Failed');
    expect(failed?.querySelector('a')?.getAttribute('href')).toBe('/quotes/q-2');
    const steps = [...(failed?.querySelectorAll('.step') ?? [])];
    expect(steps[0]?.textContent).toContain('Step 1: Create task');
    expect(steps[0]?.textContent).toContain('1 attempt');
    expect(steps[0]?.textContent).toContain('Result: taskId: t-2');
    expect(steps[1]?.textContent).toContain('Step 2: Send webhook');
    expect(steps[1]?.textContent).toContain('6 attempts');
    expect(steps[1]?.textContent).toContain('Error: POST https://hooks.example answered 500');
    expect(succeeded?.querySelectorAll('[data-step-status="succeeded"]')).toHaveLength(2);
    expect(succeeded?.textContent).not.toContain('Retry');
  });

  it('shows a waiting run as Waiting and when its wait step lets it resume', async () => {
    await mountAt('/workflows/wf-1', {
      'GET /api/v1/workflows/wf-1/runs': {
        status: 200,
        body: {
          items: [
            run({
              id: 'run-3',
              status: 'waiting',
              finishedAt: null,
              steps: [
                { index: 0, actionKey: 'wait', status: 'succeeded', attempts: 1, startedAt: null, finishedAt: null, resumeAt: '2026-11-03T09:30:00.000Z', error: null, output: null },
                { index: 1, actionKey: 'send_notification', status: 'pending', attempts: 0, startedAt: null, finishedAt: null, resumeAt: null, error: null, output: null },
              ],
            }),
          ],
        },
      },
    });

    const waiting = document.querySelector('[data-run-id="run-3"]');
    expect(waiting?.querySelector('.run-head')?.textContent).toContain('Waiting');
    const steps = [...(waiting?.querySelectorAll('.step') ?? [])];
    expect(steps[0]?.textContent).toMatch(/Resumes 3 Nov 2026/);
    expect(steps[1]?.textContent).not.toContain('Resumes');
  });

  it('retries a failed run for an admin and shows its new state', async () => {
    const failed = run({ id: 'run-2', status: 'failed', steps: [{ index: 0, actionKey: 'create_task', status: 'failed', attempts: 6, startedAt: null, finishedAt: null, resumeAt: null, error: 'assignee: nobody', output: null }] });
    const { api } = await mountAt('/workflows/wf-1', {
      'GET /api/v1/workflows/wf-1/runs': { status: 200, body: { items: [failed] } },
      'POST /api/v1/workflow-runs/run-2/retry': { status: 200, body: { ...failed, status: 'running', steps: [{ ...failed.steps[0], status: 'pending' }] } },
    });

    const retry = document.querySelector<HTMLButtonElement>('.run button');
    expect(retry?.getAttribute('aria-label')).toMatch(/^Retry run of /);
    retry?.click();
    await flushPromises();

    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toContain('POST /api/v1/workflow-runs/run-2/retry');
    expect(document.querySelector('.run')?.getAttribute('data-run-status')).toBe('running');
    expect(document.querySelector('.runs-message')?.textContent).toBe('The run is being retried from its failed step.');
  });

  it('offers no Retry to a manager', async () => {
    await mountAt('/workflows/wf-1', { 'GET /api/v1/workflows/wf-1/runs': { status: 200, body: { items: [run({ status: 'failed' })] } } }, max);

    expect(document.querySelector('.run')?.textContent).toContain('Failed');
    expect(document.querySelector('.run button')).toBeNull();
  });

  it('polls the runs while the page is open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let items: ApiSchemas['RunResponse'][] = [];
      await mountAt('/workflows/wf-1', { 'GET /api/v1/workflows/wf-1/runs': () => ({ status: 200, body: { items } }) });
      expect(document.querySelector('.runs')?.textContent).toContain('No runs yet.');

      items = [run()];
      vi.advanceTimersByTime(3_000);
      await flushPromises();

      expect(document.querySelectorAll('.run')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
