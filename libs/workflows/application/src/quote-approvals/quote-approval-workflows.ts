// Quote approvals: the default workflow set.
//
// Settings → Quotes → "Set approver and create workflows" (approvals context) saves the approval
// settings; their ApprovalSettingsChanged event installs this set
// (reactions/install-approval-workflows-when-settings-changed): approval on creates the five
// workflows below (or enables them again, keeping an admin's changes), approval off disables them.
// Every approval task and approval property value comes from these workflows, never by hand:
//
//   approval requested  (approvals.request.opened.v1)            approval_status "Pending approval",
//                        approver, approved_at cleared; a review task for each approver of the
//                        route's first step
//   next step           (approvals.request.step-started.v1)      the finished step's review tasks
//                        completed; a review task for each approver of the step now deciding
//   changes requested   (approvals.request.changes-requested.v1) approval_status "Changes requested";
//                        the approvers' task completed; a task for the quote's creator with the notes
//   approved            (approvals.request.approved.v1)           approval_status "Approved", approved_at;
//                        the open tasks completed; the owner notified
//   withdrawn           (quotes.quote.withdrawn.v1)               approval_status "Withdrawn"; the approvers'
//                        task completed
//
// They use the built-in actions set_property, create_task, complete_tasks and send_notification
// (../actions). The set key names the set everywhere: the API tells clients (GET
// /api/v1/workflows answers it as `quoteApprovalSetKey`), so nothing else spells it.
import type { WorkflowSpec } from '@qa/workflows-domain';

/** The set key of the quote approval workflows (a workflow's `setKey`). */
export const QUOTE_APPROVALS_SET_KEY = 'quote-approvals-v1';

/**
 * The five workflows of the set. Admins may change them like any workflow, and switching approval
 * off and on keeps their changes. Saving the settings again adds one a release brought that an
 * installation does not have yet (by name), and duplicates none.
 */
export const QUOTE_APPROVAL_WORKFLOWS: WorkflowSpec[] = [
  {
    name: 'When quotes need approval',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.opened.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      { key: 'set_property', params: { property: 'approval_status', value: 'Pending approval' } },
      { key: 'set_property', params: { property: 'approver', value: '{{event.payload.approverIds.0}}' } },
      { key: 'set_property', params: { property: 'approved_at', value: '' } },
      {
        key: 'create_task',
        params: {
          assignee: 'approvers',
          title: 'Review quote {{record.number}}: {{record.title}}',
          notes: 'Open the approval page to approve and publish the quote or request changes.',
          priority: 'high',
          dueInDays: 1,
          taskKey: 'approval',
        },
      },
    ],
  },
  {
    // A route of several steps: when a step completes, its review tasks are done and the next
    // step's approvers get theirs (the event names them: the record's approverIds follow it).
    name: 'When an approval step starts',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.step-started.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      { key: 'complete_tasks', params: { taskKey: 'approval' } },
      { key: 'set_property', params: { property: 'approver', value: '{{event.payload.approverIds.0}}' } },
      {
        key: 'create_task',
        params: {
          assignee: 'approvers',
          title: 'Review quote {{record.number}}: {{record.title}} (step {{event.payload.step}} of {{event.payload.steps}})',
          notes: 'The previous step is approved. Open the approval page to approve and publish the quote or request changes.',
          priority: 'high',
          dueInDays: 1,
          taskKey: 'approval',
        },
      },
    ],
  },
  {
    name: 'When changes are requested on a quote',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.changes-requested.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      { key: 'set_property', params: { property: 'approval_status', value: 'Changes requested' } },
      { key: 'complete_tasks', params: { taskKey: 'approval' } },
      {
        key: 'create_task',
        params: { assignee: 'owner', title: 'Make the changes requested on {{record.number}}', notes: '{{event.payload.notes}}', priority: 'high', taskKey: 'changes' },
      },
    ],
  },
  {
    name: 'When quotes are approved',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.approved.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      { key: 'set_property', params: { property: 'approval_status', value: 'Approved' } },
      { key: 'set_property', params: { property: 'approved_at', value: '{{event.occurredAt}}' } },
      { key: 'complete_tasks', params: { taskKey: 'approval' } },
      { key: 'complete_tasks', params: { taskKey: 'changes' } },
      {
        key: 'send_notification',
        params: { recipient: 'owner', title: 'Quote {{record.number}} was approved', body: '"{{record.title}}" is approved and published: you can now share it with your contacts.' },
      },
    ],
  },
  {
    // The owner (or an admin) took the quote back to Draft: the round no longer counts, so the
    // approvers' task closes. `Withdrawn` rather than cleared, so the quote's properties say why
    // no approval is pending; a later submit sets "Pending approval" again. No notification: a
    // notification reaches one user ('approver' is only the first of a round's approvers).
    name: 'When a quote is withdrawn from approval',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'quotes.quote.withdrawn.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      { key: 'set_property', params: { property: 'approval_status', value: 'Withdrawn' } },
      { key: 'complete_tasks', params: { taskKey: 'approval' } },
    ],
  },
];
