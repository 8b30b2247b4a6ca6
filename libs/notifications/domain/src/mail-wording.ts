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
  'approvals.approvalReminder': (p) => ({
    subject: `Reminder: quote ${text(p['number'])} waits for your approval`,
    text: `"${text(p['title'])}" is still waiting for your decision. Open its approval page to approve it or request changes.`,
  }),
  // The changes of an approval step (approvals' reaction notify-people-when-step-changes).
  'approvals.stepAssigned': (p) => ({
    subject: `Quote ${text(p['number'])} waits for your approval`,
    text: `"${text(p['title'])}" waits for your decision${stepText(p)}. Open its approval page to approve it or request changes.`,
  }),
  'approvals.stepEscalated': (p) => ({
    subject: `Quote ${text(p['number'])} was escalated to you`,
    text: `"${text(p['title'])}" waited too long for a decision${stepText(p)}, so it was handed to you beside its approvers. Open its approval page to approve it or request changes.`,
  }),
  'approvals.stepDelegated': (p) => ({
    subject: `Quote ${text(p['number'])} waits for your approval on behalf of ${text(p['from'])}`,
    text: `${text(p['from'])} is out of office: you decide on "${text(p['title'])}"${stepText(p)} on their behalf.`,
  }),
  'approvals.stepReassignedToYou': (p) => ({
    subject: `Quote ${text(p['number'])} was handed to you for approval`,
    text: `${text(p['by'])} handed ${text(p['from'])}'s approval of "${text(p['title'])}"${stepText(p)} to you. Note: ${text(p['note'])}`,
  }),
  'approvals.stepReassignedAway': (p) => ({
    subject: `Your approval of quote ${text(p['number'])} was handed to ${text(p['to'])}`,
    text: `${text(p['by'])} handed your approval of "${text(p['title'])}"${stepText(p)} to ${text(p['to'])}: you no longer decide on it. Note: ${text(p['note'])}`,
  }),
  'approvals.changesRequested': (p) => ({
    subject: `Changes requested on quote ${text(p['number'])}`,
    text: `${text(p['by'])} requested changes to "${text(p['title'])}": ${text(p['note'])}`,
  }),
};

/** " (step 2 of 3)" for a route of several steps; nothing for one step. */
const stepText = (p: Record<string, unknown>): string => (Number(p['steps']) > 1 ? ` (step ${text(p['step'])} of ${text(p['steps'])})` : '');

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The subject and text of a coded notification's e-mail; null when its code has no mail wording. */
export function mailWording(message: NotificationMessage | null): { subject: string; text: string } | null {
  const word = message ? MAIL_WORDING[message.code] : undefined;
  return word && message ? word(message.params ?? {}) : null;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A notification as an e-mail of its own (its recipient keeps its e-mail but not its in-app
 * notice): the worded text (else the title and body) with the link made absolute, as plain text
 * and as simple, accessible HTML (a heading, the text, a real link).
 */
export function notificationMail(
  notification: { title: string; body: string; message?: NotificationMessage | null; link: string | null },
  appBaseUrl: string,
): { subject: string; text: string; html: string } {
  const worded = mailWording(notification.message ?? null) ?? { subject: notification.title, text: notification.body };
  const url = notification.link ? `${appBaseUrl}${notification.link}` : null;
  const text = url ? `${worded.text}\n\n${url}` : worded.text;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(worded.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;margin:0;padding:16px">',
    `<main><h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(worded.subject)}</h1>`,
    `<p>${escapeHtml(worded.text)}</p>`,
    ...(url ? [`<p><a href="${escapeHtml(url)}">Open it in the app</a></p>`] : []),
    '</main></body></html>',
    '',
  ].join('\n');
  return { subject: worded.subject, text, html };
}
