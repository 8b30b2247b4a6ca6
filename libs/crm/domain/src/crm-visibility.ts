import type { CrmViewer } from '@qa/crm-contracts';
import type { Company } from './company';
import type { Contact } from './contact';
import type { Deal } from './deal';

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

/** The records a viewer may see out of these (all of them without a viewer, or for managers and admins). */
export function visibleCrmRecords(
  viewer: CrmViewer | undefined,
  records: { companies: Company[]; contacts: Contact[]; deals: Deal[] },
  companiesOfOwnDeals: ReadonlySet<string>,
): { companies: Company[]; contacts: Contact[]; deals: Deal[] } {
  if (seesAllCrmRecords(viewer)) return records;
  return {
    companies: records.companies.filter((c) => CrmVisibility.company(viewer, c, companiesOfOwnDeals)),
    contacts: records.contacts.filter((c) => CrmVisibility.contact(viewer, c)),
    deals: records.deals.filter((d) => CrmVisibility.deal(viewer, d)),
  };
}
