// An in-memory CRM repository for the CRM use cases' specs: the rules without I/O (the MikroORM
// repository answers the same through SQL and has integration tests through the API).
import type { CrmViewer } from '@qa/crm-contracts';
import { Company, Contact, CrmRepository, CrmVisibility, Deal } from '@qa/crm-domain';

const matches = (text: string, search?: string) => !search?.trim() || text.toLowerCase().includes(search.trim().toLowerCase());
const byName = <T extends { name: string }>(records: T[]) => [...records].sort((a, b) => a.name.localeCompare(b.name));

export class MemoryCrm extends CrmRepository {
  companies = new Map<string, Company>();
  contacts = new Map<string, Contact>();
  deals = new Map<string, Deal>();
  saved: Array<Company | Contact | Deal> = [];

  async listCompanies(filter: { search?: string; viewer?: CrmViewer }) {
    const own = new Set(filter.viewer ? await this.companiesOfDealsOwnedBy(filter.viewer.userId) : []);
    return byName([...this.companies.values()].filter((c) => matches(c.name, filter.search) && CrmVisibility.company(filter.viewer, c, own)));
  }
  async listContacts(filter: { companyId?: string; search?: string; viewer?: CrmViewer }) {
    return byName(
      [...this.contacts.values()].filter(
        (c) => (!filter.companyId || c.companyId === filter.companyId) && (matches(c.name, filter.search) || matches(c.email, filter.search)) && CrmVisibility.contact(filter.viewer, c),
      ),
    );
  }
  async listDeals(filter: { companyId?: string; ownerId?: string; search?: string; viewer?: CrmViewer }) {
    return byName(
      [...this.deals.values()].filter(
        (d) => (!filter.companyId || d.companyId === filter.companyId) && (!filter.ownerId || d.ownerId === filter.ownerId) && matches(d.name, filter.search) && CrmVisibility.deal(filter.viewer, d),
      ),
    );
  }
  async companiesOfDealsOwnedBy(userId: string) {
    return [...new Set([...this.deals.values()].filter((d) => d.ownerId === userId && d.companyId).map((d) => d.companyId!))];
  }
  async findCompanies(ids: string[]) {
    return ids.flatMap((id) => this.companies.get(id) ?? []);
  }
  async findContacts(ids: string[]) {
    return ids.flatMap((id) => this.contacts.get(id) ?? []);
  }
  async findDeals(ids: string[]) {
    return ids.flatMap((id) => this.deals.get(id) ?? []);
  }
  async save(record: Company | Contact | Deal) {
    const map: Map<string, Company | Contact | Deal> = record instanceof Company ? this.companies : record instanceof Contact ? this.contacts : this.deals;
    map.set(record.id, record);
    this.saved.push(record);
  }

  /**
   * Rita (rep-1) owns "Rita deal" at the shared Acme and her own "Rita BV" with contact Otto;
   * Remy (rep-2) owns "Remy deal" at his own "Remy BV" with contact Pia; Anna is a shared contact at Acme.
   */
  static withRecords() {
    const crm = new MemoryCrm();
    const acme = Company.create({ name: 'Acme BV', domain: 'acme.example', country: 'NL' });
    const ritaBv = Company.create({ name: 'Rita BV', ownerId: 'rep-1' });
    const remyBv = Company.create({ name: 'Remy BV', ownerId: 'rep-2' });
    const anna = Contact.create({ name: 'Anna de Vries', email: 'Anna@Acme.example', companyId: acme.id });
    const otto = Contact.create({ name: 'Otto Own', email: 'otto@rita.example', companyId: ritaBv.id, ownerId: 'rep-1' });
    const pia = Contact.create({ name: 'Pia Private', email: 'pia@remy.example', companyId: remyBv.id, ownerId: 'rep-2' });
    const ritaDeal = Deal.create({ name: 'Rita deal', amountMinor: 100_000, currency: 'EUR', ownerId: 'rep-1', stage: 'qualified_to_buy', companyId: acme.id });
    const remyDeal = Deal.create({ name: 'Remy deal', amountMinor: 200_000, currency: 'EUR', ownerId: 'rep-2', stage: 'contract_sent', companyId: remyBv.id });
    for (const c of [acme, ritaBv, remyBv]) crm.companies.set(c.id, c);
    for (const c of [anna, otto, pia]) crm.contacts.set(c.id, c);
    for (const d of [ritaDeal, remyDeal]) crm.deals.set(d.id, d);
    return { crm, acme, ritaBv, remyBv, anna, otto, pia, ritaDeal, remyDeal };
  }
}

export const rep = (userId = 'rep-1'): CrmViewer => ({ userId, role: 'rep' });
export const manager: CrmViewer = { userId: 'manager-1', role: 'manager' };
