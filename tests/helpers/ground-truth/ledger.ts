/**
 * The ground-truth ledger: what the generator sent, in the generator's own words, and the
 * dashboard figures computed from it with deliberately simple code written from the documented
 * definitions (README "Go-to-market analytics", comments in src/server/analytics and
 * content/funnels). Nothing here imports Chasm's analytics code.
 *
 * Definitions used:
 * - a visitor is a person: one id cookie, or one DNT visitor (one daily hash); bots are nobody;
 * - business events (lead_created, lead_responded, deal_*) make no visitor and no visit;
 * - days are UTC days of the event's time;
 * - a visit ends after 30 minutes without events: a person's events sorted by time, a new visit
 *   when the gap to the previous one is over 30 minutes. A visit is counted on the day it starts,
 *   with the persona and source (UTM source, else referring host, else "direct") of its first event;
 * - funnels: a visitor enters at their first event matching step 1 and reaches step n after doing
 *   steps 2…n in order within the window (7 days), counted by day and persona of entry;
 * - lift: a visitor's first holdout-eligible exposure per persona, converted by a lead of that
 *   visitor within 7 days after it;
 * - calculator runs count under the model that ran (`props.model`).
 */
export const BUSINESS = new Set([
  'lead_created',
  'lead_responded',
  'deal_registered',
  'deal_status_changed',
]);
export const SESSION_IDLE_MS = 30 * 60_000;
const DAY_MS = 86_400_000;
const WINDOW_MS = 7 * DAY_MS;

export interface LedgerEvent {
  person: string;
  type: string;
  at: number;
  path: string;
  persona: string | null;
  variant?: 'personalized' | 'holdout' | null;
  utmSource: string | null;
  referrerHost: string | null;
  /** experience_viewed only: the visitor could have been held out (inferred persona, tracked). */
  eligible?: boolean;
  props?: Record<string, unknown>;
}

export interface FunnelStep {
  type: string;
  path?: string;
}

