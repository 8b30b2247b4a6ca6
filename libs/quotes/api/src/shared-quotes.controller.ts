import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { GetSharedQuoteQuery, RenderSharedQuotePdfQuery, SignQuoteCommand, type SharedQuoteView } from '@qa/quotes-application';
import { CqrsController, ErrorResponse, Public } from '@qa/shared-http';
import type { FastifyReply } from 'fastify';
import { SharedQuoteResponse, SignQuoteRequest } from './quote.dtos';
import { ShareSlugPipe } from './share-slug.pipe';
import { SHARED_QUOTE_LIMITS, SharedQuoteThrottlerGuard } from './shared-quote-throttling';

/** The buyer's side: anyone with the link, no login. The link is the key (192 random bits). */
@ApiTags('shared quotes')
@Controller({ path: 'shared-quotes', version: '1' })
@Public()
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No shared quote with this link (never shared, recalled or expired)' })
@ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many requests from this client address (SHARED_QUOTES.RATE_LIMITED); Retry-After says when to try again.' })
@UseGuards(SharedQuoteThrottlerGuard)
export class SharedQuotesController extends CqrsController {
  @Get(':slug')
  @Throttle({ default: SHARED_QUOTE_LIMITS.page })
  @ApiOperation({ operationId: 'getSharedQuote', summary: 'A shared quote as the buyer sees it' })
  @ApiOkResponse({ type: SharedQuoteResponse })
  getSharedQuote(@Param('slug', ShareSlugPipe) slug: string): Promise<SharedQuoteView> {
    return this.queries.execute(new GetSharedQuoteQuery(slug));
  }

  @Get(':slug/pdf')
  @Throttle({ default: SHARED_QUOTE_LIMITS.pdf })
  @ApiOperation({ operationId: 'downloadSharedQuotePdf', summary: 'Download PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The quote as a PDF file.' })
  async downloadPdf(@Param('slug', ShareSlugPipe) slug: string, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, pdf } = await this.queries.execute(new RenderSharedQuotePdfQuery(slug));
    await reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
  }

  @Post(':slug/sign')
  @HttpCode(200)
  @Throttle({ default: SHARED_QUOTE_LIMITS.sign })
  @ApiOperation({ operationId: 'signSharedQuote', summary: 'Accept and sign: records the signature; the quote becomes Signed' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already signed or not signable (QUOTES.INVALID_TRANSITION), or past its expiry date (QUOTES.EXPIRED): nothing changes.' })
  @ApiOkResponse({ type: SharedQuoteResponse })
  async sign(@Param('slug', ShareSlugPipe) slug: string, @Body() body: SignQuoteRequest): Promise<SharedQuoteView> {
    await this.commands.execute(new SignQuoteCommand(slug, { name: body.name, email: body.email }));
    return this.queries.execute(new GetSharedQuoteQuery(slug));
  }
}
