import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateApiTokenCommand, ListApiTokensQuery, RevokeApiTokenCommand } from '@qa/identity-application';
import { Authenticated, CqrsController, CurrentCaller, ErrorResponse, SecretResponse } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import { ApiTokenListResponse, CreateApiTokenRequest, CreatedApiTokenResponse, MeResponse } from './identity.dtos';

@ApiTags('me')
@Controller({ path: 'me', version: '1' })
@Authenticated()
export class MeController extends CqrsController {
  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'The logged-in user' })
  @ApiOkResponse({ type: MeResponse })
  getMe(@CurrentCaller() caller: Caller): MeResponse {
    return { id: caller.userId, email: caller.email, name: caller.name, role: caller.role };
  }

  @Get('api-tokens')
  @ApiOperation({ operationId: 'listApiTokens', summary: "The caller's active API tokens (not revoked, not expired; never their secrets)" })
  @ApiOkResponse({ type: ApiTokenListResponse })
  async listApiTokens(@CurrentCaller() caller: Caller): Promise<ApiTokenListResponse> {
    return { items: await this.queries.execute(new ListApiTokensQuery(caller.userId)) };
  }

  @Post('api-tokens')
  @SecretResponse()
  @ApiOperation({
    operationId: 'createApiToken',
    summary: 'Create a bearer token for scripts; the secret is shown once',
    description: 'A retry with the same Idempotency-Key creates nothing and answers 409 IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE: the secret is never stored.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE' })
  createApiToken(@CurrentCaller() caller: Caller, @Body() body: CreateApiTokenRequest): Promise<CreatedApiTokenResponse> {
    return this.commands.execute(new CreateApiTokenCommand(caller.userId, body.name, body.expiresInDays));
  }

  @Delete('api-tokens/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeApiToken', summary: 'Revoke one of your API tokens' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  async revokeApiToken(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.commands.execute(new RevokeApiTokenCommand(caller.userId, id));
  }
}
