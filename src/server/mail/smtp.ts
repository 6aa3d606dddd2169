import nodemailer from 'nodemailer';
import type { MailTransport } from './mailer';

/** SMTP delivery through nodemailer, from an `smtp://user:pass@host:port` (or smtps://) URL. */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail({ from, ...message });
    },
  };
}
