// Quote approvals: the default workflow set.
//
// Settings → Quotes → "Set approver and create workflows" (approvals context) saves the approval
// settings; their ApprovalSettingsChanged event installs this set
// (reactions/install-approval-workflows-when-settings-changed): approval on creates the
// workflows below (or enables them again, keeping an admin's changes), approval off disables them.
// Every approval task and approval property value comes from these workflows, never by hand:
//
//   approval requested  (approvals.request.opened.v1)            approval_status pending_approval,
//                        approver, approved_at cleared; a review task for each approver of the
//                        route's first step
//   next step           (approvals.request.step-started.v1)      the finished step's review tasks
//                        completed; a review task for each approver of the step now deciding
//   changes requested   (approvals.request.changes-requested.v1) approval_status changes_requested;
//                        the approvers' task completed; a task for the quote's creator with the notes
//   approved            (approvals.request.approved.v1)           approval_status approved, approved_at;
//                        the open tasks completed; the owner notified
//   withdrawn           (quotes.quote.withdrawn.v1)               approval_status withdrawn; the approvers'
//                        task completed
//   out of office       (approvals.request.delegated.v1)          a review task for whoever stands in
//   reassigned          (approvals.request.reassigned.v1)         a review task (with the note) for the new approver
//   reminded            (approvals.request.reminded.v1)           a notification to each approver still to decide
//   escalated           (approvals.request.escalated.v1)          a review task for whom the waiting step went to
//
// They use the built-in actions set_property, create_task, complete_tasks and send_notification
// (../actions). No text for people is written here: tasks and the notification carry a message
// code with parameters (APPROVAL_MESSAGES) and approval_status a value code (APPROVAL_STATUS_VALUES),
// which clients word in the reader's language. The set key names the set everywhere: the API tells clients (GET
// /api/v1/workflows answers it as `quoteApprovalSetKey`), so nothing else spells it.
import type { WorkflowSpec } from '@qa/workflows-domain';

/** The set key of the quote approval workflows (a workflow's `setKey`). */
export const QUOTE_APPROVALS_SET_KEY = 'quote-approvals-v1';

/** The values of the approval_status property these workflows set: codes, worded by clients. */
export const APPROVAL_STATUS_VALUES = ['pending_approval', 'changes_requested', 'approved', 'withdrawn'] as const;

/** The message codes of the tasks and the notification these workflows create (clients word them). */
export const APPROVAL_MESSAGES = {
  /** A review task: params number, title. */
  reviewQuote: 'approvals.reviewQuote',
  /** A review task of one step of a route: params number, title, step, steps. */
  reviewQuoteStep: 'approvals.reviewQuoteStep',
  /** The owner's task after changes were requested: param number (the approver's notes are the task's notes). */
  makeChanges: 'approvals.makeChanges',
  /** The owner's notification: params number, title. */
  quoteApproved: 'approvals.quoteApproved',
  /** A review task for whoever stands in for an approver out of office: params number, title. */
  reviewQuoteDelegated: 'approvals.reviewQuoteDelegated',
  /** A review task for whom an approver's place was handed to (the note is the task's notes): params number, title. */
  reviewQuoteReassigned: 'approvals.reviewQuoteReassigned',
  /** The rep's reminder to the approvers still to decide: params number, title. */
  approvalReminder: 'approvals.approvalReminder',
  /** A review task for whom a step that waited too long was escalated to: params number, title. */
  reviewQuoteEscalated: 'approvals.reviewQuoteEscalated',
} as const;

