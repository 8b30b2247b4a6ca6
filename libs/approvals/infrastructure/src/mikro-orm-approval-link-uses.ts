import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApprovalLinkUses } from '@qa/approvals-application';
import { ApprovalErrors, ApprovalLinkUse } from '@qa/approvals-domain';

/**
 * The links used, one row each, written first in the decision's transaction: a second use, even
 * at the same moment, collides with it on the primary key (PostgreSQL makes the second wait for
 * the first to commit), and a decision that throws rolls the row back with it.
 */
@Injectable()
export class MikroOrmApprovalLinkUses extends ApprovalLinkUses {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async wasUsed(linkId: string): Promise<boolean> {
    return (await this.em.count(ApprovalLinkUse, { linkId })) > 0;
  }

  useOnce<T>(use: ApprovalLinkUse, decide: () => Promise<T>): Promise<T> {
    return this.em.transactional(async (tx) => {
      try {
        await tx.insert(ApprovalLinkUse, { ...use });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw ApprovalErrors.linkUsed();
        throw error;
      }
      // The repositories `decide` uses see this transaction (MikroORM's transaction context).
      return decide();
    });
  }
}
