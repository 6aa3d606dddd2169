import { useEffect, useRef, useState } from 'react';
import { describeConflict, describeRule } from '../../lib/matching/explain';
import { normaliseHost } from '../../lib/matching/host';
import type { ConflictReport } from '../../lib/matching/report';
import { STATUS_LABELS } from '../../lib/deals/statuses';

interface Props {
  /** The deal form this panel watches. */
  formId: string;
  /** The check the server ran for this render (after "Check for conflicts" or a failed post). */
  initial: ConflictReport | null;
  productNames: Record<string, string>;
  /** When editing: leave the deal itself out. */
  dealId?: string | undefined;
}

type Phase = 'idle' | 'checking' | 'done' | 'error';

function readForm(form: HTMLFormElement, dealId: string | undefined) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const domain = text('customerDomain');
  const email = text('contactEmail');
  const input: Record<string, unknown> = {
    products: data.getAll('products').map(String),
    ...(text('customerName') ? { customerName: text('customerName') } : {}),
    ...(normaliseHost(domain) ? { customerDomain: domain } : {}),
    ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { contactEmail: email } : {}),
    ...(dealId ? { dealId } : {}),
  };
  const isEnough = 'customerName' in input || 'customerDomain' in input || 'contactEmail' in input;
  return isEnough ? input : null;
}

/**
 * The live conflict check: as the partner types the customer, its domain, the contact's
 * e-mail or picks products, it asks `deals.checkConflicts` (debounced) and explains what
 * matched. Without JavaScript the server renders the same panel after "Check for conflicts".
 */
export default function ConflictPanel({ formId, initial, productNames, dealId }: Props) {
  const [report, setReport] = useState<ConflictReport | null>(initial);
  const [phase, setPhase] = useState<Phase>(initial ? 'done' : 'idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const check = () => {
      const input = readForm(form, dealId);
      if (!input) return;
      const ticket = ++latest.current;
      setPhase('checking');
      fetch(`/api/trpc/deals.checkConflicts?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: { accept: 'application/json' },
      })
        .then(async (response) => {
          const body = (await response.json()) as { result?: { data: ConflictReport } };
          if (ticket !== latest.current) return;
          if (!response.ok || !body.result) {
            setPhase('error');
            return;
          }
          setReport(body.result.data);
          setPhase('done');
        })
        .catch(() => ticket === latest.current && setPhase('error'));
    };
    const onChange = (event: Event) => {
      const name = (event.target as HTMLInputElement | null)?.name ?? '';
      if (!['customerName', 'customerDomain', 'contactEmail', 'products'].includes(name)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(check, 450);
    };
    form.addEventListener('input', onChange);
    form.addEventListener('change', onChange);
    return () => {
      form.removeEventListener('input', onChange);
      form.removeEventListener('change', onChange);
      clearTimeout(timer.current);
    };
  }, [formId, dealId]);

  const nameOf = (slug: string) => productNames[slug] ?? slug;
  const isClear =
    report && report.conflicts.length === 0 && !report.duplicate && report.related.length === 0;
  return (
    <section
      className="conflict-panel"
      aria-labelledby="conflict-title"
      aria-live="polite"
      aria-busy={phase === 'checking'}
    >
      <h2 id="conflict-title">Conflict check</h2>
      {phase === 'idle' && (
        <p className="muted">
          Fill in the customer, its web domain or the contact’s e-mail: we check them against every
          active registration as you type.
        </p>
      )}
      {phase === 'checking' && <p className="muted">Checking…</p>}
      {phase === 'error' && (
        <p className="muted">Keep typing: the check runs once the fields look complete.</p>
      )}
      {report && phase !== 'checking' && (
        <>
          {isClear && <p className="alert success">No other registration matches this customer.</p>}
          {report.duplicate && (
            <div className="alert error">
              <strong>You already have this deal open.</strong>{' '}
              <a href={`/portal/deals/${report.duplicate.id}`}>
                {report.duplicate.customerName} ({STATUS_LABELS[report.duplicate.status]})
              </a>{' '}
              shares a product with this one; registering it again will be refused. Update that deal
              instead.
            </div>
          )}
          {report.conflicts.map((conflict, i) => (
            <div className="alert warning" key={i}>
              <p>
                <strong>{describeConflict(conflict)}</strong>
              </p>
              <ul>
                {conflict.rules.map((hit) => (
                  <li key={hit.rule}>{describeRule(hit, nameOf)}</li>
                ))}
              </ul>
              <p className="small">
                You can still register: a channel manager reviews conflicts, and the first
                registration usually wins.
              </p>
            </div>
          ))}
          {report.related.length > 0 && (
            <p className="alert info">
              Your company has other open deals for this customer without a product in common:{' '}
              {report.related.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <a href={`/portal/deals/${r.id}`}>{r.customerName}</a>
                </span>
              ))}
              .
            </p>
          )}
        </>
      )}
    </section>
  );
}
