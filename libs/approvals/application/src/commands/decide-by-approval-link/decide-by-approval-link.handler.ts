import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalErrors, ApprovalLinkUse, checkLinkHolder, checkLinkOpen, type ApprovalRequest } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { ApprovalLinkSettings, ApprovalLinkUses } from '../../ports/approval-links.ports';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { readApprovalLink } from '../../shared/approval-link-token';
import { DecideApprovalCommand } from '../decide-approval/decide-approval.command';
import { DecideByApprovalLinkCommand, type ApprovalLinkDecision } from './decide-by-approval-link.command';

/**
 * Decides what an approval e-mail's link says, through the approval page's own command
 * (DecideApprovalCommand: the same checks of who and of the quote). First the link: signed by this
 * app, sent to the caller, not expired (no database read yet); then, in one transaction with the
 * record of its use, the round: still waiting for this approver (or, for a stand-in's link, the
 * approver they stand in for) at the link's step (else LINK_VOID), and the decision. A second use, also at the same moment, is LINK_USED and changes
 * nothing; a refused decision leaves the link unused.
 */
@CommandHandler(DecideByApprovalLinkCommand)
export class DecideByApprovalLinkHandler implements ICommandHandler<DecideByApprovalLinkCommand, ApprovalLinkDecision> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly uses: ApprovalLinkUses,
    private readonly settings: ApprovalLinkSettings,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, token, notes }: DecideByApprovalLinkCommand): Promise<ApprovalLinkDecision> {
    const now = this.clock.now();
    const claims = readApprovalLink(token, this.settings.secret);
    checkLinkHolder(claims, caller.userId, now);
    const cleanNotes = notes?.trim() || null;
    if (claims.action === 'request_changes' && !cleanNotes) throw ApprovalErrors.notesRequired();
    return this.uses.useOnce(ApprovalLinkUse.of(claims, now), async () => {
      const request = await this.requests.findById(claims.requestId);
      checkLinkOpen(request, claims);
      // A stand-in's link decides in the place of the approver it names, as the approval page's
      // "on behalf of" does: refused (NOT_A_STAND_IN) once their delegation no longer holds.
      const options = claims.onBehalfOf !== undefined ? { onBehalfOf: claims.onBehalfOf } : {};
      const decided: ApprovalRequest = await this.commands.execute(new DecideApprovalCommand(caller, request.quoteId, claims.round, claims.action, cleanNotes, options));
      return { action: claims.action, request: decided };
    });
  }
}
