import { Command } from '@nestjs/cqrs';

/** What firing a timer came to: it acted; it had ended (or never was); or it is not due until `notBefore`. */
export type TimerFiring = 'fired' | 'ended' | 'missing' | { notBefore: Date };

/** A timer's job came: remind or escalate the step it was set for, once, if it still waits. */
export class FireApprovalTimerCommand extends Command<TimerFiring> {
  constructor(readonly timerId: string) {
    super();
  }
}
