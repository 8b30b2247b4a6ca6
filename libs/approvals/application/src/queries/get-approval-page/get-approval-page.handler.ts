import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { routeApprovers, stepApprovers } from '@qa/approvals-contracts';
import { ApprovalErrors, diffSnapshots, type ApprovalRequest } from '@qa/approvals-domain';
import { canApprove, hidesQuoteFrom } from '../../shared/approval-access';
import { findQuoteSnapshot, findUsers, routePeople } from '../../shared/approval-lookups';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery } from '../find-stand-ins/find-stand-ins.query';
import { GetApprovalSettingsQuery } from '../get-approval-settings/get-approval-settings.query';
import { GetApprovalPageQuery, type ApprovalPage } from './get-approval-page.query';

/**
 * Only the current round's approvers, of any step (and admins, to see), the quote's rep (to follow
 * it and remind its approvers) and the delegates of its approvers get the page. Everyone its
 * route names comes with their name and whether their account is still active (a deactivated
 * approver of an open round is shown as such).
 */
@QueryHandler(GetApprovalPageQuery)
export class GetApprovalPageHandler implements IQueryHandler<GetApprovalPageQuery> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ caller, quoteId }: GetApprovalPageQuery): Promise<ApprovalPage> {
    const rounds = await this.requests.listForQuote(quoteId);
    const current = rounds.at(-1);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const isApprover = current.approverIds.includes(caller.userId);
    // The quote's rep follows their round (and may remind its approvers); a delegate of one of its
    // approvers sees it while the delegation holds, and afterwards the rounds they decided.
    const isRep = caller.userId === current.ownerId || caller.userId === current.submittedBy;
    const { at, standIns } = await this.queries.execute(new FindStandInsQuery(current, routeApprovers(current.route)));
    const actsFor = [...standIns.values()].filter((s) => s.mayAct.includes(caller.userId)).map((s) => s.approverId);
    const decidedHere = rounds.some((r) => r.decisions.some((d) => d.approverId === caller.userId));
    if (!isApprover && !isRep && !actsFor.length && !decidedHere && caller.role !== 'admin') throw ApprovalErrors.notAnApprover();
    const [me] = isApprover || actsFor.length ? await findUsers(this.queries, [caller.userId]) : [];
    const eligible = !!me && me.id === caller.userId && canApprove(me);
    if (isApprover && !eligible && caller.role !== 'admin') throw ApprovalErrors.approverNotEligible();
    const quoteUnchanged =
      current.status !== 'pending' ||
      (await findQuoteSnapshot(this.queries, current.quoteId).then(
        (quote) => current.reviews(quote),
        () => false,
      ));
    const previous = rounds.length > 1 ? rounds[rounds.length - 2] : null;
    const place = current.placeFor({ id: caller.userId, eligible }, actsFor);
    const pending = current.status === 'pending';
    const nowApproving = pending ? stepApprovers(current.route, current.currentStep).filter((id) => current.placeOpen(id)) : [];
    const outOfOffice = nowApproving.flatMap((id) => {
      const standIn = standIns.get(id);
      return standIn ? [{ approverId: id, standInId: standIn.to, kind: standIn.kind }] : [];
    });
    const cooldown = isRep && pending ? (await this.queries.execute(new GetApprovalSettingsQuery())).reminderCooldown() : null;
    const retryAt = cooldown !== null ? current.reminderRetryAt(cooldown) : null;
    return {
      request: current,
      rounds,
      approvers: await this.people(current, outOfOffice.map((o) => o.standInId)),
      changes: diffSnapshots(previous?.snapshot ?? null, current.snapshot),
      canDecide: quoteUnchanged && place !== null,
      decidesFor: quoteUnchanged && place !== null && place !== caller.userId ? place : null,
      outOfOffice,
      mayReassign: caller.role === 'admin' ? nowApproving : nowApproving.filter((id) => id === caller.userId && eligible),
      reminder: cooldown !== null ? { retryAt: retryAt && retryAt.getTime() > at.getTime() ? retryAt.toISOString() : null } : null,
    };
  }

  /** Everyone the route names, and whoever its activity, decisions and stand-ins name, with their names now. */
  private async people(request: ApprovalRequest, standInIds: string[]): Promise<ApprovalPage['approvers']> {
    const named = await routePeople(this.queries, request.route);
    const known = new Set(named.map((p) => p.id));
    const more = [...request.activity.flatMap((a) => [a.from, a.to, a.by]), ...request.decisions.map((d) => d.approverId), ...standInIds].filter((id): id is string => !!id && !known.has(id));
    const others = await findUsers(this.queries, [...new Set(more)]);
    return [...named, ...others.map(({ id, name, active }) => ({ id, name, active }))];
  }
}