/**
 * The workflows of the set. Admins may change them like any workflow, and switching approval
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
      { key: 'set_property', params: { property: 'approval_status', value: 'pending_approval' } },
      { key: 'set_property', params: { property: 'approver', value: '{{event.payload.approverIds.0}}' } },
      { key: 'set_property', params: { property: 'approved_at', value: '' } },
      {
        key: 'create_task',
        params: {
          assignee: 'approvers',
          message: { code: APPROVAL_MESSAGES.reviewQuote, params: { number: '{{record.number}}', title: '{{record.title}}' } },
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
          message: {
            code: APPROVAL_MESSAGES.reviewQuoteStep,
            params: { number: '{{record.number}}', title: '{{record.title}}', step: '{{event.payload.step}}', steps: '{{event.payload.steps}}' },
          },
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
      { key: 'set_property', params: { property: 'approval_status', value: 'changes_requested' } },
      { key: 'complete_tasks', params: { taskKey: 'approval' } },
      {
        key: 'create_task',
        params: {
          assignee: 'owner',
          message: { code: APPROVAL_MESSAGES.makeChanges, params: { number: '{{record.number}}' } },
          notes: '{{event.payload.notes}}',
          priority: 'high',
          taskKey: 'changes',
        },
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
      { key: 'set_property', params: { property: 'approval_status', value: 'approved' } },
      { key: 'set_property', params: { property: 'approved_at', value: '{{event.occurredAt}}' } },
      { key: 'complete_tasks', params: { taskKey: 'approval' } },
      { key: 'complete_tasks', params: { taskKey: 'changes' } },
      {
        key: 'send_notification',
        params: { recipient: 'owner', message: { code: APPROVAL_MESSAGES.quoteApproved, params: { number: '{{record.number}}', title: '{{record.title}}' } } },
      },
    ],
  },
  {
    // The owner (or an admin) took the quote back to Draft: the round no longer counts, so the
    // approvers' task closes. `withdrawn` rather than cleared, so the quote's properties say why
    // no approval is pending; a later submit sets `pending_approval` again. No notification: a
    // notification reaches one user ('approver' is only the first of a round's approvers).
    name: 'When a quote is withdrawn from approval',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'quotes.quote.withdrawn.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      { key: 'set_property', params: { property: 'approval_status', value: 'withdrawn' } },
      { key: 'complete_tasks', params: { taskKey: 'approval' } },
    ],
  },
  {
    // An approver of the open step is out of office (a delegation made while the step waits): the
    // person standing in gets a review task (they decide "on behalf of" the approver). New steps
    // need none of this: their opened/step-started events already name the stand-in.
    name: 'When an approver is out of office',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.delegated.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      {
        key: 'create_task',
        params: {
          assignee: '{{event.payload.activity.to}}',
          message: { code: APPROVAL_MESSAGES.reviewQuoteDelegated, params: { number: '{{record.number}}', title: '{{record.title}}' } },
          priority: 'high',
          dueInDays: 1,
          taskKey: 'approval',
        },
      },
    ],
  },
  {
    // An approver (or an admin) handed a place in the open step to someone else, with a note.
    name: 'When an approval step is reassigned',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.reassigned.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      {
        key: 'create_task',
        params: {
          assignee: '{{event.payload.activity.to}}',
          message: { code: APPROVAL_MESSAGES.reviewQuoteReassigned, params: { number: '{{record.number}}', title: '{{record.title}}' } },
          notes: '{{event.payload.activity.note}}',
          priority: 'high',
          dueInDays: 1,
          taskKey: 'approval',
        },
      },
    ],
  },
  {
    // The quote's rep sent a reminder: each approver still to decide (their stand-in when out) is notified.
    name: 'When approvers are reminded',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.reminded.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      {
        key: 'send_notification',
        params: { recipient: 'approvers', message: { code: APPROVAL_MESSAGES.approvalReminder, params: { number: '{{record.number}}', title: '{{record.title}}' } } },
      },
    ],
  },
  {
    // A step waited longer than its rule allows: whom it was escalated to gets a review task (the
    // approvers it already had keep theirs and can still decide).
    name: 'When an approval step is escalated',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'event', eventName: 'approvals.request.escalated.v1' },
    conditions: [],
    reenrollment: 'always',
    setKey: QUOTE_APPROVALS_SET_KEY,
    actions: [
      {
        key: 'create_task',
        params: {
          assignee: '{{event.payload.activity.to}}',
          message: { code: APPROVAL_MESSAGES.reviewQuoteEscalated, params: { number: '{{record.number}}', title: '{{record.title}}' } },
          priority: 'high',
          dueInDays: 1,
          taskKey: 'approval',
        },
      },
    ],
  },
];
