// Out of office: an approver names a delegate for a window of time. Time is data: a delegation
// holds while `startsAt <= now < endsAt` by the clock of whoever asks (no timer starts or ends
// it), so it ends by itself at its end date. Chains (the delegate is out too) are followed with a
// visited set; a delegation that would close a loop during its window is refused when it is made.
import { AggregateRoot, DomainError, uuidv7 } from '@qa/shared-kernel';

/** A delegation as chains and stand-ins read it. */
export interface DelegationWindow {
  approverId: string;
  delegateId: string;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
}

export const DelegationErrors = {
  notFound: (id: string) => new DomainError('APPROVALS.DELEGATION_NOT_FOUND', `No delegation ${id}`, 'not-found', { id }),
  /** Only the approver themselves or an admin may set or cancel an approver's delegation. */
  notYours: () => new DomainError('APPROVALS.DELEGATION_NOT_YOURS', "Only the approver or an admin may change an approver's out-of-office delegation", 'forbidden'),
  invalid: (field: string, reason: string, code = 'APPROVALS.DELEGATION_INVALID') => new DomainError(code, `${field} ${reason}`, 'invalid', { fields: [{ field, reason }] }),
  /** Another (not cancelled) delegation of the same approver covers part of this window. */
  overlaps: (other: string) =>
    new DomainError('APPROVALS.DELEGATION_OVERLAPS', 'This approver already has a delegation for part of this time', 'invalid', {
      delegationId: other,
      fields: [{ field: 'startsAt', reason: 'overlaps another delegation of this approver' }],
    }),
  /** Following the delegate's own delegations during this window leads back to the approver. */
  loop: (chain: string[]) =>
    new DomainError('APPROVALS.DELEGATION_LOOP', 'The delegate (or their delegate) is out of office to this approver at the same time', 'invalid', {
      chain,
      fields: [{ field: 'delegateId', reason: 'their delegations lead back to this approver during this time' }],
    }),
  alreadyCancelled: () => new DomainError('APPROVALS.DELEGATION_CANCELLED', 'This delegation was already cancelled', 'conflict'),
  alreadyOver: () => new DomainError('APPROVALS.DELEGATION_OVER', 'This delegation is already over', 'conflict'),
};

/** Whether the window holds at `at`: started, not yet ended, not cancelled. */
export function holdsAt(d: DelegationWindow, at: Date): boolean {
  return !d.cancelledAt && d.startsAt.getTime() <= at.getTime() && at.getTime() < d.endsAt.getTime();
}

/** Whether two windows share a moment ([start, end) each). */
function overlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): { startsAt: Date; endsAt: Date } | null {
  const startsAt = Math.max(a.startsAt.getTime(), b.startsAt.getTime());
  const endsAt = Math.min(a.endsAt.getTime(), b.endsAt.getTime());
  return startsAt < endsAt ? { startsAt: new Date(startsAt), endsAt: new Date(endsAt) } : null;
}

/**
 * The people an approver's place passes to at `at`, in order (the approver not included): their
 * delegate, the delegate's delegate when they are out too, and so on; a visited set stops a loop.
 */
export function delegationChain(approverId: string, delegations: readonly DelegationWindow[], at: Date): string[] {
  const holding = delegations.filter((d) => holdsAt(d, at));
  const chain: string[] = [];
  const seen = new Set([approverId]);
  let current = approverId;
  for (;;) {
    const next = holding.find((d) => d.approverId === current)?.delegateId;
    if (!next || seen.has(next)) return chain;
    seen.add(next);
    chain.push(next);
    current = next;
  }
}

/** Who stands in for an approver of a round now, and who may decide in their place. */
export interface StandIn {
  approverId: string;
  /** Whom the step's tasks go to in the approver's place: the last of the delegation chain who may approve this round, or the fallback approver. */
  to: string;
  /** delegated: a delegate; fallback: no delegate may (they own or submitted the quote, or may not approve), so the account's fallback approver. */
  kind: 'delegated' | 'fallback';
  /** out-of-office (delegated) or delegate-unavailable (fallback). */
  reason: 'out-of-office' | 'delegate-unavailable';
  /** Everyone who may decide in the approver's place now (the chain's usable members, or the fallback approver). */
  mayAct: string[];
}

export type StandIns = ReadonlyMap<string, StandIn>;

export interface StandInContext {
  /** Delegations (only those holding at `at` count). */
  delegations: readonly DelegationWindow[];
  at: Date;
  /** Never decide this round: its owner and whoever submitted it. */
  excluded: ReadonlyArray<string | null>;
  /** An active manager or admin (read from identity now). */
  mayApprove: (userId: string) => boolean;
  /** The account's fallback approver, or null. */
  fallbackId: string | null;
}

/**
 * Who stands in for this approver now: null when no delegation of theirs holds (or nobody could
 * stand in: then the approver stays). A delegate never decides a quote they own or submitted, nor
 * one who may no longer approve: then the chain's earlier member, or else the fallback approver.
 */
