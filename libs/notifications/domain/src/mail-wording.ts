import type { NotificationMessage } from '@qa/notifications-contracts';

/**
 * How an e-mail words a notification given as a code with parameters. The app words codes in the
 * reader's language in the browser; an e-mail leaves the server worded, and users have no language
 * of their own yet, so e-mails are in English. Codes not listed here fall back to the stored title
 * and body.
 */
const MAIL_WORDING: Record<string, (params: Record<string, unknown>) => { subject: string; text: string }> = {
  'approvals.quoteApproved': (p) => ({
    subject: `Quote ${text(p['number'])} was approved`,
    text: `"${text(p['title'])}" is approved and published: you can now share it with your contacts.`,
  }),
};

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The subject and text of a coded notification's e-mail; null when its code has no mail wording. */
export function mailWording(message: NotificationMessage | null): { subject: string; text: string } | null {
  const word = message ? MAIL_WORDING[message.code] : undefined;
  return word && message ? word(message.params ?? {}) : null;
}
