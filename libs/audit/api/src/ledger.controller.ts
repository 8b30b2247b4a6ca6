import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { ExportLedgerQuery, LEDGER_CSV_HEADER, ledgerCsvLine, ledgerJsonLine, VerifyLedgerQuery } from '@qa/audit-application';
import type { LedgerEntry, LedgerVerdict } from '@qa/audit-domain';
import { ErrorResponse, Roles } from '@qa/shared-http';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { ExportLedgerRequest, LedgerEntryExport, LedgerVerifyResponse } from './ledger.dtos';

async function* lines(header: string, entries: AsyncIterable<LedgerEntry>, line: (e: LedgerEntry) => string): AsyncIterable<string> {
  if (header) yield header;
  for await (const entry of entries) yield line(entry);
}

@ApiTags('audit')
@ApiExtraModels(LedgerEntryExport)
@Controller({ path: 'audit/ledger', version: '1' })
export class LedgerController {
  constructor(private readonly queries: QueryBus) {}

  @Get('export')
  @Roles('admin')
  @ApiOperation({ operationId: 'exportApprovalLedger', summary: 'The approval ledger by date range or quote, in seq order, as JSON Lines or CSV, streamed as a download (admins)' })
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiOkResponse({ description: 'JSON Lines: one LedgerEntryExport per line. CSV: a header row, the payload as its JSON text.', schema: { $ref: getSchemaPath(LedgerEntryExport) } })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'AUDIT.INVALID_LEDGER_FILTER: from, to or quoteId (details.fields names each)' })
  async export(@Query() query: ExportLedgerRequest, @Res() reply: FastifyReply): Promise<void> {
    const { format = 'jsonl', ...filter } = query;
    const entries = await this.queries.execute(new ExportLedgerQuery(filter));
    const csv = format === 'csv';
    const body = Readable.from(csv ? lines(LEDGER_CSV_HEADER, entries, ledgerCsvLine) : lines('', entries, ledgerJsonLine));
    await reply
      .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="approval-ledger.${format}"`)
      .header('cache-control', 'no-store')
      .send(body);
  }

  @Post('verify')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ operationId: 'verifyApprovalLedger', summary: 'Walks the approval ledger and names its first changed, removed or inserted entry; ok with the count and last hash otherwise (admins)' })
  @ApiOkResponse({ type: LedgerVerifyResponse })
  verify(): Promise<LedgerVerdict> {
    return this.queries.execute(new VerifyLedgerQuery());
  }
}
