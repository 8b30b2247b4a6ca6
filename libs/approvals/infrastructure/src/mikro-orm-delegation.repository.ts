import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { DelegationRepository } from '@qa/approvals-application';
import { Delegation } from '@qa/approvals-domain';

@Injectable()
export class MikroOrmDelegationRepository extends DelegationRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(Delegation, { id });
  }
  listNotOver(at: Date) {
    return this.em.find(Delegation, { cancelledAt: null, endsAt: { $gt: at } }, { orderBy: { startsAt: 'asc', id: 'asc' } });
  }
  list(approverId: string | null, since: Date | null) {
    return this.em.find(Delegation, { ...(approverId ? { approverId } : {}), ...(since ? { endsAt: { $gt: since } } : {}) }, { orderBy: { startsAt: 'desc', id: 'desc' }, limit: 200 });
  }
  async save(delegation: Delegation) {
    await this.em.persistAndFlush(delegation);
  }
}
