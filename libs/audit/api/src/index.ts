// @qa/audit-api: the audit log endpoint and the audit modules.
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { auditProviders } from '@qa/audit-application';
import { AuditEntryRepository } from '@qa/audit-domain';
import { MikroOrmAuditEntryRepository } from '@qa/audit-infrastructure';
import { AuditController } from './audit.controller';
import { RecordAuditEntryWhenAuditedChangeHappensHandler } from './record-audit-entry.handler';

const providers = [...auditProviders, { provide: AuditEntryRepository, useClass: MikroOrmAuditEntryRepository }];

/** The audit log over HTTP (admins). */
@Module({ imports: [CqrsModule], controllers: [AuditController], providers })
export class AuditHttpModule {}

/** Records audited changes from their integration events, in the worker. */
@Module({ imports: [CqrsModule], providers: [...providers, RecordAuditEntryWhenAuditedChangeHappensHandler] })
export class AuditWorkerModule {}
