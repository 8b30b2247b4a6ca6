import { describe, expect, it } from 'vitest';
import { WorkflowRun } from './workflow-run';

type Step = { index: number; status: 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed'; resumeAt: Date | null };
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
