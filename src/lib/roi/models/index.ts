/**
 * The three ROI models behind one interface, so the calculator, the tRPC router, sensitivity
 * and Monte Carlo analysis handle them alike. Values are flat records (field key → number or
 * choice); each model maps them to its typed inputs.
 */
import type { RoiModelId } from '../../catalog';
import { npv } from '../finance';
import type { Field, InputValues } from '../fields';
import type { BenefitLine } from '../risk';
import {
  ATTRITION_BENEFIT_LINES,
  ATTRITION_FIELDS,
  attritionCashflows,
  computeAttrition,
  type AttritionInputs,
  type AttritionResult,
} from './attrition';
import {
  computeMarketSizing,
  marketSizingCashflows,
  prepareMarketSizing,
  type MarketData,
  type MarketSizingResult,
} from './market-sizing';
import {
  MARKET_SIZING_BENEFIT_LINES,
  marketSizingFields,
  toMarketSizingInputs,
} from './market-sizing-fields';
import {
  SPEED_TO_LEAD_BENEFIT_LINES,
  SPEED_TO_LEAD_FIELDS,
  computeSpeedToLead,
  speedToLeadCashflows,
  type SpeedToLeadInputs,
  type SpeedToLeadResult,
} from './speed-to-lead';

/** Data a model needs beyond its inputs: the markets, for market sizing. */
export interface ModelContext {
  markets: readonly MarketData[];
}

export type ModelResult =
  | ({ model: 'attrition' } & AttritionResult)
  | ({ model: 'speed-to-lead' } & SpeedToLeadResult)
  | ({ model: 'market-sizing' } & MarketSizingResult);

export interface RoiModel {
  id: RoiModelId;
  /** Bumped when a formula changes, so saved scenarios say which formulas they used. */
  version: number;
  title: string;
  summary: string;
  fields(ctx: ModelContext): Field[];
  /** Validates (RoiInputError) and computes everything the calculator shows. */
  evaluate(values: InputValues, ctx: ModelContext): ModelResult;
  /** Cash flows only, unvalidated: the fast path for sensitivity and simulation. */
  cashflows(values: InputValues, ctx: ModelContext): number[];
  /**
   * Optional faster cash flows for a simulation around `values`: valid while only the
   * model's uncertain inputs change.
   */
  prepareSimulation?(values: InputValues, ctx: ModelContext): (values: InputValues) => number[];
}

const attrition: RoiModel = {
  id: 'attrition',
  version: 1,
  title: 'Agent attrition: the virtual contact centre',
  summary:
    'What moving agents to work from home saves through lower attrition, released seats and any productivity change.',
  fields: () => [...ATTRITION_FIELDS],
  evaluate: (values) => ({
    model: 'attrition',
    ...computeAttrition(values as unknown as AttritionInputs),
  }),
  cashflows: (values) => attritionCashflows(values as unknown as AttritionInputs),
};

const speedToLead: RoiModel = {
  id: 'speed-to-lead',
  version: 1,
  title: 'Speed to lead',
  summary:
    'What answering inbound leads in minutes rather than hours is worth, from published response-time studies.',
  fields: () => [...SPEED_TO_LEAD_FIELDS],
  evaluate: (values) => ({
    model: 'speed-to-lead',
    ...computeSpeedToLead(values as unknown as SpeedToLeadInputs),
  }),
  cashflows: (values) => speedToLeadCashflows(values as unknown as SpeedToLeadInputs),
};

const marketSizing: RoiModel = {
  id: 'market-sizing',
  version: 1,
  title: 'Market sizing: TAM, SAM and SOM',
  summary:
    'The markets the essay names, projected from each published estimate, with the share you can serve and win.',
  fields: (ctx) => marketSizingFields(ctx.markets),
  evaluate: (values, ctx) => ({
    model: 'market-sizing',
    ...computeMarketSizing(toMarketSizingInputs(values, ctx.markets), ctx.markets),
  }),
  cashflows: (values, ctx) =>
    marketSizingCashflows(toMarketSizingInputs(values, ctx.markets), ctx.markets),
  prepareSimulation: (values, ctx) =>
    prepareMarketSizing(toMarketSizingInputs(values, ctx.markets), ctx.markets),
};

export const MODELS: Record<RoiModelId, RoiModel> = {
  attrition,
  'speed-to-lead': speedToLead,
  'market-sizing': marketSizing,
};

/** Each model's benefit lines, each with a risk adjustment input (../risk.ts). */
export const BENEFIT_LINES: Record<RoiModelId, readonly BenefitLine[]> = {
  attrition: ATTRITION_BENEFIT_LINES,
  'speed-to-lead': SPEED_TO_LEAD_BENEFIT_LINES,
  'market-sizing': MARKET_SIZING_BENEFIT_LINES,
};

export function getModel(id: RoiModelId): RoiModel {
  return MODELS[id];
}

/** NPV of a model at some values: its cash flows discounted at the values' discount rate. */
export function modelNpv(model: RoiModel, values: InputValues, ctx: ModelContext): number {
  return npv(Number(values.discountRate ?? 0), model.cashflows(values, ctx));
}
