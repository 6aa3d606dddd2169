import type { RoiModelId } from '../../lib/catalog';
import {
  DEFAULT_TRIALS,
  disputedInputs,
  distributionsFor,
  runMonteCarlo,
  type MonteCarloSummary,
} from '../../lib/roi/analysis/monte-carlo';
import { tornado, type Tornado } from '../../lib/roi/analysis/sensitivity';
import type { InputValues } from '../../lib/roi/fields';
import { getModel, type ModelResult } from '../../lib/roi/models';
import { RoiInputError } from '../../lib/roi/models/summary';
import { getBenchmarks, getDefaultValues, getModelContext, getRanges } from '../content/roi';
import { AppError } from '../errors';

/**
 * The full set of inputs for a model: the defaults, overridden by what was given, and nothing
 * the model does not know (old saved scenarios may carry inputs a model no longer has).
 */
export function resolveValues(model: RoiModelId, given: Partial<InputValues> = {}): InputValues {
  const values = getDefaultValues(model);
  for (const key of Object.keys(values)) {
    const value = given[key];
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** Runs a model; bad values become a BAD_REQUEST naming each field under `inputs.`. */
export function evaluateModel(model: RoiModelId, values: InputValues): ModelResult {
  try {
    return getModel(model).evaluate(values, getModelContext());
  } catch (error) {
    if (error instanceof RoiInputError) {
      throw new AppError('BAD_REQUEST', 'Some inputs need attention.', {
        issues: error.issues.map((i) => ({ path: `inputs.${i.path}`, message: i.message })),
      });
    }
    throw error;
  }
}

export interface ComputeRequest {
  model: RoiModelId;
  inputs?: Partial<InputValues> | undefined;
  sensitivity?: boolean | undefined;
  monteCarlo?: { trials?: number | undefined; seed: number } | undefined;
}

export interface ComputeResponse {
  model: RoiModelId;
  modelVersion: number;
  values: InputValues;
  result: ModelResult;
  tornado?: Tornado;
  monteCarlo?: MonteCarloSummary;
}

/**
 * Computes a model for anyone (the calculator computes in the browser with the same code; this
 * serves API clients and no-JavaScript pages). Sensitivity and Monte Carlo on request.
 */
export function computeRoi(request: ComputeRequest): ComputeResponse {
  const model = getModel(request.model);
  const values = resolveValues(request.model, request.inputs);
  const result = evaluateModel(request.model, values);
  const ctx = getModelContext();
  const ranges = getRanges(request.model);
  const response: ComputeResponse = {
    model: request.model,
    modelVersion: model.version,
    values,
    result,
  };
  if (request.sensitivity) response.tornado = tornado(model, values, ctx, ranges);
  if (request.monteCarlo) {
    response.monteCarlo = runMonteCarlo(
      model,
      values,
      ctx,
      // Disputed ranges stay out, as on the calculator page, which offers them on opt-in.
      distributionsFor(model, values, ctx, ranges, {
        held: disputedInputs(getBenchmarks(request.model)),
      }),
      {
        trials: request.monteCarlo.trials ?? DEFAULT_TRIALS,
        seed: request.monteCarlo.seed,
      },
    );
  }
  return response;
}

/** A model's description for API clients: its inputs, their defaults and sources. */
export function describeModel(id: RoiModelId) {
  const model = getModel(id);
  return {
    id,
    version: model.version,
    title: model.title,
    summary: model.summary,
    fields: model.fields(getModelContext()),
    defaults: getBenchmarks(id),
  };
}
