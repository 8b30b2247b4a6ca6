import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApprovalTimerRepository } from '@qa/approvals-application';
import { ApprovalTimer } from '@qa/approvals-domain';

@Injectable()
export class MikroOrmApprovalTimerRepository extends ApprovalTimerRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(ApprovalTimer, { id });
  }
  listForRequest(requestId: string) {
    return this.em.find(ApprovalTimer, { requestId }, { orderBy: { createdAt: 'asc' } });
  }
  listDue(now: Date, limit: number) {
    return this.em.find(ApprovalTimer, { state: 'scheduled', dueAt: { $lte: now } }, { orderBy: { dueAt: 'asc' }, limit });
  }
  async save(timer: ApprovalTimer) {
    await this.em.persistAndFlush(timer);
  }
}
