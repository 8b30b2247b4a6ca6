import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListAuditEntriesQuery } from '@qa/audit-application';
import type { AuditEntry } from '@qa/audit-domain';
import { Roles } from '@qa/shared-http';
import { AuditEntryListResponse, AuditEntryResponse, ListAuditEntriesRequest } from './audit.dtos';

const view = (e: AuditEntry): AuditEntryResponse => ({
  id: e.id,
  occurredAt: new Date(e.occurredAt).toISOString(),
  actor: { type: e.actorType, id: e.actorId },
  action: e.action,
  subject: { type: e.subjectType, id: e.subjectId, label: e.subjectLabel },
  changes: e.changes(),
  before: e.before,
  after: e.after,
  correlationId: e.correlationId,
});

@ApiTags('audit')
@Controller({ path: 'audit', version: '1' })
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ operationId: 'listAuditEntries', summary: 'Settings → Audit log: who changed what and when, newest first (admins)' })
  @ApiOkResponse({ type: AuditEntryListResponse })
  async list(@Query() query: ListAuditEntriesRequest): Promise<AuditEntryListResponse> {
    const { limit, ...filter } = query;
    const page = await this.queries.execute(new ListAuditEntriesQuery(filter, limit ?? 50));
    return { items: page.items.map(view), nextBefore: page.nextBefore };
  }
}
