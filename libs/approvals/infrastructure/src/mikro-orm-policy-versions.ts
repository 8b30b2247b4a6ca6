import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { PolicyVersionRepository } from '@qa/approvals-application';
import { PolicyVersion } from '@qa/approvals-domain';

/** Reads the policy's versions; they are written only by the settings repository's save (no update, no delete). */
@Injectable()
export class MikroOrmPolicyVersions extends PolicyVersionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  list(before: number | null, limit: number) {
    return this.em.find(PolicyVersion, before === null ? {} : { version: { $lt: before } }, { orderBy: { version: 'desc' }, limit });
  }
  get(version: number) {
    return this.em.findOne(PolicyVersion, { version });
  }
}
