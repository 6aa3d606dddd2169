import {
  isStillUnusual,
  type Believability,
  type ConservativeChange,
} from '../../lib/roi/analysis/believability';
import { formatMoney, formatNumberFor, formatPercent, formatYears } from '../../lib/roi/format';

interface Props {
  believability: Believability;
  /** Sets the conservative inputs; absent where the page is not interactive. */
  onApply?: ((changes: ConservativeChange[]) => void) | undefined;
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Past ROI 1,000% or payback inside a month: what drives the result, and the conservative
 * inputs in one click (analysis/believability.ts).
 */
export function BelievabilityNote({ believability: b, onApply }: Props) {
  if (!b.isUnusual) return null;
  const drivers = b.drivers.map(
    (d) => `${d.label.toLowerCase()} (${formatNumberFor(d.unit, d.value)})`,
  );
  return (
    <div className="alert warning believability" role="note" data-testid="believability">
      <p>
        <strong>Unusually high:</strong> {joinWords(b.reasons)}. Few executives believe results like
        these without checking what they rest on.
        {drivers.length > 0 && <> They rest most on {joinWords(drivers)}.</>}
      </p>
      {b.after && (
        <p className="small">
          Conservative inputs set{' '}
          {joinWords(
            b.changes.map(
              (c) =>
                `${c.label.toLowerCase()} to ${formatNumberFor(c.unit, c.to)} (from ${formatNumberFor(c.unit, c.from)})`,
            ),
          )}
          : NPV {formatMoney(b.after.npv)}, ROI{' '}
          {b.after.roi === null ? 'without costs' : formatPercent(b.after.roi, 0)}, payback{' '}
          {formatYears(b.after.paybackYears)}.
          {isStillUnusual(b) &&
            ' Even then the case stays unusual: check these inputs against your own figures.'}
        </p>
      )}
      {onApply && b.after && (
        <button type="button" className="button secondary" onClick={() => onApply(b.changes)}>
          Use conservative inputs
        </button>
      )}
    </div>
  );
}
