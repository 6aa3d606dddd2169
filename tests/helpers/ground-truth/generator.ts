import { isInHoldout } from '../../../src/lib/personas/holdout';
import { baseUrl } from '../http';
import { Browser, GOOGLEBOT_UA, inPool, sleep } from './browser';
import { day, Ledger, type LedgerEvent } from './ledger';
import { Rng } from './prng';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const PERSONAS = [
  'developers',
  'contact-center',
  'revenue-teams',
  'executives',
  'it-operations',
  'systems-integrators',
] as const;
const MODELS = ['attrition', 'speed-to-lead', 'market-sizing'] as const;
/** The flows the generator completes, with answers for every step (content/personas/flows). */
const FLOWS: Record<string, { step: string; fields: Record<string, string> }[]> = {
  developers: [
    {
      step: 'project',
      fields: { useCase: 'lead-routing', languages: 'javascript', stage: 'exploring' },
    },
    { step: 'account', fields: { name: 'Gt Dev', company: 'Gt Co', companyDomain: 'gt-co.test' } },
  ],
  'revenue-teams': [
    { step: 'leads', fields: { monthlyLeads: '900', currentResponse: 'later', crm: 'hubspot' } },
    { step: 'contact', fields: { name: 'Gt Rev', company: 'Gt Co', companyDomain: 'gt-co.test' } },
  ],
  executives: [
    {
      step: 'priority',
      fields: { priority: 'attrition', revenueBand: '1b-10b', decisionTimeline: 'this-year' },
    },
    {
      step: 'contact',
      fields: { name: 'Gt Exec', title: 'CFO', company: 'Gt Co', companyDomain: 'gt-co.test' },
    },
  ],
};

/** Host folding as documented: lower case, no leading www., no trailing dot. */
function foldHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  const host = new URL(referrer).hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return host === '127.0.0.1' ? null : host;
}

interface Planned {
  type: 'page_view' | 'cta_clicked' | 'roi_computed';
  url: string;
  referrer?: string;
  at: number;
  id: string;
  props?: Record<string, unknown>;
}

interface BeaconPerson {
  key: string;
  kind: 'cookie' | 'dnt' | 'bot';
  browser: Browser;
  batches: Planned[][];
  /** Sent after everything else: events dated before events already sent. */
  late: Planned[];
  resendFirst: boolean;
}

export interface Lead {
  email: string;
  persona: string;
  person: string;
  answered: boolean;
}

export interface GenerationReport {
  ledger: Ledger;
  leads: Lead[];
  people: { beacon: number; dnt: number; bots: number; today: number };
  problems: string[];
  stats: Record<string, number>;
  /** The id cookie the server gave each cookie person (for diagnostics). */
  visitorIds: Map<string, string>;
}

