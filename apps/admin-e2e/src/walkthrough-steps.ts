// The walkthrough of docs/product.md#walkthrough, steps 1 to 8, as the browser-test steps that
// walkthrough.e2e.spec.ts walks at 1280 × 800 and phone-walkthrough.e2e.spec.ts at 390 × 844, in real
// Chromium against the real API and worker (nothing mocked; walkthrough-viewport.ts has what differs
// by size). The admin requires approval with Max Manager as approver; Remy Rep builds a quote in the
// set-up flow and copies its approval link; the manager opens it (logging in first) and requests
// changes with notes; Remy gets a task, edits the quote and submits it again; the manager approves
// round 2; Remy is notified, shares the buyer's link, then recalls the quote (approval again).
// Vitest orders spec files by earlier runs, not by name: the walk switches approval off again at
// the end, whatever happened, as the other browser tests expect the account. The rep here is Remy.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSessions, json, switchApprovalOff } from './api-sessions';
import { launchBrowser, type E2eBrowser } from './browser';
import { approvalSummary, crm, NEEDS_MAX, requireWalk, users, walk, WORKER_MS, type QuoteBody } from './walkthrough-state';
import { choose, enterCredentials as logIn, logIn as logInAt, fillQuoteDetails, isoDateIn, openMenu, pageProblems, screenshotsOnFailure, visible } from './page-helpers';
import { walkAt, WORKFLOW_NAMES, type Viewport } from './walkthrough-viewport';

