import { integrationEvent } from '@qa/shared-kernel';
import type { DealStage } from './deal-stage';

export interface DealStageChangedPayload extends Record<string, unknown> {
  dealId: string;
  ownerId: string;
  stage: DealStage;
  previousStage: DealStage;
}
export const DealStageChanged = integrationEvent<DealStageChangedPayload>('crm.deal.stage-changed.v1');
