import { Query } from '@nestjs/cqrs';

/** Scheduled timers whose time has come by the clock (for the sweep that queues lost ones again). */
export class ListDueApprovalTimersQuery extends Query<Array<{ id: string; dueAt: Date }>> {
  constructor(readonly limit = 100) {
    super();
  }
}
