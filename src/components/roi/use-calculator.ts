import { sendEvent } from '../../lib/analytics/beacon';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  checkBelievability,
  type Believability,
  type ConservativeChange,
} from '../../lib/roi/analysis/believability';
import { disputedInputs } from '../../lib/roi/analysis/monte-carlo';
import { tornado, type Tornado } from '../../lib/roi/analysis/sensitivity';
import {
  formatFieldText,
  numberFields,
  parseTextValues,
  textValues,
  type Field,
  type FieldIssue,
  type InputValues,
} from '../../lib/roi/fields';
import { BENEFIT_LINES, getModel, type ModelContext, type ModelResult } from '../../lib/roi/models';
import type { CalculatorProps } from './types';
import { useHeadlineSimulation, type HeadlineSimulation } from './use-headline-simulation';

/** The calculator's address for some texts: only what differs from the defaults. */
export function addressFor(
  path: string,
  fields: readonly Field[],
  text: Record<string, string>,
  defaultText: Record<string, string>,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams(extra);
  for (const field of fields) {
    const value = text[field.key] ?? '';
    if (value !== defaultText[field.key]) params.set(field.key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export interface CalculatorState {
  /** Where these numbers live: the page address with what differs from the defaults. */
  address: string;
  fields: ReturnType<ReturnType<typeof getModel>['fields']>;
  ctx: ModelContext;
  text: Record<string, string>;
  setText: (key: string, value: string) => void;
  reset: () => void;
  issues: Record<string, string>;
  values: InputValues | null;
  result: ModelResult | null;
  /** The last valid result, kept (dimmed) while a field is being fixed. */
  shownResult: ModelResult | null;
  tornado: Tornado | null;
  ranges: Record<string, { low: number; high: number } | undefined>;
  defaultText: Record<string, string>;
  /** Inputs with disputed evidence; simulated only when the person opts in. */
  disputed: { key: string; label: string }[];
  includeDisputed: boolean;
  setIncludeDisputed: (include: boolean) => void;
  /** Inputs the simulations hold at their values (the disputed ones, unless opted in). */
  held: readonly string[];
  simulation: HeadlineSimulation;
  /** Past ROI 1,000% or payback inside a month: what drives it, the conservative case. */
  believability: Believability | null;
  /** Sets several inputs at once (the conservative case). */
  applyChanges: (changes: readonly ConservativeChange[]) => void;
}

function issuesByKey(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}

/**
 * The calculator's state: the text of every field, parsed and validated on each change, the
 * model recomputed instantly, and the page address kept in step so a link (or signing in)
 * brings the same numbers back.
 */
export function useCalculator(props: CalculatorProps): CalculatorState {
  const model = getModel(props.model);
  const ctx = useMemo<ModelContext>(() => ({ markets: props.markets }), [props.markets]);
  const fields = useMemo(() => model.fields(ctx), [model, ctx]);
  const defaultValues = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(props.benchmarks).map(([k, b]) => [k, b.value]),
      ) as InputValues,
    [props.benchmarks],
  );
  const defaultText = useMemo(() => textValues(fields, defaultValues), [fields, defaultValues]);
  const ranges = useMemo(
    () => Object.fromEntries(Object.entries(props.benchmarks).map(([k, b]) => [k, b.range])),
    [props.benchmarks],
  );
  const [text, setAll] = useState<Record<string, string>>({ ...defaultText, ...props.initialText });
  const [isPristine, setPristine] = useState(true);

  const parsed = useMemo(() => parseTextValues(fields, text), [fields, text]);
  const issues = useMemo(() => {
    const own = issuesByKey(parsed.issues);
    return isPristine ? { ...props.initialErrors, ...own } : own;
  }, [parsed.issues, isPristine, props.initialErrors]);
  const values = parsed.issues.length === 0 ? parsed.values : null;
  const result = useMemo(() => {
    if (!values) return null;
    try {
      return model.evaluate(values, ctx);
    } catch {
      return null;
    }
  }, [model, values, ctx]);
  const lastGood = useRef<ModelResult | null>(result);
  if (result) lastGood.current = result;
  const sensitivity = useMemo(
    () => (values && result ? tornado(model, values, ctx, ranges) : null),
    [model, values, result, ctx, ranges],
  );

  const disputed = useMemo(
    () =>
      disputedInputs(props.benchmarks).map((key) => ({
        key,
        label: fields.find((f) => f.key === key)?.label ?? key,
      })),
    [props.benchmarks, fields],
  );
  const [includeDisputed, setIncludeDisputed] = useState(false);
  const held = useMemo(
    () => (includeDisputed ? [] : disputed.map((d) => d.key)),
    [includeDisputed, disputed],
  );
  const simulation = useHeadlineSimulation(
    props.model,
    values && result ? values : null,
    result?.npv ?? null,
    ctx,
    ranges,
    held,
  );

  const believability = useMemo(
    () =>
      values && result && sensitivity
        ? checkBelievability(
            model,
            values,
            ctx,
            result,
            sensitivity,
            ranges,
            BENEFIT_LINES[props.model],
          )
        : null,
    [model, values, result, sensitivity, ctx, ranges, props.model],
  );

  const address = addressFor(
    props.path,
    fields,
    text,
    defaultText,
    props.scenario ? { scenario: props.scenario.id } : {},
  );
  // Report a recompute to analytics once the numbers settle (3 s), at most once every 30 s.
  const lastReport = useRef(0);
  useEffect(() => {
    if (isPristine || !result) return;
    const timer = setTimeout(() => {
      if (Date.now() - lastReport.current < 30_000) return;
      lastReport.current = Date.now();
      sendEvent({
        type: 'roi_computed',
        props: { model: props.model, npv: Math.round(result.npv) },
      });
    }, 3000);
    return () => clearTimeout(timer);
  }, [result, isPristine, props.model]);

  // Keep the address in step, without piling up history.
  useEffect(() => {
    const timer = setTimeout(() => {
      window.history.replaceState(null, '', address + window.location.hash);
    }, 300);
    return () => clearTimeout(timer);
  }, [address]);

  return {
    address,
    fields,
    ctx,
    text,
    setText: (key, value) => {
      setPristine(false);
      setAll((current) => ({ ...current, [key]: value }));
    },
    reset: () => {
      setPristine(false);
      setAll({ ...defaultText });
    },
    issues,
    values,
    result,
    shownResult: result ?? lastGood.current,
    tornado: sensitivity,
    ranges,
    defaultText,
    disputed,
    includeDisputed,
    setIncludeDisputed,
    held,
    simulation,
    believability,
    applyChanges: (changes) => {
      setPristine(false);
      const byKey = new Map(numberFields(fields).map((f) => [f.key, f]));
      setAll((current) => {
        const next = { ...current };
        for (const c of changes) {
          const field = byKey.get(c.key);
          if (field) next[c.key] = formatFieldText(field, c.to);
        }
        return next;
      });
    },
  };
}
