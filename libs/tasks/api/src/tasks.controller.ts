import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompleteTaskCommand, CountOpenTasksQuery, GetTaskQuery, ListTasksQuery } from '@qa/tasks-application';
import { CreateTaskCommand } from '@qa/tasks-contracts';
import type { Task } from '@qa/tasks-domain';
import { Authenticated, CqrsController, CurrentCaller } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import { CreateTaskRequest, ListTasksRequest, TaskCountsResponse, TaskListResponse, TaskResponse } from './tasks.dtos';

const view = (t: Task): TaskResponse => ({
  id: t.id,
  title: t.title,
  notes: t.notes,
  message: t.message ?? null,
  assigneeId: t.assigneeId,
  relatedType: t.relatedType,
  relatedId: t.relatedId,
  dueOn: t.dueOn,
  priority: t.priority,
  status: t.status,
  createdByType: t.createdByType,
  createdById: t.createdById,
  createdAt: new Date(t.createdAt).toISOString(),
  completedAt: t.completedAt ? new Date(t.completedAt).toISOString() : null,
});

@ApiTags('tasks')
@Controller({ path: 'tasks', version: '1' })
@Authenticated()
export class TasksController extends CqrsController {
  @Get()
  @ApiOperation({ operationId: 'listTasks', summary: 'Tasks: mine by default; open first, by due date' })
  @ApiOkResponse({ type: TaskListResponse })
  async listTasks(@CurrentCaller() caller: Caller, @Query() query: ListTasksRequest): Promise<TaskListResponse> {
    return { items: (await this.queries.execute(new ListTasksQuery(caller, query))).map(view) };
  }

  @Get('counts')
  @ApiOperation({ operationId: 'countTasks', summary: 'The count of my open tasks, for the badge' })
  @ApiOkResponse({ type: TaskCountsResponse })
  async countTasks(@CurrentCaller() caller: Caller): Promise<TaskCountsResponse> {
    return { openAssignedToMe: await this.queries.execute(new CountOpenTasksQuery(caller)) };
  }

  @Post()
  @ApiOperation({ operationId: 'createTask', summary: 'Create a task for someone' })
  @ApiCreatedResponse({ type: TaskResponse })
  async createTask(@CurrentCaller() caller: Caller, @Body() body: CreateTaskRequest): Promise<TaskResponse> {
    const { id } = await this.commands.execute(
      new CreateTaskCommand({
        title: body.title,
        notes: body.notes ?? '',
        assigneeId: body.assigneeId,
        relatedType: body.relatedType ?? null,
        relatedId: body.relatedId ?? null,
        dueOn: body.dueOn ?? null,
        priority: body.priority ?? 'medium',
        createdBy: { type: 'user', id: caller.userId },
        sourceKey: null,
      }),
    );
    return view(await this.queries.execute(new GetTaskQuery(caller, id)));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ operationId: 'completeTask', summary: 'Complete a task (its assignee, or a manager or admin)' })
  @ApiOkResponse({ type: TaskResponse })
  async completeTask(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<TaskResponse> {
    return view(await this.commands.execute(new CompleteTaskCommand(caller, id)));
  }
}
