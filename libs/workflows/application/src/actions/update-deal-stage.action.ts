import { CommandBus } from '@nestjs/cqrs';
import { ChangeDealStageCommand, DEAL_STAGES, type DealStage } from '@qa/crm-contracts';
import { ActionFailure } from './action-failure';
import { WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from './workflow-action';

@WorkflowActionProvider()
export class UpdateDealStageAction implements WorkflowAction {
  readonly description = {
    key: 'update_deal_stage',
    label: 'Update deal stage',
    description: "Moves the record's deal to a pipeline stage.",
    params: [{ name: 'stage', label: 'Stage', type: 'select' as const, required: true, options: [...DEAL_STAGES] }],
  };

  constructor(private readonly commands: CommandBus) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const stage = String(params['stage']);
    if (!(DEAL_STAGES as readonly string[]).includes(stage)) throw new ActionFailure(`stage: ${stage} is not a pipeline stage`);
    const dealId = ctx.record['dealId'];
    if (typeof dealId !== 'string' || !dealId) return { output: { skipped: 'the record has no deal' } };
    await this.commands.execute(new ChangeDealStageCommand(dealId, stage as DealStage));
    return { output: { dealId, stage } };
  }
}
