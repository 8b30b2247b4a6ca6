import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
  ApprovalRequestDelegated,
  ApprovalRequestEscalated,
  ApprovalRequestOpened,
  ApprovalRequestReassigned,
  ApprovalRequestStepStarted,
  type ApprovalRequestPayload,
  type ApprovalStepActivityPayload,
} from '@qa/approvals-contracts';
import type { ApprovalRequest } from '@qa/approvals-domain';
import { SendNotificationCommand, type NotificationKind } from '@qa/notifications-contracts';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { canApprove } from '../../shared/approval-access';
import { findQuoteSnapshot, findUsers } from '../../shared/approval-lookups';
import { peopleAskedNow, personAddedBy, type AskedPerson } from '../../shared/step-people';

/** The message codes of the notifications of a step's changes (the SPA words them; e-mail copies: notifications' mail-wording). */
export const STEP_MESSAGES = {
  /** A step waits for you: params number, title, step, steps. */
  assigned: 'approvals.stepAssigned',
  /** A step waits for you in the place of an approver out of office: params number, title, step, steps, from. */
  assignedOnBehalf: 'approvals.stepAssignedOnBehalf',
  /** A step that waited too long was escalated to you: params number, title, step, steps. */
  escalated: 'approvals.stepEscalated',
  /** You stand in for an approver who went out of office while the step waits: params number, title, step, steps, from. */
  delegated: 'approvals.stepDelegated',
  /** An approver's place was handed to you: params number, title, step, steps, from, by, note. */
  reassignedToYou: 'approvals.stepReassignedToYou',
  /** Your place was handed to someone else: params number, title, step, steps, to, by, note. */
  reassignedAway: 'approvals.stepReassignedAway',
  /** Changes were requested on your quote: params number, title, by, note. */
  changesRequested: 'approvals.changesRequested',
  /** Your quote was approved: params number, title (the code of the built-in workflow's notification to the owner). */
  approved: 'approvals.quoteApproved',
} as const;

/** One notification to send: to whom, which code with which parameters, which preference governs it. */
interface StepNotice {
  to: string;
  /** Distinguishes two notices of one event to one person (a stand-in for two approvers). */
  keySuffix?: string;
  code: string;
  params: Record<string, string>;
  kind: NotificationKind;
  /** false: the approval e-mail with its buttons is this kind's e-mail for them. */
  emailCopy: boolean;
}

/**
 * In-app notifications (and, by the recipients' preferences, their e-mail copies) for every change
 * of an approval step, each with the quote's number and title, the step, who did it and the note,
 * linking to the quote's approval page:
 * - assigned (opened, step started): each person the step asks now (its approvers, or a stand-in in
 *   the place of one out of office). The approval e-mail with its buttons is their e-mail, so no copy;
 * - escalated, delegated, reassigned: the person added (their approval e-mail is the e-mail) and,
 *   reassigned, the person whose place it was (with an e-mail copy);
 * - decided: changes requested, the quote's owner and whoever submitted it, with the notes;
 *   approved, whoever submitted it when not its owner (the owner has the built-in workflow "When
 *   quotes are approved"'s notification: not a second one).
 * Reminders are notified by the built-in workflow "When approvers are reminded" (kind reminded).
 * People asked to decide are notified only while the step still waits for them and they may still
 * decide. Idempotent: one source key per event and recipient.
 */
