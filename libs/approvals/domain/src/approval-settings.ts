import { ApprovalSettingsChanged } from '@qa/approvals-contracts';
import { AggregateRoot, DomainError } from '@qa/shared-kernel';
import { ApprovalErrors } from './approval.errors';
import { DEFAULT_BASE_CURRENCY } from './policy/base-currency';
import { DEFAULT_BUSINESS_HOURS, type BusinessHours } from './policy/business-hours';
import { checkPolicy, type ApprovalPolicyState, type PolicyRule } from './policy/approval-policy';
import type { PolicySnapshot } from './policy-version';

/** A rep may remind a step's approvers once per this many hours, unless the settings say otherwise. */
export const DEFAULT_REMINDER_COOLDOWN_HOURS = 24;
export const MAX_REMINDER_COOLDOWN_HOURS = 168;

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
  /** The working week reminders and escalations count in. */
  businessHours!: BusinessHours;
  /** Hours a rep waits between two reminders of one step (absent or null in rows saved before it was kept: the default). */
  reminderCooldownHours?: number | null;
  updatedAt!: Date;
  updatedBy!: string | null;

  protected get aggregateType() {
    return 'approval-settings';
  }

  static initial(): ApprovalSettings {
    return Object.assign(new ApprovalSettings(), { id: 'default', requireApproval: false, defaultApproverId: null, rules: [], baseCurrency: DEFAULT_BASE_CURRENCY, exchangeRates: {}, businessHours: DEFAULT_BUSINESS_HOURS, updatedAt: new Date(), updatedBy: null });
  }

  /** The hours a rep waits between two reminders of one step. */
  reminderCooldown(): number {
    return this.reminderCooldownHours ?? DEFAULT_REMINDER_COOLDOWN_HOURS;
  }

  /** Saved with the policy: whole hours from 1 to 168 (a week), else 422 naming `reminderCooldownHours`. */
  setReminderCooldown(hours: number): void {
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_REMINDER_COOLDOWN_HOURS) {
      throw new DomainError('APPROVALS.INVALID_SETTINGS', `reminderCooldownHours must be whole hours from 1 to ${MAX_REMINDER_COOLDOWN_HOURS}`, 'invalid', {
        fields: [{ field: 'reminderCooldownHours', reason: `must be whole hours from 1 to ${MAX_REMINDER_COOLDOWN_HOURS}` }],
      });
    }
    this.reminderCooldownHours = hours;
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

  /** Puts an earlier version's policy back, as a new save: the same checks as `change` (approvers no longer eligible: 422). */
  restore(snapshot: PolicySnapshot, by: string, approverIds: ReadonlySet<string>, now: Date): void {
    if (snapshot.reminderCooldownHours !== null) this.setReminderCooldown(snapshot.reminderCooldownHours);
    else this.reminderCooldownHours = null;
    this.change(snapshot, by, approverIds, now);
  }
}
