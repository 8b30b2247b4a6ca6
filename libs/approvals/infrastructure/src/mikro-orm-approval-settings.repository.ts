import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApprovalSettingsRepository } from '@qa/approvals-application';
import { ApprovalSettings, DEFAULT_BUSINESS_HOURS, type PolicyVersion } from '@qa/approvals-domain';

@Injectable()
export class MikroOrmApprovalSettingsRepository extends ApprovalSettingsRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  async get() {
    const settings = await this.em.findOne(ApprovalSettings, { id: 'default' });
    if (!settings) return ApprovalSettings.initial();
    // Rows saved before rates were kept have none.
    settings.exchangeRates ??= {};
    // And before business hours were: the defaults.
    settings.businessHours ??= DEFAULT_BUSINESS_HOURS;
    return settings;
  }
  /**
   * One transaction: the settings first (a concurrent save loses on the optimistic lock: 409), then
   * the version they became (their optimistic version after the save).
   */
  async save(settings: ApprovalSettings, version: PolicyVersion) {
    await this.em.transactional(async (em) => {
      await em.persist(settings).flush();
      version.version = settings.version!;
      em.persist(version);
    });
  }
}
