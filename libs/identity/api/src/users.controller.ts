import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ChangeUserCommand, DeactivateUserCommand, ListUsersQuery, ReactivateUserCommand } from '@qa/identity-application';
import { Authenticated, CqrsController, CurrentCaller, ErrorResponse, Roles } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import { ChangeUserRequest, ListUsersRequest, PeopleRequest, PeopleResponse, UserListResponse, UserResponse } from './identity.dtos';

@ApiTags('users')
@Controller({ path: 'users', version: '1' })
export class UsersController extends CqrsController {
  @Get()
  @Roles('admin')
  @ApiOperation({ operationId: 'listUsers', summary: 'All users, with role, whether they are active, team and manager, e.g. to choose an approver (admins only)' })
  @ApiOkResponse({ type: UserListResponse })
  async listUsers(@Query() query: ListUsersRequest): Promise<UserListResponse> {
    return { items: await this.queries.execute(new ListUsersQuery({ roles: query.role })) };
  }

  @Get('names')
  @Authenticated()
  @ApiOperation({ operationId: 'listPeople', summary: "Names of users by id, to show who did what (any logged-in user; no e-mail or role)" })
  @ApiOkResponse({ type: PeopleResponse })
  async listPeople(@Query() query: PeopleRequest): Promise<PeopleResponse> {
    const wanted = new Set(query.ids);
    const users = await this.queries.execute(new ListUsersQuery({}));
    return { items: users.filter((u) => wanted.has(u.id)).map(({ id, name }) => ({ id, name })) };
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    operationId: 'changeUser',
    summary: "Change a user's role (not your own), team and manager (anyone's) at once; fields left out stay (admins only)",
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED (details.fields)' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'IDENTITY.USER_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'IDENTITY.CANNOT_CHANGE_SELF; IDENTITY.INVALID_TEAM; IDENTITY.INVALID_REPORTS_TO (details.fields, details.problem: unknown-user, self or loop, with details.path for a loop). Nothing is changed.',
  })
  changeUser(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeUserRequest): Promise<UserResponse> {
    return this.commands.execute(new ChangeUserCommand(caller.userId, id, { role: body.role, team: body.team, reportsTo: body.reportsTo }));
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'deactivateUser', summary: 'Deactivate a user: no more logins, and their sessions and API tokens end now (admins only; not themselves)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'IDENTITY.USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'IDENTITY.USER_ALREADY_INACTIVE' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'IDENTITY.CANNOT_CHANGE_SELF' })
  deactivateUser(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return this.commands.execute(new DeactivateUserCommand(caller.userId, id));
  }

  @Post(':id/reactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'reactivateUser', summary: 'Let a deactivated user log in again (admins only); old sessions and tokens stay ended' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'IDENTITY.USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'IDENTITY.USER_ALREADY_ACTIVE' })
  reactivateUser(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return this.commands.execute(new ReactivateUserCommand(id));
  }
}
