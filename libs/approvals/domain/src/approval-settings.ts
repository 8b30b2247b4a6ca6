import { ApprovalSettingsChanged } from '@qa/approvals-contracts';
import { AggregateRoot } from '@qa/shared-kernel';
import { ApprovalErrors } from './approval.errors';
import { DEFAULT_BASE_CURRENCY } from './policy/base-currency';
import { checkPolicy, type ApprovalPolicyState, type PolicyRule } from './policy/approval-policy';

/**
 * The account's approval policy (one row): the all-quotes switch, the default (and fallback)
 * approver, the rules in order. Its version numbers the policy: every round records the version
 * that routed it.
 */
export class ApprovalSettings extends AggregateRoot implements ApprovalPolicyState {
  id!: string;
  version: number | undefined;
  requireApproval!: boolean;
  defaultApproverId!: string | null;
  rules!: PolicyRule[];
  /** ISO 4217: what `totalInBaseCurrency` compares in. */
  baseCurrency!: string;
  /** Currency code → 1 unit of it in base currency (decimal text). */
  exchangeRates!: Record<string, string>;
  updatedAt!: Date;
  updatedBy!: string | null;

  protected get aggregateType() {
    return 'approval-settings';
  }

  static initial(): ApprovalSettings {
    return Object.assign(new ApprovalSettings(), { id: 'default', requireApproval: false, defaultApproverId: null, rules: [], baseCurrency: DEFAULT_BASE_CURRENCY, exchangeRates: {}, updatedAt: new Date(), updatedBy: null });
  }

  /** Saving over settings changed since `expected` was read (409); undefined: not checked (nor before the first save). */
  checkVersion(expected: number | undefined): void {
    if (expected !== undefined && this.version !== undefined && expected !== this.version) throw ApprovalErrors.staleSettings(expected, this.version);
  }

  /** `approverIds` tells which ids are users allowed to approve (active managers and admins). */
  change(next: ApprovalPolicyState, by: string, approverIds: ReadonlySet<string>, now = new Date()): void {
    const checked = checkPolicy(next, approverIds);
    Object.assign(this, { ...checked, updatedAt: now, updatedBy: by });
    this.record(ApprovalSettingsChanged, {
      requireApproval: this.requireApproval,
      defaultApproverId: this.defaultApproverId,
      approvalsActive: this.requireApproval || this.rules.length > 0,
    });
  }
}
