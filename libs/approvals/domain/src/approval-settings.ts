import { ApprovalSettingsChanged } from '@qa/approvals-contracts';
import { AggregateRoot, DomainError } from '@qa/shared-kernel';
import { ApprovalErrors } from './approval.errors';
import { RULE_FIELDS, RULE_OPERATORS, type ApprovalRule, type ApprovalSettingsState } from './approval-rules';

/** The account's approval settings (one row): the all-quotes switch, the default approver, the rules. */
export class ApprovalSettings extends AggregateRoot implements ApprovalSettingsState {
  id!: string;
  version: number | undefined;
  requireApproval!: boolean;
  defaultApproverId!: string | null;
  rules!: ApprovalRule[];
  updatedAt!: Date;
  updatedBy!: string | null;

  protected get aggregateType() {
    return 'approval-settings';
  }

  static initial(): ApprovalSettings {
    return Object.assign(new ApprovalSettings(), { id: 'default', requireApproval: false, defaultApproverId: null, rules: [], updatedAt: new Date(), updatedBy: null });
  }

  /** Saving over settings changed since `expected` was read (409); undefined: not checked (nor before the first save). */
  checkVersion(expected: number | undefined): void {
    if (expected !== undefined && this.version !== undefined && expected !== this.version) throw ApprovalErrors.staleSettings(expected, this.version);
  }

  /** `approverIds` tells which ids are users allowed to approve (managers and admins). */
  change(next: ApprovalSettingsState, by: string, approverIds: ReadonlySet<string>): void {
    if (next.requireApproval && !next.defaultApproverId) throw invalid('defaultApproverId', 'choose an approver to require approval on all quotes');
    if (next.defaultApproverId && !approverIds.has(next.defaultApproverId)) throw invalid('defaultApproverId', 'must be an active manager or admin');
    next.rules.forEach((rule, i) => {
      if (!rule.name?.trim()) throw invalid(`rules.${i}.name`, 'must not be empty');
      if (rule.approverIds.length === 0) throw invalid(`rules.${i}.approverIds`, 'name at least one approver');
      rule.approverIds.forEach((id, j) => {
        if (!approverIds.has(id)) throw invalid(`rules.${i}.approverIds.${j}`, 'must be an active manager or admin');
      });
      rule.conditions.forEach((c, j) => {
        if (!(RULE_FIELDS as readonly string[]).includes(c.field)) throw invalid(`rules.${i}.conditions.${j}.field`, `must be one of ${RULE_FIELDS.join(', ')}`);
        if (!(RULE_OPERATORS as readonly string[]).includes(c.operator)) throw invalid(`rules.${i}.conditions.${j}.operator`, `must be one of ${RULE_OPERATORS.join(', ')}`);
      });
    });
    Object.assign(this, { requireApproval: next.requireApproval, defaultApproverId: next.defaultApproverId, rules: next.rules, updatedAt: new Date(), updatedBy: by });
    this.record(ApprovalSettingsChanged, {
      requireApproval: this.requireApproval,
      defaultApproverId: this.defaultApproverId,
      approvalsActive: this.requireApproval || this.rules.length > 0,
    });
  }
}

function invalid(field: string, reason: string): DomainError {
  return new DomainError('APPROVALS.INVALID_SETTINGS', `${field}: ${reason}`, 'invalid', { fields: [{ field, reason }] });
}
