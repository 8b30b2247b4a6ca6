import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a valid version-7 UUID', () => {
    const id = uuidv7();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
  });

  it('sorts by creation time', () => {
    const earlier = uuidv7(Date.UTC(2026, 0, 1));
    const later = uuidv7(Date.UTC(2026, 0, 1) + 1);
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });

  it('encodes the millisecond timestamp in the first 48 bits', () => {
    const ms = Date.UTC(2026, 10, 26, 12, 0, 0, 123);
    expect(parseInt(uuidv7(ms).replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('keeps ids made in the same millisecond in the order they were made', () => {
    const ms = Date.UTC(2026, 5, 1);
    const ids = Array.from({ length: 50 }, () => uuidv7(ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs between two ids made in the same millisecond', () => {
    const ms = Date.now();
    expect(uuidv7(ms)).not.toBe(uuidv7(ms));
  });
});
