import type { ApprovalPolicyState } from '@qa/approvals-domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld } from '../../testing/in-memory-approvals';
import { TryApprovalPolicyHandler } from './try-approval-policy.handler';
import { TryApprovalPolicyQuery } from './try-approval-policy.query';

describe('TryApprovalPolicyHandler (try an edited policy on a quote)', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: TryApprovalPolicyHandler;
  /** q1: rep-1's quote at 25 % off, net 45 days. */
  const policy = (value: unknown): ApprovalPolicyState =>
    ({
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        {
          id: 'long',
          name: 'Long terms',
          when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value }] }],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'team', team: 'finance' }] }] }],
          firstMatchOnly: false,
        },
      ],
    }) as ApprovalPolicyState;

  beforeEach(() => {
    world = approvalsWorld();
    handler = new TryApprovalPolicyHandler(world.settings, world.bus.queries, world.clock);
  });

  it('shows the route the quote would get under the unsaved policy, with names, and saves nothing', async () => {
    const tried = await handler.execute(new TryApprovalPolicyQuery(policy(30), 'q1'));
    expect(tried).toMatchObject({
      required: true,
      complete: true,
      approverIds: ['manager-2'],
      route: { currentStep: null, rules: [{ ruleId: 'long', reasons: [{ code: 'condition', field: 'paymentTermsDays', operator: 'gt', expected: 30, actual: 45 }] }] },
      people: [{ id: 'manager-2', name: 'User manager-2', active: true }],
    });
    expect((await handler.execute(new TryApprovalPolicyQuery(policy(60), 'q1'))).required).toBe(false);
    expect(world.settings.current.version).toBeUndefined();
  });

  it('refuses a policy a save would refuse, with the field, and a missing quote', async () => {
    await expect(handler.execute(new TryApprovalPolicyQuery(policy('abc'), 'q1'))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_SETTINGS',
      details: { fields: [{ field: 'rules.0.when.0.conditions.0.value', reason: 'must be a number from -3650 to 3650' }] },
    });
    await expect(handler.execute(new TryApprovalPolicyQuery(policy(30), 'missing'))).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
  });
});
