import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { ApprovalRoute } from '@qa/approvals-contracts';
import { DryRunTally, ResponseTimes, routeQuote, type ApprovalPolicyState, type DryRunState, type OrgDirectory } from '@qa/approvals-domain';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { ListSubmittedQuoteFactsQuery, type SubmittedQuoteFacts, type SubmittedQuoteFactsPage } from '@qa/quotes-contracts';
import { FindRecordPropertiesQuery, type RecordPropertyValues } from '@qa/workflows-contracts';
import { Clock } from '@qa/shared-kernel';
import { findUsers, looksAtProperties, orgDirectory, routingFactsFrom } from '../../shared/approval-lookups';
import { ApprovalHistoryReader, PolicyDryRunRepository, PolicyDryRunSettings } from '../../ports/policy-dry-run.ports';
import { RunPolicyDryRunCommand } from './run-policy-dry-run.command';

/** Which crm records routing under this policy reads: deals for deal fields and the deal owner, companies for the company's country and owner. */
export function crmNeeds(policy: ApprovalPolicyState): { deals: boolean; companies: boolean } {
  const fields = new Set(policy.rules.flatMap((r) => r.when.flatMap((g) => g.conditions.map((c) => c.field as string))));
  const refs = new Set(policy.rules.flatMap((r) => r.route.flatMap((s) => s.groups.flatMap((g) => g.approvers.flatMap((a) => (a.kind === 'field' ? [a.field] : []))))));
  const companies = fields.has('companyCountry') || refs.has('companyOwner');
  return { deals: companies || fields.has('dealStage') || fields.has('dealAmount') || refs.has('dealOwner'), companies };
}

/**
 * Runs a dry run: the org and the approvers' response times once, then page by page the quotes
 * (quotes contract), their deals and companies (one crm query per page) and their latest rounds
 * (one read per page), each quote routed by the pure routeQuote under the draft. The rules of the
 * report are in dry-run-tally.ts.
 */
@CommandHandler(RunPolicyDryRunCommand)
export class RunPolicyDryRunHandler implements ICommandHandler<RunPolicyDryRunCommand, DryRunState | 'missing'> {
  constructor(
    private readonly runs: PolicyDryRunRepository,
    private readonly history: ApprovalHistoryReader,
    private readonly settings: PolicyDryRunSettings,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ runId }: RunPolicyDryRunCommand): Promise<DryRunState | 'missing'> {
    const run = await this.runs.findById(runId);
    if (!run) return 'missing';
    if (run.state !== 'queued' || !(await this.runs.start(runId))) return run.state === 'queued' ? 'cancelled' : run.state;
    try {
      const times = new ResponseTimes();
      for (const round of await this.history.decidedRounds()) times.add(round);
      const org = await orgDirectory(this.queries);
      const tally = new DryRunTally(times);
      let processed = 0;
      let after: string | null = null;
      while (processed < run.total) {
        const page: SubmittedQuoteFactsPage = await this.queries.execute(new ListSubmittedQuoteFactsQuery(Math.min(this.settings.pageSize, run.total - processed), after));
        await this.routePage(page.quotes, run.policy, org, tally);
        processed += page.quotes.length;
        after = page.next;
        if (!(await this.runs.progress(runId, processed))) return 'cancelled';
        if (!after) break;
      }
      const names = new Map((await findUsers(this.queries, tally.approverIds())).map((u) => [u.id, u.name]));
      return (await this.runs.finish(runId, processed, tally.result(names), this.clock.now())) ? 'finished' : 'cancelled';
    } catch (error) {
      await this.runs.fail(runId, this.clock.now());
      throw error;
    }
  }

  private async routePage(quotes: SubmittedQuoteFacts[], policy: ApprovalPolicyState, org: OrgDirectory, tally: DryRunTally): Promise<void> {
    if (!quotes.length) return;
    const records = await this.crmRecords(quotes, crmNeeds(policy));
    const rounds = await this.history.latestRoutes(quotes.filter((q) => q.neededApproval).map((q) => q.quoteId));
    const deals = new Map(records.deals.map((d) => [d.id, d]));
    const companies = new Map(records.companies.map((c) => [c.id, c]));
    const properties = looksAtProperties(policy);
    for (const quote of quotes) {
      const deal = quote.dealId ? deals.get(quote.dealId) : undefined;
      const company = companies.get(quote.companyId ?? deal?.companyId ?? '');
      const quoteProperties: RecordPropertyValues = properties ? await this.queries.execute(new FindRecordPropertiesQuery('quote', quote.quoteId)) : {};
      // Routed as at its submission: submitted by whoever submitted it, expiry counted from that day.
      const facts = routingFactsFrom({ ...quote, submittedBy: quote.submittedBy ?? quote.ownerId }, { deals: deal ? [deal] : [], companies: company ? [company] : [] }, org, new Date(quote.submittedAt), policy, quoteProperties);
      const draft = routeQuote(policy, 0, facts, org);
      // Needed but no round yet (the worker has not opened it): a route of no steps.
      const real: ApprovalRoute | null = quote.neededApproval ? (rounds.get(quote.quoteId) ?? { policyVersion: 0, steps: [], rules: [] }) : null;
      tally.add(quote, real, draft.route);
    }
  }

  /**
   * The page's deals and companies, with the companies of deals whose quote names none: two crm
   * queries at most, and only what the policy looks at (none when no rule looks at a deal or company).
   */
  private async crmRecords(quotes: SubmittedQuoteFacts[], needs: { deals: boolean; companies: boolean }): Promise<Pick<CrmRecords, 'deals' | 'companies'>> {
    if (!needs.deals) return { deals: [], companies: [] };
    const dealIds = [...new Set(quotes.flatMap((q) => (q.dealId ? [q.dealId] : [])))];
    if (!needs.companies) return { deals: ((await this.queries.execute(new FindCrmRecordsQuery({ dealIds }))) as CrmRecords).deals, companies: [] };
    const companyIds = new Set(quotes.flatMap((q) => (q.companyId ? [q.companyId] : [])));
    const first: CrmRecords = await this.queries.execute(new FindCrmRecordsQuery({ dealIds, companyIds: [...companyIds] }));
    const missing = [...new Set(first.deals.flatMap((d) => (d.companyId && !companyIds.has(d.companyId) ? [d.companyId] : [])))];
    if (!missing.length) return first;
    const more: CrmRecords = await this.queries.execute(new FindCrmRecordsQuery({ companyIds: missing }));
    return { deals: first.deals, companies: [...first.companies, ...more.companies] };
  }
}
