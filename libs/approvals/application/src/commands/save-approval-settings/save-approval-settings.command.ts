import { Command } from '@nestjs/cqrs';
import type { ApprovalSettings, ApprovalSettingsState } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** Settings → Quotes (admins): require approval on all quotes, the default approver, the rules. */
export class SaveApprovalSettingsCommand extends Command<ApprovalSettings> {
  constructor(
    readonly caller: Caller,
    readonly settings: ApprovalSettingsState,
    /** The version the admin read (409 when stale); undefined: not checked. */
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}
