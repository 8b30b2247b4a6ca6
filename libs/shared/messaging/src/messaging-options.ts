export interface MessagingOptions {
  redisUrl: string;
  /** BullMQ key prefix (default `qa`); tests use their own to keep queues apart. */
  queuePrefix: string;
  /** Run the outbox relay in this process. */
  relay: boolean;
  /** Run the subscribers' queue workers in this process. */
  processors: boolean;
  /** Rows claimed per relay cycle. */
  relayBatchSize: number;
  /** Poll interval when no notification wakes the relay. */
  relayPollMs: number;
  /** A published row not acknowledged by every subscriber within this time is published again
   *  (doubling each time, up to 64×). Workflow steps overdue by this long are queued again. */
  ackTimeoutMs: number;
  /** Deliveries one worker process handles at once, per subscriber queue. */
  concurrency: number;
  /** Attempts of a delivery before it stays in the failed set. */
  attempts: number;
  /** First retry delay; doubles each attempt. */
  backoffMs: number;
  /** A delivery whose worker died is taken up again after about this long (BullMQ lock
   *  duration and stalled-job check interval). */
  stalledAfterMs: number;
  /** Delivered outbox rows and their inbox rows are kept this long, then removed. */
  retentionMs: number;
}

export const DEFAULT_MESSAGING_OPTIONS: Omit<MessagingOptions, 'redisUrl' | 'relay' | 'processors'> = {
  queuePrefix: 'qa',
  relayBatchSize: 500,
  relayPollMs: 500,
  ackTimeoutMs: 30_000,
  concurrency: 16,
  attempts: 6,
  backoffMs: 500,
  stalledAfterMs: 30_000,
  retentionMs: 7 * 24 * 3_600_000,
};

export abstract class MessagingSettings implements MessagingOptions {
  abstract redisUrl: string;
  abstract queuePrefix: string;
  abstract relay: boolean;
  abstract processors: boolean;
  abstract relayBatchSize: number;
  abstract relayPollMs: number;
  abstract ackTimeoutMs: number;
  abstract concurrency: number;
  abstract attempts: number;
  abstract backoffMs: number;
  abstract stalledAfterMs: number;
  abstract retentionMs: number;
}
