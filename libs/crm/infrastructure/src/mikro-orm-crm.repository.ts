import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { CrmViewer } from '@qa/crm-contracts';
import { Company, Contact, CrmRepository, Deal, seesAllCrmRecords } from '@qa/crm-domain';

const like = (search?: string) => (search?.trim() ? { $ilike: `%${search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` } : undefined);

@Injectable()
export class MikroOrmCrmRepository extends CrmRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  async listCompanies(filter: { search?: string; viewer?: CrmViewer }) {
    const where: FilterQuery<Company> = filter.search ? { name: like(filter.search) } : {};
    if (!seesAllCrmRecords(filter.viewer)) {
      const userId = filter.viewer!.userId;
      where.$or = [{ ownerId: null }, { ownerId: userId }, { id: { $in: await this.companiesOfDealsOwnedBy(userId) } }];
    }
    return this.em.find(Company, where, { orderBy: { name: 'asc' }, limit: 200 });
  }
  listContacts(filter: { companyId?: string; search?: string; viewer?: CrmViewer }) {
    const where: FilterQuery<Contact> = {};
    if (filter.companyId) where.companyId = filter.companyId;
    if (filter.search) where.$or = [{ name: like(filter.search) }, { email: like(filter.search) }];
    if (!seesAllCrmRecords(filter.viewer)) where.$and = [{ $or: [{ ownerId: null }, { ownerId: filter.viewer!.userId }] }];
    return this.em.find(Contact, where, { orderBy: { name: 'asc' }, limit: 200 });
  }
  listDeals(filter: { companyId?: string; ownerId?: string; search?: string; viewer?: CrmViewer }) {
    const where: FilterQuery<Deal> = {};
    if (filter.companyId) where.companyId = filter.companyId;
    if (filter.ownerId) where.ownerId = filter.ownerId;
    if (filter.search) where.name = like(filter.search);
    if (!seesAllCrmRecords(filter.viewer)) where.$and = [{ ownerId: filter.viewer!.userId }];
    return this.em.find(Deal, where, { orderBy: { name: 'asc' }, limit: 200 });
  }
  async companiesOfDealsOwnedBy(userId: string) {
    const deals = await this.em.find(Deal, { ownerId: userId, companyId: { $ne: null } }, { fields: ['companyId'] });
    return [...new Set(deals.map((d) => d.companyId).filter((id): id is string => !!id))];
  }
  findCompanies(ids: string[]) {
    return this.em.find(Company, { id: { $in: ids } });
  }
  findContacts(ids: string[]) {
    return this.em.find(Contact, { id: { $in: ids } });
  }
  findDeals(ids: string[]) {
    return this.em.find(Deal, { id: { $in: ids } });
  }
  async save(record: Company | Contact | Deal) {
    await this.em.persistAndFlush(record);
  }
}
