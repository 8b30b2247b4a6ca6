import { readFileSync } from 'node:fs';

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

/**
 * The time written in a file (an ISO date), read at every call: a test moves the clock of an app it
 * started as a process by writing the file (CLOCK_FILE; production refuses it).
 */
export class FileClock extends Clock {
  constructor(private readonly path: string) {
    super();
  }

  now(): Date {
    const at = new Date(readFileSync(this.path, 'utf8').trim());
    if (Number.isNaN(at.getTime())) throw new Error(`${this.path} does not hold a time`);
    return at;
  }
}
