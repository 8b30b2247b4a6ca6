import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { OutgoingEmail, OutgoingEmailRepository } from '@qa/notifications-domain';

@Injectable()
export class MikroOrmOutgoingEmailRepository extends OutgoingEmailRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(OutgoingEmail, { id });
  }
  findBySourceKey(sourceKey: string) {
    return this.em.findOne(OutgoingEmail, { sourceKey });
  }
  async save(email: OutgoingEmail) {
    await this.em.persistAndFlush(email);
  }
}
