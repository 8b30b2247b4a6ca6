import {
  QuoteApproved,
  QuoteChangesRequested,
  QuoteCreated,
  QuoteExpired,
  QuotePublished,
  QuoteRecalled,
  QuoteSigned,
  QuoteSubmitted,
  QuoteUpdated,
  QuoteWithdrawn,
  BILLING_PERIODS,
  DEFAULT_QUOTE_LANGUAGE,
  isQuoteLanguage,
  QUOTE_LANGUAGES,
  type ApprovalLimitsCheck,
  type BillingPeriod,
  type QuoteApprovalLimits,
  type QuoteLanguage,
  type QuoteApprovalRoute,
  type QuoteEventPayload,
  type QuoteStatus,
} from '@qa/quotes-contracts';
import { brokenLimits, routeIsComplete, unresolvedSteps, type ApprovalLimits } from '@qa/approvals-contracts';
import { AggregateRoot, uuidv7, type IntegrationEventType } from '@qa/shared-kernel';
import { QuoteErrors } from './quote.errors';
import { limitFigures } from './quote-limits';
import { computeTotals, DEFAULT_BILLING_PERIOD, type Discount, type LineItem, type QuoteTotals } from './quote-totals';

/** What a command may do in each status; everything else is refused with an error code. */
export const QUOTE_COMMANDS = ['edit', 'editWithinLimits', 'submit', 'approve', 'requestChanges', 'publish', 'recall', 'withdraw', 'sign', 'expire'] as const;
export type QuoteCommand = (typeof QUOTE_COMMANDS)[number];

const ALLOWED: Record<QuoteCommand, readonly QuoteStatus[]> = {
  edit: ['draft', 'changes_requested'],
  // Only a quote approved with limits (approve with limits): within them it stays as it is, beyond them it goes back to Draft.
  editWithinLimits: ['approved', 'published'],
  submit: ['draft', 'changes_requested'],
  approve: ['pending_approval'],
  requestChanges: ['pending_approval'],
  publish: ['approved'],
  recall: ['approved', 'published', 'approval_not_needed'],
  withdraw: ['pending_approval'],
  sign: ['published', 'approval_not_needed'],
  expire: ['draft', 'pending_approval', 'changes_requested', 'approved', 'published', 'approval_not_needed'],
};

/** Statuses a quote can expire from (at the end of its expiry date). */
export const EXPIRABLE_STATUSES: readonly QuoteStatus[] = ALLOWED.expire;

/** Statuses in which the buyer's link shows the quote. */
export const SHAREABLE_STATUSES: readonly QuoteStatus[] = ['published', 'approval_not_needed', 'signed'];

export function isAllowed(command: QuoteCommand, status: QuoteStatus): boolean {
  return ALLOWED[command].includes(status);
}

/** Payment terms of a new quote (and of one whose details leave them out): net 30 days. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;
/** Payment terms are whole days from 0 (due at once) to 365. */
export const MAX_PAYMENT_TERMS_DAYS = 365;

/** A line item as the details give it: without a billing period it is billed once (`one_time`). */
export type LineItemDetails = Omit<LineItem, 'billingPeriod'> & { billingPeriod?: BillingPeriod };

export interface QuoteDetails {
  title: string;
  dealId: string | null;
  companyId: string | null;
  /** The company's name, kept on the quote for search and display (filled from the CRM). */
  companyName?: string | null;
  recipientContactIds: string[];
  currency: string;
  /** ISO date (YYYY-MM-DD): the quote expires at the end of that day, UTC. */
  expiresOn: string;
  quoteDiscount: Discount | null;
  commentsForBuyer: string;
  /** The terms text the buyer accepts. */
  purchaseTerms: string;
  /** Payment terms in net days (whole days, 0–365); DEFAULT_PAYMENT_TERMS_DAYS when left out. */
  paymentTermsDays?: number;
  /** The language of the buyer's page and PDF; left out: unchanged (a new quote: DEFAULT_QUOTE_LANGUAGE). */
  language?: QuoteLanguage;
  lineItems: LineItemDetails[];
}

/** Who acts and when; `by` is a user id (null for the system or the buyer). */
export interface ActContext {
  by?: string | null;
  now?: Date;
}

export interface HistoryEntry {
  status: QuoteStatus;
  previousStatus: QuoteStatus | null;
  at: string;
  by: string | null;
  note: string | null;
  /** An edit of a quote approved with limits: within them, or beyond them (with the bounds broken). Absent otherwise. */
  approvalLimitsCheck?: ApprovalLimitsCheck;
}

export interface Signature {
  name: string;
  email: string;
  signedAt: string;
}

