import {
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
  ApprovalRequestDelegated,
  ApprovalRequestEscalated,
  ApprovalRequestOpened,
  ApprovalRequestReassigned,
  ApprovalRequestStepStarted,
  ApprovalSettingsChanged,
  type ApprovalRequestApprovedPayload,
  type ApprovalRequestOpenedPayload,
  type ApprovalRequestPayload,
  type ApprovalStepActivityPayload,
} from '@qa/approvals-contracts';
import type { LedgerDraft, LedgerKind } from '@qa/audit-domain';
import { QuoteRecalled, QuoteSigned, QuoteSubmitted, QuoteWithdrawn, type QuoteEventPayload } from '@qa/quotes-contracts';
import type { IntegrationEvent, IntegrationEventType } from '@qa/shared-kernel';

type Entry = Pick<LedgerDraft, 'kind' | 'quoteId' | 'payload'>;
type Describe = (event: IntegrationEvent) => Entry;

const quote =
  (kind: LedgerKind): Describe =>
  (event) => {
    const p = event.payload as QuoteEventPayload & { signerName?: string; signerEmail?: string };
    return {
      kind,
      quoteId: p.quoteId,
      payload: {
        number: p.number,
        title: p.title,
        ownerId: p.ownerId,
        status: p.status,
        previousStatus: p.previousStatus,
        currency: p.currency,
        totalMinor: p.totalMinor,
        effectiveDiscountBp: p.effectiveDiscountBp,
        largestLineDiscountBp: p.largestLineDiscountBp,
        dealId: p.dealId,
        expiresOn: p.expiresOn,
        ...(kind === 'signed' ? { signerName: p.signerName ?? null, signerEmail: p.signerEmail ?? null } : {}),
      },
    };
  };

const round = (p: ApprovalRequestPayload) => ({ requestId: p.requestId, round: p.round, steps: p.steps });

/** The round opened: its route as resolved at submit (steps, groups with their approvers, the rules that matched, the policy version). */
const routeResolved: Describe = (event) => {
  const p = event.payload as ApprovalRequestOpenedPayload;
  return { kind: 'route-resolved', quoteId: p.quoteId, payload: { ...round(p), step: p.step, approverIds: p.approverIds, policyVersion: p.route?.policyVersion ?? null, route: p.route ?? null } };
};
/** A step before the last was approved (the event is the next step's start: `step` is that next one). */
const stepApproved: Describe = (event) => {
  const p = event.payload as ApprovalRequestPayload;
  return { kind: 'step-approved', quoteId: p.quoteId, payload: { ...round(p), step: p.step - 1, decidedBy: p.decidedBy, notes: p.notes, nextApproverIds: p.approverIds } };
};
const approved: Describe = (event) => {
  const p = event.payload as ApprovalRequestApprovedPayload;
  return {
    kind: 'approved',
    quoteId: p.quoteId,
    payload: { ...round(p), step: p.step, decidedBy: p.decidedBy, notes: p.notes, limits: p.limits ?? null, ...(p.route ? { policyVersion: p.route.policyVersion, route: p.route } : {}) },
  };
};
const changesRequested: Describe = (event) => {
  const p = event.payload as ApprovalRequestPayload;
  return { kind: 'changes-requested', quoteId: p.quoteId, payload: { ...round(p), step: p.step, decidedBy: p.decidedBy, notes: p.notes } };
};
const activity =
  (kind: LedgerKind): Describe =>
  (event) => {
    const p = event.payload as ApprovalStepActivityPayload;
    return { kind, quoteId: p.quoteId, payload: { ...round(p), step: p.step, activity: p.activity, approverIds: p.approverIds } };
  };
/** The approval policy was saved (or restored): the policy version is the settings' version after the save. */
const policyChanged: Describe = (event) => ({ kind: 'policy-changed', quoteId: null, payload: { ...event.payload, policyVersion: event.aggregateVersion } });

/**
 * The events the approval ledger records, and the entry each makes: every submission, resolved
 * route, decision (each step's), delegation, escalation, reassignment, withdrawal, recall,
 * signature and policy change. Payloads are plain JSON, stored as canonical JSON text.
 */
export const LEDGER_EVENTS: ReadonlyArray<[IntegrationEventType<never>, Describe]> = [
  [QuoteSubmitted, quote('submitted')],
  [ApprovalRequestOpened, routeResolved],
  [ApprovalRequestStepStarted, stepApproved],
  [ApprovalRequestApproved, approved],
  [ApprovalRequestChangesRequested, changesRequested],
  [ApprovalRequestDelegated, activity('delegated')],
  [ApprovalRequestEscalated, activity('escalated')],
  [ApprovalRequestReassigned, activity('reassigned')],
  [QuoteWithdrawn, quote('withdrawn')],
  [QuoteRecalled, quote('recalled')],
  [QuoteSigned, quote('signed')],
  [ApprovalSettingsChanged, policyChanged],
] as never;

export const LEDGER_EVENT_TYPES = LEDGER_EVENTS.map(([type]) => type);

/** The ledger entry an event makes (before its place in the chain), or null for an event not recorded. */
export function ledgerDraftOf(event: IntegrationEvent): LedgerDraft | null {
  const found = LEDGER_EVENTS.find(([type]) => type.name === event.name);
  if (!found) return null;
  return { eventId: event.id, occurredAt: new Date(event.occurredAt), actorType: event.actor.type, actorId: event.actor.id, ...found[1](event) };
}
