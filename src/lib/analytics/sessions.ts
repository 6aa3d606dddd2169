/** A visit ends after 30 minutes without events (the convention of most web analytics tools). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;

/**
 * How long a visitor's visit state is kept after their last event (retention.ts deletes it
 * then): a visit can only go on for 30 minutes, and a late event older than this is placed by
 * looking at the stored events instead.
 */
export const VISIT_STATE_KEPT_MS = SESSION_IDLE_MS + 24 * 60 * 60 * 1000;

export interface SessionState {
  sessionId: string;
  startedAt: number;
  lastSeenAt: number;
}

/**
 * Assigns an event at `at` to a session. A new session starts when the visitor has none or
 * was idle longer than 30 minutes. A late event (older than the last one seen) joins the
 * current session when its time is inside it or within 30 minutes before its start; older
 * than that, it belongs to an earlier visit (`isEarlier`): the caller finds the session its
 * own time belongs to, or starts one on that day, and the current session does not change.
 * Replaying events in arrival order always gives the same sessions.
 */
export function assignSession(
  state: SessionState | null,
  at: number,
  createId: () => string,
): { state: SessionState; isNew: boolean; isEarlier?: true } {
  if (state && at < state.startedAt - SESSION_IDLE_MS)
    return { state, isNew: false, isEarlier: true };
  if (!state || at - state.lastSeenAt > SESSION_IDLE_MS) {
    return { state: { sessionId: createId(), startedAt: at, lastSeenAt: at }, isNew: true };
  }
  if (at < state.startedAt) return { state: { ...state, startedAt: at }, isNew: false };
  if (at <= state.lastSeenAt) return { state, isNew: false };
  return { state: { ...state, lastSeenAt: at }, isNew: false };
}

/** Where a visit came from: the UTM source, else the referring site, else "direct". */
export function sessionSource(
  utmSource: string | null | undefined,
  referrerHost: string | null | undefined,
): string {
  return (utmSource || referrerHost || 'direct').toLowerCase().slice(0, 100);
}
