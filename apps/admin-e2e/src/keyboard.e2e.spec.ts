// The walkthrough's core flow by keyboard alone (issue 19, WCAG 2.1.1, 2.4.7, 2.4.3, 4.1.3), in real
// Chromium against the real API and worker. No mouse: only Tab, Shift+Tab, Enter, Space, Escape,
// the arrow keys and typing (and typing an address, as a user pasting a link). Remy Rep logs in,
// builds a quote through the set-up steps and submits it; Max Manager opens its approval link, logs
// in, opens "Request changes" (Escape and Cancel close it, focus back on the button that opened it),
// requests changes with notes; Remy edits and submits again; Max approves and publishes. At every
// Tab stop the focused element shows a ring of at least 2 px (outline or box-shadow, on it or on the
// widget around it), and the regions that announce outcomes are polite live regions.
//
// Set-up through the API: approval required on all quotes with Max as Approver, and Remy's CRM
// records. Spec files share the database: afterAll switches approval off again.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiSessions, json, switchApprovalOff } from './api-sessions';
import { launchBrowser, type E2eBrowser } from './browser';
import { DEMO_PASSWORD, openPage, pageProblems, stepHeading, visible } from './page-helpers';
import { users, WORKER_MS, type QuoteBody } from './walkthrough-state';

const baseUrl = inject('baseUrl');
const api = apiSessions(baseUrl, users);

const suffix = `kb${Date.now().toString(36)}`;
const crm = { company: `Initech BV ${suffix}`, contact: 'Ivo Initech', contactEmail: `ivo-${suffix}@initech.example`, deal: `Initech upgrade ${suffix}` };
const quoteTitle = `Keyboard quote ${suffix}`;

let repBrowser: E2eBrowser;
let managerBrowser: E2eBrowser;

