/** Ports the notifications use cases need; notifications-infrastructure provides them. */

/** Sends e-mail (over SMTP in production); `enabled` false when no mail server is configured. */
export abstract class Mailer {
  abstract readonly enabled: boolean;
  /** `html`: the same content as HTML, sent beside the text (multipart/alternative). */
  abstract send(message: { to: string; subject: string; text: string; html?: string }): Promise<void>;
}

/** Base URL of the app, for links in e-mails. */
export abstract class AppLinks {
  abstract readonly baseUrl: string;
}
