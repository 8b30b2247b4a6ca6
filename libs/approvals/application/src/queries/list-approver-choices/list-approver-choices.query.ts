import { Query } from '@nestjs/cqrs';

export interface ApproverChoice {
  id: string;
  name: string;
  role: 'manager' | 'admin';
}

/** The people who may approve now (active managers and admins), by name: to choose a delegate or whom to reassign a step to. */
export class ListApproverChoicesQuery extends Query<ApproverChoice[]> {
  constructor() {
    super();
  }
}
