import type { RoiModelId } from '../../lib/catalog';
import type { InputValues } from '../../lib/roi/fields';
import { getModel, type ModelResult } from '../../lib/roi/models';
import { config } from '../config';
import type { RoiScenarioRow } from '../schema';
import { evaluateModel, resolveValues } from './compute';

/** What a saved scenario records about its result, money in integer cents. */
export interface ScenarioSummary {
  npvCents: number;
  pvBenefitsCents: number;
  pvCostsCents: number;
  irr: number | null;
  roi: number | null;
  paybackYears: number | null;
  horizonYears: number;
}

export interface ScenarioListItem {
  id: string;
  name: string;
  description: string | null;
  model: RoiModelId;
  modelVersion: number;
  currency: string;
  summary: ScenarioSummary;
  isShared: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioView extends ScenarioListItem {
  values: InputValues;
  /** Recomputed now with the current formulas and content. */
  result: ModelResult;
  /** The model version now, when it differs from the one the scenario was saved with. */
  currentModelVersion: number;
  /** True when today's NPV differs from the saved one (formulas or market data changed). */
  hasChangedSinceSaved: boolean;
}

export function summaryOf(result: ModelResult): ScenarioSummary {
  const cents = (value: number) => Math.round(value * 100);
  return {
    npvCents: cents(result.npv),
    pvBenefitsCents: cents(result.pvBenefits),
    pvCostsCents: cents(result.pvCosts),
    irr: result.irr,
    roi: result.roi,
    paybackYears: result.paybackYears,
    horizonYears: result.cashflows.length - 1,
  };
}

export function toListItem(row: RoiScenarioRow, isShared: boolean): ScenarioListItem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    model: row.model as RoiModelId,
    modelVersion: row.model_version,
    currency: row.currency,
    summary: JSON.parse(row.summary) as ScenarioSummary,
    isShared,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A saved scenario with its inputs and a fresh result. */
export function toView(row: RoiScenarioRow, isShared: boolean): ScenarioView {
  const item = toListItem(row, isShared);
  const values = resolveValues(item.model, JSON.parse(row.inputs) as InputValues);
  const result = evaluateModel(item.model, values);
  return {
    ...item,
    values,
    result,
    currentModelVersion: getModel(item.model).version,
    hasChangedSinceSaved: Math.round(result.npv * 100) !== item.summary.npvCents,
  };
}

export function shareUrl(token: string): string {
  return `${config().publicOrigin}/roi/shared/${token}`;
}
