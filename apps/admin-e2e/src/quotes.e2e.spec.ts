// Quotes in real Chromium against the real API (built SPA served by apps/api, fresh PostgreSQL
// database with the demo users). A rep runs the set-up flow end to end, the buyer signs on the
// public page in a logged-out browser, and a recalled quote's link stops working. Nothing is mocked.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './browser';
import { choose, nextStep, fillQuoteDetails, isoDateIn, logIn, openPage as openTab, pageProblems, shot, stepHeading, visible } from './page-helpers';

const baseUrl = inject('baseUrl');

/** The rep's browser (session cookie) and a separate one for the buyer, who never logs in. */
let browser: E2eBrowser;
let buyerBrowser: E2eBrowser;

/** CRM records of this run: the demo data is not seeded in e2e. */
const crm = { company: 'Acme BV', contact: 'Bea Buyer', contactEmail: 'bea@acme.example', deal: 'Acme website relaunch' };
let dealId = '';
let contactId = '';
/** Quotes this file made (other spec files may have made quotes for the same rep). */
const made = { signedId: '', recalledId: '' };

beforeAll(async () => {
  browser = await launchBrowser({ baseUrl });
  buyerBrowser = await launchBrowser({ baseUrl });
});

afterAll(async () => {
  await browser?.close();
  await buyerBrowser?.close();
});

const openPage = (on: E2eBrowser = browser) => openTab(on);
const logInAsRep = (page: Page) => logIn(page, baseUrl, 'rep@example.com');

