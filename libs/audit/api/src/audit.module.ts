import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { auditHandlers, auditReactions } from '@qa/audit-application';
import { AuditEntryRepository, LedgerRepository } from '@qa/audit-domain';
import { MikroOrmAuditEntryRepository, MikroOrmLedgerRepository } from '@qa/audit-infrastructure';
import { AuditController } from './audit.controller';
import { LedgerController } from './ledger.controller';

const providers = [...auditHandlers, { provide: AuditEntryRepository, useClass: MikroOrmAuditEntryRepository }, { provide: LedgerRepository, useClass: MikroOrmLedgerRepository }];

/** The audit log and the approval ledger over HTTP (admins). */
@Module({ imports: [CqrsModule], controllers: [AuditController, LedgerController], providers })
export class AuditHttpModule {}

/** Records audited changes and appends the approval ledger from their integration events, in the worker. */
@Module({ imports: [CqrsModule], providers: [...providers, ...auditReactions] })
export class AuditWorkerModule {}
