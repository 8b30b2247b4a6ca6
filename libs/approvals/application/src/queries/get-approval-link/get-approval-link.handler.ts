import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApprovalErrors, checkLinkHolder, checkLinkOpen } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { ApprovalLinkSettings, ApprovalLinkUses } from '../../ports/approval-links.ports';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { readApprovalLink } from '../../shared/approval-link-token';
import { findQuoteSnapshot, findUsers } from '../../shared/approval-lookups';
import { GetApprovalLinkQuery, type ApprovalLinkView } from './get-approval-link.query';

/**
 * The link's confirmation page: nothing is decided here (mail scanners open links). In this order,
 * so that nobody learns more than they may: a link this app signed (else LINK_INVALID), sent to
 * the caller (else LINK_NOT_YOURS), not expired, not used, and still able to decide (the round
 * pending at the link's step, its approver still to decide there, the quote unchanged: else
 * LINK_VOID).
 */
@QueryHandler(GetApprovalLinkQuery)
export class GetApprovalLinkHandler implements IQueryHandler<GetApprovalLinkQuery, ApprovalLinkView> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly uses: ApprovalLinkUses,
    private readonly settings: ApprovalLinkSettings,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, token }: GetApprovalLinkQuery): Promise<ApprovalLinkView> {
    const claims = readApprovalLink(token, this.settings.secret);
    checkLinkHolder(claims, caller.userId, this.clock.now());
    if (await this.uses.wasUsed(claims.linkId)) throw ApprovalErrors.linkUsed();
    const request = await this.requests.findById(claims.requestId);
    checkLinkOpen(request, claims);
    const quote = await findQuoteSnapshot(this.queries, request.quoteId);
    if (!quote || !request.reviews(quote)) throw ApprovalErrors.linkVoid();
    const people = await findUsers(this.queries, [claims.approverId, ...(claims.onBehalfOf !== undefined ? [claims.onBehalfOf] : [])]);
    const nameOf = (id: string) => people.find((u) => u.id === id)?.name ?? '';
    return {
      action: claims.action,
      quote: { id: quote.quoteId, number: quote.number, title: quote.title, companyName: quote.companyName, total: quote.total, currency: quote.currency },
      rules: request.route.rules,
      approver: { id: claims.approverId, name: nameOf(claims.approverId) },
      onBehalfOf: claims.onBehalfOf !== undefined ? { id: claims.onBehalfOf, name: nameOf(claims.onBehalfOf) } : null,
      round: request.round,
      step: request.currentStep + 1,
      steps: request.route.steps.length,
      expiresAt: new Date(claims.expiresAt),
    };
  }
}
