import type { CrmViewer } from '@qa/crm-contracts';
import { CrmErrors, seesAllCrmRecords, visibleCrmRecords, type Company, type Contact, type CrmRepository, type Deal } from '@qa/crm-domain';

export interface CrmRecordIds {
  companyIds?: string[];
  contactIds?: string[];
  dealIds?: string[];
}

/** The records of these ids the viewer may see (all of them without a viewer). */
export async function findVisibleCrmRecords(crm: CrmRepository, ids: CrmRecordIds, viewer?: CrmViewer): Promise<{ companies: Company[]; contacts: Contact[]; deals: Deal[] }> {
  const [companies, contacts, deals] = await Promise.all([
    ids.companyIds?.length ? crm.findCompanies(ids.companyIds) : [],
    ids.contactIds?.length ? crm.findContacts(ids.contactIds) : [],
    ids.dealIds?.length ? crm.findDeals(ids.dealIds) : [],
  ]);
  const needsOwnDeals = !seesAllCrmRecords(viewer) && companies.length > 0;
  const companiesOfOwnDeals = new Set(needsOwnDeals ? await crm.companiesOfDealsOwnedBy(viewer!.userId) : []);
  return visibleCrmRecords(viewer, { companies, contacts, deals }, companiesOfOwnDeals);
}

/** With a viewer, the company must be one they may see: else the same 422 as for an unknown one. */
export async function requireVisibleCompany(crm: CrmRepository, id: string, field: string, viewer?: CrmViewer): Promise<void> {
  if ((await findVisibleCrmRecords(crm, { companyIds: [id] }, viewer)).companies.length === 0) throw CrmErrors.unknownReference(field, id);
}
