import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApprovalAnalytics } from '@qa/analytics-contracts';
import { parseAnalyticsFilter } from '@qa/analytics-domain';
import { FindUsersQuery } from '@qa/identity-contracts';
import { Clock } from '@qa/shared-kernel';
import { ApprovalAnalyticsReader } from '../../ports/approval-analytics.ports';
import { GetApprovalAnalyticsQuery } from './get-approval-analytics.query';

/** Checks the filter (422 naming the field), reads the figures, and names the people in them. */
@QueryHandler(GetApprovalAnalyticsQuery)
export class GetApprovalAnalyticsHandler implements IQueryHandler<GetApprovalAnalyticsQuery> {
  constructor(
    private readonly reader: ApprovalAnalyticsReader,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ params }: GetApprovalAnalyticsQuery): Promise<ApprovalAnalytics> {
    const now = this.clock.now();
    const result = await this.reader.read(parseAnalyticsFilter(params, now), now);
    const people = [...result.timeInApproval.byApprover, ...result.slowestApprovers, ...result.leakage.byRep];
    const ids = [...new Set(people.map((row) => row.key))];
    const users = ids.length ? await this.queries.execute(new FindUsersQuery(ids)) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    for (const row of people) row.label = names.get(row.key) ?? row.key;
    return result;
  }
}