export class Quote extends AggregateRoot {
  id!: string;
  version: number | undefined;
  number!: string;
  ownerId!: string;
  status!: QuoteStatus;
  title!: string;
  dealId!: string | null;
  companyId!: string | null;
  recipientContactIds!: string[];
  currency!: string;
  expiresOn!: string;
  companyName!: string | null;
  quoteDiscount!: Discount | null;
  commentsForBuyer!: string;
  purchaseTerms!: string;
  /** Payment terms: the buyer pays within this many days (net days, 0–365). */
  paymentTermsDays!: number;
  /** The language the quote is written in for its buyer (its page and PDF): en or nl. */
  language!: QuoteLanguage;
  lineItems!: LineItem[];
  /** Denormalised for the list query (kept equal to computeTotals). */
  totalMinor!: number;
  /** The buyer's link (`/q/<slug>`), set while the quote is shareable. */
  shareSlug!: string | null;
  signature!: Signature | null;
  /** While Pending approval: who must approve and why, fixed at submit (null otherwise). */
  approvalRoute!: QuoteApprovalRoute | null;
  /**
   * Approved with limits (approve with limits): the bounds within which its owner may still change
   * it without a new round. Null otherwise; cleared by every status change but publishing.
   */
  approvalLimits!: QuoteApprovalLimits | null;
  /** Every status change: who, when, and the notes of a decision. */
  history!: HistoryEntry[];
  /** When it was last submitted (null: never; rows from before it was kept get it from their history). */
  submittedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;

  protected get aggregateType() {
    return 'quote';
  }

  static create(props: { number: string; ownerId: string; details: QuoteDetails; now?: Date }): Quote {
    const quote = new Quote();
    const now = props.now ?? new Date();
    quote.history = [];
    quote.id = uuidv7(now.getTime());
    quote.number = props.number;
    quote.ownerId = props.ownerId;
    quote.status = 'draft';
    quote.shareSlug = null;
    quote.signature = null;
    quote.approvalRoute = null;
    quote.approvalLimits = null;
    quote.submittedAt = null;
    quote.createdAt = now;
    quote.assign(props.details, now);
    quote.addHistory(null, { by: props.ownerId, now }, null);
    quote.emit(QuoteCreated, null, now);
    return quote;
  }

  totals(): QuoteTotals {
    return computeTotals(this.lineItems, this.quoteDiscount);
  }

  /** Refuses a write based on an older version than the stored one. */
  checkVersion(expected: number | undefined): void {
    if (expected !== undefined && expected !== this.version) throw QuoteErrors.staleVersion(expected, this.version ?? 0);
  }

  /** Whether its details may be changed now: in Draft or Changes requested, or approved with limits. */
  isEditable(): boolean {
    return isAllowed('edit', this.status) || (!!this.approvalLimits && isAllowed('editWithinLimits', this.status));
  }

  /**
   * Replaces the details. In Draft or Changes requested: no more than that (null). A quote approved
   * with limits: checked against them (`editWithinLimits`), and the check is the answer.
   */
  edit(details: QuoteDetails, ctx: ActContext = {}): ApprovalLimitsCheck | null {
    const now = ctx.now ?? new Date();
    if (!isAllowed('edit', this.status)) return this.editWithinLimits(details, ctx);
    this.assign(details, now);
    this.emit(QuoteUpdated, this.status, now);
    return null;
  }

  /**
   * An approved (or published) quote whose approval came with limits: the new details within the
   * limits keep it as it is (version up, the buyer's link keeps working and shows the change), with a
   * history entry `changed-within-approved-limits`. Beyond them it goes back to Draft like a recall
   * (the link dies, the limits are gone) and needs a new submission: `approval-limits-exceeded`
   * with each bound broken. Draft rather than Changes requested: no approver asked for changes.
   */
  editWithinLimits(details: QuoteDetails, ctx: ActContext = {}): ApprovalLimitsCheck {
    const now = ctx.now ?? new Date();
    this.guard('editWithinLimits');
    const limits = this.approvalLimits;
    if (!limits) throw QuoteErrors.notEditable(this.status);
    this.assign(details, now);
    const broken = brokenLimits(limits, this.limitFigures(), limits.currency);
    const previous = this.status;
    const check: ApprovalLimitsCheck = broken.length ? { code: 'approval-limits-exceeded', broken } : { code: 'changed-within-approved-limits', broken: [] };
    if (broken.length) {
      this.status = 'draft';
      this.shareSlug = null;
      this.approvalLimits = null;
      this.approvalRoute = null;
    }
    this.addHistory(previous, ctx, null, check);
    this.record(QuoteUpdated, { ...this.payload(previous), approvalLimitsCheck: check }, now);
    return check;
  }

