import { PropertyStore } from '../ports/workflows.ports';
import { ActionFailure } from './action-failure';
import { WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from './workflow-action';

@WorkflowActionProvider()
export class SetPropertyAction implements WorkflowAction {
  readonly description = {
    key: 'set_property',
    label: 'Set property value',
    description: 'Sets a property of the record (kept with its history).',
    params: [
      { name: 'property', label: 'Property', type: 'text' as const, required: true },
      { name: 'value', label: 'Value', type: 'template' as const, required: true, help: 'Text; an empty value clears the property' },
    ],
  };

  constructor(private readonly properties: PropertyStore) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const property = String(params['property'] ?? '').trim();
    if (!/^[a-z][a-z0-9_]{0,59}$/.test(property)) throw new ActionFailure(`property: "${property}" is not a property name (a-z, 0-9, _)`);
    const value = ctx.render(params['value'] ?? '');
    const changed = await this.properties.set(ctx.run.recordType, ctx.run.recordId, property, value === '' ? null : value, `workflow:${ctx.run.workflowId}`, ctx.run.id);
    return { output: { property, value, changed } };
  }
}