@IntegrationEventsHandler(
  'approvals',
  ApprovalRequestOpened,
  ApprovalRequestStepStarted,
  ApprovalRequestEscalated,
  ApprovalRequestDelegated,
  ApprovalRequestReassigned,
  ApprovalRequestChangesRequested,
  ApprovalRequestApproved,
)
export class NotifyPeopleWhenStepChangesHandler implements IntegrationEventHandler<ApprovalRequestPayload> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  async handle(event: IntegrationEvent<ApprovalRequestPayload>): Promise<void> {
    const request = await this.requests.findById(event.payload.requestId);
    if (!request) return;
    const notices = await this.noticesOf(event, request);
    if (!notices.length) return;
    const quote = await findQuoteSnapshot(this.queries, request.quoteId);
    const about = { number: quote?.number ?? '', title: quote?.title ?? '' };
    const link = `/quotes/${request.quoteId}/approval`;
    for (const notice of notices) {
      const params = { ...about, ...notice.params };
      await this.commands.execute(
        new SendNotificationCommand({
          recipientUserId: notice.to,
          title: notice.code,
          body: '',
          message: { code: notice.code, params },
          link,
          sourceKey: `approvals.notify:${event.id}:${notice.to}${notice.keySuffix ?? ''}`,
          kind: notice.kind,
          emailCopy: notice.emailCopy,
        }),
      );
    }
  }

  private async noticesOf(event: IntegrationEvent<ApprovalRequestPayload>, request: ApprovalRequest): Promise<StepNotice[]> {
    const { payload } = event;
    const steps = String(request.route.steps.length);
    switch (event.name) {
      case ApprovalRequestOpened.name:
      case ApprovalRequestStepStarted.name: {
        if (request.status !== 'pending' || request.currentStep !== payload.step - 1) return [];
        const step = String(payload.step);
        const asked = await this.stillDeciding(request, peopleAskedNow(request));
        const names = await this.names(asked.flatMap((p) => (p.onBehalfOf ? [p.onBehalfOf] : [])));
        return asked.map((p): StepNotice =>
          p.onBehalfOf
            ? { to: p.personId, keySuffix: `:for:${p.onBehalfOf}`, code: STEP_MESSAGES.assignedOnBehalf, params: { step, steps, from: names(p.onBehalfOf) }, kind: 'assigned', emailCopy: false }
            : { to: p.personId, code: STEP_MESSAGES.assigned, params: { step, steps }, kind: 'assigned', emailCopy: false },
        );
      }
      case ApprovalRequestEscalated.name:
      case ApprovalRequestDelegated.name:
      case ApprovalRequestReassigned.name: {
        const { activity } = payload as ApprovalStepActivityPayload;
        const step = String(activity.step + 1);
        const names = await this.names([activity.from, activity.to, activity.by].filter((id): id is string => !!id));
        const notices: StepNotice[] = [];
        const [added] = await this.stillDeciding(request, [personAddedBy(request, activity)].filter((p): p is AskedPerson => !!p));
        if (added && event.name === ApprovalRequestEscalated.name) notices.push({ to: added.personId, code: STEP_MESSAGES.escalated, params: { step, steps }, kind: 'escalated', emailCopy: false });
        if (added && event.name === ApprovalRequestDelegated.name)
          notices.push({ to: added.personId, code: STEP_MESSAGES.delegated, params: { step, steps, from: names(activity.from) }, kind: 'delegated', emailCopy: false });
        if (event.name === ApprovalRequestReassigned.name) {
          const by = names(activity.by);
          const note = activity.note ?? '';
          if (added) notices.push({ to: added.personId, code: STEP_MESSAGES.reassignedToYou, params: { step, steps, from: names(activity.from), by, note }, kind: 'reassigned', emailCopy: false });
          // The person replaced hears of it even when someone else did it, and even once the step moved on.
          if (activity.from && activity.from !== activity.by && activity.to)
            notices.push({ to: activity.from, code: STEP_MESSAGES.reassignedAway, params: { step, steps, to: names(activity.to), by, note }, kind: 'reassigned', emailCopy: true });
        }
        return notices;
      }
      case ApprovalRequestChangesRequested.name: {
        const names = await this.names(payload.decidedBy ? [payload.decidedBy] : []);
        const params = { by: names(payload.decidedBy), note: payload.notes ?? '' };
        return this.ownerAndSubmitter(request).map((to) => ({ to, code: STEP_MESSAGES.changesRequested, params, kind: 'decided', emailCopy: true }));
      }
      case ApprovalRequestApproved.name:
        // The owner's notification is the built-in workflow's ("When quotes are approved").
        return this.ownerAndSubmitter(request)
          .filter((to) => to !== request.ownerId)
          .map((to) => ({ to, code: STEP_MESSAGES.approved, params: {}, kind: 'decided', emailCopy: true }));
      default:
        return [];
    }
  }

  /** Of these people asked to decide, those who still may: active managers and admins. */
  private async stillDeciding(request: ApprovalRequest, asked: AskedPerson[]): Promise<AskedPerson[]> {
    if (!asked.length) return [];
    const users = new Map((await findUsers(this.queries, [...new Set(asked.map((p) => p.personId))])).map((u) => [u.id, u]));
    return asked.filter((p) => {
      const user = users.get(p.personId);
      return !!user && canApprove(user) && p.personId !== request.ownerId && p.personId !== request.submittedBy;
    });
  }

  private ownerAndSubmitter(request: ApprovalRequest): string[] {
    return [...new Set([request.ownerId, ...(request.submittedBy ? [request.submittedBy] : [])])];
  }

  /** The names of these users now ('' for one unknown). */
  private async names(ids: string[]): Promise<(id: string | null) => string> {
    const users = await findUsers(this.queries, [...new Set(ids)]);
    return (id) => (id ? (users.find((u) => u.id === id)?.name ?? '') : '');
  }
}
