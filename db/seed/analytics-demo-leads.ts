import type { EventInput } from '../../src/server/analytics/record-event';
import type { NewLead } from '../../src/server/schema';
import { getSalesTeam } from '../../src/server/content/campaign-content';
import { findFlowForPersona } from '../../src/server/content/persona-content';
import type { Lead } from './analytics-demo';

const FIRST = [
  'Alex',
  'Sam',
  'Priya',
  'Jonas',
  'Mei',
  'Omar',
  'Lucía',
  'Kofi',
  'Elena',
  'Ravi',
  'Hana',
  'Tom',
  'Aisha',
  'Marek',
  'Noor',
];
const LAST = [
  'Schmidt',
  'Okoro',
  'Tanaka',
  'Silva',
  'Novak',
  'Haddad',
  'Larsen',
  'Mensah',
  'Rossi',
  'Iyer',
  'Kowalski',
  'Dubois',
];
const COMPANY = [
  'Northgate',
  'Bluewater',
  'Pinecrest',
  'Ironbridge',
  'Clearpath',
  'Summit',
  'Harbor',
  'Redwood',
  'Lumen',
  'Keystone',
];
const KIND = ['Logistics', 'Health', 'Insurance', 'Retail', 'Energy', 'Telecom', 'Bank', 'Travel'];

/**
 * First-response time of a simulated lead, in minutes: a quarter answered within 5 minutes,
 * most within the working day, a long tail to the next days (log-normal, median about
 * 14 minutes). Recent leads may still be waiting. Invented for the demo.
 */
function responseMinutes(random: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0.3, Math.exp(Math.log(14) + 1.6 * normal));
}

/** Lead records (and their `lead_responded` events) for the leads the generator simulated. */
export function buildDemoLeads(
  leads: Lead[],
  random: () => number,
  now: Date,
): { rows: NewLead[]; responses: EventInput[] } {
  const team = getSalesTeam();
  const deadlineMs = team.responseDeadlineMinutes * 60_000;
  const turn = new Map<string, number>();
  const rows: NewLead[] = [];
  const responses: EventInput[] = [];
  leads.forEach((lead, i) => {
    const first = FIRST[Math.floor(random() * FIRST.length)]!;
    const last = LAST[Math.floor(random() * LAST.length)]!;
    const company = `${COMPANY[Math.floor(random() * COMPANY.length)]} ${KIND[Math.floor(random() * KIND.length)]}`;
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '-')}.test`;
    const owners = team.owners.filter((o) => o.personas.includes(lead.persona));
    const isPartnerApplicant = lead.persona === 'systems-integrators' || owners.length === 0;
    const owner = isPartnerApplicant
      ? null
      : owners[(turn.get(lead.persona) ?? 0) % owners.length]!;
    if (!isPartnerApplicant) turn.set(lead.persona, (turn.get(lead.persona) ?? 0) + 1);
    const created = Date.parse(lead.at);
    const answeredAt = owner ? created + responseMinutes(random) * 60_000 : null;
    const isAnswered = answeredAt !== null && answeredAt <= now.getTime();
    rows.push({
      id: `demo_lead_${i.toString(36)}`,
      submission_key: `demo:${lead.visitorId}:${i}`,
      flow_id: findFlowForPersona(lead.persona)?.id ?? lead.persona,
      persona: lead.persona,
      name: `${first} ${last}`,
      email: `${first
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}.${last.toLowerCase()}@${domain}`,
      company,
      company_domain: domain,
      answers: '{}',
      visitor_id: lead.visitorId,
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      referral_code: lead.referralCode,
      owner_key: owner?.key ?? null,
      response_due_at: owner ? new Date(created + deadlineMs).toISOString() : null,
      first_response_at: isAnswered ? new Date(answeredAt).toISOString() : null,
      responded_by: null,
      response_channel: isAnswered ? (random() < 0.7 ? 'phone' : 'email') : null,
      response_note: null,
      partner_application_id: null,
      created_at: lead.at,
      updated_at: lead.at,
    });
    if (isAnswered) {
      responses.push({
        type: 'lead_responded',
        visitorId: lead.visitorId,
        occurredAt: new Date(answeredAt).toISOString(),
        persona: lead.persona,
        properties: {
          leadId: `demo_lead_${i.toString(36)}`,
          minutes: Math.round((answeredAt - created) / 60_000),
        },
      });
    }
  });
  return { rows, responses };
}
