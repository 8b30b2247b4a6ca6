// Approval policies the benchmarks route under.

/**
 * An approval policy of 20 rules, as a large sales organisation might have: a discount ladder
 * (first match only, highest rung first), stacking rules on payment terms, deal stage, amounts,
 * products and recurring billing, routed to managers up the chain, roles, teams and named users.
 */
export function twentyRulePolicy(ids: Record<string, string>) {
  const manager = (levels: number) => ({ kind: 'manager', levels });
  const step = (...approvers: object[]) => ({ groups: [{ mode: 'any', approvers }] });
  const rule = (name: string, conditions: object[], route: object[], firstMatchOnly = false) => ({ name, when: [{ conditions }], route, firstMatchOnly });
  const ladder = [40, 35, 30, 25, 20].map((from, i) =>
    rule(`Discount above ${from} %`, [{ field: 'effectiveDiscountPercent', operator: 'gt', value: from }], [step(manager(1)), ...(i < 3 ? [step(manager(2))] : [])], true),
  );
  const stacking = [
    rule('Long payment terms', [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }], [{ groups: [{ mode: 'any', approvers: [{ kind: 'team', team: 'Finance' }] }, { mode: 'any', approvers: [{ kind: 'role', role: 'admin' }] }] }]),
    rule('Very long payment terms', [{ field: 'paymentTermsDays', operator: 'gt', value: 90 }], [step(manager(2))]),
    rule('Large deals', [{ field: 'total', operator: 'gte', value: '100000' }], [step(manager(1)), step({ kind: 'user', userId: ids['admin'] })]),
    rule('Very large deals', [{ field: 'total', operator: 'gte', value: '500000' }], [step({ kind: 'role', role: 'admin' })]),
    rule('Deal amount mismatch', [{ field: 'dealAmount', operator: 'lt', value: '1000' }], [step(manager(1))]),
    rule('Late-stage deals', [{ field: 'dealStage', operator: 'in', value: ['contract_sent', 'closed_won'] }], [step({ kind: 'field', field: 'dealOwner' })]),
    rule('Recurring billing', [{ field: 'recurring', operator: 'eq', value: true }], [step(manager(1))]),
    rule('Many lines', [{ field: 'lineCount', operator: 'gt', value: 20 }], [step(manager(1))]),
    rule('Consulting', [{ field: 'product', operator: 'contains', value: 'Consulting' }], [step({ kind: 'team', team: 'Sales' })]),
    rule('Dollar quotes', [{ field: 'currency', operator: 'in', value: ['USD', 'CAD'] }], [step({ kind: 'user', userId: ids['manager'] })]),
    rule('Short validity', [{ field: 'daysUntilExpiry', operator: 'lt', value: 3 }], [step(manager(1))]),
    rule('Large line discount', [{ field: 'largestLineDiscountPercent', operator: 'between', value: [30, 100] }], [step(manager(1))]),
    rule('Big discount amount', [{ field: 'discountAmount', operator: 'gt', value: '25000' }], [step(manager(2))]),
    rule('New reps', [{ field: 'ownerTeam', operator: 'eq', value: 'Onboarding' }], [step(manager(1))]),
    rule('Admins’ own quotes', [{ field: 'ownerRole', operator: 'eq', value: 'admin' }], [step({ kind: 'role', role: 'manager' })]),
  ];
  return { requireApproval: true, defaultApproverId: ids['manager'], rules: [...ladder, ...stacking] };
}
