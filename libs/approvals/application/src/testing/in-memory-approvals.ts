// In-memory adapters for the approvals use cases' specs: the repositories without a database, and
// a bus that answers what approvals asks other contexts (users, quotes, deals) from plain data and
// routes approvals' own messages to the real handlers.
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CloseApprovalRoundCommand, EvaluateQuoteApprovalQuery, PreviewApprovalRouteQuery } from '@qa/approvals-contracts';
import { ApprovalSettings, type ApprovalRequest, type Delegation, type ApprovalTimer, type PolicyVersion } from '@qa/approvals-domain';
import { FindCrmRecordsQuery } from '@qa/crm-contracts';
import { FindUsersQuery, ListOrgDirectoryQuery, type UserSummary } from '@qa/identity-contracts';
import { GetQuoteSnapshotQuery, type QuoteApprovalRoute, type QuoteSnapshotView } from '@qa/quotes-contracts';
import { ManualClock, type Caller, type Role } from '@qa/shared-kernel';
import { CloseApprovalRoundHandler } from '../commands/close-approval-round/close-approval-round.handler';
import { OpenApprovalRoundCommand } from '../commands/open-approval-round/open-approval-round.command';
import { OpenApprovalRoundHandler } from '../commands/open-approval-round/open-approval-round.handler';
import { FindStandInsHandler } from '../queries/find-stand-ins/find-stand-ins.handler';
import { FindStandInsQuery } from '../queries/find-stand-ins/find-stand-ins.query';
import { GetApprovalSettingsQuery } from '../queries/get-approval-settings/get-approval-settings.query';
import { ApprovalRequestRepository, ApprovalSettingsRepository, DelegationRepository, ApprovalTimerRepository, ApprovalTimerScheduler, PolicyVersionRepository } from '../ports/approvals.ports';
import { EvaluateQuoteApprovalHandler } from '../queries/evaluate-quote-approval/evaluate-quote-approval.handler';
import { PreviewApprovalRouteHandler } from '../queries/preview-approval-route/preview-approval-route.handler';

export class MemoryApprovalSettings extends ApprovalSettingsRepository {
  current = ApprovalSettings.initial();
  /** The policy's versions, oldest first, as the save wrote them. */
  readonly versions: PolicyVersion[] = [];
  async get() { return this.current; }
  async save(settings: ApprovalSettings, version?: PolicyVersion) {
    settings.version = (settings.version ?? 0) + 1;
    this.current = settings;
    if (version) this.versions.push(Object.assign(version, { version: settings.version }));
  }
}

/** The versions the settings repository wrote, read as the version repository reads them. */
export class MemoryPolicyVersions extends PolicyVersionRepository {
  constructor(private readonly settings: MemoryApprovalSettings) {
    super();
  }
  async list(before: number | null, limit: number) {
    return [...this.settings.versions].reverse().filter((v) => before === null || v.version < before).slice(0, limit);
  }
  async get(version: number) { return this.settings.versions.find((v) => v.version === version) ?? null; }
}

export class MemoryApprovalRequests extends ApprovalRequestRepository {
  requests = new Map<string, ApprovalRequest>();
  async findCurrent(quoteId: string) { return (await this.listForQuote(quoteId)).at(-1) ?? null; }
  async findById(id: string) { return this.requests.get(id) ?? null; }
  async listForQuote(quoteId: string) { return [...this.requests.values()].filter((r) => r.quoteId === quoteId).sort((a, b) => a.round - b.round); }
  async listPending() { return [...this.requests.values()].filter((r) => r.status === 'pending'); }
  async save(request: ApprovalRequest) {
    request.version = (request.version ?? 0) + 1;
    this.requests.set(request.id, request);
  }
}

