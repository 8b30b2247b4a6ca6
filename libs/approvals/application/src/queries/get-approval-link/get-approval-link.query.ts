import { Query } from '@nestjs/cqrs';
import type { RouteRuleMatch } from '@qa/approvals-contracts';
import type { ApprovalLinkAction } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** What the confirmation page of an approval e-mail's link shows before anyone confirms. */
export interface ApprovalLinkView {
  action: ApprovalLinkAction;
  quote: { id: string; number: string; title: string; companyName: string | null; total: string; currency: string };
  /** The rules that put the quote on the route, with their reasons (codes: clients word them). */
  rules: RouteRuleMatch[];
  /** Whom the link was sent to (the caller). */
  approver: { id: string; name: string };
  /** A stand-in's link: the approver out of office in whose place it decides; null: the approver's own place. */
  onBehalfOf: { id: string; name: string } | null;
  round: number;
  /** 1 = first. */
  step: number;
  steps: number;
  expiresAt: Date;
}

/** Checks an approval e-mail's link for its approver and says what it would decide. Changes nothing. */
export class GetApprovalLinkQuery extends Query<ApprovalLinkView> {
  constructor(
    readonly caller: Caller,
    readonly token: string,
  ) {
    super();
  }
}
