import { DealStageChanged, type DealStage } from '@qa/crm-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';

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
