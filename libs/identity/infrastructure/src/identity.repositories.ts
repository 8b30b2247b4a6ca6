import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApiToken, ApiTokenRepository, Session, SessionRepository, User, UserRepository } from '@qa/identity-domain';
import type { Role } from '@qa/shared-kernel';

/**
 * MikroORM adapters. Each write flushes at once: identity has no aggregate events, and a login must
 * be committed before its cookie is sent.
 */
@Injectable()
export class MikroOrmUserRepository extends UserRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(User, { id });
  }
  findByEmail(email: string) {
    return this.em.findOne(User, { email });
  }
  list(filter: { role?: Role[] }) {
    return this.em.find(User, filter.role?.length ? { role: { $in: filter.role } } : {}, { orderBy: { name: 'asc' } });
  }
  async save(user: User) {
    await this.em.persistAndFlush(user);
  }
}

@Injectable()
export class MikroOrmSessionRepository extends SessionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findByTokenHash(tokenHash: string) {
    return this.em.findOne(Session, { tokenHash });
  }
  async save(session: Session) {
    await this.em.persistAndFlush(session);
  }
  async deleteByTokenHash(tokenHash: string) {
    await this.em.nativeDelete(Session, { tokenHash });
  }
}

@Injectable()
export class MikroOrmApiTokenRepository extends ApiTokenRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findByTokenHash(tokenHash: string) {
    return this.em.findOne(ApiToken, { tokenHash });
  }
  findById(id: string) {
    return this.em.findOne(ApiToken, { id });
  }
  listForUser(userId: string) {
    return this.em.find(ApiToken, { userId }, { orderBy: { createdAt: 'desc' } });
  }
  async save(token: ApiToken) {
    await this.em.persistAndFlush(token);
  }
}
