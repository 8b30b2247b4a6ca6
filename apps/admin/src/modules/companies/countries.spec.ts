import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryName, countryOptions } from './countries';

describe('the countries of a company', () => {
  it("are the 249 assigned ISO 3166-1 alpha-2 codes, each once (libs/crm/contracts/src/country.spec.ts checks they are the API's)", () => {
    expect([COUNTRY_CODES.length, new Set(COUNTRY_CODES).size, COUNTRY_CODES.every((code) => /^[A-Z]{2}$/.test(code))]).toEqual([249, 249, true]);
  });

  it('are named in the UI language and offered by name', () => {
    expect([countryName('DE', 'en'), countryName('DE', 'nl'), countryName('NL', 'nl')]).toEqual(['Germany', 'Duitsland', 'Nederland']);
    const dutch = countryOptions('nl');
    expect(dutch.length).toBe(249);
    expect(dutch.find((option) => option.value === 'BE')).toEqual({ value: 'BE', label: 'België' });
    expect(dutch.slice(0, 1)).toEqual([{ value: 'AF', label: 'Afghanistan' }]);
  });
});
