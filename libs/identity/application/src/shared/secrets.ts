import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret of 256 random bits, URL-safe, with a readable prefix (`qa_s_` session, `qa_t_` API token). */
export function newSecret(prefix: 'qa_s_' | 'qa_t_'): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What is stored instead of a secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
