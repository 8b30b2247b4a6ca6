import { isCountryCode } from '@qa/crm-contracts';
import { uuidv7 } from '@qa/shared-kernel';
import { CrmErrors } from './crm.errors';

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
    return Object.assign(new Company(), { id: uuidv7(), name: props.name.trim(), domain: props.domain?.trim() || null, country: countryOf(props.country), ownerId: props.ownerId ?? null, createdAt: new Date() });
  }
}

/** A country as given ("nl ", "NL") in capitals, checked against ISO 3166-1 alpha-2 (else CRM.INVALID_COMPANY, field country); empty: none. */
function countryOf(given: string | null | undefined): string | null {
  const code = given?.trim().toUpperCase() ?? '';
  if (!code) return null;
  if (!isCountryCode(code)) throw CrmErrors.invalidCompany('country', 'must be an ISO 3166-1 alpha-2 country code like NL');
  return code;
}
