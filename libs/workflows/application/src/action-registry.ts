import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { WORKFLOW_ACTION, type ActionDescription, type WorkflowAction } from './workflow-action';

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
      const action = wrapper.instance as WorkflowAction;
      if (this.actions.has(action.description.key)) throw new Error(`Two workflow actions with the key ${action.description.key}`);
      this.actions.set(action.description.key, action);
    }
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
}
