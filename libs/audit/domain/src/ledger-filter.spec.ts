import { DomainError } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { ledgerFilterOf } from './ledger-filter';

const refusal = (query: Record<string, string>) => {
  try {
    ledgerFilterOf(query);
    return null;
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.kind, error.details['fields']] : error;
  }
};

describe('the ledger export filter', () => {
  it('reads dates (a to date counts its whole day), date-times and a quote id', () => {
    expect(ledgerFilterOf({ from: '2026-12-01', to: '2026-12-02', quoteId: '0193a1b2-0000-7000-8000-000000000001' })).toEqual({
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2026-12-03T00:00:00Z'),
      quoteId: '0193a1b2-0000-7000-8000-000000000001',
    });
    expect(ledgerFilterOf({ from: '2026-12-01T10:00:00+01:00', to: '2026-12-01T10:30Z' })).toEqual({ from: new Date('2026-12-01T09:00:00Z'), to: new Date('2026-12-01T10:30:00Z') });
    expect(ledgerFilterOf({})).toEqual({});
  });

  it('refuses bad dates, a bad quote id and an empty range with 422 naming each field', () => {
    expect(refusal({ from: 'yesterday', to: '2026-02-30', quoteId: 'x' })).toEqual([
      'AUDIT.INVALID_LEDGER_FILTER',
      'invalid',
      [
        { field: 'from', reason: 'must be an ISO 8601 date (2026-12-31) or date-time with a zone' },
        { field: 'to', reason: 'must be an ISO 8601 date (2026-12-31) or date-time with a zone' },
        { field: 'quoteId', reason: 'must be a quote id' },
      ],
    ]);
    expect(refusal({ from: '2026-12-02', to: '2026-12-01' })).toEqual(['AUDIT.INVALID_LEDGER_FILTER', 'invalid', [{ field: 'to', reason: 'must be after from' }]]);
    expect(refusal({ from: '2026-12-01T10:00:00' })).not.toBeNull();
  });
});
