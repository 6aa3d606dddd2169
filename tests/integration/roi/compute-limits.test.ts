import { describe, expect, it } from 'vitest';
import { BROWSER_UA, baseUrl, signIn } from '../../helpers/http';

/**
 * Issue 15, point 10: the server-side calculator is open to visitors, so what one address can
 * ask of it is bounded (ROI_COMPUTE_PER_MINUTE, 30 by default; 10,000 trials), while a
 * signed-in user gets more. Through the real server, as a script on the internet would call it.
 */
function compute(input: unknown, cookie?: string) {
  const query = encodeURIComponent(JSON.stringify(input));
  return fetch(`${baseUrl()}/api/trpc/roi.compute?input=${query}`, {
    headers: { 'user-agent': BROWSER_UA, ...(cookie ? { cookie } : {}) },
  });
}

const MANY_TRIALS = { model: 'attrition', monteCarlo: { trials: 20_000, seed: 1 } };

describe('roi.compute for visitors', () => {
  it('refuses more than 10,000 trials without signing in, on the field', async () => {
    const response = await compute(MANY_TRIALS);
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.error.message).toBe('Sign in to run more than 10,000 trials.');
    expect(body.error.data.issues).toEqual([
      { path: 'monteCarlo.trials', message: 'Without signing in, run at most 10,000 trials.' },
    ]);
  });

  it('lets a signed-in user run them', async () => {
    const cookie = await signIn('exec@chasm.test');
    const response = await compute(MANY_TRIALS, cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.result.data.monteCarlo.trials).toBe(20_000);
  });

  it('answers 429 with Retry-After once an address has made 30 calls in a minute', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const response = await compute({ model: 'speed-to-lead' });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else await response.body?.cancel();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(refused).toBeDefined();
    const seconds = Number(refused!.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    const body = (await refused!.json()) as any;
    expect(body.error.data.code).toBe('TOO_MANY_REQUESTS');
    expect(body.error.data.retryAfterSeconds).toBe(seconds);
    expect(body.error.message).toMatch(/more than 30 calculations a minute/);
  });
});
