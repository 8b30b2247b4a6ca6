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

  it('refuses an empty name with the field', () => {
    expect(() => Company.create({ name: '  ' })).toThrow(expect.objectContaining({ code: 'CRM.INVALID_COMPANY', details: { fields: [{ field: 'name', reason: 'must not be empty' }] } }));
  });

  describe('change', () => {
    const acme = () => Company.create({ name: 'Acme BV', domain: 'acme.example', country: 'NL', ownerId: 'rep-1' });

    it('changes name, domain and country as create keeps them; the owner and what is left out stay', () => {
      const company = acme();
      company.change({ name: ' Acme Holding ', country: ' de ' });
      expect([company.name, company.domain, company.country, company.ownerId]).toEqual(['Acme Holding', 'acme.example', 'DE', 'rep-1']);
      company.change({ domain: ' ', country: null });
      expect([company.name, company.domain, company.country]).toEqual(['Acme Holding', null, null]);
    });

    it.each<[Record<string, unknown>, string, string]>([
      [{ country: 'XX' }, 'country', 'must be an ISO 3166-1 alpha-2 country code like NL'],
      [{ name: ' ' }, 'name', 'must not be empty'],
      [{ name: '', country: 'DE' }, 'name', 'must not be empty'],
    ])('refuses %j with the field and changes nothing', (changes, field, reason) => {
      const company = acme();
      expect(() => company.change(changes)).toThrow(expect.objectContaining({ code: 'CRM.INVALID_COMPANY', details: { fields: [{ field, reason }] } }));
      expect([company.name, company.domain, company.country]).toEqual(['Acme BV', 'acme.example', 'NL']);
    });
  });
});
