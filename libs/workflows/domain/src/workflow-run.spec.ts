import { describe, expect, it } from 'vitest';
import { RUN_STATUSES, RUN_TRANSITIONS, WorkflowRun, type RunStatus, type RunTransition } from './workflow-run';
import { WorkflowRunStep } from './workflow-run-step';

type Step = { index: number; status: 'pending' | 'running' | 'succeeded' | 'failed'; resumeAt: Date | null };
const steps = (...statuses: Array<Step['status']>): Step[] => statuses.map((status, index) => ({ index, status, resumeAt: null }));

describe('WorkflowRun.isAtStep: a step job is acted on only for the step the run stands at', () => {
  it.each([
    ['the first step of a new run', 'running', steps('pending', 'pending'), 0, true],
    ['the step after the succeeded ones', 'running', steps('succeeded', 'pending', 'pending'), 1, true],
    ['a retry of a step whose attempt failed', 'running', steps('succeeded', 'running'), 1, true],
    ['a step after one not done yet', 'running', steps('pending', 'pending', 'pending'), 2, false],
    ['a step after a failed one', 'running', steps('failed', 'pending'), 1, false],
    ['a step already done', 'running', steps('succeeded', 'succeeded'), 1, false],
    ['a step that does not exist', 'running', steps('succeeded'), 1, false],
    ['a negative index', 'running', steps('pending'), -1, false],
    ['the step after a wait, while the run waits', 'waiting', steps('succeeded', 'pending'), 1, true],
    ['a step of a finished run', 'succeeded', steps('succeeded', 'pending'), 1, false],
    ['a step of a failed run', 'failed', steps('succeeded', 'pending'), 1, false],
  ] as const)('%s: %s', (_name, status, runSteps, index, expected) => {
    expect(WorkflowRun.isAtStep({ status }, runSteps, index)).toBe(expected);
  });
});

describe('WorkflowRun.resumesAt: a step after a wait may start when the wait is over', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const waited = (resumeAt: string): Step[] => [
    { index: 0, status: 'succeeded', resumeAt: new Date(resumeAt) },
    { index: 1, status: 'pending', resumeAt: null },
  ];

  it('names the end of the wait while it lasts', () => {
    expect(WorkflowRun.resumesAt(waited('2026-12-03T12:00:00Z'), 1, now)).toEqual(new Date('2026-12-03T12:00:00Z'));
  });

  it('lets the step start once the wait is over, or when there was none', () => {
    expect(WorkflowRun.resumesAt(waited('2026-12-02T12:00:00Z'), 1, now)).toBeNull();
    expect(WorkflowRun.resumesAt(waited('2026-12-01T12:00:00Z'), 1, now)).toBeNull();
    expect(WorkflowRun.resumesAt(steps('succeeded', 'pending'), 1, now)).toBeNull();
    expect(WorkflowRun.resumesAt(steps('pending'), 0, now)).toBeNull();
  });
});

