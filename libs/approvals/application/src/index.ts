// @qa/approvals-application: approval settings, rule evaluation, rounds and decisions: one folder
// per use case; the reaction that opens and closes rounds as quotes move.
export * from './ports/approvals.ports';
export * from './commands/save-approval-settings/save-approval-settings.command';
export * from './commands/decide-approval/decide-approval.command';
export * from './commands/open-approval-round/open-approval-round.command';
export * from './queries/get-approval-settings/get-approval-settings.query';
export * from './queries/get-approval-page/get-approval-page.query';
export * from './queries/preview-quote-approval/preview-quote-approval.query';
export * from './queries/try-approval-policy/try-approval-policy.query';
export * from './reactions/open-approval-round-when-quote-submitted/open-approval-round-when-quote-submitted.handler';
export * from './approvals.providers';
