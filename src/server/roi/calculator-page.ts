import type { RoiModelId } from '../../lib/catalog';
import {
  parseTextValues,
  textValues,
  type FieldIssue,
  type InputValues,
} from '../../lib/roi/fields';
import { getModel } from '../../lib/roi/models';
import type { ScenarioReportProps } from '../../components/roi/ScenarioReport';
import type { CalculatorProps } from '../../components/roi/types';
import {
  getBenchmarks,
  getDefaultValues,
  getMarketHeadline,
  getModelContext,
  listMarkets,
} from '../content/roi';
import { AppError } from '../errors';
import { field, type FormValues } from '../http/forms';

/** Longest text a field keeps from a query string or form (anything longer is not a number). */
const MAX_TEXT = 60;

function fieldsOf(model: RoiModelId) {
  return getModel(model).fields(getModelContext());
}

/** The default text of every field. */
export function defaultTexts(model: RoiModelId): Record<string, string> {
  return textValues(fieldsOf(model), getDefaultValues(model));
}

/** Texts for a saved scenario's values. */
export function textsForValues(model: RoiModelId, values: InputValues): Record<string, string> {
  return textValues(fieldsOf(model), values);
}

/**
 * Field texts from the address: what the calculator's own address keeps, or what its
 * no-JavaScript form sent (`form=1`, where an unticked checkbox sends nothing and means off).
 */
export function textsFromQuery(model: RoiModelId, params: URLSearchParams): Record<string, string> {
  const isForm = params.get('form') === '1';
  const out: Record<string, string> = {};
  for (const f of fieldsOf(model)) {
    const value = params.get(f.key);
    if (value !== null) out[f.key] = value.slice(0, MAX_TEXT);
    else if (isForm && f.kind === 'toggle') out[f.key] = '0';
  }
  return out;
}

/** Field texts from a posted save form (hidden inputs carry every field; missing ones keep their defaults). */
export function textsFromForm(model: RoiModelId, form: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fieldsOf(model)) {
    if (form[f.key] !== undefined) out[f.key] = field(form, f.key).slice(0, MAX_TEXT);
  }
  return out;
}

/** Parses field texts into values, or field issues keyed by field. */
export function parseTexts(
  model: RoiModelId,
  texts: Record<string, string>,
): { values: InputValues; issues: FieldIssue[] } {
  return parseTextValues(fieldsOf(model), { ...defaultTexts(model), ...texts });
}

/**
 * The values a posted save form stands for, read the way the calculator reads its fields
 * (percent fields in percent, "$1,200" allowed). A text that is no value is refused here, under
 * the `inputs.<field>` path and with the message the operation gives for a bad value; the name
 * and every range are then the operation's to check.
 */
export function scenarioValuesFromForm(model: RoiModelId, form: FormValues): InputValues {
  const parsed = parseTexts(model, textsFromForm(model, form));
  if (parsed.issues.length) {
    throw new AppError('BAD_REQUEST', 'Some inputs need attention.', {
      issues: parsed.issues.map((issue) => ({ ...issue, path: `inputs.${issue.path}` })),
    });
  }
  return parsed.values;
}

/** The sourced defaults of a model, and the markets and headline only market sizing shows. */
function modelContent(
  model: RoiModelId,
): Pick<CalculatorProps, 'benchmarks' | 'markets' | 'headline'> {
  return {
    benchmarks: getBenchmarks(model),
    markets: model === 'market-sizing' ? listMarkets() : [],
    headline: model === 'market-sizing' ? getMarketHeadline() : undefined,
  };
}

/** Everything a calculator island needs from the server. */
export function calculatorProps(
  model: RoiModelId,
  options: Omit<CalculatorProps, 'model' | 'benchmarks' | 'markets' | 'headline'>,
): CalculatorProps {
  return { model, ...modelContent(model), ...options };
}

/** Everything the server-rendered report of a saved (or shared) scenario needs. */
export function reportProps(view: {
  model: RoiModelId;
  values: InputValues;
  result: ScenarioReportProps['result'];
}): ScenarioReportProps {
  return {
    fields: fieldsOf(view.model),
    values: view.values,
    result: view.result,
    ...modelContent(view.model),
  };
}