  /** What approval limits look at: the total and each discount as an exact share. */
  limitFigures() {
    return limitFigures(this.lineItems, this.quoteDiscount, this.currency);
  }

  /**
   * Finishing the set-up flow: to Pending approval with its route when approval is needed (null:
   * not needed), else live at once. A route with a group nobody can approve is refused: the quote
   * could never leave Pending approval.
   */
  submit(route: QuoteApprovalRoute | null, ctx: ActContext = {}): void {
    const now = ctx.now ?? new Date();
    this.guard('submit');
    if (!this.dealId) throw QuoteErrors.dealRequired();
    if (this.lineItems.length === 0) throw QuoteErrors.noLineItems();
    if (this.isPastExpiry(now)) throw QuoteErrors.expiryInPast(this.expiresOn);
    if (route && !routeIsComplete(route)) throw QuoteErrors.noApprover(unresolvedSteps(route));
    const previous = this.status;
    this.status = route ? 'pending_approval' : 'approval_not_needed';
    this.approvalRoute = route ? structuredClone(route) : null;
    this.approvalLimits = null;
    if (!route) this.goLive(now);
    this.submittedAt = now;
    this.touch(now);
    this.addHistory(previous, ctx, null);
    this.emit(QuoteSubmitted, previous, now);
  }

  approve(ctx: ActContext = {}, notes: string | null = null): void {
    this.transition('approve', 'approved', QuoteApproved, ctx, notes);
  }

  requestChanges(notes: string, ctx: ActContext = {}): void {
    const now = ctx.now ?? new Date();
    this.guard('requestChanges');
    const previous = this.status;
    this.status = 'changes_requested';
    this.approvalRoute = null;
    this.approvalLimits = null;
    this.touch(now);
    this.addHistory(previous, ctx, notes);
    this.record(QuoteChangesRequested, { ...this.payload(previous), notes }, now);
  }

  /** Pending approval: the approvers' decision is awaited. */
  awaitsApproval(): boolean {
    return this.status === 'pending_approval';
  }

  /**
   * The approvers decided on the round that reviewed `reviewedVersion` of this quote: approved, it
   * is approved and published, keeping the approval's `limits` (approve with limits) with the
   * quote's currency; otherwise it goes back to its creator with the notes. The decision
   * counts only while the quote is still Pending approval at that version: for a quote that has
   * moved on since (withdrawn or recalled, perhaps edited and submitted again) it changes nothing
   * and answers false.
   */
  applyApprovalDecision(decision: { approved: boolean; reviewedVersion: number; notes: string | null; limits?: ApprovalLimits | null }, ctx: ActContext = {}): boolean {
    if (!this.awaitsApproval() || decision.reviewedVersion !== this.version) return false;
    if (decision.approved) {
      this.approve(ctx, decision.notes);
      this.publish(ctx);
      this.approvalLimits = decision.limits ? { maxDiscountPercent: decision.limits.maxDiscountPercent, minTotal: decision.limits.minTotal, currency: this.currency } : null;
    } else {
      this.requestChanges(decision.notes ?? '', ctx);
    }
    return true;
  }

  publish(ctx: ActContext = {}): void {
    this.guard('publish');
    this.goLive(ctx.now ?? new Date());
    this.transition('publish', 'published', QuotePublished, ctx);
  }

  /** Back to Draft: the buyer's link stops working at once; the quote needs approval again. */
  recall(ctx: ActContext = {}): void {
    this.guard('recall');
    this.shareSlug = null;
    this.transition('recall', 'draft', QuoteRecalled, ctx);
  }

  /** Pending approval back to Draft (its owner or an admin): the open round no longer counts; a new submit opens a new one. */
  withdraw(ctx: ActContext = {}): void {
    this.transition('withdraw', 'draft', QuoteWithdrawn, ctx);
  }

  /** The buyer accepts and signs on the shared page. */
  sign(signer: { name: string; email: string }, ctx: ActContext = {}): void {
    const now = ctx.now ?? new Date();
    this.guard('sign');
    // The date decides, not whether the expiry job has run yet.
    if (this.isPastExpiry(now)) throw QuoteErrors.expired(this.expiresOn);
    const previous = this.status;
    this.status = 'signed';
    this.approvalLimits = null;
    this.signature = { name: signer.name.trim(), email: signer.email.trim().toLowerCase(), signedAt: now.toISOString() };
    this.touch(now);
    this.addHistory(previous, { by: null, now }, `Signed by ${this.signature.name} <${this.signature.email}>`);
    this.record(QuoteSigned, { ...this.payload(previous), signerName: this.signature.name, signerEmail: this.signature.email }, now);
  }

