import type { ApprovalVerdict, ApproverRef, ResolutionNote, RouteGroup } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { checkPolicy, type ApprovalPolicyState, type PolicyRule } from './approval-policy';
import type { RoutingFacts } from './conditions';
import { routeQuote, type OrgDirectory, type OrgMember } from './route-resolution';

/** A quote by the rep, submitted by the rep: 5 % discount, 30 days payment terms. */
const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  ownerId: 'rep',
  submittedBy: 'rep',
  currency: 'EUR',
  totalMinor: 1_000_000,
  discountMinor: 50_000,
  effectiveDiscountBp: 500,
  largestLineDiscountBp: 500,
  lineCount: 3,
  productNames: ['Widget Pro'],
  recurring: false,
  paymentTermsDays: 30,
  daysUntilExpiry: 14,
  dealStage: 'contract_sent',
  dealAmountMinor: 1_000_000,
  dealCurrency: 'EUR',
  dealOwnerId: null,
  companyOwnerId: null,
  ownerRole: 'rep',
  ownerTeam: 'Sales',
  ...overrides,
});

const member = (id: string, role: string, reportsTo: string | null, team: string | null = null, active = true): OrgMember => ({ id, role, active, team, reportsTo });
const orgOf = (...members: OrgMember[]): OrgDirectory => new Map(members.map((m) => [m.id, m]));

/** rep → mgr → dir → adm, a Finance and a Legal team. */
const ORG = orgOf(
  member('rep', 'rep', 'mgr', 'Sales'),
  member('mgr', 'manager', 'dir', 'Sales'),
  member('dir', 'manager', 'adm', 'Sales'),
  member('adm', 'admin', null),
  member('fin1', 'manager', 'adm', 'Finance'),
  member('fin2', 'admin', null, 'finance'),
  member('finRep', 'rep', 'fin1', 'Finance'),
  member('legal1', 'manager', 'adm', 'Legal'),
  member('legalOld', 'manager', 'adm', 'Legal', false),
);
const APPROVERS = new Set([...ORG.values()].filter((m) => m.active && m.role !== 'rep').map((m) => m.id));

const MANAGER: ApproverRef = { kind: 'manager', levels: 1 };
const DIRECTOR: ApproverRef = { kind: 'manager', levels: 2 };
const FINANCE: ApproverRef = { kind: 'team', team: 'Finance' };
const LEGAL: ApproverRef = { kind: 'team', team: 'Legal' };

const group = (approverIds: string[], refs: ApproverRef[], ruleIds: string[], notes: ResolutionNote[] = [], mode: 'any' | 'all' = 'any'): RouteGroup => ({ approverIds, mode, refs, ruleIds, notes });
const discountReason = (operator: string, expected: unknown, actual: number) => ({ code: 'condition', field: 'effectiveDiscountPercent', operator, expected, actual });
const termsReason = (actual: number) => ({ code: 'condition', field: 'paymentTermsDays', operator: 'gt', expected: 30, actual });

/** The policy of the issue, as saved (checked). */
const ISSUE_POLICY = checkPolicy(
  {
    requireApproval: false,
    defaultApproverId: 'adm',
    rules: [
      {
        id: 'discount-10-20',
        name: 'Discount 10 to 20 %',
        when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'between', value: [10, 20] }] }],
        route: [{ groups: [{ mode: 'any', approvers: [MANAGER] }] }],
        firstMatchOnly: false,
      },
      {
        id: 'discount-over-20',
        name: 'Discount above 20 %',
        when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
        route: [{ groups: [{ mode: 'any', approvers: [MANAGER] }] }, { groups: [{ mode: 'any', approvers: [DIRECTOR] }] }],
        firstMatchOnly: false,
      },
      {
        id: 'long-terms',
        name: 'Payment terms above 30 days',
        when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }] }],
        route: [{ groups: [{ mode: 'any', approvers: [FINANCE] }, { mode: 'any', approvers: [LEGAL] }] }],
        firstMatchOnly: false,
      },
    ],
  },
  APPROVERS,
);

