// @qa/crm-domain: companies, contacts and deals: the CRM records quotes refer to. Not a full CRM.
import { DealStageChanged, type CrmViewer, type DealStage } from '@qa/crm-contracts';
import { AggregateRoot, DomainError, uuidv7 } from '@qa/shared-kernel';

export class Company {
  id!: string;
  name!: string;
  domain!: string | null;
  /** The rep who added it; null: shared (added by a manager or admin, demo data, records from before owners were kept). */
  ownerId!: string | null;
  createdAt!: Date;

  static create(props: { name: string; domain?: string | null; ownerId?: string | null }): Company {
    return Object.assign(new Company(), { id: uuidv7(), name: props.name.trim(), domain: props.domain?.trim() || null, ownerId: props.ownerId ?? null, createdAt: new Date() });
  }
}

export class Contact {
  id!: string;
  name!: string;
  email!: string;
  companyId!: string | null;
  /** The rep who added it; null: shared. */
  ownerId!: string | null;
  createdAt!: Date;

  static create(props: { name: string; email: string; companyId: string | null; ownerId?: string | null }): Contact {
    return Object.assign(new Contact(), {
      id: uuidv7(),
      name: props.name.trim(),
      email: props.email.trim().toLowerCase(),
      companyId: props.companyId,
      ownerId: props.ownerId ?? null,
      createdAt: new Date(),
    });
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

/** Whether the viewer sees every record (managers, admins) or only theirs and the shared ones (reps). */
export const seesAllCrmRecords = (viewer: CrmViewer | undefined): boolean => !viewer || viewer.role !== 'rep';

/**
 * The records a rep may see, given the companies of their own deals: their deals; companies and
 * contacts that are shared or theirs; and the companies of their deals. Managers and admins (and
 * the system, without a viewer) see all.
 */
export const CrmVisibility = {
  deal: (viewer: CrmViewer | undefined, deal: Deal) => seesAllCrmRecords(viewer) || deal.ownerId === viewer?.userId,
  company: (viewer: CrmViewer | undefined, company: Company, companiesOfOwnDeals: ReadonlySet<string>) =>
    seesAllCrmRecords(viewer) || company.ownerId === null || company.ownerId === viewer?.userId || companiesOfOwnDeals.has(company.id),
  contact: (viewer: CrmViewer | undefined, contact: Contact) => seesAllCrmRecords(viewer) || contact.ownerId === null || contact.ownerId === viewer?.userId,
};

/** Persistence port of the CRM context. With a viewer, lists hold only what that viewer may see (CrmVisibility). */
export abstract class CrmRepository {
  abstract listCompanies(filter: { search?: string; viewer?: CrmViewer }): Promise<Company[]>;
  abstract listContacts(filter: { companyId?: string; search?: string; viewer?: CrmViewer }): Promise<Contact[]>;
  abstract listDeals(filter: { companyId?: string; ownerId?: string; search?: string; viewer?: CrmViewer }): Promise<Deal[]>;
  /** The companies of the deals this user owns. */
  abstract companiesOfDealsOwnedBy(userId: string): Promise<string[]>;
  abstract findCompanies(ids: string[]): Promise<Company[]>;
  abstract findContacts(ids: string[]): Promise<Contact[]>;
  abstract findDeals(ids: string[]): Promise<Deal[]>;
  abstract save(record: Company | Contact | Deal): Promise<void>;
}
