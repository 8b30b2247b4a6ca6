import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApprovalRequestDelegated,
  ApprovalRequestEscalated,
  ApprovalRequestOpened,
  ApprovalRequestReassigned,
  ApprovalRequestStepStarted,
  type ApprovalRequestPayload,
  type ApprovalStepActivityPayload,
  type StepActivity,
} from '@qa/approvals-contracts';
import type { ApprovalRequest } from '@qa/approvals-domain';
import type { UserSummary } from '@qa/identity-contracts';
import { SendEmailCommand, type NotificationKind } from '@qa/notifications-contracts';
import { Clock, IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { ApprovalLinkSettings } from '../../ports/approval-links.ports';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { canApprove } from '../../shared/approval-access';
import { issueApprovalLinks } from '../../shared/approval-link-token';
import { findQuoteSnapshot, findUsers } from '../../shared/approval-lookups';
import { approvalMail } from '../../shared/approval-mail';
import { peopleAskedNow, personAddedBy, type AskedPerson } from '../../shared/step-people';

/**
 * The source key of one person's e-mail for one step of one round: the same event twice mails once.
 * `onBehalfOf`: a stand-in's e-mail in that approver's place (one per approver they stand in for).
 */
export const stepMailKey = (requestId: string, step: number, approverId: string, onBehalfOf: string | null = null) =>
  `approvals.step-mail:${requestId}:${step}:${approverId}${onBehalfOf ? `:for:${onBehalfOf}` : ''}`;

/** The notification preference each event's e-mail counts for. */
const KIND_OF_EVENT: Record<string, NotificationKind> = {
  [ApprovalRequestOpened.name]: 'assigned',
  [ApprovalRequestStepStarted.name]: 'assigned',
  [ApprovalRequestEscalated.name]: 'escalated',
  [ApprovalRequestDelegated.name]: 'delegated',
  [ApprovalRequestReassigned.name]: 'reassigned',
};

/**
 * When a step starts (the round opens at step 1, or a step completed and the next one starts),
 * each person it asks who may still decide gets one e-mail with Approve and Request changes links
 * bound to them, the round and the step: its approvers, or in the place of an approver out of
 * office their stand-in, whose links decide "on behalf of" that approver. People added to the step
 * while it waits get the same e-mail, saying why: escalated (beside its approvers), delegated (a
 * stand-in for an approver who went out of office), reassigned (an approver's place handed to
 * them). Sent through the notifications context (SendEmailCommand: once per source key; nothing
 * when no mail server is configured, or when the person switched the e-mail of that kind off:
 * assigned, escalated, delegated, reassigned). A late delivery for a step that is no longer the
 * current one, a round that is over or a quote changed since mails nobody.
 */
@IntegrationEventsHandler('approvals', ApprovalRequestOpened, ApprovalRequestStepStarted, ApprovalRequestEscalated, ApprovalRequestDelegated, ApprovalRequestReassigned)
export class EmailApproversWhenStepStartsHandler implements IntegrationEventHandler<ApprovalRequestPayload> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly settings: ApprovalLinkSettings,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async handle(event: IntegrationEvent<ApprovalRequestPayload>): Promise<void> {
    const request = await this.requests.findById(event.payload.requestId);
    if (!request || request.status !== 'pending' || request.currentStep !== event.payload.step - 1) return;
    const activity = (event.payload as Partial<ApprovalStepActivityPayload>).activity ?? null;
    const asked = activity ? [personAddedBy(request, activity)].filter((p): p is AskedPerson => !!p) : peopleAskedNow(request);
    if (!asked.length) return;
    const quote = await findQuoteSnapshot(this.queries, request.quoteId);
    if (!quote || !request.reviews(quote)) return;
    const step = request.currentStep;
    const ids = [...asked.flatMap((p) => [p.personId, ...(p.onBehalfOf ? [p.onBehalfOf] : [])]), request.ownerId, ...(activity?.by ? [activity.by] : []), ...(activity?.from ? [activity.from] : [])];
    const people = new Map((await findUsers(this.queries, [...new Set(ids)])).map((u) => [u.id, u]));
    const now = this.clock.now();
    const { secret, appBaseUrl } = this.settings;
    for (const person of asked) {
      const user = people.get(person.personId);
      if (!user || !this.mayDecide(request, user, person)) continue;
      const tokens = issueApprovalLinks({ requestId: request.id, round: request.round, step, approverId: user.id, ...(person.onBehalfOf ? { onBehalfOf: person.onBehalfOf } : {}) }, secret, now);
      const confirm = (token: string) => `${appBaseUrl}/approvals/confirm?token=${encodeURIComponent(token)}`;
      const mail = approvalMail({
        approverName: user.name,
        ownerName: people.get(request.ownerId)?.name ?? null,
        quote: { number: quote.number, title: quote.title, companyName: quote.companyName, total: quote.total, currency: quote.currency },
        step: step + 1,
        steps: request.route.steps.length,
        rules: request.route.rules,
        links: { approve: confirm(tokens.approve), requestChanges: confirm(tokens.requestChanges), expiresAt: tokens.expiresAt },
        approvalPageUrl: `${appBaseUrl}/quotes/${request.quoteId}/approval`,
        why: whyAsked(activity, person, (id) => people.get(id)?.name ?? 'Someone'),
      });
      const kind = KIND_OF_EVENT[event.name] ?? 'assigned';
      await this.commands.execute(new SendEmailCommand({ recipientUserId: user.id, ...mail, sourceKey: stepMailKey(request.id, step, user.id, person.onBehalfOf), kind }));
    }
  }

  /** Whether this person may still decide the place they are asked for: an active manager or admin, not the quote's owner or submitter, the place still waiting. */
  private mayDecide(request: ApprovalRequest, user: UserSummary, person: AskedPerson): boolean {
    if (!canApprove(user)) return false;
    if (!person.onBehalfOf) return request.awaitsDecisionFrom({ id: user.id, eligible: true });
    return user.id !== request.ownerId && user.id !== request.submittedBy && request.placeOpen(person.onBehalfOf);
  }
}

/** Why someone who was not the step's approver at its start is asked (a sentence of the e-mail); null for the step's own approvers. */
function whyAsked(activity: StepActivity | null, person: AskedPerson, nameOf: (id: string) => string): string | null {
  if (activity?.kind === 'escalated') return 'It waited too long for a decision, so it was escalated to you: you can decide beside its approvers.';
  if (activity?.kind === 'reassigned') {
    const from = activity.from ? nameOf(activity.from) : 'An approver';
    const by = activity.by && activity.by !== activity.from ? `${nameOf(activity.by)} handed ${from}’s place in this step to you` : `${from} handed their place in this step to you`;
    return activity.note ? `${by}. Note: ${activity.note}` : `${by}.`;
  }
  if (person.onBehalfOf) return `${nameOf(person.onBehalfOf)} is out of office: you decide in their place, and the record says so.`;
  return null;
}