beforeAll(async () => {
  repBrowser = await launchBrowser({ baseUrl });
  managerBrowser = await launchBrowser({ baseUrl });
  const admin = await api.as('admin');
  const all = await json<{ items: Array<{ id: string; email: string }> }>(await admin.get('/api/v1/users'), 200);
  const managerId = all.items.find((user) => user.email === users.manager)?.id;
  const current = await json<{ version: number }>(await admin.get('/api/v1/approvals/settings'), 200);
  const saved = await admin.put('/api/v1/approvals/settings', {
    data: { requireApproval: true, defaultApproverId: managerId, rules: [], ...(current.version > 0 ? { version: current.version } : {}) },
  });
  expect(saved.status()).toBe(200);

  const creator = await api.as('creator');
  const company = await json<{ id: string }>(await creator.post('/api/v1/crm/companies', { data: { name: crm.company, domain: `initech-${suffix}.example` } }), 201);
  await json(await creator.post('/api/v1/crm/contacts', { data: { name: crm.contact, email: crm.contactEmail, companyId: company.id } }), 201);
  await json(await creator.post('/api/v1/crm/deals', { data: { name: crm.deal, amount: '4000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: company.id } }), 201);
});

afterAll(async () => {
  try {
    await switchApprovalOff(await api.as('admin'));
  } finally {
    await api.dispose();
    await repBrowser?.close();
    await managerBrowser?.close();
  }
});

/** What has focus: a short description, and whether it (or the widget around it) shows a ring of ≥ 2 px. */
async function focusState(page: Page): Promise<{ what: string; ring: boolean }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return { what: 'nothing (body)', ring: false };
    const rings = (element: Element | null): boolean => {
      if (!element) return false;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none' && Math.max(0, ...(style.boxShadow.match(/-?\d+(\.\d+)?px/g) ?? []).map((px) => Math.abs(parseFloat(px)))) >= 2;
      return outline || shadow;
    };
    // PrimeVue widgets put the ring on their box: the focused input's parent or grandparent
    // (Select, MultiSelect) or the box right after it (Checkbox, ToggleSwitch).
    const ring = [active, active.parentElement, active.parentElement?.parentElement ?? null, active.nextElementSibling].some(rings);
    const name = (active.getAttribute('aria-label') ?? active.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return { what: `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''} "${name}"`, ring };
  });
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking the focus ring at every stop. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  await target.waitFor({ state: 'attached' });
  const stops: string[] = [];
  for (let press = 0; press <= max; press++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focusState(page);
    stops.push(focus.what);
    // (Past the last element focus leaves the page for the browser's own controls: nothing to show.)
    if (focus.what !== 'nothing (body)') expect(focus.ring, `focus ring on ${focus.what}; stops: ${stops.join(' → ')}`).toBe(true);
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${target.toString()}; stops: ${stops.join(' → ')}`);
}

/** Tabs to the field, selects what it holds and types `text` over it. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  expect(await field.inputValue()).toBe(text);
}

/** Tabs to the button or link and presses Enter. */
async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** The live region's politeness: its aria-live, else the one its role implies (status: polite). */
async function politeness(region: Locator): Promise<string | null> {
  return region.evaluate((element) => element.getAttribute('aria-live') ?? ({ status: 'polite', alert: 'assertive', log: 'polite' } as Record<string, string>)[element.getAttribute('role') ?? ''] ?? null);
}

/** The login page by keyboard: e-mail, password, Log in. */
async function logInByKeyboard(page: Page, email: string): Promise<void> {
  await visible(page.getByRole('heading', { level: 1, name: 'Log in' }));
  await typeInto(page, page.getByLabel('Email', { exact: true }), email);
  await typeInto(page, page.getByLabel('Password', { exact: true }), DEMO_PASSWORD);
  await activate(page, page.getByRole('button', { name: 'Log in', exact: true }));
}

/** A PrimeVue Select by keyboard: the arrow keys to the option, Enter picks it. */
async function selectByArrows(page: Page, combobox: Locator, option: string): Promise<void> {
  await tabTo(page, combobox);
  await page.keyboard.press('ArrowDown');
  for (let press = 0; press < 8; press++) {
    const active = await combobox.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).textContent())?.trim() === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => combobox.textContent()).toContain(option);
}

/** Next in the set-up flow, by keyboard, and the next step's heading. */
async function nextStep(page: Page, heading: RegExp): Promise<void> {
  await activate(page, page.getByRole('button', { name: 'Next' }));
  await stepHeading(page, heading);
}

const walk = { quoteId: '', approvalPath: '', rep: undefined as Page | undefined, manager: undefined as Page | undefined };

describe('the walkthrough by keyboard alone', () => {
  it('Remy logs in and builds a quote through the set-up steps, and submits it', async () => {
    const page = await openPage(repBrowser, { screenshotOnFailure: true });
    walk.rep = page;
    await page.goto(`${baseUrl}/login`);
    await logInByKeyboard(page, users.creator);
    await page.waitForURL((url) => url.pathname === '/quotes');

    await activate(page, page.getByRole('link', { name: 'New quote' }));
    await stepHeading(page, /Step 1 of 4: Details/);
    await typeInto(page, page.getByLabel('Title', { exact: true }), quoteTitle);
    // The deal: type a word of its name, ArrowDown to the suggestion, Enter.
    const deal = page.getByRole('combobox', { name: 'Deal' });
    await tabTo(page, deal);
    await page.keyboard.type(suffix);
    // (Focus opened the list of all deals: wait for the search's answer.)
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining(crm.deal)]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('quote-company').textContent()).toBe(crm.company);
    // The recipients: ArrowDown opens the list, ArrowDown to the contact, Enter picks, Escape closes.
    const recipients = page.getByRole('combobox', { name: 'Recipients' });
    await tabTo(page, recipients);
    await page.keyboard.press('ArrowDown');
    await visible(page.getByRole('option', { name: `${crm.contact} (${crm.contactEmail})` }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await visible(page.locator('.p-multiselect-chip-item, .p-chip').filter({ hasText: crm.contact }).first());
    await nextStep(page, /Step 2 of 4: Line items/);
    walk.quoteId = new URL(page.url()).pathname.split('/')[2] ?? '';

    await activate(page, page.getByRole('button', { name: 'Add line item' }));
    const line = page.getByRole('group', { name: 'Line 1' });
    await typeInto(page, line.getByLabel('Product name'), 'Keyboard audit');
    await typeInto(page, line.getByLabel('Quantity'), '2');
    await typeInto(page, line.getByLabel(/Unit price/), '1500.00');
    await selectByArrows(page, line.getByRole('combobox', { name: 'Discount type' }), 'Percent (%)');
    await typeInto(page, line.getByLabel(/Discount value/), '25');
    await expect.poll(() => line.locator('[data-line-total="0"]').textContent()).toBe('€2,250.00');
    await nextStep(page, /Step 3 of 4: Terms/);
    await typeInto(page, page.getByLabel('Comments for the buyer'), 'Thank you.');
    await nextStep(page, /Step 4 of 4: Review/);
    await activate(page, page.getByRole('button', { name: 'Submit', exact: true }));
    await page.waitForURL((url) => url.pathname === `/quotes/${walk.quoteId}`);
    await visible(page.locator('.detail-header').getByText('Pending approval', { exact: true }));
    expect((await json<QuoteBody>(await (await api.as('creator')).get(`/api/v1/quotes/${walk.quoteId}`), 200)).status).toBe('pending_approval');
    walk.approvalPath = `/quotes/${walk.quoteId}/approval`;
    expect(pageProblems(page)).toEqual([]);
  });

  it('Max opens the approval link, logs in, and requests changes with notes in the dialog; Escape and Cancel give focus back to the button', async () => {
    expect(walk.approvalPath, 'the quote of the first step').not.toBe('');
    const page = await openPage(managerBrowser, { screenshotOnFailure: true });
    walk.manager = page;
    await page.goto(`${baseUrl}${walk.approvalPath}`);
    await logInByKeyboard(page, users.manager);
    await page.waitForURL((url) => url.pathname === walk.approvalPath);
    await visible(page.getByRole('heading', { level: 1, name: quoteTitle }), WORKER_MS);
    const status = page.locator('.approval-status');
    expect(await politeness(status)).toBe('polite');

    const decision = page.getByRole('group', { name: 'Decision' });
    const requestChanges = decision.getByRole('button', { name: 'Request changes' });
    await expect.poll(() => requestChanges.isEnabled(), { timeout: WORKER_MS }).toBe(true);
    await activate(page, requestChanges);
    const dialog = await visible(page.getByRole('dialog', { name: 'Request changes' }));
    const notes = dialog.getByLabel('Notes');
    await expect.poll(() => isFocused(notes)).toBe(true);
    // Escape closes it: focus back on the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(requestChanges)).toBe(true);
    expect((await focusState(page)).ring).toBe(true);

    // Space opens it again; focus stays inside (Shift+Tab from Notes reaches the dialog's own close
    // button); Cancel closes it, focus back on the button.
    await page.keyboard.press('Space');
    await visible(dialog);
    await expect.poll(() => isFocused(notes)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await activate(page, dialog.getByRole('button', { name: 'Cancel' }));
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(requestChanges)).toBe(true);

    // Enter opens it; the notes, then the dialog's Request changes.
    await page.keyboard.press('Enter');
    await visible(dialog);
    await expect.poll(() => isFocused(notes)).toBe(true);
    await page.keyboard.type('Lower the discount to 15%');
    await activate(page, dialog.getByRole('button', { name: 'Request changes' }));
    await dialog.waitFor({ state: 'hidden' });
    await visible(status.filter({ hasText: 'You requested changes.' }));
    await visible(page.locator('.approval-header').getByText('Changes requested', { exact: true }), WORKER_MS);
    expect(pageProblems(page)).toEqual([]);
  });

  it('Remy edits the quote and submits it again; Max approves and publishes round 2', async () => {
    const rep = walk.rep as Page;
    const manager = walk.manager as Page;
    expect(rep && manager, 'the pages of the earlier steps').toBeTruthy();

    // Remy's quote page follows live: Changes requested, and Edit.
    await visible(rep.locator('.detail-header').getByText('Changes requested', { exact: true }), WORKER_MS);
    await activate(rep, rep.getByRole('link', { name: 'Edit', exact: true }));
    await stepHeading(rep, /Step 1 of 4: Details/);
    await nextStep(rep, /Step 2 of 4: Line items/);
    const line = rep.getByRole('group', { name: 'Line 1' });
    await typeInto(rep, line.getByLabel(/Discount value/), '15');
    await expect.poll(() => line.locator('[data-line-total="0"]').textContent()).toBe('€2,550.00');
    await nextStep(rep, /Step 3 of 4: Terms/);
    await nextStep(rep, /Step 4 of 4: Review/);
    await activate(rep, rep.getByRole('button', { name: 'Submit', exact: true }));
    await rep.waitForURL((url) => url.pathname === `/quotes/${walk.quoteId}`);
    await visible(rep.locator('.detail-header').getByText('Pending approval', { exact: true }));

    // Max's page follows live: round 2. Approve and publish, by keyboard.
    await visible(manager.getByText('Round 2 · Waiting for a decision'), WORKER_MS);
    const approve = manager.getByRole('group', { name: 'Decision' }).getByRole('button', { name: 'Approve and publish' });
    await expect.poll(() => approve.isEnabled()).toBe(true);
    await activate(manager, approve);
    await visible(manager.locator('.approval-header').getByText('Published', { exact: true }), WORKER_MS);
    await visible(manager.getByRole('status').filter({ hasText: 'Approved and published.' }));
    expect((await json<QuoteBody>(await (await api.as('creator')).get(`/api/v1/quotes/${walk.quoteId}`), 200)).status).toBe('published');

    // Remy's page follows live.
    await visible(rep.locator('.detail-header').getByText('Published', { exact: true }), WORKER_MS);
    expect(pageProblems(manager)).toEqual([]);
    expect(pageProblems(rep)).toEqual([]);
    await manager.close();
    await rep.close();
  });
});
