// @qa/approvals-application: approval settings, rule evaluation, rounds and decisions.
import { Injectable } from '@nestjs/common';
import { CommandHandler, QueryBus, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  CloseApprovalRoundCommand,
  EvaluateQuoteApprovalQuery,
  FindApprovalRequestQuery,
  type ApprovalRequestSummary,
  type ApprovalVerdict,
  type QuoteApprovalFacts,
} from '@qa/approvals-contracts';
import { ApprovalErrors, ApprovalRequest, ApprovalSettings, diffSnapshots, evaluateApproval, namedApprovers, type ApprovalSettingsState } from '@qa/approvals-domain';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { GetQuoteSnapshotQuery, type QuoteSnapshotView } from '@qa/quotes-contracts';
import type { Caller } from '@qa/shared-kernel';

export abstract class ApprovalSettingsRepository {
  abstract get(): Promise<ApprovalSettings>;
  abstract save(settings: ApprovalSettings): Promise<void>;
}

export abstract class ApprovalRequestRepository {
  /** The latest round of a quote. */
  abstract findCurrent(quoteId: string): Promise<ApprovalRequest | null>;
  abstract findById(id: string): Promise<ApprovalRequest | null>;
  abstract listForQuote(quoteId: string): Promise<ApprovalRequest[]>;
  abstract save(request: ApprovalRequest): Promise<void>;
}

/**
 * Reps see their own quotes only: to another rep a quote's approval answers 404, as the quote
 * itself does, so its existence is not given away (403 is for those who may see the quote).
 */
const hidesQuoteFrom = (caller: Caller, quote: { ownerId: string; approverIds?: string[] }) =>
  caller.role === 'rep' && caller.userId !== quote.ownerId && !quote.approverIds?.includes(caller.userId);

/** Approvers are active managers and admins. */
const canApprove = (u: UserSummary) => u.active && (u.role === 'manager' || u.role === 'admin');

