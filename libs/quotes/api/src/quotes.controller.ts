import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiProduces, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  CreateQuoteCommand,
  EditQuoteCommand,
  GetQuoteQuery,
  ListQuotesQuery,
  PreviewQuoteRouteQuery,
  RecallQuoteCommand,
  RenderQuotePdfQuery,
  SubmitQuoteCommand,
  WithdrawQuoteCommand,
  type QuoteView,
} from '@qa/quotes-application';
import { Authenticated, CqrsController, CurrentCaller, ErrorResponse } from '@qa/shared-http';
import { formatMinor, type Caller } from '@qa/shared-kernel';
import { toQuoteDetails } from './quote-details.mapper';
import { CreatedQuoteResponse, ListQuotesRequest, QuoteDetailsRequest, QuoteListResponse, QuoteResponse, QuoteRoutePreviewRequest, UpdatedQuoteResponse, UpdateQuoteRequest, VersionRequest } from './quote.dtos';
import type { ApprovalRoutePreview } from '@qa/approvals-contracts';

@ApiTags('quotes')
@Controller({ path: 'quotes', version: '1' })
@Authenticated()
@ApiNotFoundResponse({ type: ErrorResponse, description: 'QUOTES.NOT_FOUND (also for quotes the caller may not see)' })
export class QuotesController extends CqrsController {
  @Get()
  @ApiOperation({ operationId: 'listQuotes', summary: 'The quotes list: filters, sorting, keyset pages, counts per status (reps see their own)' })
  @ApiOkResponse({ type: QuoteListResponse })
  async listQuotes(@CurrentCaller() caller: Caller, @Query() query: ListQuotesRequest): Promise<QuoteListResponse> {
    const page = await this.queries.execute(
      new ListQuotesQuery(caller, {
        statuses: query.status,
        ownerId: query.ownerId,
        dealId: query.dealId,
        text: query.q,
        sort: query.sort ?? 'updatedAt',
        direction: query.direction ?? 'desc',
        limit: query.limit ?? 25,
        cursor: query.cursor,
      }),
    );
    return {
      items: page.items.map(({ totalMinor, updatedAt, ...item }) => ({ ...item, total: formatMinor(totalMinor, item.currency), updatedAt: new Date(updatedAt).toISOString() })),
      nextCursor: page.nextCursor,
      countsByStatus: page.countsByStatus as Record<string, number>,
      countsComplete: page.countsComplete,
      ...(page.approximateTotal === undefined ? {} : { approximateTotal: page.approximateTotal }),
    };
  }

  @Post()
  @ApiOperation({ operationId: 'createQuote', summary: 'Start a quote (Draft), owned by the caller' })
  @ApiCreatedResponse({ type: CreatedQuoteResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  createQuote(@CurrentCaller() caller: Caller, @Body() body: QuoteDetailsRequest): Promise<CreatedQuoteResponse> {
    return this.commands.execute(new CreateQuoteCommand(caller, toQuoteDetails(body)));
  }

  @Post('approval-preview')
  @HttpCode(200)
  @ApiOperation({ operationId: 'previewQuoteRoute', summary: 'While typing: the approval route this draft (a new quote, or unsaved edits of quoteId) would get if submitted now, and why; nothing is saved' })
  // The approvals context's answer, in the same shape as GET /approvals/quotes/{quoteId}/preview.
  @ApiOkResponse({ schema: { $ref: '#/components/schemas/ApprovalPreviewResponse' } })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'QUOTES.UNKNOWN_REFERENCE, as a save would answer' })
  previewRoute(@CurrentCaller() caller: Caller, @Body() body: QuoteRoutePreviewRequest): Promise<ApprovalRoutePreview> {
    return this.queries.execute(new PreviewQuoteRouteQuery(caller, toQuoteDetails(body), body.quoteId ?? null));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getQuote', summary: 'A quote with its totals and history' })
  @ApiOkResponse({ type: QuoteResponse })
  getQuote(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<QuoteView> {
    return this.queries.execute(new GetQuoteQuery(caller, id));
  }

  @Get(':id/pdf')
  @ApiOperation({ operationId: 'downloadQuotePdf', summary: 'The quote as a PDF, also before it is shared' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The quote as a PDF file.' })
  async downloadPdf(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, pdf } = await this.queries.execute(new RenderQuotePdfQuery(caller, id));
    await reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
  }

  @Put(':id')
  @ApiOperation({
    operationId: 'updateQuote',
    summary: 'Edit a quote in Draft or Changes requested, or one approved with limits: within them it stays approved, beyond them it goes back to Draft (approvalLimitsCheck says which)',
  })
  @ApiOkResponse({ type: UpdatedQuoteResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'QUOTES.NOT_EDITABLE or QUOTES.STALE_VERSION' })
  async updateQuote(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateQuoteRequest): Promise<UpdatedQuoteResponse> {
    const approvalLimitsCheck = await this.commands.execute(new EditQuoteCommand(caller, id, body.version, toQuoteDetails(body)));
    return { ...(await this.queries.execute(new GetQuoteQuery(caller, id))), approvalLimitsCheck };
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ operationId: 'submitQuote', summary: 'Finish the set-up flow: Pending approval, or live at once when approval is not needed' })
  @ApiOkResponse({ type: QuoteResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'QUOTES.INVALID_TRANSITION or QUOTES.STALE_VERSION' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'QUOTES.DEAL_REQUIRED, QUOTES.NO_LINE_ITEMS, QUOTES.EXPIRY_IN_PAST, QUOTES.NO_APPROVER' })
  async submitQuote(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: VersionRequest): Promise<QuoteView> {
    await this.commands.execute(new SubmitQuoteCommand(caller, id, body.version));
    return this.queries.execute(new GetQuoteQuery(caller, id));
  }

  @Post(':id/recall')
  @HttpCode(200)
  @ApiOperation({ operationId: 'recallQuote', summary: "Recall an approved or published quote to Draft; the buyer's link stops working" })
  @ApiOkResponse({ type: QuoteResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'QUOTES.INVALID_TRANSITION or QUOTES.STALE_VERSION' })
  async recallQuote(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: VersionRequest): Promise<QuoteView> {
    await this.commands.execute(new RecallQuoteCommand(caller, id, body.version));
    return this.queries.execute(new GetQuoteQuery(caller, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ operationId: 'withdrawQuote', summary: 'Withdraw a quote from Pending approval back to Draft (its owner or an admin); the open round is cancelled' })
  @ApiOkResponse({ type: QuoteResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'QUOTES.NOT_OWNER' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'QUOTES.INVALID_TRANSITION or QUOTES.STALE_VERSION' })
  async withdrawQuote(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: VersionRequest): Promise<QuoteView> {
    await this.commands.execute(new WithdrawQuoteCommand(caller, id, body.version));
    return this.queries.execute(new GetQuoteQuery(caller, id));
  }
}
