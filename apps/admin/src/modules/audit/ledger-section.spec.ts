import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import App from '../../App.vue';
import type { AppLocale } from '../../i18n';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';

function mountAt(verify: FakeRoute, locale: AppLocale = 'en') {
  return mountPage(App, {
    path: '/settings/audit',
    waitFor: 'main h1',
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: ada },
      'GET /api/v1/notifications': { status: 200, body: { items: [], unread: 0 } },
      'GET /api/v1/users/names': { status: 200, body: { items: [] } },
      'GET /api/v1/audit': { status: 200, body: { items: [], nextBefore: null } },
      'POST /api/v1/audit/ledger/verify': verify,
    },
  });
}

const intact: ApiSchemas['LedgerVerifyResponse'] = { ok: true, entries: 42, lastHash: 'a'.repeat(64) };
const broken: ApiSchemas['LedgerVerifyResponse'] = { ok: false, seq: 7, problem: 'removed', reason: 'seq-gap', eventId: null, checked: 6 };

describe('approval ledger on the audit log page', () => {
  it('verifies the ledger: intact with the count, in a polite live region', async () => {
    const { api, wrapper: w } = await mountAt({ status: 200, body: intact });
    expect(w.get('#ledger-heading').text()).toBe('Approval ledger');
    const status = w.get('.ledger-outcome');
    expect([status.attributes('role'), status.attributes('aria-live'), status.text()]).toEqual(['status', 'polite', '']);
    await w.get('button.ledger-verify-button').trigger('click');
    await flushPromises();
    expect(w.get('.ledger-outcome').text()).toBe('The ledger is intact: 42 entries.');
    expect(api.calls.filter((c) => c.path === '/api/v1/audit/ledger/verify').map((c) => c.method)).toEqual(['POST']);
  });

  it('names the first bad entry in words, in English and Dutch', async () => {
    const en = await mountAt({ status: 200, body: broken });
    await en.wrapper.get('button.ledger-verify-button').trigger('click');
    await flushPromises();
    expect(en.wrapper.get('.ledger-outcome').text()).toBe('The ledger is broken: entry 7 was removed (its number is missing from the chain). The 6 entries before it are intact.');
    en.wrapper.unmount();
    const nl = await mountAt({ status: 200, body: { ...broken, problem: 'changed', reason: 'hash-mismatch' } }, 'nl');
    expect(nl.wrapper.get('button.ledger-verify-button').text()).toBe('Het grootboek controleren');
    await nl.wrapper.get('button.ledger-verify-button').trigger('click');
    await flushPromises();
    expect(nl.wrapper.get('.ledger-outcome').text()).toBe('Het grootboek is niet intact: regel 7 is gewijzigd (de inhoud past niet meer bij de hash). De 6 regels ervoor zijn intact.');
  });

  it('says so when verifying fails', async () => {
    const { wrapper: w } = await mountAt({ status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'x' } });
    await w.get('button.ledger-verify-button').trigger('click');
    await flushPromises();
    expect(w.get('.ledger-outcome').text()).toBe('The ledger could not be verified. Try again.');
  });

  it('links the JSON Lines and CSV downloads for the chosen dates, and refuses a backwards range', async () => {
    const { wrapper: w } = await mountAt({ status: 200, body: intact });
    const links = () => w.findAll('a.ledger-download').map((a) => [a.text(), a.attributes('href')]);
    expect(links()).toEqual([
      ['Download JSON Lines', '/api/v1/audit/ledger/export?format=jsonl'],
      ['Download CSV', '/api/v1/audit/ledger/export?format=csv'],
    ]);
    expect([w.get('label[for="ledger-from"]').text(), w.get('label[for="ledger-to"]').text()]).toEqual(['From', 'To (included)']);
    await w.get('#ledger-from').setValue('2026-12-01');
    await w.get('#ledger-to').setValue('2026-12-31');
    expect(links()).toEqual([
      ['Download JSON Lines', '/api/v1/audit/ledger/export?format=jsonl&from=2026-12-01&to=2026-12-31'],
      ['Download CSV', '/api/v1/audit/ledger/export?format=csv&from=2026-12-01&to=2026-12-31'],
    ]);
    await w.get('#ledger-from').setValue('2027-01-01');
    expect(links()).toEqual([]);
    expect(w.get('#ledger-range-error').text()).toBe('The From date must not be after the To date.');
    expect(w.get('#ledger-to').attributes('aria-invalid')).toBe('true');
  });
});
