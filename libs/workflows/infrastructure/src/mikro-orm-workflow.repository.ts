import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { WorkflowRepository } from '@qa/workflows-application';
import { WorkflowDefinition, type WorkflowVersion } from '@qa/workflows-domain';

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
  /**
   * One transaction: the workflow first (a concurrent save loses on the optimistic lock: 409), then,
   * when given, the version it became (its optimistic version after the save).
   */
  async save(workflow: WorkflowDefinition, version?: WorkflowVersion) {
    if (!version) return this.em.persistAndFlush(workflow);
    await this.em.transactional(async (em) => {
      await em.persist(workflow).flush();
      version.version = workflow.version!;
      em.persist(version);
    });
  }
}
