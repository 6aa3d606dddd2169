import nodemailer from 'nodemailer';
import type { MailTransport } from './mailer';

/** SMTP delivery through nodemailer, from an `smtp://user:pass@host:port` (or smtps://) URL. */
/**
 * nodemailer's timeouts, set here rather than left at its defaults (a 10-minute socket timeout
 * would outlive the outbox lease): a send that stalls fails within a minute and is retried.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 20_000,
  greetingTimeout: 20_000,
  socketTimeout: 60_000,
} as const;

export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  return {
    async send({ messageId, ...message }) {
      await transporter.sendMail({ from, ...message, messageId });
    },
  };
}