  /** Expires the quote when its date has passed; false (and no change) otherwise. */
  expire(ctx: ActContext = {}): boolean {
    if (!isAllowed('expire', this.status) || !this.isPastExpiry(ctx.now ?? new Date())) return false;
    this.shareSlug = null;
    this.transition('expire', 'expired', QuoteExpired, { by: null, now: ctx.now });
    return true;
  }

  isPastExpiry(now: Date): boolean {
    return now.getTime() >= expiryInstant(this.expiresOn).getTime();
  }

  private goLive(now: Date): void {
    this.shareSlug = newShareSlug();
    this.touch(now);
  }

  private transition(command: QuoteCommand, to: QuoteStatus, event: IntegrationEventType<QuoteEventPayload>, ctx: ActContext, note: string | null = null): void {
    const now = ctx.now ?? new Date();
    this.guard(command);
    const previous = this.status;
    this.status = to;
    this.approvalRoute = null; // no transition here leads to Pending approval: the route is done with
    if (command !== 'publish') this.approvalLimits = null; // approved with limits: they hold while it is approved and published
    this.touch(now);
    this.addHistory(previous, ctx, note);
    this.emit(event, previous, now);
  }

  private addHistory(previous: QuoteStatus | null, ctx: ActContext, note: string | null, approvalLimitsCheck?: ApprovalLimitsCheck): void {
    const entry: HistoryEntry = { status: this.status, previousStatus: previous, at: (ctx.now ?? new Date()).toISOString(), by: ctx.by ?? null, note, ...(approvalLimitsCheck ? { approvalLimitsCheck } : {}) };
    this.history = [...(this.history ?? []), entry];
  }

  private guard(command: QuoteCommand): void {
    if (!isAllowed(command, this.status)) {
      throw command === 'edit' || command === 'editWithinLimits' ? QuoteErrors.notEditable(this.status) : QuoteErrors.invalidTransition(command, this.status);
    }
  }

  private assign(details: QuoteDetails, now: Date): void {
    const paymentTermsDays = details.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS;
    if (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0 || paymentTermsDays > MAX_PAYMENT_TERMS_DAYS) throw QuoteErrors.invalidPaymentTerms(MAX_PAYMENT_TERMS_DAYS);
    const language = details.language ?? this.language ?? DEFAULT_QUOTE_LANGUAGE;
    if (!isQuoteLanguage(language)) throw QuoteErrors.invalidLanguage(QUOTE_LANGUAGES);
    details.lineItems.forEach((line, index) => {
      if (line.billingPeriod !== undefined && !(BILLING_PERIODS as readonly unknown[]).includes(line.billingPeriod)) throw QuoteErrors.invalidBillingPeriod(index, BILLING_PERIODS);
    });
    this.title = details.title.trim();
    this.dealId = details.dealId;
    this.companyId = details.companyId;
    this.recipientContactIds = [...details.recipientContactIds];
    this.currency = details.currency;
    this.expiresOn = details.expiresOn;
    this.companyName = details.companyName ?? null;
    this.quoteDiscount = details.quoteDiscount;
    this.commentsForBuyer = details.commentsForBuyer;
    this.purchaseTerms = details.purchaseTerms;
    this.paymentTermsDays = paymentTermsDays;
    this.language = language;
    this.lineItems = details.lineItems.map((line) => ({ ...line, id: line.id || uuidv7(), billingPeriod: line.billingPeriod ?? DEFAULT_BILLING_PERIOD }));
    this.totalMinor = this.totals().totalMinor;
    this.touch(now);
  }

  private touch(now: Date): void {
    this.updatedAt = now;
  }

  private emit(event: IntegrationEventType<QuoteEventPayload>, previous: QuoteStatus | null, now: Date): void {
    this.record(event, this.payload(previous), now);
  }

  private payload(previous: QuoteStatus | null): QuoteEventPayload {
    const totals = this.totals();
    return {
      quoteId: this.id,
      number: this.number,
      title: this.title,
      ownerId: this.ownerId,
      status: this.status,
      previousStatus: previous,
      currency: this.currency,
      totalMinor: totals.totalMinor,
      effectiveDiscountBp: totals.effectiveDiscountBp,
      largestLineDiscountBp: totals.largestLineDiscountBp,
      dealId: this.dealId,
      expiresOn: this.expiresOn,
    };
  }
}

/** End of the expiry day, UTC. */
export function expiryInstant(expiresOn: string): Date {
  return new Date(`${expiresOn}T23:59:59.999Z`);
}

/** 192 bits from the platform's secure random generator, base64url: unguessable, unlike a UUID. */
export function newShareSlug(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
