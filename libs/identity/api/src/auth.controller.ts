import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse, ApiBadRequestResponse, ApiNoContentResponse } from '@nestjs/swagger';
import { LogInCommand, LogOutCommand } from '@qa/identity-application';
import { ErrorResponse, Public } from '@qa/shared-http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginRequest, MeResponse } from './identity.dtos';
import { SESSION_COOKIE, SessionCookieSettings } from './session-cookie';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly cookie: SessionCookieSettings,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'logIn', summary: 'Log in with e-mail and password; sets the session cookie' })
  @ApiOkResponse({ type: MeResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH.INVALID_CREDENTIALS, whether or not the account exists' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'AUTH.TOO_MANY_ATTEMPTS after repeated failures' })
  async logIn(@Body() body: LoginRequest, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeResponse> {
    const { sessionToken, expiresAt, caller } = await this.commands.execute(new LogInCommand(body.email, body.password, request.ip));
    reply.setCookie(SESSION_COOKIE, sessionToken, { httpOnly: true, sameSite: 'strict', secure: this.cookie.secure, path: '/', expires: expiresAt });
    return { id: caller.userId, email: caller.email, name: caller.name, role: caller.role };
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ operationId: 'logOut', summary: 'End the session and clear its cookie' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, type: ErrorResponse })
  async logOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) await this.commands.execute(new LogOutCommand(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.cookie.secure });
  }
}
