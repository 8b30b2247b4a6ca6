import { ApprovalSettingsChanged, type ApprovalSettingsChangedPayload } from '@qa/approvals-contracts';
import { Clock, IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { SYSTEM_AUTHOR, WorkflowDefinition, WorkflowVersion } from '@qa/workflows-domain';
import { ActionRegistry } from '../../../actions/action-registry';
import { WorkflowRepository } from '../../../ports/workflows.ports';
import { QUOTE_APPROVAL_WORKFLOWS, QUOTE_APPROVALS_SET_KEY } from '../../quote-approval-workflows';

/**
 * Settings → Quotes saved: approval on, the quote approval workflows exist and are enabled (created
 * when missing, re-enabled with the admin's changes kept); off, they are disabled. Never duplicated.
 */
@IntegrationEventsHandler('workflows', ApprovalSettingsChanged)
export class InstallApprovalWorkflowsWhenSettingsChangedHandler implements IntegrationEventHandler<ApprovalSettingsChangedPayload> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly actions: ActionRegistry,
    private readonly clock: Clock,
  ) {}

  async handle(event: IntegrationEvent<ApprovalSettingsChangedPayload>): Promise<void> {
    const active = event.payload.approvalsActive;
    const installed = (await this.workflows.list()).filter((w) => w.setKey === QUOTE_APPROVALS_SET_KEY);
    for (const template of QUOTE_APPROVAL_WORKFLOWS) {
      const existing = installed.find((w) => w.name === template.name);
      if (existing) {
        if (existing.enabled !== active) {
          existing.update({ ...existing, enabled: active }, this.actions.keys());
          // Saves by the system: their versions' notes are codes (enabled, disabled, installed).
          await this.workflows.save(existing, WorkflowVersion.of(existing, SYSTEM_AUTHOR, active ? 'enabled' : 'disabled', null, this.clock.now()));
        }
      } else if (active) {
        const created = WorkflowDefinition.create(template, this.actions.keys());
        await this.workflows.save(created, WorkflowVersion.of(created, SYSTEM_AUTHOR, 'installed', null, this.clock.now()));
      }
    }
  }
}
