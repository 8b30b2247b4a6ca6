import { AsyncLocalStorage } from 'node:async_hooks';
import { uuidv7, type EventActor } from '@qa/shared-kernel';

/** Who caused what is being done now, and the correlation id tying it together. */
export interface MessageContext {
  actor: EventActor;
  correlationId: string;
}

const storage = new AsyncLocalStorage<MessageContext>();

/** Runs `work` with this actor and correlation id stamped on every event it records. */
export function runInMessageContext<T>(context: MessageContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentMessageContext(): MessageContext {
  return storage.getStore() ?? { actor: { type: 'system', id: null }, correlationId: uuidv7() };
}
