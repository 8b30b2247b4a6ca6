import { createHash } from 'node:crypto';

/** SHA-256 of a UTF-8 text as 64 lowercase hex digits: the ledger's hash. */
export const ledgerSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
