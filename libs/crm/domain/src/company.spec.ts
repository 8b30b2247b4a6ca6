import { describe, expect, it } from 'vitest';
import { Company } from './company';

describe('Company', () => {
  it.each<[unknown, string | null]>([
    ['NL', 'NL'],
    [' de ', 'DE'],
    ['us', 'US'],
    ['', null],
    ['  ', null],
    [null, null],
    [undefined, null],
  ])('keeps the country %j as %j', (country, kept) => {
    expect(Company.create({ name: 'Acme BV', country: country as string | null }).country).toBe(kept);
  });

  it.each(['XX', 'EU', 'UK', 'NLD', 'N'])('refuses the country %j with the field', (country) => {
    expect(() => Company.create({ name: 'Acme BV', country })).toThrow(
      expect.objectContaining({ code: 'CRM.INVALID_COMPANY', details: { fields: [{ field: 'country', reason: 'must be an ISO 3166-1 alpha-2 country code like NL' }] } }),
    );
  });
});
