import { isCountryCode } from '@qa/crm-contracts';
import { uuidv7 } from '@qa/shared-kernel';
import { CrmErrors } from './crm.errors';

/** What may change of a company (managers, admins); left out: stays. */
export interface CompanyChanges {
  name?: string;
  /** Empty or null: none. */
  domain?: string | null;
  /** ISO 3166-1 alpha-2 in any case; empty or null: none. */
  country?: string | null;
}

export class Company {
  id!: string;
  name!: string;
  domain!: string | null;
  /** ISO 3166-1 alpha-2 ("NL"); null when not known. */
  country!: string | null;
  /** The rep who added it; null: shared (added by a manager or admin, demo data, records from before owners were kept). */
  ownerId!: string | null;
  createdAt!: Date;

  static create(props: { name: string; domain?: string | null; country?: string | null; ownerId?: string | null }): Company {
    return Object.assign(new Company(), { id: uuidv7(), name: nameOf(props.name), domain: domainOf(props.domain), country: countryOf(props.country), ownerId: props.ownerId ?? null, createdAt: new Date() });
  }

  /** Changes name, domain and country at once (all checked before any is kept); the owner stays. No version: the last change wins. */
  change(changes: CompanyChanges): void {
    const next = {
      name: changes.name === undefined ? this.name : nameOf(changes.name),
      domain: changes.domain === undefined ? this.domain : domainOf(changes.domain),
      country: changes.country === undefined ? this.country : countryOf(changes.country),
    };
    Object.assign(this, next);
  }
}

/** The name, trimmed; empty: CRM.INVALID_COMPANY, field name. */
function nameOf(given: string): string {
  const name = given.trim();
  if (!name) throw CrmErrors.invalidCompany('name', 'must not be empty');
  return name;
}

function domainOf(given: string | null | undefined): string | null {
  return given?.trim() || null;
}

/** A country as given ("nl ", "NL") in capitals, checked against ISO 3166-1 alpha-2 (else CRM.INVALID_COMPANY, field country); empty: none. */
function countryOf(given: string | null | undefined): string | null {
  const code = given?.trim().toUpperCase() ?? '';
  if (!code) return null;
  if (!isCountryCode(code)) throw CrmErrors.invalidCompany('country', 'must be an ISO 3166-1 alpha-2 country code like NL');
  return code;
}
