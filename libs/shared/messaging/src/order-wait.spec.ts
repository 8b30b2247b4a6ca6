import { describe, expect, it } from 'vitest';
import { orderWaitDelay } from './order-wait';

describe('orderWaitDelay', () => {
  const now = 1_000_000;
  it('waits the first delay while the job has just become due', () => {
    expect(orderWaitDelay({ timestamp: now - 10, opts: {} }, 50, 5_000, now)).toBe(50);
  });
  it('waits a quarter of the time it has been waiting, up to the cap', () => {
    expect(orderWaitDelay({ timestamp: now - 2_000, opts: {} }, 50, 5_000, now)).toBe(500);
    expect(orderWaitDelay({ timestamp: now - 60_000, opts: {} }, 50, 5_000, now)).toBe(5_000);
  });
  it('counts from when a delayed job was due, not from when it was queued', () => {
    expect(orderWaitDelay({ timestamp: now - 86_400_000, opts: { delay: 86_400_000 - 100 } }, 100, 5_000, now)).toBe(100);
  });
});
