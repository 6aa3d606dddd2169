import type { BenchmarkDefault, Source } from '../../lib/content/roi-schemas';
import { formatNumberFor } from '../../lib/roi/format';
import type { Field } from '../../lib/roi/fields';
import { worstStatus } from '../../lib/roi/risk';

const STATUS_LABEL: Record<Source['status'], string> = {
  primary: 'study',
  secondary: 'quoted',
  'vendor-claim': 'vendor claim',
  disputed: 'disputed',
  unverified: 'unverified',
  anecdote: 'anecdote',
  assumption: 'assumption',
};

const STATUS_CLASS: Partial<Record<Source['status'], string>> = {
  'vendor-claim': 'warning',
  disputed: 'warning',
  unverified: 'danger',
  anecdote: 'warning',
  assumption: '',
  primary: 'success',
};

export function SourceBadge({ status }: { status: Source['status'] }) {
  return <span className={`badge ${STATUS_CLASS[status] ?? ''}`}>{STATUS_LABEL[status]}</span>;
}

/** One source as a citation: title, publisher, year, link. */
export function Citation({ source }: { source: Source }) {
  const title = /[.?!]$/.test(source.title) ? source.title : `${source.title}.`;
  const label = `${title} ${source.publisher}, ${source.year}${source.year === 'n.d.' ? '' : '.'}`;
  return (
    <>
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer" target="_blank">
          {label}
        </a>
      ) : (
        <span>{label}</span>
      )}{' '}
      <SourceBadge status={source.status} />
      {source.note ? <span className="muted"> {source.note}</span> : null}
    </>
  );
}

function describeDefault(field: Field, b: BenchmarkDefault): string {
  if (field.kind !== 'number' || typeof b.value !== 'number') return '';
  const value = formatNumberFor(field.unit, b.value);
  if (!b.range) return `Default ${value}`;
  return `Default ${value}; evidence ${formatNumberFor(field.unit, b.range.low)} to ${formatNumberFor(field.unit, b.range.high)}`;
}

/** "Source: Publisher, 2022", or how an assumption was reached. */
function sourceLabel(b: BenchmarkDefault): string {
  const first = b.sources[0]!;
  if (first.status === 'assumption') return 'Our assumption (why?)';
  const cite = `${first.publisher}, ${first.year}`;
  return b.basis === 'assumption' ? `Assumption informed by ${cite}` : `Source: ${cite}`;
}

/** Under each input: its default, the evidence range, and where both come from. */
export function SourceNote({
  field,
  benchmark,
  id,
}: {
  field: Field;
  benchmark: BenchmarkDefault | undefined;
  id: string;
}) {
  if (!benchmark) return null;
  const summary = describeDefault(field, benchmark);
  return (
    <div className="source-note" id={id}>
      {summary && <span>{summary}. </span>}
      <details>
        <summary>
          {sourceLabel(benchmark)}
          {benchmark.sources.length > 1 ? ` and ${benchmark.sources.length - 1} more` : ''}{' '}
          <SourceBadge status={worstStatus(benchmark.sources)} />
        </summary>
        {benchmark.note && <p className="source-text">{benchmark.note}</p>}
        <ul className="source-list">
          {benchmark.sources.map((s) => (
            <li key={`${s.title}-${s.publisher}`}>
              <Citation source={s} />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The least trustworthy status among a default's sources (one ranking, in lib/roi/risk.ts). */
export { worstStatus };
