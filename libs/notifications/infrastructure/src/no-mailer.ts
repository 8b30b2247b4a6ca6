import { Mailer } from '@qa/notifications-application';

/** No SMTP_URL configured: notifications stay in-app only. */
export class NoMailer extends Mailer {
  readonly enabled = false;
  async send(): Promise<void> {
    // No SMTP configured: in-app only.
  }
}
