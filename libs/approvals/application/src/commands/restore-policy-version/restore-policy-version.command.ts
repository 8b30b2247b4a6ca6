import { Command } from '@nestjs/cqrs';
import type { ApprovalSettings } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** Puts an earlier version of the approval policy back, saved as a new version (admins). */
export class RestorePolicyVersionCommand extends Command<ApprovalSettings> {
  constructor(
    readonly caller: Caller,
    readonly version: number,
    /** The settings version the admin read (409 when stale). */
    readonly expectedVersion: number,
    readonly changeNote: string | null = null,
  ) {
    super();
  }
}
