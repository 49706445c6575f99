import { createTransport } from 'nodemailer';
import { permanent, retryable, SEND_TIMEOUT_MS, sent, type SendOutcome } from '../dispatch/retry-policy';
import type { ChannelAdapter, Delivery } from './channel-adapter';
import { renderEmail } from './email-message';

export interface EmailAdapterOptions {
  /** `smtp://` (STARTTLS when the server offers it) or `smtps://` (implicit TLS); user and password authenticate. */
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

type Mailer = ReturnType<typeof createTransport>;

/**
 * E-mail through SMTP. A 4xx SMTP reply, a dropped connection or a timeout is retried; a 5xx reply
 * (unknown mailbox, refused credentials) fails the delivery at once, as an HTTP 4xx does.
 */
export class EmailAdapter implements ChannelAdapter {
  private mailer: Mailer | null = null;

  constructor(private readonly options: EmailAdapterOptions) {}

  async send({ deliveryId, channel, message }: Delivery): Promise<SendOutcome> {
    if (!this.options.smtpUrl) return permanent('SMTP_URL is not set: e-mail cannot be sent');
    if (channel.recipients.length === 0) return permanent('the e-mail channel has no recipients');
    const mail = renderEmail(message);
    try {
      await this.transport(this.options.smtpUrl).sendMail({
        from: this.options.from,
        to: [...channel.recipients],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${deliveryId}@flowlens>`,
        headers: { 'Idempotency-Key': deliveryId },
      });
      return sent;
    } catch (error) {
      const err = error as Error & { responseCode?: number; code?: string };
      const reason = `SMTP: ${err.responseCode ? `${err.responseCode} ` : ''}${err.message}`.slice(0, 500);
      return err.responseCode !== undefined && err.responseCode >= 500 ? permanent(reason) : retryable(reason);
    }
  }

  close(): void {
    this.mailer?.close();
  }

  private transport(url: string): Mailer {
    this.mailer ??= createTransport({ url, connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS });
    return this.mailer;
  }
}
