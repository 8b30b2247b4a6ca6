// What the walkthrough's steps do differently by window size: a tab opens at the walk's size; on a
// phone the main navigation opens from the menu button first, and every page the walk visits must
// not scroll sideways (phone-checks.ts); screenshots for the docs are taken at desktop size only.
import type { Page } from 'playwright-core';
import type { E2eBrowser } from './browser';
import { openPage as openTab, shot, stepHeading, visible } from './page-helpers';
import { DESKTOP, expectNoSidewaysScroll } from './phone-checks';

export type Viewport = { readonly width: number; readonly height: number };

/** The approval workflows the admin's settings install, in the order the settings page lists them. */
export const WORKFLOW_NAMES = [
  'When quotes need approval',
  'When changes are requested on a quote',
  'When quotes are approved',
  'When a quote is withdrawn from approval',
  'When an approval step starts',
  'When an approver is out of office',
  'When an approval step is reassigned',
  'When approvers are reminded',
  'When an approval step is escalated',
] as const;

export function walkAt(viewport: Viewport) {
  const phone = viewport.width < DESKTOP.width;
  const fits = (page: Page, what: string) => expectNoSidewaysScroll(page, what);
  /** The set-up flow's step heading, and the step fits the window. */
  const atStep = async (page: Page, heading: RegExp): Promise<void> => {
    await stepHeading(page, heading);
    await fits(page, heading.source);
  };
  return {
    phone,
    fits,
    /** A fresh tab without a session (screenshots on failure are named by each step), at the walk's size. */
    async openPage(on: E2eBrowser): Promise<Page> {
      const page = await openTab(on, { screenshotOnFailure: false });
      await page.setViewportSize(viewport);
      return page;
    },
    /** A link of the main navigation (behind the menu button on a phone). */
    async navTo(page: Page, name: string | RegExp): Promise<void> {
      const nav = page.getByRole('navigation', { name: 'Main' });
      if (phone) await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await (await visible(nav.getByRole('link', typeof name === 'string' ? { name, exact: true } : { name }))).click();
    },
    /** The page fits the window; at desktop size also the docs' screenshot. */
    async shot(page: Page, file: string, fullPage = true): Promise<void> {
      await fits(page, file);
      if (!phone) await shot(page, file, fullPage);
    },
    stepHeading: atStep,
    /** Next in the set-up flow, then the next step's heading. */
    async nextStep(page: Page, heading: RegExp): Promise<void> {
      await page.getByRole('button', { name: 'Next' }).click();
      await atStep(page, heading);
    },
  };
}
