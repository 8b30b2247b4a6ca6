import { ExportLedgerHandler } from './queries/export-ledger/export-ledger.handler';
import { ListAuditEntriesHandler } from './queries/list-audit-entries/list-audit-entries.handler';
import { VerifyLedgerHandler } from './queries/verify-ledger/verify-ledger.handler';
import { AppendToLedgerWhenApprovalEventHappensHandler } from './reactions/append-to-ledger/append-to-ledger.handler';
import { RecordAuditEntryWhenAuditedChangeHappensHandler } from './reactions/record-audit-entry/record-audit-entry.handler';

/** The audit use cases (query handlers): providers of every audit module. */
export const auditHandlers = [ListAuditEntriesHandler, ExportLedgerHandler, VerifyLedgerHandler];

/** The audit trail's reactions to integration events: providers of the worker-side module only. */
export const auditReactions = [RecordAuditEntryWhenAuditedChangeHappensHandler, AppendToLedgerWhenApprovalEventHappensHandler];
