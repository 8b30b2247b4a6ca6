import { describe, expect, it } from 'vitest';
import { orderWaitDelay } from './order-wait';

describe('orderWaitDelay', () => {
  it('waits the first delay the first time a job must wait', () => {
    expect(orderWaitDelay({ attemptsStarted: 1, attemptsMade: 0 }, 50)).toBe(50);
  });
  it('doubles with each time the job went back before, up to the cap', () => {
    expect(orderWaitDelay({ attemptsStarted: 2, attemptsMade: 0 }, 50)).toBe(100);
    expect(orderWaitDelay({ attemptsStarted: 4, attemptsMade: 0 }, 50)).toBe(400);
    expect(orderWaitDelay({ attemptsStarted: 40, attemptsMade: 0 }, 50)).toBe(5_000);
  });
  it('does not count failed attempts as waits (nor how long the job sat in a backlog)', () => {
    expect(orderWaitDelay({ attemptsStarted: 3, attemptsMade: 2 }, 100)).toBe(100);
  });
});
