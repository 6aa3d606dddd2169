import { csvResponse } from './csv-response';
import { csvFileName, scenarioCsv } from '../../lib/roi/csv';
import { getModel } from '../../lib/roi/models';
import { getBenchmarks, getModelContext } from '../content/roi';
import type { ScenarioView } from '../roi/view';

/** A saved scenario as a CSV download (inputs with sources, yearly cash flows, outputs). */
export function scenarioCsvResponse(
  view: Pick<ScenarioView, 'name' | 'model' | 'modelVersion' | 'currency' | 'values' | 'result'>,
  now: Date = new Date(),
): Response {
  const model = getModel(view.model);
  const csv = scenarioCsv({
    name: view.name,
    modelTitle: model.title,
    modelVersion: view.modelVersion,
    currency: view.currency,
    exportedAt: now.toISOString(),
    fields: model.fields(getModelContext()),
    values: view.values,
    benchmarks: getBenchmarks(view.model),
    result: view.result,
  });
  return csvResponse(csvFileName(view.name), csv, 'private, no-store');
}
