import { resolve } from 'node:path';
import { forkServer, load, type BenchRow, type Ratio } from '../harness';
import type { BenchContext } from '../run';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGE = resolve(ROOT, 'dist/client/for/contact-center/index.html');

/**
 * The edge server's budgets (issue 10), measured in one run: bare node:http with the bytes of
 * /for/contact-center; the same page from the edge; personalised `/` for a first-time visitor
 * (no cookies, utm_audience set, as ad traffic arrives) and for a returning one.
 */
export async function edgeSuite(ctx: BenchContext): Promise<{ rows: BenchRow[]; ratios: Ratio[] }> {
  const bare = await forkServer('servers/bare-bytes.ts', { BYTES_FILE: PAGE });
  try {
    const first = await fetch(`${ctx.baseUrl}/?utm_audience=contact-center`);
    if (!(await first.text()).includes('Keep your agents longer'))
      throw new Error('a new visitor with utm_audience did not get the personalised page');
    const bareBytes = await load({ url: `${bare.url}/` });
    const prerendered = await load({ url: `${ctx.baseUrl}/for/contact-center` });
    const newVisitor = await load({ url: `${ctx.baseUrl}/?utm_audience=contact-center` });
    const returning = await load({
      url: `${ctx.baseUrl}/`,
      headers: { cookie: 'chasm_vid=benchreturningvisitor01; chasm_persona=contact-center~d' },
    });
    const row = (name: string, r: typeof bareBytes): BenchRow => ({
      suite: 'edge',
      name,
      value: r.rps,
      unit: 'req/s',
      detail: { p50_ms: r.p50, p99_ms: r.p99, errors: r.errors, non2xx: r.non2xx },
    });
    return {
      rows: [
        row('bare node:http, bytes of /for/contact-center', bareBytes),
        row('edge: prerendered /for/contact-center', prerendered),
        row('edge: personalised / for a new visitor (utm_audience)', newVisitor),
        row('edge: personalised / for a returning visitor', returning),
      ],
      ratios: [
        {
          name: 'new-visitor / ÷ prerendered page',
          numerator: 'edge: personalised / for a new visitor (utm_audience)',
          denominator: 'edge: prerendered /for/contact-center',
          value: newVisitor.rps / prerendered.rps,
          budget: 0.9,
        },
        {
          name: 'returning-visitor / ÷ prerendered page',
          numerator: 'edge: personalised / for a returning visitor',
          denominator: 'edge: prerendered /for/contact-center',
          value: returning.rps / prerendered.rps,
        },
        {
          name: 'prerendered page ÷ bare node:http (same bytes)',
          numerator: 'edge: prerendered /for/contact-center',
          denominator: 'bare node:http, bytes of /for/contact-center',
          value: prerendered.rps / bareBytes.rps,
          budget: 0.4,
        },
      ],
    };
  } finally {
    bare.child.kill();
  }
}
