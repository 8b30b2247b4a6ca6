import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { WorkflowErrors, type WorkflowActionSpec } from '@qa/workflows-domain';
import { messageProblem } from './action-params';
import { WORKFLOW_ACTION, type ActionDescription, type ActionParamDescription, type WorkflowAction } from './workflow-action';

/** The actions available to workflows, by key, found among the providers at start-up. */
@Injectable()
export class ActionRegistry implements OnModuleInit {
  private readonly actions = new Map<string, WorkflowAction>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance || !this.reflector.get(WORKFLOW_ACTION, wrapper.metatype)) continue;
      this.register(wrapper.instance as WorkflowAction);
    }
  }

  /** Adds an action (start-up finds the providers; specs add theirs). */
  register(action: WorkflowAction): void {
    if (this.actions.has(action.description.key)) throw new Error(`Two workflow actions with the key ${action.description.key}`);
    this.actions.set(action.description.key, action);
  }

  keys(): string[] {
    return [...this.actions.keys()].sort();
  }

  describe(): ActionDescription[] {
    return this.keys().map((key) => this.actions.get(key)!.description);
  }

  get(key: string): WorkflowAction | undefined {
    return this.actions.get(key);
  }

  /**
   * Checks each action's params against what the action declares (required, type, options), so a
   * workflow that cannot run is refused when it is saved, naming the field
   * (`actions.<i>.params.<name>`), not when a run fails. Params an action does not declare are kept.
   */
  checkParams(actions: readonly WorkflowActionSpec[]): void {
    actions.forEach((action, index) => {
      const description = this.actions.get(action.key)?.description;
      if (!description) return; // an unknown key is the definition's own error
      const params = (action.params ?? {}) as Record<string, unknown>;
      for (const param of description.params) {
        const standsIn = param.requiredUnless !== undefined && params[param.requiredUnless] !== undefined && params[param.requiredUnless] !== null;
        const problem = paramProblem(standsIn ? { ...param, required: false } : param, params[param.name]);
        if (problem) throw WorkflowErrors.invalid(`actions.${index}.params.${param.name}`, problem);
      }
      // The text as a code with parameters, where an action's title may stand for it.
      if (description.params.some((param) => param.requiredUnless === 'message')) {
        const problem = messageProblem(params['message']);
        if (problem) throw WorkflowErrors.invalid(`actions.${index}.params.message`, problem);
      }
    });
  }
}

const MAX_PARAM_LENGTH = 10_000;

/** What is wrong with one param value, or null. */
function paramProblem(param: ActionParamDescription, value: unknown): string | null {
  if (value === undefined || value === null) return param.required ? 'is required' : null;
  switch (param.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'number': {
      const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? null : 'must be a number, 0 or more';
    }
    case 'select':
      return typeof value === 'string' && (param.options ?? []).includes(value) ? null : `must be one of ${(param.options ?? []).join(', ')}`;
    case 'url': {
      if (typeof value !== 'string' || value.length > 2_000) return 'must be an http(s) URL';
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol) ? null : 'must be an http(s) URL';
      } catch {
        return 'must be an http(s) URL';
      }
    }
    case 'text':
    case 'template':
      if (typeof value !== 'string') return 'must be text';
      if (value.length > MAX_PARAM_LENGTH) return `must be at most ${MAX_PARAM_LENGTH} characters`;
      // A template may be empty on purpose (set_property with '' clears the property).
      return param.required && param.type === 'text' && value.trim() === '' ? 'is required' : null;
  }
}
