import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

/** What a context's controller extends: it answers by sending commands and queries on the buses. */
@Injectable()
export abstract class CqrsController {
  constructor(
    protected readonly commands: CommandBus,
    protected readonly queries: QueryBus,
  ) {}
}
