import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListUsersQuery } from '@qa/identity-application';
import { Roles } from '@qa/shared-http';
import { ListUsersRequest, UserListResponse } from './identity.dtos';

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
}