export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function inc<K>(map: Map<K, number>, key: K, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

export class Ledger {
  readonly events: LedgerEvent[] = [];
  /** Events the server must have stored, by type (for the "stored exactly once" check). */
  readonly stored = new Map<string, number>();

  add(event: LedgerEvent): void {
    this.events.push(event);
    inc(this.stored, event.type);
  }

  /** A person's events in time order; same-time events keep the order they happened in. */
  private byPerson(): Map<string, LedgerEvent[]> {
    const people = new Map<string, LedgerEvent[]>();
    for (const e of this.events) {
      const list = people.get(e.person) ?? [];
      list.push(e);
      people.set(e.person, list);
    }
    for (const list of people.values()) list.sort((a, b) => a.at - b.at);
    return people;
  }

  inRange(ms: number, from: string, to: string): boolean {
    const d = day(ms);
    return d >= from && d <= to;
  }

  overview(from: string, to: string) {
    const visitors = new Map<string, Set<string>>();
    const personaVisitorDays = new Map<string, Set<string>>();
    const sessionsByDay = new Map<string, number>();
    const sessionsByPersona = new Map<string, number>();
    const sessionsBySource = new Map<string, number>();
    const pageViews = new Map<string, number>();
    for (const e of this.events) {
      if (!this.inRange(e.at, from, to)) continue;
      if (e.type === 'page_view') inc(pageViews, day(e.at));
      if (BUSINESS.has(e.type)) continue;
      const d = day(e.at);
      if (!visitors.has(d)) visitors.set(d, new Set());
      visitors.get(d)!.add(e.person);
      if (e.persona) {
        if (!personaVisitorDays.has(e.persona)) personaVisitorDays.set(e.persona, new Set());
        personaVisitorDays.get(e.persona)!.add(`${d}|${e.person}`);
      }
    }
    for (const list of this.byPerson().values()) {
      let last: number | null = null;
      for (const e of list) {
        if (BUSINESS.has(e.type)) continue;
        const isStart = last === null || e.at - last > SESSION_IDLE_MS;
        last = e.at;
        if (!isStart || !this.inRange(e.at, from, to)) continue;
        inc(sessionsByDay, day(e.at));
        inc(sessionsByPersona, e.persona ?? '');
        const source = (e.utmSource || e.referrerHost || 'direct').toLowerCase().slice(0, 100);
        inc(sessionsBySource, source);
      }
    }
    return {
      visitors: new Map([...visitors].map(([d, s]) => [d, s.size])),
      sessions: sessionsByDay,
      pageViews,
      personaVisitorDays: new Map([...personaVisitorDays].map(([p, s]) => [p, s.size])),
      sessionsByPersona,
      sessionsBySource,
    };
  }

  /** Visitors per (persona of entry, step) for visitors who entered in the range. */
  funnel(steps: FunnelStep[], from: string, to: string): Map<string, number[]> {
    const matches = (step: FunnelStep, e: LedgerEvent) =>
      step.type === e.type &&
      (step.path === undefined ||
        (step.path.endsWith('*')
          ? e.path.startsWith(step.path.slice(0, -1))
          : e.path === step.path));
    const out = new Map<string, number[]>();
    for (const list of this.byPerson().values()) {
      const entry = list.find((e) => matches(steps[0]!, e));
      if (!entry || !this.inRange(entry.at, from, to)) continue;
      let reached = 0;
      let lastAt = entry.at;
      let index = list.indexOf(entry);
      for (let s = 1; s < steps.length; s++) {
        const found = list.findIndex(
          (e, i) =>
            i > index && e.at >= lastAt && e.at <= entry.at + WINDOW_MS && matches(steps[s]!, e),
        );
        if (found < 0) break;
        reached = s;
        index = found;
        lastAt = list[found]!.at;
      }
      const persona = entry.persona ?? '';
      const counts = out.get(persona) ?? Array<number>(steps.length).fill(0);
      for (let s = 0; s <= reached; s++) counts[s]! += 1;
      out.set(persona, counts);
    }
    return out;
  }

  /** Per persona and variant: first eligible exposures and how many converted. */
  lift(from: string, to: string): Map<string, { trials: number; successes: number }> {
    const out = new Map<string, { trials: number; successes: number }>();
    for (const list of this.byPerson().values()) {
      const leads = list.filter((e) => e.type === 'lead_created').map((e) => e.at);
      const seen = new Set<string>();
      for (const e of list) {
        if (e.type !== 'experience_viewed' || !e.eligible || !e.persona || !e.variant) continue;
        if (seen.has(e.persona)) continue;
        seen.add(e.persona);
        if (!this.inRange(e.at, from, to)) continue;
        const key = `${e.persona}|${e.variant}`;
        const arm = out.get(key) ?? { trials: 0, successes: 0 };
        arm.trials += 1;
        if (leads.some((t) => t >= e.at && t - e.at <= WINDOW_MS)) arm.successes += 1;
        out.set(key, arm);
      }
    }
    return out;
  }

  switches(from: string, to: string) {
    const matrix = new Map<string, number>();
    const sources = new Map<string, { kept: number; switches: number }>();
    for (const e of this.events) {
      if (e.type !== 'persona_switched' || !this.inRange(e.at, from, to)) continue;
      const p = e.props as { from: string | null; fromSource: string | null; to: string };
      inc(matrix, `${p.from ?? 'generic'}|${p.to}`);
      const source = p.fromSource || 'default';
      const row = sources.get(source) ?? { kept: 0, switches: 0 };
      if (p.from === p.to) row.kept += 1;
      else row.switches += 1;
      sources.set(source, row);
    }
    return { matrix, sources };
  }

  /** Visits per person (diagnostics). */
  sessionStarts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [person, list] of this.byPerson()) {
      let last: number | null = null;
      for (const e of list) {
        if (BUSINESS.has(e.type)) continue;
        if (last === null || e.at - last > SESSION_IDLE_MS) inc(out, person);
        last = e.at;
      }
    }
    return out;
  }

  calculatorRuns(from: string, to: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of this.events)
      if (e.type === 'roi_computed' && this.inRange(e.at, from, to))
        inc(out, String(e.props?.model));
    return out;
  }
}
