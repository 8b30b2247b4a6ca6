import { describe, expect, it } from 'vitest';
import { Company } from './company';
import { Contact } from './contact';
import { visibleCrmRecords } from './crm-visibility';
import { Deal } from './deal';

describe('what a CRM viewer sees', () => {
  const shared = Company.create({ name: 'Shared BV' });
  const own = Company.create({ name: 'Own BV', ownerId: 'rep-1' });
  const ofOwnDeal = Company.create({ name: 'Deal BV', ownerId: 'rep-2' });
  const others = Company.create({ name: 'Other BV', ownerId: 'rep-2' });
  const contacts = [Contact.create({ name: 'Shared', email: 's@example.com', companyId: null }), Contact.create({ name: 'Theirs', email: 't@example.com', companyId: null, ownerId: 'rep-2' })];
  const deals = [
    Deal.create({ name: 'Mine', amountMinor: 1, currency: 'EUR', ownerId: 'rep-1', stage: 'qualified_to_buy', companyId: ofOwnDeal.id }),
    Deal.create({ name: 'Theirs', amountMinor: 1, currency: 'EUR', ownerId: 'rep-2', stage: 'qualified_to_buy', companyId: others.id }),
  ];
  const records = { companies: [shared, own, ofOwnDeal, others], contacts, deals };
  const names = (r: ReturnType<typeof visibleCrmRecords>) => [r.companies, r.contacts, r.deals].map((list) => list.map((x) => x.name));

  it('shows a rep the shared records, their own, and the companies of their deals', () => {
    expect(names(visibleCrmRecords({ userId: 'rep-1', role: 'rep' }, records, new Set([ofOwnDeal.id])))).toEqual([['Shared BV', 'Own BV', 'Deal BV'], ['Shared'], ['Mine']]);
  });

  it('shows managers, admins and the system (no viewer) everything', () => {
    const all = [['Shared BV', 'Own BV', 'Deal BV', 'Other BV'], ['Shared', 'Theirs'], ['Mine', 'Theirs']];
    expect([names(visibleCrmRecords({ userId: 'm', role: 'manager' }, records, new Set())), names(visibleCrmRecords(undefined, records, new Set()))]).toEqual([all, all]);
  });
});
