import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';

export const WORKFLOW_ACTION = 'qa:workflow-action';

export interface ActionParamDescription {
  name: string;
  label: string;
  type: 'text' | 'template' | 'number' | 'boolean' | 'select' | 'url';
  required: boolean;
  /** Not required when this other param is given (title: `message`, the text as a code with parameters). */
  requiredUnless?: string;
  options?: string[];
  help?: string;
}

export interface ActionDescription {
  key: string;
  label: string;
  description: string;
  params: ActionParamDescription[];
}

export interface ActionContext {
  run: WorkflowRun;
  step: WorkflowRunStep;
  /** Record properties (the last snapshot plus workflow-set properties). */
  record: Record<string, unknown>;
  /** What templates see: { record, event, run }. */
  templateContext: Record<string, unknown>;
  /** Act once per step with this key (task/notification source key, webhook delivery id). */
  sourceKey: string;
  render(template: unknown): string;
}

export interface ActionResult {
  output?: Record<string, unknown>;
  /** The run goes on at this time (the wait action). */
  resumeAt?: Date;
}

/**
 * A workflow action: a provider registered by key. Platform teams add one by writing a class with
 * `@WorkflowActionProvider()` in their own library and importing its module in the worker; the
 * engine finds it at start-up. Run once per step: use `ctx.sourceKey` to make effects idempotent.
 */
export interface WorkflowAction {
  readonly description: ActionDescription;
  execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult>;
}

export const WorkflowActionProvider = () => applyDecorators(Injectable(), SetMetadata(WORKFLOW_ACTION, true));
