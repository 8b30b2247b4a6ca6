import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { auditHandlers, auditReactions } from '@qa/audit-application';
import { AuditEntryRepository } from '@qa/audit-domain';
import { MikroOrmAuditEntryRepository } from '@qa/audit-infrastructure';
import { AuditController } from './audit.controller';

const providers = [...auditHandlers, { provide: AuditEntryRepository, useClass: MikroOrmAuditEntryRepository }];

/** The audit log over HTTP (admins). */
@Module({ imports: [CqrsModule], controllers: [AuditController], providers })
export class AuditHttpModule {}

/** Records audited changes from their integration events, in the worker. */
@Module({ imports: [CqrsModule], providers: [...providers, ...auditReactions] })
export class AuditWorkerModule {}
