// @qa/crm-domain: companies, contacts and deals: the CRM records quotes refer to. Not a full CRM.
import { DealStageChanged, type DealStage } from '@qa/crm-contracts';
import { AggregateRoot, DomainError, uuidv7 } from '@qa/shared-kernel';

export class Company {
  id!: string;
  name!: string;
  domain!: string | null;
  createdAt!: Date;

  static create(props: { name: string; domain?: string | null }): Company {
    return Object.assign(new Company(), { id: uuidv7(), name: props.name.trim(), domain: props.domain?.trim() || null, createdAt: new Date() });
  }
}

export class Contact {
  id!: string;
  name!: string;
  email!: string;
  companyId!: string | null;
  createdAt!: Date;

  static create(props: { name: string; email: string; companyId: string | null }): Contact {
    return Object.assign(new Contact(), { id: uuidv7(), name: props.name.trim(), email: props.email.trim().toLowerCase(), companyId: props.companyId, createdAt: new Date() });
  }
}

export class Deal extends AggregateRoot {
  id!: string;
  version: number | undefined;
  name!: string;
  amountMinor!: number;
  currency!: string;
  ownerId!: string;
  stage!: DealStage;
  companyId!: string | null;
  createdAt!: Date;

  protected get aggregateType() {
    return 'deal';
  }

  static create(props: { name: string; amountMinor: number; currency: string; ownerId: string; stage: DealStage; companyId: string | null }): Deal {
    return Object.assign(new Deal(), { id: uuidv7(), ...props, name: props.name.trim(), createdAt: new Date() });
  }

  changeStage(stage: DealStage): void {
    if (stage === this.stage) return;
    const previousStage = this.stage;
    this.stage = stage;
    this.record(DealStageChanged, { dealId: this.id, ownerId: this.ownerId, stage, previousStage });
  }
}

export const CrmErrors = {
  notFound: (kind: 'company' | 'contact' | 'deal', id: string) => new DomainError(`CRM.${kind.toUpperCase()}_NOT_FOUND`, `No ${kind} ${id}`, 'not-found', { id }),
  unknownReference: (field: string, id: string) =>
    new DomainError('CRM.UNKNOWN_REFERENCE', `${field} refers to nothing: ${id}`, 'invalid', { fields: [{ field, reason: `no such record: ${id}` }] }),
};

/** Persistence port of the CRM context. */
export abstract class CrmRepository {
  abstract listCompanies(search?: string): Promise<Company[]>;
  abstract listContacts(filter: { companyId?: string; search?: string }): Promise<Contact[]>;
  abstract listDeals(filter: { companyId?: string; ownerId?: string; search?: string }): Promise<Deal[]>;
  abstract findCompanies(ids: string[]): Promise<Company[]>;
  abstract findContacts(ids: string[]): Promise<Contact[]>;
  abstract findDeals(ids: string[]): Promise<Deal[]>;
  abstract save(record: Company | Contact | Deal): Promise<void>;
}