/** A policy of one rule for every quote, with one group of these approvers. */
const oneGroup = (approvers: ApproverRef[], defaultApproverId: string | null = 'adm', mode: 'any' | 'all' = 'any'): ApprovalPolicyState => ({
  requireApproval: false,
  defaultApproverId,
  rules: [{ id: 'r', name: 'Every quote', when: [], route: [{ groups: [{ mode, approvers }] }], firstMatchOnly: false }],
});
/** The only group of the verdict's route. */
const onlyGroup = (verdict: ApprovalVerdict) => {
  expect(verdict.route?.steps).toHaveLength(1);
  expect(verdict.route?.steps[0]?.groups).toHaveLength(1);
  return verdict.route!.steps[0]!.groups[0]!;
};

describe('routeQuote', () => {
  describe('the policy of the issue', () => {
    it('sends a 10 to 20 % discount to the owner’s manager', () => {
      expect(routeQuote(ISSUE_POLICY, 4, facts({ effectiveDiscountBp: 1500 }), ORG)).toStrictEqual({
        required: true,
        route: {
          policyVersion: 4,
          steps: [{ groups: [group(['mgr'], [MANAGER], ['discount-10-20'])] }],
          rules: [{ ruleId: 'discount-10-20', ruleName: 'Discount 10 to 20 %', reasons: [discountReason('between', [10, 20], 15)] }],
        },
        approverIds: ['mgr'],
        complete: true,
      });
    });

    it.each([1000, 2000])('takes both ends of 10 to 20 % (%i bp)', (bp) => {
      expect(routeQuote(ISSUE_POLICY, 4, facts({ effectiveDiscountBp: bp }), ORG).route?.rules.map((r) => r.ruleId)).toEqual(['discount-10-20']);
    });

    it('sends a discount above 20 % to the manager, then the director', () => {
      expect(routeQuote(ISSUE_POLICY, 4, facts({ effectiveDiscountBp: 2001 }), ORG)).toStrictEqual({
        required: true,
        route: {
          policyVersion: 4,
          steps: [{ groups: [group(['mgr'], [MANAGER], ['discount-over-20'])] }, { groups: [group(['dir'], [DIRECTOR], ['discount-over-20'])] }],
          rules: [{ ruleId: 'discount-over-20', ruleName: 'Discount above 20 %', reasons: [discountReason('gt', 20, 20.01)] }],
        },
        approverIds: ['mgr', 'dir'],
        complete: true,
      });
    });

    it('sends payment terms above 30 days to Finance and Legal in parallel (active managers and admins of each team)', () => {
      expect(routeQuote(ISSUE_POLICY, 4, facts({ paymentTermsDays: 45 }), ORG)).toStrictEqual({
        required: true,
        route: {
          policyVersion: 4,
          // finRep is a rep, legalOld inactive; fin2's team is spelled "finance"
          steps: [{ groups: [group(['fin1', 'fin2'], [FINANCE], ['long-terms']), group(['legal1'], [LEGAL], ['long-terms'])] }],
          rules: [{ ruleId: 'long-terms', ruleName: 'Payment terms above 30 days', reasons: [termsReason(45)] }],
        },
        approverIds: ['fin1', 'fin2', 'legal1'],
        complete: true,
      });
    });

    it('stacks a 25 % discount and 45 days: step 1 manager, Finance and Legal; step 2 the director', () => {
      expect(routeQuote(ISSUE_POLICY, 4, facts({ effectiveDiscountBp: 2500, paymentTermsDays: 45 }), ORG)).toStrictEqual({
        required: true,
        route: {
          policyVersion: 4,
          steps: [
            { groups: [group(['mgr'], [MANAGER], ['discount-over-20']), group(['fin1', 'fin2'], [FINANCE], ['long-terms']), group(['legal1'], [LEGAL], ['long-terms'])] },
            { groups: [group(['dir'], [DIRECTOR], ['discount-over-20'])] },
          ],
          rules: [
            { ruleId: 'discount-over-20', ruleName: 'Discount above 20 %', reasons: [discountReason('gt', 20, 25)] },
            { ruleId: 'long-terms', ruleName: 'Payment terms above 30 days', reasons: [termsReason(45)] },
          ],
        },
        approverIds: ['mgr', 'fin1', 'fin2', 'legal1', 'dir'],
        complete: true,
      });
    });

    it('asks a group two stacked rules ask for in the same step once, for both', () => {
      const policy: ApprovalPolicyState = {
        ...ISSUE_POLICY,
        rules: [...ISSUE_POLICY.rules, { id: 'long-terms-manager', name: 'Manager for long terms', when: ISSUE_POLICY.rules[2]!.when, route: [{ groups: [{ mode: 'any', approvers: [MANAGER] }] }], firstMatchOnly: false }],
      };
      const verdict = routeQuote(policy, 4, facts({ effectiveDiscountBp: 2500, paymentTermsDays: 45 }), ORG);
      expect(verdict.route?.steps.map((s) => s.groups.map((g) => [g.approverIds, g.ruleIds]))).toEqual([
        [
          [['mgr'], ['discount-over-20', 'long-terms-manager']],
          [['fin1', 'fin2'], ['long-terms']],
          [['legal1'], ['long-terms']],
        ],
        [[['dir'], ['discount-over-20']]],
      ]);
    });

    it('does not ask for approval when no rule matches', () => {
      expect(routeQuote(ISSUE_POLICY, 4, facts({ effectiveDiscountBp: 999, paymentTermsDays: 30 }), ORG)).toStrictEqual({ required: false, route: null, approverIds: [], complete: true });
    });
  });

  describe('a discount ladder of "first match only" rules', () => {
    const rung = (id: string, percent: number, approver: ApproverRef): PolicyRule => ({
      id,
      name: `Above ${percent} %`,
      when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: percent }] }],
      route: [{ groups: [{ mode: 'any', approvers: [approver] }] }],
      firstMatchOnly: true,
    });
    const LADDER: ApprovalPolicyState = {
      requireApproval: false,
      defaultApproverId: 'adm',
      rules: [rung('above-30', 30, { kind: 'user', userId: 'adm' }), rung('above-20', 20, DIRECTOR), rung('above-10', 10, MANAGER)],
    };

    it.each([
      [3500, 'above-30', ['adm'], 35],
      [2500, 'above-20', ['dir'], 25],
      [1200, 'above-10', ['mgr'], 12],
    ])('gives %i bp only the highest rung it reaches', (bp, ruleId, approverIds, percent) => {
      const verdict = routeQuote(LADDER, 2, facts({ effectiveDiscountBp: bp }), ORG);
      expect(verdict.route?.rules).toEqual([{ ruleId, ruleName: `Above ${percent - (percent % 10)} %`, reasons: [discountReason('gt', percent - (percent % 10), percent)] }]);
      expect(verdict.route?.steps).toHaveLength(1);
      expect(onlyGroup(verdict)).toMatchObject({ approverIds, ruleIds: [ruleId], notes: [] });
      expect(verdict.approverIds).toEqual(approverIds);
    });

    it('does not ask for approval below the lowest rung', () => {
      expect(routeQuote(LADDER, 2, facts({ effectiveDiscountBp: 1000 }), ORG).required).toBe(false);
    });
  });

  describe('the owner and the submitter never approve', () => {
    it('moves one level up when the owner’s manager submits for the rep, and says so', () => {
      const verdict = routeQuote(ISSUE_POLICY, 4, facts({ effectiveDiscountBp: 1500, submittedBy: 'mgr' }), ORG);
      expect(onlyGroup(verdict)).toStrictEqual(group(['dir'], [MANAGER], ['discount-10-20'], [{ code: 'moved-up', skipped: 'mgr', because: 'submitter', to: 'dir' }]));
      expect(verdict.approverIds).toEqual(['dir']);
      expect(verdict.complete).toBe(true);
    });

    it('moves up past several who may not approve, one note each', () => {
      const org = orgOf(...[...ORG.values()].map((m) => (m.id === 'mgr' ? { ...m, active: false } : m)));
      const verdict = routeQuote(oneGroup([MANAGER]), 1, facts({ submittedBy: 'dir' }), org);
      expect(onlyGroup(verdict)).toStrictEqual(
        group(
          ['adm'],
          [MANAGER],
          ['r'],
          [
            { code: 'moved-up', skipped: 'mgr', because: 'inactive', to: 'dir' },
            { code: 'moved-up', skipped: 'dir', because: 'submitter', to: 'adm' },
          ],
        ),
      );
    });

    it('takes the manager of the owner when a manager owns the quote', () => {
      const verdict = routeQuote(ISSUE_POLICY, 4, facts({ ownerId: 'mgr', submittedBy: 'mgr', ownerRole: 'manager', effectiveDiscountBp: 1500 }), ORG);
      expect(onlyGroup(verdict)).toStrictEqual(group(['dir'], [MANAGER], ['discount-10-20']));
    });

    it('gives a group naming only the owner to the fallback approver, saying why', () => {
      const verdict = routeQuote(oneGroup([{ kind: 'user', userId: 'mgr' }]), 1, facts({ ownerId: 'mgr', submittedBy: 'mgr' }), ORG);
      expect(onlyGroup(verdict)).toStrictEqual(group(['adm'], [{ kind: 'user', userId: 'mgr' }], ['r'], [{ code: 'fallback', because: 'owner', to: 'adm' }]));
    });

    it('leaves out an admin who submits for the rep from an admin group', () => {
      const verdict = routeQuote(oneGroup([{ kind: 'role', role: 'admin' }]), 1, facts({ submittedBy: 'adm' }), ORG);
      expect(onlyGroup(verdict)).toStrictEqual(group(['fin2'], [{ kind: 'role', role: 'admin' }], ['r']));
    });

    it('leaves the owner and the submitter out of role and team groups', () => {
      const refs: ApproverRef[] = [{ kind: 'role', role: 'manager' }];
      const byManager = facts({ ownerId: 'mgr', submittedBy: 'dir', ownerRole: 'manager' });
      // managers: mgr (owner), dir (submitter), fin1, legal1, legalOld (inactive)
      expect(onlyGroup(routeQuote(oneGroup(refs, 'adm', 'all'), 1, byManager, ORG))).toStrictEqual(group(['fin1', 'legal1'], refs, ['r'], [], 'all'));
      // Sales: rep (a rep), mgr (owner), dir (submitter): nobody, so the fallback approver
      const sales: ApproverRef[] = [{ kind: 'team', team: 'sales' }];
      expect(onlyGroup(routeQuote(oneGroup(sales), 1, byManager, ORG))).toStrictEqual(group(['adm'], sales, ['r'], [{ code: 'fallback', because: 'submitter', to: 'adm' }]));
    });

    it('never falls back to the submitter: nobody, unresolved', () => {
      // The director owns the quote; the admin (top of the chain, and the fallback approver) submits it.
      const verdict = routeQuote(oneGroup([MANAGER]), 1, facts({ ownerId: 'dir', submittedBy: 'adm', ownerRole: 'manager' }), ORG);
      expect(onlyGroup(verdict)).toStrictEqual(group([], [MANAGER], ['r'], [{ code: 'unresolved', because: 'submitter' }]));
      expect(verdict).toMatchObject({ required: true, approverIds: [], complete: false });
    });
  });

  describe('people who may not approve now', () => {
    it.each<[string, ApproverRef[], string[], ResolutionNote[]]>([
      ['an inactive user next to an active one is left out', [{ kind: 'user', userId: 'legalOld' }, { kind: 'user', userId: 'mgr' }], ['mgr'], []],
      ['an inactive user alone: the fallback approver', [{ kind: 'user', userId: 'legalOld' }], ['adm'], [{ code: 'fallback', because: 'inactive', to: 'adm' }]],
      ['a rep: the fallback approver', [{ kind: 'user', userId: 'finRep' }], ['adm'], [{ code: 'fallback', because: 'not-approver', to: 'adm' }]],
      ['a user no longer in the org: the fallback approver', [{ kind: 'user', userId: 'ghost' }], ['adm'], [{ code: 'fallback', because: 'inactive', to: 'adm' }]],
      ['an empty team: the fallback approver', [{ kind: 'team', team: 'Marketing' }], ['adm'], [{ code: 'fallback', because: 'none', to: 'adm' }]],
      ['a user named twice (by id and by role) counts once', [{ kind: 'user', userId: 'legal1' }, { kind: 'team', team: 'LEGAL' }], ['legal1'], []],
    ])('%s', (_what, refs, approverIds, notes) => {
      const verdict = routeQuote(oneGroup(refs), 1, facts(), ORG);
      expect(onlyGroup(verdict)).toStrictEqual(group(approverIds, refs, ['r'], notes));
      expect(verdict.complete).toBe(true);
    });

    it('is unresolved when nobody may approve and there is no fallback approver', () => {
      const refs: ApproverRef[] = [{ kind: 'team', team: 'Marketing' }];
      expect(routeQuote(oneGroup(refs, null), 6, facts(), ORG)).toStrictEqual({
        required: true,
        route: { policyVersion: 6, steps: [{ groups: [group([], refs, ['r'], [{ code: 'unresolved', because: 'none' }])] }], rules: [{ ruleId: 'r', ruleName: 'Every quote', reasons: [{ code: 'always' }] }] },
        approverIds: [],
        complete: false,
      });
    });

    it('is unresolved when the fallback approver may not approve either', () => {
      const org = orgOf(...[...ORG.values()].map((m) => (m.id === 'adm' ? { ...m, active: false } : m)));
      const verdict = routeQuote(oneGroup([{ kind: 'user', userId: 'finRep' }]), 1, facts(), org);
      expect(onlyGroup(verdict).notes).toEqual([{ code: 'unresolved', because: 'not-approver' }]);
      expect(verdict.complete).toBe(false);
    });

    it('marks the route incomplete when one group of one step is unresolved, the others resolved', () => {
      const policy: ApprovalPolicyState = { ...ISSUE_POLICY, defaultApproverId: null };
      const org = orgOf(...[...ORG.values()].filter((m) => m.team?.toLowerCase() !== 'legal'));
      const verdict = routeQuote(policy, 4, facts({ effectiveDiscountBp: 2500, paymentTermsDays: 45 }), org);
      expect(verdict.route?.steps[0]?.groups.map((g) => g.approverIds)).toEqual([['mgr'], ['fin1', 'fin2'], []]);
      expect(verdict.route?.steps[0]?.groups[2]?.notes).toEqual([{ code: 'unresolved', because: 'none' }]);
      expect(verdict).toMatchObject({ required: true, approverIds: ['mgr', 'fin1', 'fin2', 'dir'], complete: false });
    });
  });

  describe('the manager chain', () => {
    it.each([
      [1, ['mgr']],
      [2, ['dir']],
      [3, ['adm']],
    ])('goes %i level(s) up', (levels, approverIds) => {
      expect(onlyGroup(routeQuote(oneGroup([{ kind: 'manager', levels }]), 1, facts(), ORG)).approverIds).toEqual(approverIds);
    });

    it('gives the fallback approver when the chain ends before the level, saying so', () => {
      const refs: ApproverRef[] = [{ kind: 'manager', levels: 4 }];
      expect(onlyGroup(routeQuote(oneGroup(refs), 1, facts(), ORG))).toStrictEqual(group(['adm'], refs, ['r'], [{ code: 'fallback', because: 'none', to: 'adm' }]));
    });

    it('gives the fallback approver when the owner reports to nobody', () => {
      const verdict = routeQuote(oneGroup([MANAGER], 'dir'), 1, facts({ ownerId: 'adm', submittedBy: 'adm' }), ORG);
      expect(onlyGroup(verdict)).toStrictEqual(group(['dir'], [MANAGER], ['r'], [{ code: 'fallback', because: 'none', to: 'dir' }]));
    });

    describe('ends on a "reports to" loop', () => {
      const TOP = member('top', 'admin', null);

      it('past inactive managers reporting to each other', () => {
        const org = orgOf(member('x', 'rep', 'l1'), member('l1', 'manager', 'l2', null, false), member('l2', 'manager', 'l1', null, false), TOP);
        const verdict = routeQuote(oneGroup([MANAGER], 'top'), 1, facts({ ownerId: 'x', submittedBy: 'x' }), org);
        expect(onlyGroup(verdict)).toStrictEqual(
          group(
            ['top'],
            [MANAGER],
            ['r'],
            [
              { code: 'moved-up', skipped: 'l1', because: 'inactive', to: 'l2' },
              { code: 'fallback', because: 'inactive', to: 'top' },
            ],
          ),
        );
      });

      it('going up more levels than the loop has people', () => {
        const org = orgOf(member('x', 'rep', 'l1'), member('l1', 'manager', 'l2'), member('l2', 'manager', 'l1'), TOP);
        const refs: ApproverRef[] = [{ kind: 'manager', levels: 10 }];
        expect(onlyGroup(routeQuote(oneGroup(refs, 'top'), 1, facts({ ownerId: 'x', submittedBy: 'x' }), org))).toStrictEqual(group(['top'], refs, ['r'], [{ code: 'fallback', because: 'none', to: 'top' }]));
      });

      it('when the owner reports to themselves', () => {
        const org = orgOf(member('x', 'manager', 'x'), TOP);
        expect(onlyGroup(routeQuote(oneGroup([MANAGER], 'top'), 1, facts({ ownerId: 'x', submittedBy: 'x' }), org)).notes).toEqual([{ code: 'fallback', because: 'none', to: 'top' }]);
      });

      it('when the chain comes back to the owner', () => {
        const org = orgOf(member('x', 'rep', 'l1'), member('l1', 'manager', 'x'), TOP);
        expect(onlyGroup(routeQuote(oneGroup([MANAGER], 'top'), 1, facts({ ownerId: 'x', submittedBy: 'x' }), org)).approverIds).toEqual(['l1']);
        expect(onlyGroup(routeQuote(oneGroup([DIRECTOR], 'top'), 1, facts({ ownerId: 'x', submittedBy: 'x' }), org)).notes).toEqual([{ code: 'fallback', because: 'none', to: 'top' }]);
        // l1 submits: moving up would reach the owner, who never approves
        expect(onlyGroup(routeQuote(oneGroup([MANAGER], 'top'), 1, facts({ ownerId: 'x', submittedBy: 'l1' }), org)).notes).toEqual([{ code: 'fallback', because: 'submitter', to: 'top' }]);
      });
    });
  });

  describe('field references', () => {
    it.each<[string, Partial<RoutingFacts>, ApproverRef[], string[], ResolutionNote[]]>([
      ['the deal owner', { dealOwnerId: 'dir' }, [{ kind: 'field', field: 'dealOwner' }], ['dir'], []],
      ['the company owner', { companyOwnerId: 'fin1' }, [{ kind: 'field', field: 'companyOwner' }], ['fin1'], []],
      ['both', { dealOwnerId: 'dir', companyOwnerId: 'fin1' }, [{ kind: 'field', field: 'dealOwner' }, { kind: 'field', field: 'companyOwner' }], ['dir', 'fin1'], []],
      ['no deal owner', { dealOwnerId: null }, [{ kind: 'field', field: 'dealOwner' }], ['adm'], [{ code: 'fallback', because: 'none', to: 'adm' }]],
      ['a deal owned by the quote owner', { dealOwnerId: 'rep' }, [{ kind: 'field', field: 'dealOwner' }], ['adm'], [{ code: 'fallback', because: 'owner', to: 'adm' }]],
      ['a company owned by a rep', { companyOwnerId: 'finRep' }, [{ kind: 'field', field: 'companyOwner' }], ['adm'], [{ code: 'fallback', because: 'not-approver', to: 'adm' }]],
    ])('resolve %s', (_what, overrides, refs, approverIds, notes) => {
      expect(onlyGroup(routeQuote(oneGroup(refs), 1, facts(overrides), ORG))).toStrictEqual(group(approverIds, refs, ['r'], notes));
    });
  });

  describe('no rule matches', () => {
    const REQUIRED: ApprovalPolicyState = { ...ISSUE_POLICY, requireApproval: true, defaultApproverId: 'adm' };

    it('sends the quote to the default approver when approval is required on all quotes', () => {
      expect(routeQuote(REQUIRED, 9, facts(), ORG)).toStrictEqual({
        required: true,
        route: {
          policyVersion: 9,
          steps: [{ groups: [group(['adm'], [{ kind: 'user', userId: 'adm' }], [])] }],
          rules: [{ ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] }],
        },
        approverIds: ['adm'],
        complete: true,
      });
    });

    it('follows the matching rules, not the default approver, when one matches', () => {
      const verdict = routeQuote(REQUIRED, 9, facts({ effectiveDiscountBp: 1500 }), ORG);
      expect(verdict.approverIds).toEqual(['mgr']);
      expect(verdict.route?.rules.map((r) => r.ruleId)).toEqual(['discount-10-20']);
    });

    it('does not ask for approval when it is not required', () => {
      expect(routeQuote(ISSUE_POLICY, 9, facts(), ORG)).toStrictEqual({ required: false, route: null, approverIds: [], complete: true });
      expect(routeQuote({ requireApproval: false, defaultApproverId: null, rules: [] }, 0, facts(), ORG)).toStrictEqual({ required: false, route: null, approverIds: [], complete: true });
    });
  });

  it.each([0, 1, 42])('records the policy version %i', (version) => {
    expect(routeQuote(ISSUE_POLICY, version, facts({ effectiveDiscountBp: 1500 }), ORG).route?.policyVersion).toBe(version);
  });
});
