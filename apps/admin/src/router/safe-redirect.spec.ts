import { describe, expect, it } from 'vitest';
import { isServerPage, safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  it('keeps a same-origin path with its query and hash', () => {
    expect(safeRedirectPath('/quotes?status=draft#top')).toBe('/quotes?status=draft#top');
  });

  it.each(['https://evil.example/x', '//evil.example/x', '/\\evil.example', '/\t/evil.example', 'quotes', '', undefined, 42])(
    'rejects %j, which is not a same-origin path',
    (value) => {
      expect(safeRedirectPath(value)).toBeNull();
    },
  );

  it('rejects a redirect back to /login', () => {
    expect(safeRedirectPath('/login?redirect=/quotes')).toBeNull();
  });

  it('uses the first value when the param is repeated', () => {
    expect(safeRedirectPath(['/tasks', '/quotes'])).toBe('/tasks');
  });
});

describe('isServerPage', () => {
  it('tells the server-rendered queue dashboard from SPA routes', () => {
    expect(isServerPage('/admin/queues')).toBe(true);
    expect(isServerPage('/admin')).toBe(true);
    expect(isServerPage('/administration')).toBe(false);
    expect(isServerPage('/quotes')).toBe(false);
  });
});
