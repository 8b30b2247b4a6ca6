import { Query } from '@nestjs/cqrs';
import type { LedgerVerdict } from '@qa/audit-domain';

/** Walks the whole ledger and names its first changed, removed or inserted entry (admins, and `npm run ledger:verify`). */
export class VerifyLedgerQuery extends Query<LedgerVerdict> {}
