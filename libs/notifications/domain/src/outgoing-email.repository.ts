import type { OutgoingEmail } from './outgoing-email';

export abstract class OutgoingEmailRepository {
  abstract findById(id: string): Promise<OutgoingEmail | null>;
  abstract findBySourceKey(sourceKey: string): Promise<OutgoingEmail | null>;
  abstract save(email: OutgoingEmail): Promise<void>;
}