export async function generate(seed: number, now: number): Promise<GenerationReport> {
  const rng = new Rng(seed);
  const ledger = new Ledger();
  const problems: string[] = [];
  const stats: Record<string, number> = {
    batches: 0,
    events: 0,
    resentBatches: 0,
    lateSeparate: 0,
    lateWithin: 0,
    midnightVisits: 0,
  };
  const today = Date.parse(`${day(now)}T00:00:00Z`);
  const firstDay = today - 5 * DAY;
  let ipSerial = 0;
  const nextIp = () => {
    ipSerial++;
    return `10.${77 + (seed % 100)}.${Math.floor(ipSerial / 250)}.${(ipSerial % 250) + 1}`;
  };
  const site = baseUrl();

  function landing(): { url: string; referrer?: string } {
    const r = rng.next();
    const path =
      r < 0.55
        ? `/for/${rng.pick(PERSONAS)}`
        : r < 0.65
          ? '/solutions'
          : r < 0.75
            ? '/solutions/speed-to-lead'
            : `/roi/${rng.pick(MODELS)}`;
    const s = rng.next();
    const query =
      s < 0.25 ? '?utm_source=Newsletter&utm_medium=email' : s < 0.4 ? '?utm_source=linkedin' : '';
    const f = rng.next();
    const referrer =
      f < 0.25
        ? 'https://www.google.com/'
        : f < 0.35
          ? 'https://WWW.GitHub.com/relay/sdk'
          : f < 0.45
            ? 'https://news.ycombinator.com/item?id=1'
            : undefined;
    return { url: path + query, ...(referrer ? { referrer } : {}) };
  }

  function nextPage(): Planned['url'] {
    const r = rng.next();
    return r < 0.5
      ? `/for/${rng.pick(PERSONAS)}`
      : r < 0.7
        ? '/solutions'
        : `/roi/${rng.pick(MODELS)}`;
  }

  function visitEvents(start: number, count: number, gap: () => number): Planned[] {
    const events: Planned[] = [];
    let at = start;
    const first = landing();
    events.push({ type: 'page_view', ...first, at: Math.round(at), id: rng.eventId() });
    let url = first.url;
    for (let i = 1; i < count; i++) {
      at += gap();
      const r = rng.next();
      if (r < 0.2) {
        events.push({
          type: 'cta_clicked',
          url,
          at: Math.round(at),
          id: rng.eventId(),
          props: { cta: 'hero-start' },
        });
      } else if (r < 0.35) {
        // The calculators post from their own page, from a saved scenario or from a share link.
        const model = rng.pick(MODELS);
        const where = rng.next();
        const page =
          where < 0.6
            ? `/roi/${model}?seats=200`
            : where < 0.8
              ? `/roi/shared/${rng.eventId()}`
              : `/roi/scenarios/${rng.eventId()}`;
        events.push({
          type: 'roi_computed',
          url: page,
          at: Math.round(at),
          id: rng.eventId(),
          props: { model, npv: rng.int(-5000, 900000) },
        });
      } else {
        url = nextPage();
        events.push({
          type: 'page_view',
          url,
          referrer: `${site}/`,
          at: Math.round(at),
          id: rng.eventId(),
        });
      }
    }
    return events;
  }

  // 1. Visitors of the last five days, through the beacon.
  const people: BeaconPerson[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = rng.next();
    const kind = r < 0.04 ? 'bot' : r < 0.12 ? 'dnt' : 'cookie';
    const browser = new Browser(nextIp(), {
      dnt: kind === 'dnt',
      ...(kind === 'bot' ? { userAgent: GOOGLEBOT_UA } : {}),
    });
    const batches: Planned[][] = [];
    const crossesMidnight = kind === 'cookie' && rng.chance(0.06);
    const visits = kind === 'cookie' ? (rng.chance(0.12) ? 3 : rng.chance(0.3) ? 2 : 1) : 1;
    let start = crossesMidnight
      ? today - rng.int(1, 4) * DAY - rng.between(10, 25) * MIN
      : rng.between(firstDay, now - 3 * HOUR);
    for (let v = 0; v < visits; v++) {
      const midnight = crossesMidnight && v === 0;
      const count = midnight ? rng.int(3, 5) : rng.int(1, 5);
      // A visit that would run into the future stops now: the server refuses future events.
      const events = visitEvents(start, count, () =>
        midnight ? rng.between(8, 14) * MIN : rng.between(5_000, 20 * MIN),
      ).filter((e) => e.at <= now - 2 * MIN);
      if (events.length === 0) break;
      if (midnight) stats.midnightVisits!++;
      // A DNT visitor's id is a hash of the day it is received on; keep each on one past day.
      if (kind === 'dnt' && day(events.at(-1)!.at) !== day(start)) events.splice(1);
      batches.push(events);
      start = events.at(-1)!.at + rng.between(35 * MIN, 30 * HOUR);
      if (start > now - 10 * MIN) break;
    }
    const late: Planned[] = [];
    if (kind === 'cookie') {
      const first = batches[0]![0]!;
      if (rng.chance(0.05)) {
        // Queued offline and delivered last: a visit of its own 45–120 minutes before the first.
        late.push({
          ...first,
          at: Math.round(first.at - rng.between(45, 120) * MIN),
          id: rng.eventId(),
        });
        stats.lateSeparate!++;
      } else if (rng.chance(0.05) && batches.at(-1)!.length >= 2) {
        // Delivered late but inside a visit already recorded: joins it by any definition.
        const [a, b] = batches.at(-1)!;
        late.push({
          type: 'page_view',
          url: '/solutions',
          referrer: `${site}/`,
          at: Math.round((a!.at + b!.at) / 2),
          id: rng.eventId(),
        });
        stats.lateWithin!++;
      }
    }
    people.push({
      key: `b${i}`,
      kind,
      browser,
      batches,
      late,
      resendFirst: kind === 'cookie' && rng.chance(0.03),
    });
  }

  const toLedger = (person: BeaconPerson, e: Planned): LedgerEvent => {
    const url = new URL(e.url, 'http://site.invalid');
    const slug = /^\/for\/([a-z-]+)$/.exec(url.pathname)?.[1] ?? null;
    const cookiePersona = person.browser.cookie('chasm_persona')?.split('~')[0] ?? null;
    return {
      person: person.key,
      type: e.type,
      at: e.at,
      path: url.pathname,
      persona: slug ?? cookiePersona,
      utmSource: url.searchParams.get('utm_source')?.trim().toLowerCase() || null,
      referrerHost: foldHost(e.referrer),
      ...(e.props ? { props: e.props } : {}),
    };
  };

  async function send(person: BeaconPerson, batch: Planned[], isResend = false) {
    let response = await person.browser.beacon(batch);
    stats.batches!++;
    // A browser's keepalive fetch may retry a failed batch; event ids make the retry safe.
    // Each 5xx is reported (it is a server failure), and the retry keeps the ledger meaningful.
    for (let attempt = 1; response.status >= 500 && attempt <= 4; attempt++) {
      problems.push(
        `beacon ${person.key}: ${response.status} ${JSON.stringify(response.body).slice(0, 120)} (attempt ${attempt}; retried)`,
      );
      stats.retried = (stats.retried ?? 0) + 1;
      await sleep(100 * attempt);
      response = await person.browser.beacon(batch);
    }
    const expected =
      person.kind === 'bot'
        ? { stored: 0, duplicates: 0, ignored: 'bot' }
        : isResend
          ? { stored: 0, duplicates: batch.length }
          : { stored: batch.length, duplicates: 0 };
    if (response.status !== 202 || JSON.stringify(response.body) !== JSON.stringify(expected)) {
      problems.push(
        `beacon ${person.key}${isResend ? ' (re-sent)' : ''}: expected 202 ${JSON.stringify(expected)}, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
      );
    }
    if (person.kind === 'bot' || isResend) return;
    for (const e of batch) ledger.add(toLedger(person, e));
    stats.events! += batch.length;
  }

  await inPool(people, 16, async (person) => {
    for (const [i, batch] of person.batches.entries()) {
      await send(person, batch);
      if (i === 0 && person.resendFirst) {
        stats.resentBatches!++;
        await send(person, batch, true);
      }
    }
    if (person.late.length) await send(person, person.late);
  });

  // 2. Today, through the server-rendered pages: the personalised home page, the switcher and
  // the onboarding flows. A person takes longer than the page-view buffer's 250 ms to click.
  const THINK = 400;
  const leads: Lead[] = [];
  type TodayPerson = {
    key: string;
    browser: Browser;
    persona: string | null;
    flow: 'none' | 'start' | 'complete';
    cta: boolean;
    switchTo: string | null;
    source: string;
    referrer: string | undefined;
    ctaId: string;
  };
  const todays: TodayPerson[] = [];
  const flowPersonas = Object.keys(FLOWS);
  const otherPersonas = [
    'contact-center',
    'it-operations',
    'developers',
    'executives',
    'revenue-teams',
  ];
  const plan = (key: string, browser: Browser, dntOrReturning: boolean) => {
    const r = rng.next();
    const flow: TodayPerson['flow'] = r < 0.45 ? 'complete' : r < 0.6 ? 'start' : 'none';
    const persona = flow === 'none' ? rng.pick(otherPersonas) : rng.pick(flowPersonas);
    const switchTo =
      !dntOrReturning && flow === 'none' && rng.chance(0.4) ? rng.pick(PERSONAS) : null;
    todays.push({
      key,
      browser,
      persona,
      flow,
      cta: flow !== 'none' || rng.chance(0.5),
      switchTo,
      ...draws(),
    });
  };
  // Everything random is drawn here, before the requests run concurrently, so a seed replays.
  const draws = () => ({
    source: rng.pick(['LinkedIn', 'newsletter', 'google-ads']),
    referrer: rng.chance(0.3) ? 'https://www.Google.com/' : undefined,
    ctaId: rng.eventId(),
  });
  for (let i = 0; i < 36; i++) plan(`t${i}`, new Browser(nextIp()), false);
  for (let i = 0; i < 3; i++)
    todays.push({
      key: `g${i}`,
      browser: new Browser(nextIp()),
      persona: null,
      flow: 'none',
      cta: false,
      switchTo: rng.pick(PERSONAS),
      ...draws(),
    });
  for (let i = 0; i < 8; i++) plan(`d${i}`, new Browser(nextIp(), { dnt: true }), true);
  // Returning visitors from the beacon days, with their id cookie: eight the holdout takes, eight it does not.
  const cookiePeople = people.filter((p) => p.kind === 'cookie' && p.browser.cookie('chasm_vid'));
  const held = cookiePeople.filter((p) =>
    isInHoldout(p.browser.cookie('chasm_vid')!, 'persona-site', 5),
  );
  const shown = cookiePeople.filter(
    (p) => !isInHoldout(p.browser.cookie('chasm_vid')!, 'persona-site', 5),
  );
  for (const p of [...held.slice(0, 8), ...shown.slice(0, 8)]) {
    plan(p.key, p.browser, true);
    todays.at(-1)!.flow = todays.at(-1)!.flow === 'none' ? 'complete' : todays.at(-1)!.flow;
    if (!flowPersonas.includes(todays.at(-1)!.persona!))
      todays.at(-1)!.persona = rng.pick(flowPersonas);
  }

  async function visitToday(p: TodayPerson) {
    const b = p.browser;
    const dnt = !!b.options.dnt;
    const server = (
      e: Omit<LedgerEvent, 'person' | 'utmSource' | 'referrerHost'> & Partial<LedgerEvent>,
    ) => ledger.add({ person: p.key, utmSource: null, referrerHost: null, ...e });
    const expectStatus = (what: string, response: Response, status: number) => {
      if (response.status !== status)
        problems.push(`${p.key} ${what}: expected ${status}, got ${response.status}`);
    };
    // The home page, from a campaign (or plain, for visitors without a persona).
    const { source, referrer } = p;
    const home = p.persona ? `/?utm_audience=${p.persona}&utm_source=${source}` : '/';
    let at = Date.now();
    expectStatus('GET /', await b.get(home, referrer ? { referer: referrer } : {}), 200);
    const vid = b.cookie('chasm_vid');
    const variant =
      p.persona && !dnt && isInHoldout(vid!, 'persona-site', 5) ? 'holdout' : 'personalized';
    const utmSource = p.persona ? source.toLowerCase() : null;
    const referrerHost = foldHost(referrer);
    if (p.persona)
      server({
        type: 'experience_viewed',
        at,
        path: '/',
        persona: p.persona,
        variant,
        eligible: !dnt,
        utmSource,
        referrerHost,
      });
    server({
      type: 'page_view',
      at,
      path: '/',
      persona: variant === 'personalized' ? p.persona : null,
      utmSource,
      referrerHost,
    });
    await sleep(THINK);
    if (p.cta) {
      at = Date.now();
      const event = {
        type: 'cta_clicked',
        url: '/',
        at,
        id: p.ctaId,
        props: { cta: 'hero-start' },
      };
      const response = await b.beacon([event]);
      if (response.status !== 202) problems.push(`${p.key} cta beacon: ${response.status}`);
      server({
        type: 'cta_clicked',
        at,
        path: '/',
        persona: dnt ? null : p.persona,
        props: event.props,
      });
      await sleep(THINK);
    }
    if (p.switchTo) {
      at = Date.now();
      const from = p.persona;
      expectStatus('switch', await b.get(`/persona?set=${p.switchTo}&next=%2F`), 303);
      server({
        type: 'persona_switched',
        at,
        path: '/',
        persona: p.switchTo,
        props: { from, fromSource: from ? 'cookie' : 'default', to: p.switchTo },
      });
      at = Date.now();
      expectStatus('GET / after switching', await b.get('/'), 200);
      server({
        type: 'experience_viewed',
        at,
        path: '/',
        persona: p.switchTo,
        variant: 'personalized',
        eligible: false,
      });
      server({ type: 'page_view', at, path: '/', persona: p.switchTo });
      return;
    }
    if (p.flow === 'none' || !p.persona) return;
    const slug = p.persona;
    const flowPath = `/start/${slug}`;
    const pagePersona = variant === 'personalized' ? slug : null;
    at = Date.now();
    expectStatus('GET flow', await b.get(flowPath), 200);
    server({ type: 'page_view', at, path: flowPath, persona: pagePersona });
    if (!dnt) server({ type: 'flow_started', at, path: flowPath, persona: slug });
    await sleep(THINK);
    const steps = FLOWS[slug]!;
    let location = flowPath;
    let resume: string | null = null;
    const email = `gt-${seed}-${p.key}@ground-truth.test`;
    for (const [i, step] of steps.entries()) {
      if (i === steps.length - 1 && p.flow !== 'complete') return;
      const fields: Record<string, string> = {
        step: step.step,
        ...step.fields,
        ...(i === steps.length - 1 ? { email } : {}),
      };
      if (resume) fields.resume = resume;
      at = Date.now();
      const posted = await b.postForm(location, fields);
      expectStatus(`POST ${step.step}`, posted, 303);
      if (dnt && i === 0) server({ type: 'flow_started', at, path: flowPath, persona: slug });
      server({ type: 'flow_step_completed', at, path: flowPath, persona: slug });
      if (i === steps.length - 1) {
        server({ type: 'flow_completed', at, path: flowPath, persona: slug });
        server({ type: 'lead_created', at, path: flowPath, persona: slug });
        leads.push({ email, persona: slug, person: p.key, answered: false });
      }
      location = posted.headers.get('location') ?? flowPath;
      resume = new URL(location, 'http://x').searchParams.get('resume') ?? resume;
      await sleep(THINK / 2);
      at = Date.now();
      expectStatus('GET after POST', await b.get(location), 200);
      server({ type: 'page_view', at, path: flowPath, persona: dnt ? slug : pagePersona });
      await sleep(THINK);
    }
  }

  await inPool(todays, 16, visitToday);
  // Crawlers on the home page: the page and nothing else.
  for (let i = 0; i < 5; i++) {
    const bot = new Browser(nextIp(), { userAgent: GOOGLEBOT_UA });
    const response = await bot.get('/?utm_audience=developers&utm_source=bot');
    if (response.status !== 200 || bot.cookies.size > 0)
      problems.push(`bot GET /: ${response.status}, cookies ${[...bot.cookies.keys()]}`);
  }
  return {
    ledger,
    leads,
    people: {
      beacon: people.filter((p) => p.kind === 'cookie').length,
      dnt:
        people.filter((p) => p.kind === 'dnt').length +
        todays.filter((t) => t.browser.options.dnt).length,
      bots: people.filter((p) => p.kind === 'bot').length + 5,
      today: todays.length,
    },
    problems,
    stats,
    visitorIds: new Map(
      [...people, ...todays].flatMap((p) => {
        const id = p.browser.cookie('chasm_vid');
        return id ? [[p.key, id] as [string, string]] : [];
      }),
    ),
  };
}
