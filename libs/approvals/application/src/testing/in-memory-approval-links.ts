// In-memory adapters for the approval links' specs: the used links without a database, the
// settings, and an approvals world whose bus also runs the approval page's decision.
import { ApprovalErrors, type ApprovalLinkUse } from '@qa/approvals-domain';
import { SendEmailCommand, type NewEmail } from '@qa/notifications-contracts';
import { DecideApprovalCommand } from '../commands/decide-approval/decide-approval.command';
import { DecideApprovalHandler } from '../commands/decide-approval/decide-approval.handler';
import { ApprovalLinkUses, type ApprovalLinkSettings } from '../ports/approval-links.ports';
import { approvalsWorld } from './in-memory-approvals';

export const LINK_SECRET = 'spec-approval-link-secret-0123456789abcdef';
export const linkSettings: ApprovalLinkSettings = { secret: LINK_SECRET, appBaseUrl: 'https://quotes.example.com' };

/** Like the database's: a link used once is used; a use whose decision throws is not kept. */
export class MemoryApprovalLinkUses extends ApprovalLinkUses {
  readonly used = new Map<string, ApprovalLinkUse>();
  async wasUsed(linkId: string) {
    return this.used.has(linkId);
  }
  async useOnce<T>(use: ApprovalLinkUse, decide: () => Promise<T>): Promise<T> {
    if (this.used.has(use.linkId)) throw ApprovalErrors.linkUsed();
    const result = await decide();
    this.used.set(use.linkId, use);
    return result;
  }
}

/** approvalsWorld, with the approval page's decision on its bus, used links, and the e-mails sent. */
export function approvalLinksWorld() {
  const world = approvalsWorld();
  const uses = new MemoryApprovalLinkUses();
  const emails: NewEmail[] = [];
  world.bus
    .on(DecideApprovalCommand, (command) => new DecideApprovalHandler(world.requests, world.bus.queries).execute(command))
    .on(SendEmailCommand, ({ email }) => {
      const created = !emails.some((e) => e.sourceKey === email.sourceKey);
      if (created) emails.push(email);
      return { id: created ? `email-${emails.length}` : null, created };
    });
  return { ...world, uses, emails };
}