@Injectable()
export class ApprovalsService {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
  ) {}

  getSettings(): Promise<ApprovalSettings> {
    return this.settings.get();
  }

  async saveSettings(caller: Caller, next: ApprovalSettingsState, expectedVersion: number | undefined): Promise<ApprovalSettings> {
    const settings = await this.settings.get();
    if (expectedVersion !== undefined && settings.version !== undefined && expectedVersion !== settings.version) {
      throw ApprovalErrors.staleSettings(expectedVersion, settings.version);
    }
    const candidates = [...new Set([next.defaultApproverId, ...next.rules.flatMap((r) => r.approverIds)].filter((id): id is string => !!id))];
    const users = candidates.length ? ((await this.queries.execute(new FindUsersQuery(candidates))) as UserSummary[]) : [];
    settings.change(next, caller.userId, new Set(users.filter(canApprove).map((u) => u.id)));
    await this.settings.save(settings);
    return settings;
  }

  /** The facts rules look at, from the quote (and its deal's stage). */
  async factsOf(quote: QuoteSnapshotView): Promise<QuoteApprovalFacts> {
    let dealStage: string | null = null;
    if (quote.dealId) {
      const { deals } = (await this.queries.execute(new FindCrmRecordsQuery({ dealIds: [quote.dealId] }))) as CrmRecords;
      dealStage = deals[0]?.stage ?? null;
    }
    return {
      quoteId: quote.quoteId,
      ownerId: quote.ownerId,
      currency: quote.currency,
      totalMinor: quote.totalMinor,
      effectiveDiscountBp: quote.effectiveDiscountBp,
      largestLineDiscountBp: quote.largestLineDiscountBp,
      dealStage,
    };
  }

  /** Who must approve and why: only active managers and admins, never the owner or the submitter. */
  async evaluate(facts: QuoteApprovalFacts): Promise<ApprovalVerdict> {
    const settings = await this.settings.get();
    const named = namedApprovers(settings);
    const users = named.length ? await this.users(named) : [];
    return evaluateApproval(settings, facts, new Set(users.filter(canApprove).map((u) => u.id)));
  }

  private users(ids: string[]): Promise<UserSummary[]> {
    return this.queries.execute(new FindUsersQuery(ids)) as Promise<UserSummary[]>;
  }

  /** Read from identity at this moment: an active manager or admin. */
  private async mayApproveNow(userId: string): Promise<boolean> {
    const [user] = await this.users([userId]);
    return !!user && user.id === userId && canApprove(user);
  }

  /** The quote is still Pending approval at the version the round reviews: else nobody decides on stale data. */
  private async checkQuoteUnchanged(request: ApprovalRequest): Promise<void> {
    const quote = (await this.queries.execute(new GetQuoteSnapshotQuery(request.quoteId))) as QuoteSnapshotView | null;
    if (!quote || quote.status !== 'pending_approval' || quote.version !== request.quoteVersion) throw ApprovalErrors.roundClosed(request.round, quote?.status ?? null);
  }

  private async quote(quoteId: string): Promise<QuoteSnapshotView> {
    const quote = (await this.queries.execute(new GetQuoteSnapshotQuery(quoteId))) as QuoteSnapshotView | null;
    if (!quote) throw ApprovalErrors.notFound(quoteId);
    return quote;
  }

  /** While editing: will this quote need approval, from whom and why, if the caller submits it now? (Owner, managers, admins.) */
  async preview(caller: Caller, quoteId: string): Promise<ApprovalVerdict & { approvers: Array<{ id: string; name: string }> }> {
    const quote = await this.quote(quoteId);
    if (hidesQuoteFrom(caller, quote)) throw ApprovalErrors.notFound(quoteId);
    // Whoever would submit: the caller when they may (the owner, an admin), else the owner.
    const submittedBy = caller.userId === quote.ownerId || caller.role === 'admin' ? caller.userId : quote.ownerId;
    const verdict = await this.evaluate({ ...(await this.factsOf(quote)), submittedBy });
    const users = verdict.approverIds.length ? ((await this.queries.execute(new FindUsersQuery(verdict.approverIds))) as UserSummary[]) : [];
    return { ...verdict, approvers: users.map(({ id, name }) => ({ id, name })) };
  }

  /**
   * The approval page: only the current round's approvers (and admins, to see) get it. Its
   * approvers come with their names and whether their account is still active (a deactivated
   * approver of an open round is shown as such).
   */
  async approvalPage(caller: Caller, quoteId: string) {
    const rounds = await this.requests.listForQuote(quoteId);
    const current = rounds.at(-1);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const isApprover = current.approverIds.includes(caller.userId);
    if (!isApprover && caller.role !== 'admin') throw ApprovalErrors.notAnApprover();
    const users = current.approverIds.length ? await this.users(current.approverIds) : [];
    const eligible = isApprover && users.some((u) => u.id === caller.userId && canApprove(u));
    if (isApprover && !eligible && caller.role !== 'admin') throw ApprovalErrors.approverNotEligible();
    let quoteUnchanged = true;
    if (current.status === 'pending') quoteUnchanged = await this.checkQuoteUnchanged(current).then(() => true, () => false);
    const previous = rounds.length > 1 ? rounds[rounds.length - 2] : null;
    return {
      request: current,
      rounds,
      approvers: current.approverIds.map((id) => {
        const user = users.find((u) => u.id === id);
        return { id, name: user?.name ?? '', active: !!user?.active };
      }),
      changes: diffSnapshots(previous?.snapshot ?? null, current.snapshot),
      canDecide:
        eligible &&
        quoteUnchanged &&
        current.status === 'pending' &&
        caller.userId !== current.ownerId &&
        caller.userId !== current.submittedBy &&
        !current.decisions.some((d) => d.approverId === caller.userId),
    };
  }

  /**
   * One approver's decision. Who first (not the owner, not the submitter, an approver of this
   * round, still an active manager or admin now), then the quote: it must still be Pending
   * approval at the version this round reviews, so no decision lands on a quote changed since.
   */
  async decide(caller: Caller, quoteId: string, round: number, decision: 'approve' | 'request_changes', notes: string | null): Promise<ApprovalRequest> {
    const current = await this.requests.findCurrent(quoteId);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const approver = { id: caller.userId, eligible: current.approverIds.includes(caller.userId) && (await this.mayApproveNow(caller.userId)) };
    current.checkDecider(approver);
    if (round === current.round && current.status === 'pending') await this.checkQuoteUnchanged(current);
    current.decide(approver, round, decision, notes);
    await this.requests.save(current);
    return current;
  }

  /**
   * A quote entered Pending approval (`submittedVersion`: the version the submitted event is of): a
   * new round with the route fixed at submit (the previous pending one, if any, no longer counts).
   * When the quote has moved on since that submit (withdrawn, submitted again), nothing opens: a
   * later submitted event opens the round of the version then submitted.
   */
  async openRound(quoteId: string, submittedVersion?: number): Promise<ApprovalRequest | null> {
    const quote = (await this.queries.execute(new GetQuoteSnapshotQuery(quoteId))) as QuoteSnapshotView | null;
    if (!quote || quote.status !== 'pending_approval') return null;
    if (submittedVersion !== undefined && quote.version !== submittedVersion) return null;
    const previous = await this.requests.findCurrent(quoteId);
    if (previous && previous.quoteVersion === quote.version) return previous; // already opened for this version
    previous?.cancel();
    if (previous) await this.requests.save(previous);
    // Quotes submitted before routes were kept with the quote have none: evaluated now, as then.
    const route = quote.approvalRoute ?? { ...(await this.evaluate(await this.factsOf(quote))), submittedBy: null };
    const request = ApprovalRequest.open({
      quoteId,
      quoteVersion: quote.version,
      round: (previous?.round ?? 0) + 1,
      ownerId: quote.ownerId,
      submittedBy: route.submittedBy,
      approverIds: route.approverIds,
      mode: route.mode,
      reasons: route.reasons,
      snapshot: { title: quote.title, currency: quote.currency, total: quote.total, quoteDiscount: quote.quoteDiscount, lines: quote.lines },
    });
    await this.requests.save(request);
    return request;
  }

  async findRequest(requestId: string): Promise<ApprovalRequestSummary | null> {
    const request = await this.requests.findById(requestId);
    return request ? { requestId: request.id, quoteId: request.quoteId, quoteVersion: request.quoteVersion, round: request.round, status: request.status } : null;
  }

  /** The quote was recalled, withdrawn or expired: a pending round no longer counts. */
  async cancelRound(quoteId: string): Promise<void> {
    const current = await this.requests.findCurrent(quoteId);
    if (current?.status === 'pending') {
      current.cancel();
      await this.requests.save(current);
    }
  }
}

