// @qa/approvals-application: approval settings, rule evaluation, rounds and decisions.
import { Injectable } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EvaluateQuoteApprovalQuery, type ApprovalVerdict, type QuoteApprovalFacts } from '@qa/approvals-contracts';
import { ApprovalErrors, ApprovalRequest, ApprovalSettings, diffSnapshots, evaluateApproval, type ApprovalSettingsState } from '@qa/approvals-domain';
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

  async evaluate(facts: QuoteApprovalFacts): Promise<ApprovalVerdict> {
    return evaluateApproval(await this.settings.get(), facts);
  }

  private async quote(quoteId: string): Promise<QuoteSnapshotView> {
    const quote = (await this.queries.execute(new GetQuoteSnapshotQuery(quoteId))) as QuoteSnapshotView | null;
    if (!quote) throw ApprovalErrors.notFound(quoteId);
    return quote;
  }

  /** While editing: will this quote need approval, from whom and why? (Owner, managers, admins.) */
  async preview(caller: Caller, quoteId: string): Promise<ApprovalVerdict & { approvers: Array<{ id: string; name: string }> }> {
    const quote = await this.quote(quoteId);
    if (hidesQuoteFrom(caller, quote)) throw ApprovalErrors.notFound(quoteId);
    const verdict = await this.evaluate(await this.factsOf(quote));
    const users = verdict.approverIds.length ? ((await this.queries.execute(new FindUsersQuery(verdict.approverIds))) as UserSummary[]) : [];
    return { ...verdict, approvers: users.map(({ id, name }) => ({ id, name })) };
  }

  /** The approval page: only the current round's approvers (and admins, to see) get it. */
  async approvalPage(caller: Caller, quoteId: string) {
    const rounds = await this.requests.listForQuote(quoteId);
    const current = rounds.at(-1);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const isApprover = current.approverIds.includes(caller.userId);
    if (!isApprover && caller.role !== 'admin') throw ApprovalErrors.notAnApprover();
    const previous = rounds.length > 1 ? rounds[rounds.length - 2] : null;
    return {
      request: current,
      rounds,
      changes: diffSnapshots(previous?.snapshot ?? null, current.snapshot),
      canDecide: isApprover && current.status === 'pending' && caller.userId !== current.ownerId && !current.decisions.some((d) => d.approverId === caller.userId),
    };
  }

  async decide(caller: Caller, quoteId: string, round: number, decision: 'approve' | 'request_changes', notes: string | null): Promise<ApprovalRequest> {
    const current = await this.requests.findCurrent(quoteId);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    current.decide(caller.userId, round, decision, notes);
    await this.requests.save(current);
    return current;
  }

  /** A quote entered Pending approval: a new round (the previous pending one, if any, no longer counts). */
  async openRound(quoteId: string): Promise<ApprovalRequest | null> {
    const quote = (await this.queries.execute(new GetQuoteSnapshotQuery(quoteId))) as QuoteSnapshotView | null;
    if (!quote || quote.status !== 'pending_approval') return null;
    const previous = await this.requests.findCurrent(quoteId);
    if (previous && previous.quoteVersion === quote.version) return previous; // already opened for this version
    previous?.cancel();
    if (previous) await this.requests.save(previous);
    const verdict = await this.evaluate(await this.factsOf(quote));
    const request = ApprovalRequest.open({
      quoteId,
      quoteVersion: quote.version,
      round: (previous?.round ?? 0) + 1,
      ownerId: quote.ownerId,
      approverIds: verdict.approverIds,
      mode: verdict.mode,
      reasons: verdict.reasons,
      snapshot: { title: quote.title, currency: quote.currency, total: quote.total, quoteDiscount: quote.quoteDiscount, lines: quote.lines },
    });
    await this.requests.save(request);
    return request;
  }

  /** The quote was recalled: a pending round no longer counts. */
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

export const approvalsProviders = [ApprovalsService, EvaluateQuoteApprovalHandler];