export class MemoryDelegations extends DelegationRepository {
  delegations = new Map<string, Delegation>();
  async findById(id: string) { return this.delegations.get(id) ?? null; }
  async listNotOver(at: Date) { return [...this.delegations.values()].filter((d) => !d.cancelledAt && d.endsAt > at); }
  async list(approverId: string | null, since: Date | null) {
    return [...this.delegations.values()].filter((d) => (!approverId || d.approverId === approverId) && (!since || d.endsAt > since)).sort((a, b) => +b.startsAt - +a.startsAt);
  }
  async save(delegation: Delegation) {
    delegation.version = (delegation.version ?? 0) + 1;
    this.delegations.set(delegation.id, delegation);
  }
}

export class MemoryApprovalTimers extends ApprovalTimerRepository {
  timers = new Map<string, ApprovalTimer>();
  async findById(id: string) { return this.timers.get(id) ?? null; }
  async listForRequest(requestId: string) { return [...this.timers.values()].filter((t) => t.requestId === requestId); }
  async listDue(now: Date, limit: number) { return [...this.timers.values()].filter((t) => t.isDue(now)).sort((a, b) => +a.dueAt - +b.dueAt).slice(0, limit); }
  async save(timer: ApprovalTimer) {
    timer.version = (timer.version ?? 0) + 1;
    this.timers.set(timer.id, timer);
  }
}

/** The queue as a list: what is on it, by timer id and due time. */
export class MemoryTimerScheduler extends ApprovalTimerScheduler {
  queued = new Map<string, Date>();
  async schedule(timer: { id: string; dueAt: Date }) { this.queued.set(timer.id, new Date(timer.dueAt)); }
  async unschedule(timerId: string) { this.queued.delete(timerId); }
}

type Answer = (message: never) => unknown;

/** A QueryBus and CommandBus in one: each message type answered by a function; what was sent is kept. */
export class TestBus {
  readonly sent: object[] = [];
  private readonly answers = new Map<unknown, Answer>();

  on<M extends object>(type: abstract new (...args: never[]) => M, answer: (message: M) => unknown): this {
    this.answers.set(type, answer as Answer);
    return this;
  }

  async execute(message: object): Promise<unknown> {
    this.sent.push(message);
    const answer = this.answers.get(message.constructor);
    if (!answer) throw new Error(`No answer for ${message.constructor.name}`);
    return answer(message as never);
  }

  get queries(): QueryBus {
    return this as unknown as QueryBus;
  }

  get commands(): CommandBus {
    return this as unknown as CommandBus;
  }
}

export const user = (id: string, role: Role, active = true, org: Partial<Pick<UserSummary, 'team' | 'reportsTo'>> = {}): UserSummary => ({
  id,
  email: `${id}@example.com`,
  name: `User ${id}`,
  role,
  active,
  team: org.team ?? null,
  reportsTo: org.reportsTo ?? null,
});

/** A route of one step, one group of these approvers (any one of them), as routing resolves "these users". */
export const oneStepRoute = (approverIds: string[], mode: 'any' | 'all' = 'any', submittedBy = 'rep-1'): QuoteApprovalRoute => ({
  policyVersion: 1,
  steps: [{ groups: [{ approverIds, mode, refs: approverIds.map((userId) => ({ kind: 'user', userId })), ruleIds: [], notes: [] }] }],
  rules: [{ ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] }],
  submittedBy,
});
export const caller = (userId: string, role: Role): Caller => ({ userId, email: `${userId}@example.com`, name: `User ${userId}`, role, via: 'session' });

/** A quote Pending approval at version 3, of rep-1, on deal-1, 12,500.00 EUR at 25 % off, net 45 days. */
export const pendingQuote = (overrides: Partial<QuoteSnapshotView> = {}): QuoteSnapshotView => ({
  quoteId: 'q1',
  number: 'Q-2026-0042',
  version: 3,
  status: 'pending_approval',
  ownerId: 'rep-1',
  dealId: 'deal-1',
  companyName: 'Acme BV',
  title: 'Website redesign',
  currency: 'EUR',
  total: '12500.00',
  totalMinor: 1_250_000,
  discountMinor: 416_667,
  effectiveDiscountBp: 2500,
  largestLineDiscountBp: 2500,
  quoteDiscount: '25%',
  paymentTermsDays: 45,
  language: 'en',
  expiresOn: '2027-01-31',
  companyId: null,
  lines: [{ id: 'l1', productName: 'Design', quantity: 1, unitPrice: '16666.67', discount: '25%', net: '12500.00', billingPeriod: 'one_time' }],
  approvalRoute: oneStepRoute(['manager-1']),
  limitFigures: { currency: 'EUR', totalMinor: 1_250_000, discounts: [{ on: 'line', lineId: 'l1', productName: 'Design', part: 2500, whole: 10_000 }] },
  ...overrides,
});

