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
  async findByIds(ids: string[]) {
    return ids.length ? this.em.find(User, { id: { $in: [...new Set(ids)] } }) : [];
  }
  list(filter: { role?: Role[] }) {
    return this.em.find(User, filter.role?.length ? { role: { $in: filter.role } } : {}, { orderBy: { name: 'asc' } });
  }
  count() {
    return this.em.count(User, {});
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
  /**
   * One statement instead of two entity lookups, on every request of a logged-in user; both
   * come back as managed entities (`em.map`), so a touched session is saved as usual.
   */
  async findWithUserByTokenHash(tokenHash: string) {
    const rows: Array<Record<string, unknown>> = await this.em.getConnection().execute(
      `select s.id as s_id, s.token_hash as s_token_hash, s.user_id as s_user_id, s.created_at as s_created_at, s.expires_at as s_expires_at, s.last_seen_at as s_last_seen_at,
              u.id as u_id, u.email as u_email, u.name as u_name, u.role as u_role, u.password_hash as u_password_hash, u.active as u_active,
              u.team as u_team, u.reports_to as u_reports_to, u.created_at as u_created_at
         from identity_session s join identity_user u on u.id = s.user_id
        where s.token_hash = ?`,
      [tokenHash],
      'all',
      this.em.getTransactionContext(),
    );
    const row = rows[0];
    if (!row) return null;
    const columns = (prefix: string) => Object.fromEntries(Object.entries(row).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
    return { session: this.em.map(Session, columns('s_')), user: this.em.map(User, columns('u_')) };
  }
  async save(session: Session) {
    await this.em.persistAndFlush(session);
  }
  async deleteByTokenHash(tokenHash: string) {
    await this.em.nativeDelete(Session, { tokenHash });
  }
  async deleteForUser(userId: string) {
    await this.em.nativeDelete(Session, { userId });
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
  async revokeAllForUser(userId: string, now: Date) {
    await this.em.nativeUpdate(ApiToken, { userId, revokedAt: null }, { revokedAt: now });
  }
}
