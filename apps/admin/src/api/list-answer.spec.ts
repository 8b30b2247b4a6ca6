import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { takeListAnswer } from './list-answer';

describe('takeListAnswer', () => {
  it('hands over the data of a successful answer and marks the list loaded', () => {
    const flags = { failed: ref(true), loaded: ref(false) };
    expect(takeListAnswer({ ok: true, data: { items: [1, 2] } }, flags)).toEqual({ items: [1, 2] });
    expect(flags.failed.value).toBe(false);
    expect(flags.loaded.value).toBe(true);
  });

  it('marks the list failed on a failed answer and leaves loaded as it was', () => {
    const flags = { failed: ref(false), loaded: ref(true) };
    expect(takeListAnswer({ ok: false, status: 500, error: null }, flags)).toBeUndefined();
    expect(flags.failed.value).toBe(true);
    expect(flags.loaded.value).toBe(true);
  });
});
