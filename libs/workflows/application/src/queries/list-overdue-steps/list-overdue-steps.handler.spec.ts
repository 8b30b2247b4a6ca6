import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { MemoryRuns } from '../../testing/in-memory-workflows';
import { ListOverdueStepsQuery } from './list-overdue-steps.query';
import { ListOverdueStepsHandler } from './list-overdue-steps.handler';

describe('ListOverdueStepsHandler', () => {
  it('asks for the steps due before now minus the grace period', async () => {
    const runs = new MemoryRuns();
    runs.overdue = [{ runId: 'run-1', index: 1, retried: false }];
    const result = await new ListOverdueStepsHandler(runs, new ManualClock('2026-12-02T12:00:00Z')).execute(new ListOverdueStepsQuery(3_000));
    expect(result).toEqual([{ runId: 'run-1', index: 1, retried: false }]);
    expect(runs.overdueAsked).toEqual([{ dueBefore: new Date('2026-12-02T11:59:57Z'), limit: 100 }]);
  });
});
