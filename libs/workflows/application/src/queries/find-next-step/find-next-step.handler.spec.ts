import { describe, expect, it } from 'vitest';
import { MemoryRuns } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { FindNextStepQuery } from './find-next-step.query';
import { FindNextStepHandler } from './find-next-step.handler';

describe('FindNextStepHandler', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const resumeAt = new Date('2026-12-02T12:05:00Z');

  it('names the step after a succeeded one (at the end of its wait) while the run is going', async () => {
    const runs = new MemoryRuns();
    const { run, steps } = await savedRun(runs, ['wait', 'set_property']);
    const handler = new FindNextStepHandler(runs);
    expect(await handler.execute(new FindNextStepQuery(run.id, 0))).toBeNull();
    run.beginStep(steps[0]!, now);
    run.completeStep(steps, steps[0]!, { resumeAt }, now);
    expect(await handler.execute(new FindNextStepQuery(run.id, 0))).toEqual({ index: 1, at: resumeAt });
    run.beginStep(steps[1]!, resumeAt);
    run.completeStep(steps, steps[1]!, {}, resumeAt);
    expect(await handler.execute(new FindNextStepQuery(run.id, 0))).toBeNull();
    expect(await handler.execute(new FindNextStepQuery(run.id, 1))).toBeNull();
    expect(await handler.execute(new FindNextStepQuery('nope', 0))).toBeNull();
  });
});
