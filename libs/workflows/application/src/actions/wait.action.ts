import { ActionFailure } from './action-failure';
import { WorkflowActionProvider, type ActionResult, type WorkflowAction } from './workflow-action';

@WorkflowActionProvider()
export class WaitAction implements WorkflowAction {
  readonly description = {
    key: 'wait',
    label: 'Wait',
    description: 'Waits before the next action (a delayed job; survives restarts).',
    params: [
      { name: 'minutes', label: 'Minutes', type: 'number' as const, required: false },
      { name: 'seconds', label: 'Seconds', type: 'number' as const, required: false },
    ],
  };

  async execute(params: Record<string, unknown>): Promise<ActionResult> {
    const ms = (Number(params['minutes']) || 0) * 60_000 + (Number(params['seconds']) || 0) * 1_000;
    if (ms <= 0) throw new ActionFailure('minutes or seconds: a wait needs a positive duration');
    return { resumeAt: new Date(Date.now() + ms), output: { waitedMs: ms } };
  }
}
