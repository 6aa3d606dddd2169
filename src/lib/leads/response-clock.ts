import { MINUTE } from '../time';

export type ResponseState =
  'waiting' | 'overdue' | 'responded_on_time' | 'responded_late' | 'no_deadline';

export interface ResponseClock {
  state: ResponseState;
  /** Minutes until the deadline (positive) or past it (negative), while waiting. */
  minutesLeft: number | null;
  /** Minutes from creation to the first response, once answered. */
  responseMinutes: number | null;
}

/**
 * Where a lead stands against its response deadline. The clock starts when the lead is
 * created (not when someone opens it), because the buyer's interest starts cooling then.
 */
export function responseClock(
  lead: { created_at: string; response_due_at: string | null; first_response_at: string | null },
  now: Date,
): ResponseClock {
  if (lead.first_response_at) {
    const responseMinutes =
      (Date.parse(lead.first_response_at) - Date.parse(lead.created_at)) / MINUTE;
    const onTime = !lead.response_due_at || lead.first_response_at <= lead.response_due_at;
    return {
      state: onTime ? 'responded_on_time' : 'responded_late',
      minutesLeft: null,
      responseMinutes,
    };
  }
  if (!lead.response_due_at)
    return { state: 'no_deadline', minutesLeft: null, responseMinutes: null };
  const minutesLeft = (Date.parse(lead.response_due_at) - now.getTime()) / MINUTE;
  return { state: minutesLeft < 0 ? 'overdue' : 'waiting', minutesLeft, responseMinutes: null };
}

/** "4 min", "1 h 05 min", "2 d 3 h": compact durations for the inbox. */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(Math.abs(minutes)));
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`;
}

/** The inbox's one-line description of a clock. */
export function describeClock(clock: ResponseClock): string {
  switch (clock.state) {
    case 'waiting':
      return `Due in ${formatMinutes(clock.minutesLeft ?? 0)}`;
    case 'overdue':
      return `Overdue by ${formatMinutes(clock.minutesLeft ?? 0)}`;
    case 'responded_on_time':
      return `Answered in ${formatMinutes(clock.responseMinutes ?? 0)}`;
    case 'responded_late':
      return `Answered late, in ${formatMinutes(clock.responseMinutes ?? 0)}`;
    case 'no_deadline':
      return 'Partner application';
  }
}
