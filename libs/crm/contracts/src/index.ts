// @qa/crm-contracts: what other contexts may know of companies, contacts and deals.
import { integrationEvent, type Role } from '@qa/shared-kernel';

export const DEAL_STAGES = [
  'appointment_scheduled',
  'qualified_to_buy',
  'presentation_scheduled',
  'decision_maker_bought_in',
  'contract_sent',
  'closed_won',
  'closed_lost',
] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export interface CompanySummary {
  id: string;
  name: string;
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

/**
 * Looks up CRM records by id (unknown ids are simply absent from the answer). With a viewer, the
 * records that viewer may not see are absent too (the same answer as for unknown ids). Send it on
 * the QueryBus; the CRM context answers.
 */
export class FindCrmRecordsQuery {
  constructor(
    readonly ids: { companyIds?: string[]; contactIds?: string[]; dealIds?: string[] },
    readonly viewer?: CrmViewer,
  ) {}
}

/** Moves a deal to another stage (used by workflows). Send it on the CommandBus. */
export class ChangeDealStageCommand {
  constructor(
    readonly dealId: string,
    readonly stage: DealStage,
  ) {}
}

export interface DealStageChangedPayload extends Record<string, unknown> {
  dealId: string;
  ownerId: string;
  stage: DealStage;
  previousStage: DealStage;
}
export const DealStageChanged = integrationEvent<DealStageChangedPayload>('crm.deal.stage-changed.v1');
