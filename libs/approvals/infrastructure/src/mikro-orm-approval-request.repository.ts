import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApprovalRequestRepository } from '@qa/approvals-application';
import { ApprovalRequest } from '@qa/approvals-domain';

@Injectable()
export class MikroOrmApprovalRequestRepository extends ApprovalRequestRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findCurrent(quoteId: string) {
    return this.em.findOne(ApprovalRequest, { quoteId }, { orderBy: { round: 'desc' } });
  }
  findById(id: string) {
    return this.em.findOne(ApprovalRequest, { id });
  }
  listForQuote(quoteId: string) {
    return this.em.find(ApprovalRequest, { quoteId }, { orderBy: { round: 'asc' } });
  }
  listPending() {
    return this.em.find(ApprovalRequest, { status: 'pending' }, { orderBy: { openedAt: 'asc', id: 'asc' } });
  }
  async save(request: ApprovalRequest) {
    await this.em.persistAndFlush(request);
  }
}
