import { Command } from '@nestjs/cqrs';

/**
 * A round opened, moved to its next step or ended (`at`: when): end the timers of steps it has left
 * and set those of the step it stands at now, from its rules' reminders and escalation. Idempotent:
 * a step that has its timers keeps them.
 */
export class ScheduleStepTimersCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly at: Date,
  ) {
    super();
  }
}
