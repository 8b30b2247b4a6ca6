/**
 * Queue and job names. Explicit strings, never class names: changing one strands the jobs waiting
 * under the old name in Redis.
 */

/** One queue per subscribing context: `events.<subscriber>`. */
export function eventQueueName(subscriber: string): string {
  return `events.${subscriber}`;
}

/** The job name of an integration event delivery (the job data is the event envelope). */
export const DELIVER_EVENT_JOB = 'deliver-event';

/**
 * Job id of one event for one subscriber: a row published twice is queued once. Written
 * `<eventId>@<subscriber>` because BullMQ refuses `:` in custom job ids (Redis key separator).
 */
export function deliveryJobId(eventId: string, subscriber: string): string {
  return `${eventId}@${subscriber}`;
}

/**
 * Redis pub/sub channel the relay announces published events on (for live updates over SSE), per
 * queue prefix: installations (and test runs) sharing one Redis do not see each other's events.
 */
export function liveEventsChannel(queuePrefix: string): string {
  return `${queuePrefix}:live-events`;
}

/** PostgreSQL LISTEN/NOTIFY channel raised by the outbox insert trigger. */
export const OUTBOX_NOTIFY_CHANNEL = 'qa_outbox';
