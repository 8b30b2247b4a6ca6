// The walkthrough's fixture: who takes part, the CRM records and quote it makes, and what one step
// hands on to the next (steps are tests of one file, run in order).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Waits for what the worker does (workflow runs, approval rounds, live events) on a busy machine. */
export const WORKER_MS = 60_000;

export const users = {
  admin: 'admin@example.com',
  manager: 'manager@example.com',
  /** The quote's creator (Remy), so Rita's lists in quotes.e2e.spec.ts stay as they expect. */
  creator: 'rep2@example.com',
  /** Another rep, who is no approver. */
  otherRep: 'rep@example.com',
} as const;

export type QuoteBody = { id: string; status: string; version: number; number: string; sharePath: string | null };

/** What the steps hand on. */
export const walk = {
  suffix: Date.now().toString(36),
  quoteId: '',
  quoteNumber: '',
  quoteTitle: '',
  approvalLink: '',
  buyerLink: '',
  rep: undefined as Page | undefined,
  manager: undefined as Page | undefined,
};
export const crm = {
  company: `Globex BV ${walk.suffix}`,
  contact: 'Gina Globex',
  contactEmail: `gina-${walk.suffix}@globex.example`,
  deal: `Globex renewal ${walk.suffix}`,
};
walk.quoteTitle = `Globex support plan ${walk.suffix}`;

/** The approval summary (set-up flow's Review step, an editable quote's page). */
export function approvalSummary(page: Page): Locator {
  return page.getByTestId('approval-summary');
}

export const NEEDS_MAX = 'Needs approval from Max Manager, because approval is required on all quotes';

/** Fails the step at once when an earlier step did not get what it hands on. */
export function requireWalk(...keys: Array<keyof typeof walk>): void {
  for (const key of keys) expect(walk[key], `an earlier step did not get ${key}`).toBeTruthy();
}
