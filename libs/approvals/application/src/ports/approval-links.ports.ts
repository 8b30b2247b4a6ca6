/** What the approval e-mails' links need from outside; approvals-infrastructure and the apps provide it. */
import type { ApprovalLinkUse } from '@qa/approvals-domain';

/** The links' secret and where they point (the process configuration: APPROVAL_LINK_SECRET, APP_BASE_URL). */
export abstract class ApprovalLinkSettings {
  /** The HMAC-SHA256 key links are signed with; the same in the API (checks) and the worker (signs). */
  abstract readonly secret: string;
  /** The app's public URL, without a trailing slash: the links open its confirmation page. */
  abstract readonly appBaseUrl: string;
}

/** Which links were used: each decides once. */
export abstract class ApprovalLinkUses {
  abstract wasUsed(linkId: string): Promise<boolean>;
  /**
   * Records the use and runs `decide` in one transaction: a link already used (also by a request
   * at the same moment) throws APPROVALS.LINK_USED before `decide` runs, and when `decide` throws
   * neither the use nor anything it did is kept.
   */
  abstract useOnce<T>(use: ApprovalLinkUse, decide: () => Promise<T>): Promise<T>;
}
