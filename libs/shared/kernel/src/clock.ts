/**
 * The one source of "now" (time is data): code that decides by the time asks a `Clock`, so tests
 * move time instead of sleeping. Nest apps provide it globally (`{ provide: Clock, ... }` in the
 * API's and worker's root modules); inject it by the class.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's time. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that moves only when told to: for tests. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
