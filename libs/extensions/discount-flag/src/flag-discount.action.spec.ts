import { describe, expect, it } from 'vitest';
import type { ActionContext } from '@qa/workflows-application';
import { FlagDiscountAction } from './flag-discount.action';

/** The one port the action uses: what it set, in order. */
class SetProperties {
  calls: unknown[][] = [];
  async set(...args: unknown[]) {
    this.calls.push(args);
    return true;
  }
}

function contextFor(effectiveDiscountPercent: unknown): ActionContext {
  const run = { id: 'run-1', workflowId: 'wf-1', recordType: 'quote', recordId: 'q-1' };
  return { run, record: { effectiveDiscountPercent } } as unknown as ActionContext;
}

describe('FlagDiscountAction (flag_discount)', () => {
  it('sets discount_flag to high above the threshold and says why', async () => {
    const properties = new SetProperties();
    const action = new FlagDiscountAction(properties as never);
    expect(await action.execute({ thresholdPercent: 20 }, contextFor(25))).toEqual({ output: { discount: 25, threshold: 20, flag: 'high' } });
    expect(properties.calls).toEqual([['quote', 'q-1', 'discount_flag', 'high', 'workflow:wf-1', 'run-1']]);
  });

  it('sets normal at or below the threshold, and for a quote without a discount', async () => {
    const properties = new SetProperties();
    const action = new FlagDiscountAction(properties as never);
    expect((await action.execute({ thresholdPercent: '20' }, contextFor(20))).output).toEqual({ discount: 20, threshold: 20, flag: 'normal' });
    expect((await action.execute({ thresholdPercent: 20 }, contextFor(undefined))).output).toEqual({ discount: 0, threshold: 20, flag: 'normal' });
    expect(properties.calls.map((call) => call[3])).toEqual(['normal', 'normal']);
  });

  it('refuses a threshold that is not a number and sets nothing', async () => {
    const properties = new SetProperties();
    const action = new FlagDiscountAction(properties as never);
    await expect(action.execute({ thresholdPercent: 'abc' }, contextFor(25))).rejects.toThrow('thresholdPercent: must be a number');
    expect(properties.calls).toEqual([]);
  });

  it('describes itself for the workflow editor', () => {
    expect(new FlagDiscountAction(new SetProperties() as never).description).toMatchObject({ key: 'flag_discount', params: [{ name: 'thresholdPercent', type: 'number', required: true }] });
  });
});
