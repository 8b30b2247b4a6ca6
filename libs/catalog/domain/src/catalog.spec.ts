import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog';

describe('Catalog', () => {
  const now = new Date('2026-01-05T09:00:00Z');

  it('is created with a trimmed name, recording a created event', () => {
    const catalog = Catalog.create({ name: '  First  ', now });
    expect(catalog).toMatchObject({ name: 'First', createdAt: now, version: undefined });
    expect(catalog.pullEvents().map((e) => [e.name, e.payload, e.aggregateVersion])).toEqual([
      ['catalog.catalog.created.v1', { catalogId: catalog.id, name: 'First' }, 1],
    ]);
  });

  it('refuses a blank name', () => {
    expect(() => Catalog.create({ name: '  ', now })).toThrow(expect.objectContaining({ code: 'CATALOG.NAME_REQUIRED', kind: 'invalid' }));
  });
});