/** A company, a contact and a deal of the rep, through the API with the page's session. */
async function ensureCrmRecords(page: Page): Promise<void> {
  if (dealId) return;
  const company = await page.request.post(`${baseUrl}/api/v1/crm/companies`, { data: { name: crm.company, domain: 'acme.example' } });
  expect(company.status()).toBe(201);
  const companyId = ((await company.json()) as { id: string }).id;
  const contact = await page.request.post(`${baseUrl}/api/v1/crm/contacts`, { data: { name: crm.contact, email: crm.contactEmail, companyId } });
  expect(contact.status()).toBe(201);
  contactId = ((await contact.json()) as { id: string }).id;
  const deal = await page.request.post(`${baseUrl}/api/v1/crm/deals`, {
    data: { name: crm.deal, amount: '24000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId },
  });
  expect(deal.status()).toBe(201);
  dealId = ((await deal.json()) as { id: string }).id;
}

describe('quotes', () => {
  it('a rep creates a quote through the set-up flow, shares it, the buyer downloads the PDF and signs, and the rep sees it Signed', async () => {
    const page = await openPage();
    await logInAsRep(page);
    await ensureCrmRecords(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });

    // The list → New quote.
    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Quotes' }));
    await page.getByRole('link', { name: 'New quote' }).click();
    await page.waitForURL((url) => url.pathname === '/quotes/new');
    await visible(page.getByRole('heading', { level: 1, name: 'New quote' }));
    const steps = page.getByRole('navigation', { name: 'Quote set-up steps' });
    expect((await steps.getByRole('button').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['1 Details', '2 Line items', '3 Terms', '4 Review']);
    expect(await steps.getByRole('button', { name: /Details/ }).getAttribute('aria-current')).toBe('step');
    await stepHeading(page, /Step 1 of 4: Details/);

    // Step 1: Details. The deal picker is searchable; the company follows the deal.
    await fillQuoteDetails(page, { title: 'Website redesign', dealSearch: 'relaunch', ...crm, validUntil: isoDateIn(60) });
    expect(await page.getByRole('combobox', { name: 'Currency' }).textContent()).toContain('EUR');
    await page.getByRole('button', { name: 'Next' }).click();

    // Leaving Details created the draft: the address is now the draft's edit page.
    await page.waitForURL((url) => /^\/quotes\/[0-9a-f-]{36}\/edit$/.test(url.pathname) && url.searchParams.get('step') === 'lineItems');
    const quoteId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await stepHeading(page, /Step 2 of 4: Line items/);

    // Step 2: Line items, with running totals.
    await page.getByRole('button', { name: 'Add line item' }).click();
    const line1 = page.getByRole('group', { name: 'Line 1' });
    await line1.getByLabel('Product name').fill('Design sprint');
    await line1.getByLabel('Description').fill('Two weeks, two designers');
    await line1.getByLabel('Quantity').fill('2');
    await line1.getByLabel(/Unit price/).fill('1500.00');
    await choose(page, line1.getByRole('combobox', { name: 'Discount type' }), 'Percent (%)');
    await line1.getByLabel(/Discount value/).fill('10');
    await expect.poll(() => line1.locator('[data-line-total="0"]').textContent()).toBe('€2,700.00');
    await page.getByRole('button', { name: 'Add line item' }).click();
    const line2 = page.getByRole('group', { name: 'Line 2' });
    await line2.getByLabel('Product name').fill('Hosting');
    await line2.getByLabel(/Unit price/).fill('100');
    await choose(page, line2.getByRole('combobox', { name: 'Billing period' }), 'Monthly');
    await expect.poll(() => page.locator('[data-total="total"]').textContent()).toBe('€2,800.00');
    await page.getByRole('button', { name: 'Add line item' }).click();
    const line3 = page.getByRole('group', { name: 'Line 3' });
    await line3.getByLabel('Product name').fill('Support hours');
    await line3.getByLabel('Quantity').fill('3');
    await line3.getByLabel(/Unit price/).fill('100');
    await choose(page, line3.getByRole('combobox', { name: 'Discount type' }), 'Amount');
    await line3.getByLabel(/Discount value/).fill('30');
    await expect.poll(() => line3.locator('[data-line-total="2"]').textContent()).toBe('€270.00');
    await expect.poll(() => page.locator('[data-total="total"]').textContent()).toBe('€3,070.00');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: Terms.
    await stepHeading(page, /Step 3 of 4: Terms/);
    await choose(page, page.getByRole('combobox', { name: 'Quote discount type' }), 'Amount');
    await page.getByLabel(/Quote discount value/).fill('100');
    await page.getByLabel('Comments for the buyer').fill('Looking forward to working with you.');
    await page.getByLabel('Purchase terms').fill('Payment within 30 days.');
    await expect.poll(() => page.locator('[data-total="total"]').textContent()).toBe('€2,970.00');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: Review, as the buyer will see it (the API's totals).
    await stepHeading(page, /Step 4 of 4: Review/);
    const review = page.locator('.review-document');
    await visible(review.getByRole('heading', { name: 'Website redesign' }));
    for (const text of [crm.company, `${crm.contact}`, 'Design sprint', 'Hosting', 'Support hours', '/ month', '€3,400.00', '€2,970.00', '12.65%', 'Payment within 30 days.']) {
      await visible(review.getByText(text, { exact: false }).first());
    }
    await shot(page, 'quotes-review.png');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();

    // The quote page: approval is not required today, so the quote is live at once.
    await page.waitForURL((url) => url.pathname === `/quotes/${quoteId}`);
    made.signedId = quoteId;
    await visible(page.getByRole('heading', { level: 1, name: 'Website redesign' }));
    await visible(page.getByRole('main').getByText('Approval not needed', { exact: true }).first());
    const number = ((await page.locator('.detail-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^Q-\d{4}-\d{4}$/);

    // The list shows it with its status; its Actions menu offers Open and Copy link (not Edit).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/quotes');
    const row = page.locator(`tr[data-quote-id="${quoteId}"]`);
    await visible(row);
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Approval not needed');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe(crm.company);
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('€2,970.00');
    await shot(page, 'quotes-list.png', false);
    // The status filter counts it and keeps it in view.
    const chip = page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^Approval not needed, (1 quote|\d+ quotes)$/ });
    await chip.click();
    await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true');
    await visible(row);
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^All, / }).click();

    const actions = row.getByRole('button', { name: `Actions for ${number}` });
    expect(await actions.getAttribute('aria-haspopup')).toBe('menu');
    await actions.click();
    const menu = await visible(page.getByRole('menu', { name: `Actions for ${number}` }));
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Open', 'Copy link'].map((label) => expect.stringContaining(label)));
    await menu.getByRole('menuitem', { name: 'Open' }).click();
    await page.waitForURL((url) => url.pathname === `/quotes/${quoteId}`);

    // History: who did each step.
    const history = await visible(page.getByRole('region', { name: 'History' }));
    await expect.poll(() => history.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/Approval not needed\s*by Rita Rep/),
      expect.stringMatching(/Draft\s*by Rita Rep/),
    ]);

    // Copy link: the buyer's page as an absolute URL, to the clipboard, with a visible confirmation.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^${baseUrl}/q/[\\w-]+$`));
    expect(await page.getByTestId('buyer-link').getAttribute('href')).toBe(copied);
    await shot(page, 'quotes-detail.png');

    // The buyer: a fresh browser without a session, no app shell.
    const buyer = await openPage(buyerBrowser);
    await buyer.context().clearCookies();
    await buyer.goto(copied);
    await visible(buyer.getByRole('heading', { level: 1, name: 'Website redesign' }));
    expect(await buyer.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await visible(buyer.getByText(`Quote ${number}`));
    await visible(buyer.getByText(`${crm.contact} (${crm.contactEmail})`));
    await visible(buyer.getByText('€2,970.00').first());
    await visible(buyer.getByText('Payment within 30 days.'));

    // Download PDF: a plain link to a real PDF.
    const pdfLink = buyer.getByRole('link', { name: 'Download PDF' });
    const pdfHref = (await pdfLink.getAttribute('href')) ?? '';
    const pdf = await buyer.request.get(new URL(pdfHref, baseUrl).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const [download] = await Promise.all([buyer.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    await shot(buyer, 'quotes-buyer.png');

    // Accept and sign.
    await buyer.getByRole('button', { name: 'Accept and sign' }).click();
    const dialog = await visible(buyer.getByRole('dialog', { name: 'Accept and sign' }));
    await dialog.getByLabel('Name').fill('Bea Buyer');
    await dialog.getByLabel('E-mail').fill('bea@acme.example');
    await dialog.getByRole('button', { name: 'Accept and sign' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(buyer.getByText(/^Signed by Bea Buyer on .+/));
    expect(await buyer.getByRole('button', { name: 'Accept and sign' }).count()).toBe(0);
    expect(pageProblems(buyer)).toEqual([]);

    // Back as the rep: the quote is Signed, by the buyer.
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'Website redesign' }));
    await visible(page.locator('.detail-header').getByText('Signed', { exact: true }));
    await expect.poll(() => page.getByRole('region', { name: 'History' }).getByRole('listitem').first().textContent()).toMatch(/Signed\s*by Buyer/);
    await visible(page.getByText(/Signed by Bea Buyer \(bea@acme\.example\) on/));
    await page.goto(`${baseUrl}/quotes`);
    await expect.poll(() => page.locator(`tr[data-quote-id="${quoteId}"]`).getByRole('cell').nth(3).textContent()).toBe('Signed');
    expect(pageProblems(page)).toEqual([]);
    await buyer.close();
    await page.close();
  });

  it('recalls a published quote from its page after a confirm dialog, and its buyer link then shows the not-available page', async () => {
    const page = await openPage();
    await logInAsRep(page);
    await ensureCrmRecords(page);
    const created = await page.request.post(`${baseUrl}/api/v1/quotes`, {
      data: {
        title: 'Support retainer',
        dealId,
        recipientContactIds: [contactId],
        expiresOn: isoDateIn(30),
        lineItems: [{ productName: 'Support hours', quantity: 10, unitPrice: '95.00' }],
      },
    });
    expect(created.status()).toBe(201);
    const quoteId = ((await created.json()) as { id: string }).id;
    made.recalledId = quoteId;
    const submitted = await page.request.post(`${baseUrl}/api/v1/quotes/${quoteId}/submit`, { data: { version: 1 } });
    expect(submitted.status()).toBe(200);
    const sharePath = ((await submitted.json()) as { sharePath: string }).sharePath;

    const buyer = await openPage(buyerBrowser);
    await buyer.goto(`${baseUrl}${sharePath}`);
    await visible(buyer.getByRole('heading', { level: 1, name: 'Support retainer' }));

    await page.goto(`${baseUrl}/quotes/${quoteId}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Support retainer' }));
    const recall = page.getByRole('button', { name: 'Recall', exact: true });
    expect(await recall.getAttribute('aria-haspopup')).toBe('dialog');
    await recall.click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Recall this quote?' }));
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await visible(dialog.getByText(/The buyer’s link stops working/));
    // Focus starts on the safe choice.
    expect(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Recall quote' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByText('Quote recalled: it is a draft again.'));
    await visible(page.locator('.detail-header').getByText('Draft', { exact: true }));
    expect(await page.getByRole('button', { name: 'Recall', exact: true }).count()).toBe(0);
    await visible(page.getByRole('link', { name: 'Edit' }));
    expect(await page.getByTestId('buyer-link').count()).toBe(0);

    await buyer.reload();
    await visible(buyer.getByRole('heading', { level: 1, name: 'This quote is not available' }));
    expect(await buyer.getByRole('button', { name: 'Accept and sign' }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await buyer.close();
    await page.close();
  });

  it('operates a row’s Actions menu with the keyboard and copies the buyer link from the list', async () => {
    const page = await openPage();
    await logInAsRep(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const row = page.locator(`tr[data-quote-id="${made.signedId}"]`);
    const number = ((await (await visible(row.getByRole('link').first())).textContent()) ?? '').trim();
    const actions = row.getByRole('button', { name: `Actions for ${number}` });

    await actions.focus();
    await page.keyboard.press('Enter');
    const menu = await visible(page.getByRole('menu', { name: `Actions for ${number}` }));
    expect(await actions.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await actions.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await visible(page.getByRole('menu', { name: `Actions for ${number}` }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^${baseUrl}/q/[\\w-]+$`));
    await page.close();
  });

  it('shows the quotes list in Dutch with the product’s Dutch status labels and Dutch amounts', async () => {
    const page = await openPage();
    await logInAsRep(page);
    await (await visible(page.getByRole('combobox', { name: 'Language' }))).click();
    await page.getByRole('option', { name: 'Nederlands' }).click();

    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Offertes' }));
    await visible(page.getByRole('link', { name: 'Nieuwe offerte' }));
    await visible(page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^Ondertekend, (1 offerte|\d+ offertes)$/ }));
    const signedRow = page.locator(`tr[data-quote-id="${made.signedId}"]`);
    expect(await signedRow.getByRole('cell').nth(3).textContent()).toBe('Ondertekend');
    expect((await signedRow.getByRole('cell').nth(4).textContent())?.replace(/\s/g, ' ')).toBe('€ 2.970,00');
    const recalledRow = page.locator(`tr[data-quote-id="${made.recalledId}"]`);
    expect(await recalledRow.getByRole('cell').nth(3).textContent()).toBe('Concept');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('shows a server validation problem at its field on the step that has it', async () => {
    const page = await openPage();
    await logInAsRep(page);
    await page.goto(`${baseUrl}/quotes/new`);
    await page.getByLabel('Title', { exact: true }).fill('Needs a price');
    await nextStep(page, /Step 2 of 4: Line items/);
    await page.getByRole('button', { name: 'Add line item' }).click();
    const line1 = page.getByRole('group', { name: 'Line 1' });
    await line1.getByLabel('Product name').fill('Consulting');
    await line1.getByLabel(/Unit price/).fill('12.345');
    await page.getByRole('button', { name: 'Next' }).click();

    // The API refuses lineItems.0.unitPrice: the flow stays on Line items and names the field.
    const price = line1.getByLabel(/Unit price/);
    await expect.poll(() => price.getAttribute('aria-invalid')).toBe('true');
    await visible(line1.getByText('Enter a price like 1500.00.'));
    expect(await price.evaluate((element) => element === document.activeElement)).toBe(true);
    await visible(page.getByRole('alert').filter({ hasText: 'Check the highlighted fields.' }));
    await stepHeading(page, /Step 2 of 4: Line items/);
    await page.close();
  });
});
