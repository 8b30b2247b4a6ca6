import { describe, expect, it } from 'vitest';
import { latestRequest } from './latest-request';

describe('latestRequest', () => {
  it('keeps a request current while no other has started', () => {
    const loads = latestRequest();
    const isCurrent = loads.start();
    expect(isCurrent()).toBe(true);
    expect(isCurrent()).toBe(true);
  });

  it('makes an earlier request stale once a later one starts', () => {
    const loads = latestRequest();
    const first = loads.start();
    const second = loads.start();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('lets the latest answer win when answers arrive out of order', async () => {
    const loads = latestRequest();
    const shown: string[] = [];
    let answerSlow: (value: string) => void = () => undefined;
    const load = async (answer: Promise<string>) => {
      const isCurrent = loads.start();
      const value = await answer;
      if (isCurrent()) shown.push(value);
    };
    const slow = load(new Promise<string>((resolve) => (answerSlow = resolve)));
    const fast = load(Promise.resolve('new'));
    await fast;
    answerSlow('old');
    await slow;
    expect(shown).toEqual(['new']);
  });

  it('invalidate makes every started request stale, and later ones count again', () => {
    const loads = latestRequest();
    const before = loads.start();
    loads.invalidate();
    expect(before()).toBe(false);
    const after = loads.start();
    expect(after()).toBe(true);
  });

  it('keeps separate guards independent', () => {
    const lists = latestRequest();
    const counts = latestRequest();
    const list = lists.start();
    const count = counts.start();
    counts.start();
    expect(list()).toBe(true);
    expect(count()).toBe(false);
  });
});
