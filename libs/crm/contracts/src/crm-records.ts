import type { Role } from '@qa/shared-kernel';
import type { DealStage } from './deal-stage';

export interface CompanySummary {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 ("NL"); null when not known. */
  country: string | null;
  /** Who added it (null: shared demo data). */
  ownerId: string | null;
}
export interface ContactSummary {
  id: string;
  name: string;
  email: string;
  companyId: string | null;
}
export interface DealSummary {
  id: string;
  name: string;
  stage: DealStage;
  ownerId: string;
  companyId: string | null;
  amountMinor: number;
  currency: string;
}

export interface CrmRecords {
  companies: CompanySummary[];
  contacts: ContactSummary[];
  deals: DealSummary[];
}

/**
 * Who looks, for what the CRM shows them. Managers and admins see every record; a rep sees their
 * own deals, the companies and contacts that are shared (added by a manager or admin, or demo
 * data) or theirs (added by them), and the companies of their deals.
 */
export interface CrmViewer {
  userId: string;
  role: Role;
}
