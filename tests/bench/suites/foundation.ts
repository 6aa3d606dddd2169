import {
  forkServer,
  load,
  throughputRow,
  type BenchRow,
  type Loaded,
  type Ratio,
} from '../harness';
import type { BenchContext } from '../run';

/**
 * The web stack's cost: a bare node:http handler, auth.me on bare tRPC (standalone adapter,
 * same session check), and auth.me through the full Astro server (middleware, session cookie).
 */
export async function foundationSuite(
  ctx: BenchContext,
): Promise<{ rows: BenchRow[]; ratios: Ratio[] }> {
  const cookie = ctx.cookies.ana!;
  const bareHttp = await forkServer('servers/bare-http.ts', {});
  const bareTrpc = await forkServer('servers/bare-trpc.ts', { DATABASE_URL: ctx.databaseUrl });
  try {
    const http = await load({ url: `${bareHttp.url}/` });
    const trpc = await load({ url: `${bareTrpc.url}/api/trpc/auth.me`, headers: { cookie } });
    const full = await load({ url: `${ctx.baseUrl}/api/trpc/auth.me`, headers: { cookie } });
    // The edge's floor: an endpoint doing almost nothing (SELECT 1), no session cookie.
    const floor = await load({ url: `${ctx.baseUrl}/api/health` });
    const row = (name: string, r: Loaded) => throughputRow('foundation', name, r);
    return {
      rows: [
        row('bare node:http', http),
        row('auth.me on bare tRPC', trpc),
        row('auth.me through full server', full),
        row('edge floor: /api/health, no session', floor),
      ],
      ratios: [
        {
          name: 'full stack / bare tRPC (auth.me)',
          numerator: 'auth.me through full server',
          denominator: 'auth.me on bare tRPC',
          value: full.rps / trpc.rps,
          budget: 0.9,
        },
        {
          name: 'edge floor / bare tRPC',
          numerator: 'edge floor: /api/health, no session',
          denominator: 'auth.me on bare tRPC',
          value: floor.rps / trpc.rps,
        },
        {
          name: 'bare tRPC / node:http',
          numerator: 'auth.me on bare tRPC',
          denominator: 'bare node:http',
          value: trpc.rps / http.rps,
        },
      ],
    };
  } finally {
    bareHttp.child.kill();
    bareTrpc.child.kill();
  }
}
