import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListUsersQuery } from '@qa/identity-application';
import { Authenticated, Roles } from '@qa/shared-http';
import { ListUsersRequest, PeopleRequest, PeopleResponse, UserListResponse } from './identity.dtos';

@ApiTags('users')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ operationId: 'listUsers', summary: 'All users, e.g. to choose an approver (admins only)' })
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
}
