import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode } from './country';

describe('country codes', () => {
  it('knows the assigned codes in capitals only', () => {
    expect([isCountryCode('NL'), isCountryCode('nl'), isCountryCode('EU'), isCountryCode('UK'), isCountryCode(31)]).toEqual([true, false, false, false, false]);
  });

  it("are the same in the SPA's copy (Settings → Companies offers exactly these)", () => {
    const copy = readFileSync(resolve(__dirname, '../../../../apps/admin/src/modules/companies/countries.ts'), 'utf8');
    const offered = [...copy.matchAll(/'([A-Z]{2})'/g)].map((match) => match[1]);
    expect(offered).toEqual([...COUNTRY_CODES]);
  });
});
