import { Command } from '@nestjs/cqrs';
import type { ApprovalPolicyState, ApprovalSettings } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** Settings → Quotes → Approvals (admins): require approval on all quotes, the default (fallback) approver, the rules with their routes. */
export class SaveApprovalSettingsCommand extends Command<ApprovalSettings> {
  constructor(
    readonly caller: Caller,
    /** `reminderCooldownHours`: hours between two reminders of a step by the rep (not sent: kept). */
    readonly settings: ApprovalPolicyState & { reminderCooldownHours?: number },
    /** The version the admin read (409 when stale); undefined: not checked. */
    readonly expectedVersion: number | undefined,
    /** Why: kept with the policy version this save writes (at most 500 characters). */
    readonly changeNote: string | null = null,
  ) {
    super();
  }
}