@QueryHandler(EvaluateQuoteApprovalQuery)
export class EvaluateQuoteApprovalHandler implements IQueryHandler<EvaluateQuoteApprovalQuery, ApprovalVerdict> {
  constructor(private readonly approvals: ApprovalsService) {}

  execute({ facts }: EvaluateQuoteApprovalQuery): Promise<ApprovalVerdict> {
    return this.approvals.evaluate(facts);
  }
}

@QueryHandler(FindApprovalRequestQuery)
export class FindApprovalRequestHandler implements IQueryHandler<FindApprovalRequestQuery, ApprovalRequestSummary | null> {
  constructor(private readonly approvals: ApprovalsService) {}

  execute({ requestId }: FindApprovalRequestQuery): Promise<ApprovalRequestSummary | null> {
    return this.approvals.findRequest(requestId);
  }
}

@CommandHandler(CloseApprovalRoundCommand)
export class CloseApprovalRoundHandler implements ICommandHandler<CloseApprovalRoundCommand> {
  constructor(private readonly approvals: ApprovalsService) {}

  execute({ quoteId }: CloseApprovalRoundCommand): Promise<void> {
    return this.approvals.cancelRound(quoteId);
  }
}

export const approvalsProviders = [ApprovalsService, EvaluateQuoteApprovalHandler, FindApprovalRequestHandler, CloseApprovalRoundHandler];
