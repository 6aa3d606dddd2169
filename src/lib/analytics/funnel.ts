/**
 * Ordered funnels. A visitor enters a funnel at their first event matching step 1 and is
 * counted at step n when, after entering, they did steps 2…n in order, each after the one
 * before, all within the window from the entry. A visitor enters each funnel once; counts are
 * grouped by the day and persona of entry, so a date range selects by entry day.
 */
export interface FunnelStep {
  type: string;
  /** When set, the event's path must equal it, or start with it when it ends with `*`. */
  path?: string;
}

export interface FunnelDefinition {
  id: string;
  steps: FunnelStep[];
  windowMs: number;
}

export interface FunnelEvent {
  visitorId: string;
  type: string;
  path: string | null;
  persona: string | null;
  /** Milliseconds since the epoch. */
  at: number;
}

export function matchesStep(step: FunnelStep, event: Pick<FunnelEvent, 'type' | 'path'>): boolean {
  if (step.type !== event.type) return false;
  if (step.path === undefined) return true;
  const path = event.path ?? '';
  return step.path.endsWith('*') ? path.startsWith(step.path.slice(0, -1)) : path === step.path;
}

/** Where one visitor stands in one funnel. */
export interface FunnelProgress {
  /** Index of the last step reached (0 = entered). */
  step: number;
  enteredAt: number;
  lastAt: number;
  persona: string | null;
}

/**
 * Advances one visitor's progress by one event (in arrival order). Returns the new progress
 * and the step newly reached, or null when the event changes nothing. The incremental rollup
 * and the from-scratch computation both use this function, so they cannot disagree.
 */
export function advance(
  funnel: FunnelDefinition,
  progress: FunnelProgress | null,
  event: FunnelEvent,
): { progress: FunnelProgress; reached: number } | null {
  if (!progress) {
    const first = funnel.steps[0];
    if (!first || !matchesStep(first, event)) return null;
    return {
      progress: { step: 0, enteredAt: event.at, lastAt: event.at, persona: event.persona },
      reached: 0,
    };
  }
  const next = funnel.steps[progress.step + 1];
  if (!next || event.at < progress.lastAt || event.at > progress.enteredAt + funnel.windowMs)
    return null;
  if (!matchesStep(next, event)) return null;
  return {
    progress: { ...progress, step: progress.step + 1, lastAt: event.at },
    reached: progress.step + 1,
  };
}

/** Counts per entry day, persona and step: key `${day}|${persona}|${step}`. */
export function computeFunnelCounts(
  funnel: FunnelDefinition,
  events: Iterable<FunnelEvent>,
): Map<string, number> {
  const progress = new Map<string, FunnelProgress>();
  const counts = new Map<string, number>();
  for (const event of events) {
    const result = advance(funnel, progress.get(event.visitorId) ?? null, event);
    if (!result) continue;
    progress.set(event.visitorId, result.progress);
    const key = `${new Date(result.progress.enteredAt).toISOString().slice(0, 10)}|${result.progress.persona ?? ''}|${result.reached}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface FunnelStepSummary {
  step: number;
  visitors: number;
  /** Share of the visitors who entered. */
  ofEntered: number;
  /** Share of the previous step's visitors. */
  ofPrevious: number;
}

/** Turns per-step visitor counts into conversion shares. */
export function summariseSteps(visitorsPerStep: number[]): FunnelStepSummary[] {
  const entered = visitorsPerStep[0] ?? 0;
  return visitorsPerStep.map((visitors, step) => {
    const previous = step === 0 ? entered : (visitorsPerStep[step - 1] ?? 0);
    return {
      step,
      visitors,
      ofEntered: entered ? visitors / entered : 0,
      ofPrevious: previous ? visitors / previous : 0,
    };
  });
}