/**
 * Approvals with in-memory repositories, and the other contexts as plain data: the users
 * identity knows, the quotes quotes knows, the stages of deals. Approvals' own messages run
 * through the real handlers.
 */
export function approvalsWorld() {
  const settings = new MemoryApprovalSettings();
  const policyVersions = new MemoryPolicyVersions(settings);
  const clock = new ManualClock('2026-12-03T09:00:00Z');
  const requests = new MemoryApprovalRequests();
  const delegations = new MemoryDelegations();
  const users = new Map<string, UserSummary>(
    [
      user('rep-1', 'rep', true, { team: 'Sales', reportsTo: 'manager-1' }),
      user('rep-2', 'rep', true, { team: 'Sales', reportsTo: 'manager-2' }),
      user('manager-1', 'manager', true, { team: 'Sales', reportsTo: 'admin-1' }),
      user('manager-2', 'manager', true, { team: 'Finance', reportsTo: 'admin-1' }),
      user('admin-1', 'admin'),
    ].map((u) => [u.id, u]),
  );
  const quotes = new Map<string, QuoteSnapshotView>([['q1', pendingQuote()]]);
  const dealStages = new Map<string, string>([['deal-1', 'contract_sent']]);
  const bus = new TestBus();
  bus
    .on(FindUsersQuery, ({ ids }) => ids.flatMap((id) => users.get(id) ?? []))
    .on(ListOrgDirectoryQuery, () => [...users.values()])
    .on(GetQuoteSnapshotQuery, ({ quoteId }) => quotes.get(quoteId) ?? null)
    .on(FindCrmRecordsQuery, ({ ids }) => ({
      companies: [],
      contacts: [],
      deals: (ids.dealIds ?? []).flatMap((id) => (dealStages.has(id) ? [{ id, name: id, stage: dealStages.get(id), ownerId: 'rep-1', companyId: null, amountMinor: 2_400_000, currency: 'EUR' }] : [])),
    }))
    .on(EvaluateQuoteApprovalQuery, (query) => new EvaluateQuoteApprovalHandler(settings, bus.queries, clock).execute(query))
    .on(PreviewApprovalRouteQuery, (query) => new PreviewApprovalRouteHandler(bus.queries).execute(query))
    .on(OpenApprovalRoundCommand, (command) => new OpenApprovalRoundHandler(requests, bus.queries, clock).execute(command))
    .on(CloseApprovalRoundCommand, (command) => new CloseApprovalRoundHandler(requests).execute(command))
    .on(FindStandInsQuery, (query) => new FindStandInsHandler(delegations, settings, bus.queries, clock).execute(query))
    .on(GetApprovalSettingsQuery, () => settings.get());
  return { settings, policyVersions, requests, delegations, users, quotes, dealStages, bus, clock };
}

/**
 * A round opened for `quote` the way the worker opens it (route overrides fixed at submit), events
 * pulled: the spec sees only what comes next. A quote's next version cancels its pending round.
 */
export async function openRound(world: ReturnType<typeof approvalsWorld>, quote: QuoteSnapshotView, route?: QuoteApprovalRoute): Promise<ApprovalRequest> {
  world.quotes.set(quote.quoteId, { ...quote, approvalRoute: route ?? quote.approvalRoute });
  const request = await new OpenApprovalRoundHandler(world.requests, world.bus.queries, world.clock).execute(new OpenApprovalRoundCommand(quote.quoteId));
  if (!request) throw new Error(`No round opened for ${quote.quoteId}`);
  request.pullEvents();
  return request;
}
