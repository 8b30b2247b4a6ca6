import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { WorkflowRepository } from '@qa/workflows-application';
import { WorkflowDefinition } from '@qa/workflows-domain';

@Injectable()
export class MikroOrmWorkflowRepository extends WorkflowRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(WorkflowDefinition, { id });
  }
  list() {
    return this.em.find(WorkflowDefinition, {}, { orderBy: { createdAt: 'asc' } });
  }
  listEnabled(objectType: string) {
    return this.em.find(WorkflowDefinition, { objectType, enabled: true }, { orderBy: { createdAt: 'asc' } });
  }
  async save(workflow: WorkflowDefinition) {
    await this.em.persistAndFlush(workflow);
  }
}
