// @qa/approvals-api: approval settings, the approval page and decisions; the approvals modules.
export * from './approvals.module';