/** Registers the walkthrough's steps 1–8 at `viewport` (its own browsers, API sessions and quote). */
export function defineWalkthrough(viewport: Viewport): void {
  const at = walkAt(viewport);
  const baseUrl = inject('baseUrl');
  /** Remy's browser, and one for the admin, the manager and (logged out) the buyer. */
  let repBrowser: E2eBrowser;
  let staffBrowser: E2eBrowser;
  const api = apiSessions(baseUrl, users);
  const apiAs = (who: keyof typeof users) => api.as(who);
  const quoteOf = async (id: string) => json<QuoteBody>(await (await apiAs('creator')).get(`/api/v1/quotes/${id}`), 200);

  beforeAll(async () => {
    repBrowser = await launchBrowser({ baseUrl });
    staffBrowser = await launchBrowser({ baseUrl });
  });

  afterAll(async () => {
    // Leave the account as the other browser tests expect it: approval not required.
    try {
      await switchApprovalOff(await apiAs('admin'));
    } finally {
      await api.dispose();
      await repBrowser?.close();
      await staffBrowser?.close();
    }
  });

  /** Tabs live across steps, so each step names its own for screenshots on failure. */
  const openPage = at.openPage;

  describe(`the approval walkthrough of product.md at ${viewport.width} × ${viewport.height}`, () => {
    it('1–2. the admin switches on "Require approval on all quotes" with Max Manager as Approver; the active approval workflows appear', async () => {
      const page = await openPage(staffBrowser);
      screenshotsOnFailure({ admin: page });
      await page.goto(`${baseUrl}/settings`);
      await page.waitForURL((url) => url.pathname === '/login');
      await logIn(page, users.admin);
      await page.waitForURL((url) => url.pathname === '/settings');

      // 1. Settings → Products & Quotes → Approvals (its own page, next to Quotes).
      await visible(page.getByRole('heading', { level: 2, name: 'Products & Quotes' }));
      await at.fits(page, 'settings');
      await page.getByRole('main').getByRole('link', { name: 'Approvals', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/settings/approvals');
      await visible(page.getByRole('heading', { level: 1, name: 'Approvals' }));
      expect(await page.title()).toBe('Approval settings · Quote approvals');

      const toggle = await visible(page.getByRole('switch', { name: 'Require approval on all quotes' }));
      expect(await toggle.isChecked()).toBe(false);
      await toggle.check();
      expect(await toggle.isChecked()).toBe(true);
      await choose(page, page.getByRole('combobox', { name: 'Approver' }), 'Max Manager');
      await page.getByRole('button', { name: 'Set approver and create workflows' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Settings saved.' }));

      // 2. The worker installs the approval workflows: the settings page lists them once they are on.
      const workflows = page.getByRole('region', { name: 'Approval workflows' });
      await visible(workflows.getByText('Approval is on.', { exact: false }));
      await expect
        .poll(() => workflows.getByRole('listitem').allInnerTexts(), { timeout: WORKER_MS })
        .toEqual(WORKFLOW_NAMES.map((name) => expect.stringMatching(new RegExp(`${name}\\s*Active`))));
      const all = await json<{ items: Array<{ id: string; name: string; enabled: boolean; setKey: string | null; objectType: string }>; quoteApprovalSetKey: string }>(await (await apiAs('admin')).get('/api/v1/workflows'), 200);
      expect(all.quoteApprovalSetKey).toBe('quote-approvals-v1');
      const installed = all.items.filter((workflow) => workflow.setKey === all.quoteApprovalSetKey);
      expect(installed.map(({ name, enabled, objectType }) => ({ name, enabled, objectType })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
        [...WORKFLOW_NAMES].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, enabled: true, objectType: 'quote' })),
      );
      const needApproval = installed.find((workflow) => workflow.name === 'When quotes need approval');
      expect(await workflows.getByRole('link', { name: 'When quotes need approval' }).getAttribute('href')).toBe(`/workflows/${needApproval?.id}`);
      await at.shot(page, 'walkthrough-1-settings.png');

      // Saved for real: a reload shows the same settings.
      await page.reload();
      expect(await (await visible(page.getByRole('switch', { name: 'Require approval on all quotes' }))).isChecked()).toBe(true);
      expect(await page.getByRole('combobox', { name: 'Approver' }).textContent()).toContain('Max Manager');

      // The Workflows page: the set, switched on, where the admin can customise them.
      await at.navTo(page, 'Workflows');
      await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Workflows' }));
      for (const name of WORKFLOW_NAMES) {
        await visible(page.getByRole('row', { name: new RegExp(name) }));
        expect(await page.getByRole('switch', { name: `${name} enabled`, exact: true }).getAttribute('aria-checked')).toBe('true');
      }
      await at.shot(page, 'walkthrough-2-workflows.png');
      expect(pageProblems(page)).toEqual([]);
      await page.close();
    });

    it('3–4. a rep runs the set-up flow; the quote is Pending approval and Actions → Copy approval link copies its approval page', async () => {
      // The rep's CRM records (no demo data in browser tests).
      const creator = await apiAs('creator');
      const company = await json<{ id: string }>(await creator.post('/api/v1/crm/companies', { data: { name: crm.company, domain: `globex-${walk.suffix}.example` } }), 201);
      await json(await creator.post('/api/v1/crm/contacts', { data: { name: crm.contact, email: crm.contactEmail, companyId: company.id } }), 201);
      await json(await creator.post('/api/v1/crm/deals', { data: { name: crm.deal, amount: '3000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: company.id } }), 201);

      const page = await openPage(repBrowser);
      walk.rep = page;
      screenshotsOnFailure({ rep: page });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await logInAt(page, baseUrl, users.creator);

      // 3. The quote set-up flow, to the end.
      await page.getByRole('link', { name: 'New quote' }).click();
      await at.stepHeading(page, /Step 1 of 4: Details/);
      await fillQuoteDetails(page, { title: walk.quoteTitle, dealSearch: walk.suffix, ...crm, validUntil: isoDateIn(30) });
      await page.getByRole('button', { name: 'Next' }).click();

      // Leaving Details created the draft: the address is now the draft's edit page.
      await page.waitForURL((url) => /^\/quotes\/[0-9a-f-]{36}\/edit$/.test(url.pathname));
      await at.stepHeading(page, /Step 2 of 4: Line items/);
      walk.quoteId = new URL(page.url()).pathname.split('/')[2] ?? '';
      await page.getByRole('button', { name: 'Add line item' }).click();
      const line = page.getByRole('group', { name: 'Line 1' });
      await line.getByLabel('Product name').fill('Design');
      await line.getByLabel('Quantity').fill('2');
      await line.getByLabel(/Unit price/).fill('1500.00');
      await choose(page, line.getByRole('combobox', { name: 'Discount type' }), 'Percent (%)');
      await line.getByLabel(/Discount value/).fill('25');
      await expect.poll(() => line.locator('[data-line-total="0"]').textContent()).toBe('€2,250.00');
      await at.nextStep(page, /Step 3 of 4: Terms/);
      await page.getByLabel('Comments for the buyer').fill('Thank you for your interest.');
      await page.getByLabel('Purchase terms').fill('Payment within 30 days.');
      await page.getByRole('button', { name: 'Next' }).click();

      // Review: the quote as the buyer will see it, and who must approve it, and why.
      await at.stepHeading(page, /Step 4 of 4: Review/);
      await expect.poll(() => approvalSummary(page).textContent()).toBe(NEEDS_MAX);
      await visible(page.locator('.review-document').getByText('€2,250.00').first());
      await page.getByRole('button', { name: 'Submit', exact: true }).click();

      // Not published: Pending approval, and no buyer's page.
      await page.waitForURL((url) => url.pathname === `/quotes/${walk.quoteId}`);
      await visible(page.locator('.detail-header').getByText('Pending approval', { exact: true }));
      await at.fits(page, 'quote page');
      walk.quoteNumber = ((await page.locator('.detail-number').textContent()) ?? '').trim();
      expect(walk.quoteNumber).toMatch(/^Q-\d{4}-\d{4}$/);
      expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
      const submitted = await quoteOf(walk.quoteId);
      expect([submitted.status, submitted.sharePath]).toEqual(['pending_approval', null]);

      // The quotes list shows Pending approval.
      await at.navTo(page, 'Quotes');
      const row = await visible(page.locator(`tr[data-quote-id="${walk.quoteId}"]`));
      expect(await row.getByRole('cell').nth(3).textContent()).toBe('Pending approval');

      // 4. Actions → Copy approval link: the approval page's absolute URL, with a confirmation.
      const actions = row.getByRole('button', { name: `Actions for ${walk.quoteNumber}` });
      const menu = await openMenu(actions, page.getByRole('menu', { name: `Actions for ${walk.quoteNumber}` }));
      expect((await menu.getByRole('menuitem').allTextContents()).map((text) => text.trim())).toEqual(['Open', 'Copy approval link', 'Withdraw']);
      await at.shot(page, 'walkthrough-3-pending.png', false);
      await menu.getByRole('menuitem', { name: 'Copy approval link' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Approval link copied' }));
      walk.approvalLink = await page.evaluate(() => navigator.clipboard.readText());
      expect(walk.approvalLink).toBe(`${baseUrl}/quotes/${walk.quoteId}/approval`);
      expect(pageProblems(page)).toEqual([]);

      // The manager pastes the link in another browser: logs in first, then lands on the approval page.
      const manager = await openPage(staffBrowser);
      walk.manager = manager;
      screenshotsOnFailure({ rep: page, manager });
      const link = new URL(walk.approvalLink).pathname;
      await manager.goto(walk.approvalLink);
      await manager.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === link);
      await logIn(manager, users.manager);
      await manager.waitForURL((url) => url.pathname === link);
      // (The round opens a moment after the submit, in the worker: the page waits for it.)
      await visible(manager.getByRole('heading', { level: 1, name: walk.quoteTitle }), WORKER_MS);
      expect(await manager.title()).toBe('Review quote · Quote approvals');
      await visible(manager.locator('.approval-header').getByText('Pending approval', { exact: true }));
      await visible(manager.getByText('Round 1 · Waiting for a decision'));
      await visible(manager.getByRole('region', { name: 'Why it needs approval' }).getByText('approval is required on all quotes'));
      const quoteDocument = manager.getByRole('region', { name: 'The quote as the buyer will see it' });
      for (const text of ['Design', '25%', '€2,250.00', 'Thank you for your interest.', 'Payment within 30 days.']) await visible(quoteDocument.getByText(text, { exact: false }).first());
      await at.shot(manager, 'walkthrough-4-approval-page.png');
      expect(pageProblems(manager)).toEqual([]);
    });

    it('5. the manager requests changes with notes; the rep gets a task with the notes', async () => {
      requireWalk('quoteId', 'manager', 'rep');
      const manager = walk.manager as Page;
      const rep = walk.rep as Page;
      screenshotsOnFailure({ rep, manager });

      const decision = manager.getByRole('group', { name: 'Decision' });
      const approve = decision.getByRole('button', { name: 'Approve and publish' });
      expect(await approve.isEnabled()).toBe(true);
      await decision.getByRole('button', { name: 'Request changes' }).click();
      const dialog = await visible(manager.getByRole('dialog', { name: 'Request changes' }));
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      const notes = dialog.getByLabel('Notes');
      await expect.poll(() => notes.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
      // Notes are required.
      await dialog.getByRole('button', { name: 'Request changes' }).click();
      await visible(dialog.getByText('Write what should change.'));
      expect(await notes.getAttribute('aria-invalid')).toBe('true');
      await notes.fill('Lower the discount to 15%');
      await at.shot(manager, 'walkthrough-5-request-changes.png');
      await dialog.getByRole('button', { name: 'Request changes' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await visible(manager.getByRole('status').filter({ hasText: 'You requested changes. Remy Rep gets a task to act on them.' }));
      await visible(manager.locator('.approval-header').getByText('Changes requested', { exact: true }), WORKER_MS);
      expect(await approve.isDisabled()).toBe(true);
      await visible(manager.getByText('Changes were already requested in this round.'));
      await visible(manager.getByRole('region', { name: 'Decisions' }).getByText('Max Manager requested changes'));

      // The "When changes are requested on a quote" workflow gives the rep a task with the notes.
      await at.navTo(rep, /^Tasks(, \d+ open)?$/);
      await visible(rep.getByRole('main').getByRole('heading', { level: 1, name: 'Tasks' }));
      await at.fits(rep, 'tasks');
      const task = rep.getByRole('row', { name: new RegExp(`Make the changes requested on ${walk.quoteNumber}`) });
      await visible(task, WORKER_MS);
      await visible(task.getByText('Lower the discount to 15%'));
      await visible(task.getByText('Workflow', { exact: true }));
      expect(await task.getByRole('link', { name: 'Open quote' }).getAttribute('href')).toBe(`/quotes/${walk.quoteId}`);
      expect((await quoteOf(walk.quoteId)).status).toBe('changes_requested');
      expect(pageProblems(manager)).toEqual([]);
      expect(pageProblems(rep)).toEqual([]);
    });

    it('6. the rep edits the quote and runs the set-up flow again; the manager sees round 2 with what changed, and approves and publishes', async () => {
      requireWalk('quoteId', 'manager', 'rep');
      const manager = walk.manager as Page;
      const rep = walk.rep as Page;
      screenshotsOnFailure({ rep, manager });

      // From the task to the quote: Changes requested, the notes in its history, and it still needs approval.
      await rep.getByRole('row', { name: new RegExp(`Make the changes requested on ${walk.quoteNumber}`) }).getByRole('link', { name: 'Open quote' }).click();
      await rep.waitForURL((url) => url.pathname === `/quotes/${walk.quoteId}`);
      await visible(rep.locator('.detail-header').getByText('Changes requested', { exact: true }));
      await visible(rep.getByRole('region', { name: 'History' }).getByText('Lower the discount to 15%'));
      await expect.poll(() => approvalSummary(rep).textContent()).toBe(NEEDS_MAX);

      // Edit → the set-up flow again, discount 25% → 15%, Submit.
      await rep.getByRole('link', { name: 'Edit', exact: true }).click();
      await at.stepHeading(rep, /Step 1 of 4: Details/);
      await at.nextStep(rep, /Step 2 of 4: Line items/);
      const line = rep.getByRole('group', { name: 'Line 1' });
      await line.getByLabel(/Discount value/).fill('15');
      await expect.poll(() => line.locator('[data-line-total="0"]').textContent()).toBe('€2,550.00');
      await at.nextStep(rep, /Step 3 of 4: Terms/);
      await at.nextStep(rep, /Step 4 of 4: Review/);
      await expect.poll(() => approvalSummary(rep).textContent()).toBe(NEEDS_MAX);
      await rep.getByRole('button', { name: 'Submit', exact: true }).click();
      await rep.waitForURL((url) => url.pathname === `/quotes/${walk.quoteId}`);
      await visible(rep.locator('.detail-header').getByText('Pending approval', { exact: true }));

      // The manager's approval page follows live: round 2, with what changed since round 1.
      await visible(manager.getByText('Round 2 · Waiting for a decision'), WORKER_MS);
      await visible(manager.locator('.approval-header').getByText('Pending approval', { exact: true }));
      const changes = manager.getByRole('region', { name: 'What changed since round 1' });
      const design = await visible(changes.getByRole('listitem').filter({ hasText: 'Design' }).first());
      expect((await design.innerText()).replace(/\s+/g, ' ')).toMatch(/Changed Design Discount: 25% → (changed to )?15% Amount: €2,250\.00 → (changed to )?€2,550\.00/);
      await visible(manager.getByRole('region', { name: 'Decisions' }).getByText('Lower the discount to 15%'));
      await at.shot(manager, 'walkthrough-6-round-2.png');

      // Approve and publish (top right).
      const approve = manager.getByRole('group', { name: 'Decision' }).getByRole('button', { name: 'Approve and publish' });
      await expect.poll(() => approve.isEnabled()).toBe(true);
      await approve.click();
      await visible(manager.getByRole('status').filter({ hasText: /You approved round 2|Approved and published/ }));
      // The quote becomes Approved, then Published: the page follows.
      await visible(manager.locator('.approval-header').getByText('Published', { exact: true }), WORKER_MS);
      await visible(manager.getByRole('status').filter({ hasText: 'Approved and published. Remy Rep can now share it with contacts.' }));
      expect(await approve.isDisabled()).toBe(true);
      await visible(manager.getByText('This round is already approved.'));
      const published = await quoteOf(walk.quoteId);
      expect(published.status).toBe('published');
      expect(published.sharePath).toMatch(/^\/q\//);

      // Still so after a reload.
      await manager.reload();
      await visible(manager.getByRole('heading', { level: 1, name: walk.quoteTitle }));
      await visible(manager.getByText('Round 2 · Approved'));
      await visible(manager.getByRole('region', { name: 'Decisions' }).getByText('Max Manager approved'));
      expect(pageProblems(manager)).toEqual([]);
      expect(pageProblems(rep)).toEqual([]);
      await manager.close();
    });

    it('7. the rep is notified that the quote was approved and shares the buyer’s link with the contact', async () => {
      requireWalk('quoteId', 'quoteNumber', 'rep');
      const rep = walk.rep as Page;
      screenshotsOnFailure({ rep });

      // The rep's quote page follows live: Published, with the buyer's page.
      await visible(rep.locator('.detail-header').getByText('Published', { exact: true }), WORKER_MS);
      const buyerLink = await visible(rep.getByTestId('buyer-link'));

      // The "When quotes are approved" workflow notifies the rep (the bell counts it, live) and closes the task.
      const bell = rep.getByRole('button', { name: /^Notifications, \d+ unread$/ });
      await visible(bell, WORKER_MS);
      await bell.click();
      const panel = await visible(rep.getByRole('dialog', { name: 'Notifications' }));
      const item = await visible(panel.getByRole('link', { name: new RegExp(`Quote ${walk.quoteNumber} was approved`) }));
      await visible(item.getByText(`"${walk.quoteTitle}" is approved and published: you can now share it with your contacts.`));
      // (A viewport screenshot: a full-page one resizes the window, which closes the panel.)
      await at.shot(rep, 'walkthrough-7-published.png', false);
      await item.click();
      await rep.waitForURL((url) => url.pathname === `/quotes/${walk.quoteId}`);
      await expect
        .poll(
          async () => {
            const open = await json<{ items: Array<{ relatedId?: string }> }>(await (await apiAs('creator')).get('/api/v1/tasks?status=open'), 200);
            return open.items.filter((task) => task.relatedId === walk.quoteId).length;
          },
          { timeout: WORKER_MS },
        )
        .toBe(0);

      // Share: Copy link puts the buyer's page on the clipboard.
      await rep.getByRole('button', { name: 'Copy link' }).click();
      await visible(rep.getByRole('status').filter({ hasText: 'Link copied' }));
      walk.buyerLink = await rep.evaluate(() => navigator.clipboard.readText());
      expect(walk.buyerLink).toMatch(new RegExp(`^${baseUrl}/q/[\\w-]+$`));
      expect(await buyerLink.getAttribute('href')).toBe(walk.buyerLink);

      // The contact opens it without an account.
      const buyer = await openPage(staffBrowser);
      await buyer.goto(walk.buyerLink);
      await visible(buyer.getByRole('heading', { level: 1, name: walk.quoteTitle }));
      await visible(buyer.getByText(`${crm.contact} (${crm.contactEmail})`));
      await visible(buyer.getByText('€2,550.00').first());
      await visible(buyer.getByRole('button', { name: 'Accept and sign' }));
      await at.fits(buyer, 'buyer’s page');
      expect(pageProblems(buyer)).toEqual([]);
      expect(pageProblems(rep)).toEqual([]);
      await buyer.close();
    });

    it('8. to change the approved quote the rep recalls it: a draft again that needs approval again, and the buyer’s link stops working', async () => {
      requireWalk('quoteId', 'buyerLink', 'rep');
      const rep = walk.rep as Page;
      screenshotsOnFailure({ rep });

      const recall = rep.getByRole('button', { name: 'Recall', exact: true });
      await recall.click();
      const dialog = await visible(rep.getByRole('dialog', { name: 'Recall this quote?' }));
      await dialog.getByRole('button', { name: 'Recall quote' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await visible(rep.getByText('Quote recalled: it is a draft again.'));
      await visible(rep.locator('.detail-header').getByText('Draft', { exact: true }));
      await expect.poll(() => approvalSummary(rep).textContent()).toBe(NEEDS_MAX);
      expect(await rep.getByTestId('buyer-link').count()).toBe(0);
      await at.shot(rep, 'walkthrough-8-recall.png');

      const buyer = await openPage(staffBrowser);
      await buyer.goto(walk.buyerLink);
      await visible(buyer.getByRole('heading', { level: 1, name: 'This quote is not available' }));
      await at.fits(buyer, 'buyer’s page, not available');
      await buyer.close();

      // Submitted again, the quote waits for approval again (round 3).
      await rep.goto(`${baseUrl}/quotes/${walk.quoteId}/edit?step=review`);
      await at.stepHeading(rep, /Step 4 of 4: Review/);
      await expect.poll(() => approvalSummary(rep).textContent()).toBe(NEEDS_MAX);
      await rep.getByRole('button', { name: 'Submit', exact: true }).click();
      await rep.waitForURL((url) => url.pathname === `/quotes/${walk.quoteId}`);
      await visible(rep.locator('.detail-header').getByText('Pending approval', { exact: true }));
      expect((await quoteOf(walk.quoteId)).sharePath).toBeNull();
      expect(pageProblems(rep)).toEqual([]);
      await rep.close();
    });

    it('shows another rep who opens the approval link "No approval request for this quote": to them the quote does not exist', async () => {
      requireWalk('approvalLink');
      const page = await openPage(repBrowser);
      screenshotsOnFailure({ otherRep: page });
      await logInAt(page, baseUrl, users.otherRep);

      await page.goto(walk.approvalLink);
      await visible(page.getByRole('heading', { level: 1, name: 'No approval request for this quote' }));
      await at.fits(page, 'no approval request');
      await visible(page.getByText('The quote does not exist, or it has not been submitted for approval.', { exact: false }));
      expect(await page.getByRole('button', { name: 'Approve and publish' }).count()).toBe(0);
      expect(await page.getByText(walk.quoteTitle).count()).toBe(0);
      expect(pageProblems(page)).toEqual([]);
      await page.close();
    });
  });
}