export function standInFor(approverId: string, ctx: StandInContext): StandIn | null {
  const chain = delegationChain(approverId, ctx.delegations, ctx.at);
  if (!chain.length) return null;
  const usable = (id: string) => id !== approverId && !ctx.excluded.includes(id) && ctx.mayApprove(id);
  const mayAct = chain.filter(usable);
  if (mayAct.length) return { approverId, to: mayAct[mayAct.length - 1]!, kind: 'delegated', reason: 'out-of-office', mayAct };
  const fallback = ctx.fallbackId;
  if (fallback && usable(fallback)) return { approverId, to: fallback, kind: 'fallback', reason: 'delegate-unavailable', mayAct: [fallback] };
  return null;
}

/** The stand-ins of these approvers now (those with none are absent). */
export function standInsFor(approverIds: readonly string[], ctx: StandInContext): StandIns {
  const standIns = new Map<string, StandIn>();
  for (const id of new Set(approverIds)) {
    const standIn = standInFor(id, ctx);
    if (standIn) standIns.set(id, standIn);
  }
  return standIns;
}

export const NO_STAND_INS: StandIns = new Map();

/**
 * The chain of a new delegation `approverId → delegateId` over its window that leads back to the
 * approver, or null: the delegate's own delegations overlapping the window are followed (each step
 * narrowing the window to when all of the chain holds at once), with a visited set.
 */
export function delegationLoop(candidate: Pick<DelegationWindow, 'approverId' | 'delegateId' | 'startsAt' | 'endsAt'>, others: readonly DelegationWindow[]): string[] | null {
  const live = others.filter((d) => !d.cancelledAt);
  const walk = (person: string, window: { startsAt: Date; endsAt: Date }, path: string[]): string[] | null => {
    if (person === candidate.approverId) return path;
    for (const d of live) {
      if (d.approverId !== person || (d.delegateId !== candidate.approverId && path.includes(d.delegateId))) continue;
      const shared = overlap(window, d);
      if (!shared) continue;
      const found = walk(d.delegateId, shared, [...path, d.delegateId]);
      if (found) return found;
    }
    return null;
  };
  return walk(candidate.delegateId, candidate, [candidate.approverId, candidate.delegateId]);
}

/** An approver's out-of-office window with their delegate (set by the approver or an admin). */
export class Delegation extends AggregateRoot implements DelegationWindow {
  id!: string;
  version: number | undefined;
  approverId!: string;
  delegateId!: string;
  startsAt!: Date;
  endsAt!: Date;
  note!: string | null;
  createdBy!: string;
  createdAt!: Date;
  cancelledAt!: Date | null;

  protected get aggregateType() {
    return 'approval-delegation';
  }

  /**
   * A new delegation. `delegateMayApprove`: the delegate is an active manager or admin (read now);
   * `approverMayApprove` likewise for the approver; `others`: the delegations not cancelled that
   * end after now (of anyone: loops run through other approvers' delegations).
   */
  static create(
    props: { approverId: string; delegateId: string; startsAt: Date; endsAt: Date; note: string | null; createdBy: string },
    checks: { approverMayApprove: boolean; delegateMayApprove: boolean; others: readonly (DelegationWindow & { id: string })[] },
    now: Date,
  ): Delegation {
    if (!checks.approverMayApprove) throw DelegationErrors.invalid('approverId', 'must be an active manager or admin');
    if (props.delegateId === props.approverId) throw DelegationErrors.invalid('delegateId', 'must be someone else than the approver');
    if (!checks.delegateMayApprove) throw DelegationErrors.invalid('delegateId', 'must be an active manager or admin');
    if (Number.isNaN(props.startsAt.getTime())) throw DelegationErrors.invalid('startsAt', 'must be a date and time');
    if (Number.isNaN(props.endsAt.getTime())) throw DelegationErrors.invalid('endsAt', 'must be a date and time');
    if (props.endsAt.getTime() <= props.startsAt.getTime()) throw DelegationErrors.invalid('endsAt', 'must be after startsAt');
    if (props.endsAt.getTime() <= now.getTime()) throw DelegationErrors.invalid('endsAt', 'must be in the future');
    const clash = checks.others.find((d) => !d.cancelledAt && d.approverId === props.approverId && overlap(d, props));
    if (clash) throw DelegationErrors.overlaps(clash.id);
    const loop = delegationLoop(props, checks.others);
    if (loop) throw DelegationErrors.loop(loop);
    const note = props.note?.trim() || null;
    return Object.assign(new Delegation(), { id: uuidv7(now.getTime()), version: undefined, ...props, note, createdAt: now, cancelledAt: null });
  }

  holdsAt(at: Date): boolean {
    return holdsAt(this, at);
  }

  /** Where it stands at `at`: not started yet, holding, over, or cancelled. */
  stateAt(at: Date): 'planned' | 'active' | 'over' | 'cancelled' {
    if (this.cancelledAt) return 'cancelled';
    if (at.getTime() < this.startsAt.getTime()) return 'planned';
    return at.getTime() < this.endsAt.getTime() ? 'active' : 'over';
  }

  /** Whether `userId` may change this delegation: the approver, or an admin. */
  static mayChange(caller: { userId: string; role: string }, approverId: string): boolean {
    return caller.role === 'admin' || caller.userId === approverId;
  }

  /** Ends it now (or drops it before it starts). */
  cancel(now: Date): void {
    if (this.cancelledAt) throw DelegationErrors.alreadyCancelled();
    if (this.endsAt.getTime() <= now.getTime()) throw DelegationErrors.alreadyOver();
    this.cancelledAt = now;
  }
}
