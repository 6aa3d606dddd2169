/**
 * When to try a failed e-mail again: after 1, 2, 4… minutes, never more than an hour apart, for
 * `giveUpAfterMs` (24 hours by default) from its first attempt; after that, never (null), and
 * the message is `failed`. An SMTP outage of an afternoon delays mail; it does not lose it.
 */
export function nextMailAttempt(
  attempts: number,
  firstAttemptAt: number,
  now: number,
  giveUpAfterMs: number,
  capMs = 60 * 60_000,
): number | null {
  const wait = Math.min(capMs, 2 ** Math.max(0, attempts - 1) * 60_000);
  const next = now + wait;
  return next - firstAttemptAt > giveUpAfterMs ? null : next;
}
