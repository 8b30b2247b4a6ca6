import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { WorkflowVersionRepository } from '@qa/workflows-application';
import { WorkflowVersion } from '@qa/workflows-domain';

/** Reads workflows' versions; they are written only by the workflow repository's save (no update, no delete). */
@Injectable()
export class MikroOrmWorkflowVersions extends WorkflowVersionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  list(workflowId: string, before: number | null, limit: number) {
    return this.em.find(WorkflowVersion, before === null ? { workflowId } : { workflowId, version: { $lt: before } }, { orderBy: { version: 'desc' }, limit });
  }
  get(workflowId: string, version: number) {
    return this.em.findOne(WorkflowVersion, { workflowId, version });
  }
}
