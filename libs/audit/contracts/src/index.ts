// @qa/audit-contracts: the audit trail publishes nothing; other contexts get audited by publishing events (see @qa/audit-application AUDITED_EVENTS).
export {};
