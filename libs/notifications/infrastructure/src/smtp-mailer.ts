import { Mailer } from '@qa/notifications-application';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** E-mail over SMTP (nodemailer), from `SMTP_URL` (smtp://user:pass@host:587) and `MAIL_FROM`. */
export class SmtpMailer extends Mailer {
  readonly enabled = true;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    const url = new URL(smtpUrl);
    const local = ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
    // On loopback (a local relay or a test server) there is no TLS to negotiate.
    this.transport = createTransport({ url: smtpUrl, ...(local ? { ignoreTLS: true } : {}) } as SMTPTransport.Options);
  }

  async send(message: { to: string; subject: string; text: string; html?: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}
