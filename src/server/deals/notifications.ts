import { formatDate, formatDateTime } from '../../lib/format/dates';
import { formatMoney } from '../../lib/deals/money';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { enqueueMail } from '../mail/mailer';
import type { DealRow } from './repository';

/**
 * E-mails about a deal go to the person who registered it, through the outbox, in the
 * transaction that causes them. Each has a dedupe key, so a retried job never sends twice.
 */
function linkTo(deal: { id: string }): string {
  return `${config().publicOrigin}/portal/deals/${deal.id}`;
}

function headline(deal: DealRow): string {
  return `${deal.customer_name} (${formatMoney(deal.value_cents, deal.currency)})`;
}

const MESSAGES: Record<
  string,
  (deal: DealRow, reason: string | null) => { subject: string; lines: string[] } | null
> = {
  approved: (deal) => ({
    subject: `Deal approved: ${deal.customer_name}`,
    lines: [
      `Your registration for ${headline(deal)} was approved.`,
      `It is protected until ${formatDate(deal.protected_until)}.`,
    ],
  }),
  returned: (deal, reason) => ({
    subject: `Deal returned for information: ${deal.customer_name}`,
    lines: [
      `A channel manager returned your registration for ${headline(deal)}.`,
      `What is needed: ${reason ?? '—'}`,
      'Edit the deal and submit it again; it keeps its place in the queue from then.',
    ],
  }),
  rejected: (deal, reason) => ({
    subject: `Deal rejected: ${deal.customer_name}`,
    lines: [`Your registration for ${headline(deal)} was rejected.`, `Reason: ${reason ?? '—'}`],
  }),
  expired: (deal) => ({
    subject: `Protection ended: ${deal.customer_name}`,
    lines: [
      `The protection of ${headline(deal)} ended on ${formatDate(deal.protected_until)}.`,
      'Register the deal again if you are still working on it.',
    ],
  }),
  extension_approved: (deal) => ({
    subject: `Extension approved: ${deal.customer_name}`,
    lines: [`Protection of ${headline(deal)} now runs until ${formatDate(deal.protected_until)}.`],
  }),
  extension_denied: (deal, reason) => ({
    subject: `Extension denied: ${deal.customer_name}`,
    lines: [
      `The extension for ${headline(deal)} was denied. Reason: ${reason ?? '—'}`,
      `Protection still ends on ${formatDate(deal.protected_until)}.`,
    ],
  }),
};

/** Tells the deal's owner about a decision (approve, return, reject, expiry, extension). */
export async function notifyOwner(
  db: DbOrTx,
  deal: DealRow,
  kind: keyof typeof MESSAGES,
  reason: string | null,
  now: Date,
): Promise<void> {
  const message = MESSAGES[kind]?.(deal, reason);
  if (!message || !deal.owner_email) return;
  await enqueueMail(
    db,
    {
      to: deal.owner_email,
      category: 'deal',
      subject: message.subject,
      text: [
        `Hello ${deal.owner_name ?? ''},`,
        '',
        ...message.lines,
        '',
        `Open the deal: ${linkTo(deal)}`,
      ].join('\n'),
      dedupeKey: `deal:${deal.id}:${kind}:${deal.version}`,
    },
    now,
  );
}

/** The 14- and 3-day reminders before protection ends. */
export async function remindOwner(
  db: DbOrTx,
  deal: DealRow,
  stage: number,
  daysLeft: number,
  now: Date,
): Promise<void> {
  if (!deal.owner_email) return;
  await enqueueMail(
    db,
    {
      to: deal.owner_email,
      category: 'deal_reminder',
      subject: `Protection ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'}: ${deal.customer_name}`,
      text: [
        `Hello ${deal.owner_name ?? ''},`,
        '',
        `The protection of ${headline(deal)} ends on ${formatDate(deal.protected_until)}.`,
        deal.extension_status === null
          ? 'Mark it won or lost, or request the one extension it may have.'
          : 'Mark it won or lost before then.',
        '',
        `Open the deal: ${linkTo(deal)}`,
      ].join('\n'),
      dedupeKey: `deal:${deal.id}:reminder:${stage}:${deal.protected_until}`,
    },
    now,
  );
}

/** A deal waited longer than the review SLA: every admin hears about it, once. */
export async function escalateToAdmins(
  db: DbOrTx,
  deal: DealRow,
  admins: readonly { email: string; name: string }[],
  now: Date,
): Promise<void> {
  for (const admin of admins) {
    await enqueueMail(
      db,
      {
        to: admin.email,
        category: 'deal_escalation',
        subject: `Review overdue: ${deal.customer_name} from ${deal.partner_name}`,
        text: [
          `Hello ${admin.name},`,
          '',
          `${deal.partner_name} submitted ${headline(deal)} on ${formatDateTime(deal.last_submitted_at)}.`,
          `Its review was due by ${formatDateTime(deal.review_due_at)} and it is still undecided.`,
          '',
          `Review it: ${config().publicOrigin}/portal/review/${deal.id}`,
        ].join('\n'),
        dedupeKey: `deal:${deal.id}:escalation:${deal.last_submitted_at}:${admin.email}`,
      },
      now,
    );
  }
}
