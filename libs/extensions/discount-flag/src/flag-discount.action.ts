import { PropertyStore, WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from '@qa/workflows-application';

/** Sets the property `discount_flag` to `high` or `normal`, comparing the quote's effective discount with a threshold. */
@WorkflowActionProvider()
export class FlagDiscountAction implements WorkflowAction {
  readonly description = {
    key: 'flag_discount',
    label: 'Flag high discount',
    description: "Sets discount_flag to high when the quote's effective discount is above the threshold, otherwise normal.",
    params: [{ name: 'thresholdPercent', label: 'Threshold (%)', type: 'number' as const, required: true }],
  };

  constructor(private readonly properties: PropertyStore) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const threshold = Number(params['thresholdPercent']);
    if (!Number.isFinite(threshold)) throw new Error('thresholdPercent: must be a number');
    const discount = Number(ctx.record['effectiveDiscountPercent'] ?? 0);
    const flag = discount > threshold ? 'high' : 'normal';
    await this.properties.set(ctx.run.recordType, ctx.run.recordId, 'discount_flag', flag, `workflow:${ctx.run.workflowId}`, ctx.run.id);
    return { output: { discount, threshold, flag } };
  }
}