describe('WorkflowRun: its states and transitions', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const later = new Date('2026-12-02T12:05:00Z');
  const enrol = () => WorkflowRun.enrol({ workflowId: 'wf-1', workflowName: 'Approvals', recordType: 'quote', recordId: 'q-1', triggerEventId: 'e-1', context: {} }, now);
  const plan = (run: WorkflowRun, count: number) => WorkflowRunStep.plan(run.id, Array.from({ length: count }, (_, i) => ({ key: i === 0 ? 'wait' : 'set_property', params: {} })));
  const inStatus = (status: RunStatus) => Object.assign(enrol(), { status });

  // What each transition does from each status: the status after it, or the error code.
  const table: Record<RunStatus, Record<RunTransition, RunStatus | 'WORKFLOWS.INVALID_RUN_TRANSITION'>> = {
    running: { beginStep: 'running', wait: 'waiting', succeed: 'succeeded', fail: 'failed', retry: 'WORKFLOWS.INVALID_RUN_TRANSITION' },
    waiting: { beginStep: 'running', wait: 'WORKFLOWS.INVALID_RUN_TRANSITION', succeed: 'WORKFLOWS.INVALID_RUN_TRANSITION', fail: 'failed', retry: 'WORKFLOWS.INVALID_RUN_TRANSITION' },
    succeeded: { beginStep: 'WORKFLOWS.INVALID_RUN_TRANSITION', wait: 'WORKFLOWS.INVALID_RUN_TRANSITION', succeed: 'WORKFLOWS.INVALID_RUN_TRANSITION', fail: 'WORKFLOWS.INVALID_RUN_TRANSITION', retry: 'WORKFLOWS.INVALID_RUN_TRANSITION' },
    failed: { beginStep: 'WORKFLOWS.INVALID_RUN_TRANSITION', wait: 'WORKFLOWS.INVALID_RUN_TRANSITION', succeed: 'WORKFLOWS.INVALID_RUN_TRANSITION', fail: 'WORKFLOWS.INVALID_RUN_TRANSITION', retry: 'running' },
  };

  it('covers every status and transition', () => {
    expect(Object.keys(table)).toEqual([...RUN_STATUSES]);
    for (const status of RUN_STATUSES) expect(Object.keys(table[status])).toEqual([...RUN_TRANSITIONS]);
  });

  it.each(RUN_STATUSES.flatMap((status) => RUN_TRANSITIONS.map((transition) => [status, transition, table[status][transition]] as const)))('%s --%s--> %s', (status, transition, expected) => {
    expect(WorkflowRun.allows(transition, status)).toBe(!expected.startsWith('WORKFLOWS.'));
  });

  it('starts running, with its steps pending', () => {
    const run = enrol();
    expect([run.status, run.createdAt, run.finishedAt]).toEqual(['running', now, null]);
    expect(plan(run, 2).map((s) => [s.index, s.status, s.attempts, s.sourceKey()])).toEqual([
      [0, 'pending', 0, `wf:${run.id}:0`],
      [1, 'pending', 0, `wf:${run.id}:1`],
    ]);
  });

  it('waits after a step that asks for it, runs again when the next step begins, and succeeds after the last', () => {
    const run = enrol();
    const steps = plan(run, 2);
    run.beginStep(steps[0]!, now);
    expect([steps[0]!.status, steps[0]!.attempts, steps[0]!.startedAt]).toEqual(['running', 1, now]);
    expect(run.completeStep(steps, steps[0]!, { resumeAt: later, output: { waitedMs: 300_000 } }, now)).toEqual({ index: 1, at: later });
    expect([run.status, run.finishedAt]).toEqual(['waiting', null]);
    expect(steps[0]).toMatchObject({ status: 'succeeded', finishedAt: now, resumeAt: later, output: { waitedMs: 300_000 }, error: null });
    run.beginStep(steps[1]!, later);
    expect(run.status).toBe('running');
    expect(run.completeStep(steps, steps[1]!, { output: { changed: true } }, later)).toBeNull();
    expect([run.status, run.finishedAt]).toEqual(['succeeded', later]);
  });

  it('goes on without waiting after a step that does not ask for it', () => {
    const run = enrol();
    const steps = plan(run, 2);
    run.beginStep(steps[0]!, now);
    expect(run.completeStep(steps, steps[0]!, {}, now)).toEqual({ index: 1 });
    expect(run.status).toBe('running');
  });

  it('tries a failed step again until the last attempt, then fails the step and the run; a retry reopens the step', () => {
    const run = enrol();
    const steps = plan(run, 1);
    run.beginStep(steps[0]!, now);
    run.failStep(steps[0]!, 'POST answered 500', false, now);
    expect([steps[0]!.status, steps[0]!.error, run.status]).toEqual(['pending', 'POST answered 500', 'running']);
    run.beginStep(steps[0]!, later);
    run.failStep(steps[0]!, 'POST answered 500', true, later);
    expect([steps[0]!.status, steps[0]!.finishedAt, run.status, run.finishedAt]).toEqual(['failed', later, 'failed', later]);
    expect(run.retry(steps, later)).toBe(steps[0]);
    expect([steps[0]!.status, steps[0]!.finishedAt, steps[0]!.attempts, run.status, run.finishedAt]).toEqual(['pending', null, 2, 'running', null]);
  });

  it('refuses to retry a run that has not failed, and to move a finished run', () => {
    const run = inStatus('succeeded');
    const steps = plan(run, 1);
    expect(() => run.retry(steps, now)).toThrow(expect.objectContaining({ code: 'WORKFLOWS.RUN_NOT_FAILED' }));
    expect(() => run.beginStep(steps[0]!, now)).toThrow(expect.objectContaining({ code: 'WORKFLOWS.INVALID_RUN_TRANSITION', details: { id: run.id, transition: 'beginStep', status: 'succeeded' } }));
    expect([run.status, steps[0]!.status, steps[0]!.attempts]).toEqual(['succeeded', 'pending', 0]);
  });
});
