import { z, type ZodTypeAny } from 'zod';
import { ROI_MODEL_IDS, type RoiModelId } from '../../lib/catalog';
import { checkChoice, checkNumber, type Field } from '../../lib/roi/fields';
import { getModel } from '../../lib/roi/models';
import { getModelContext } from '../content/roi';
import { text } from '../validation';

/**
 * Zod schemas for ROI input at the edges (tRPC, form posts), built from the same field
 * definitions the calculator uses, so a bad value gets the same message in both places.
 */
function fieldSchema(field: Field): ZodTypeAny {
  if (field.kind === 'toggle') {
    return z.union([z.literal(0), z.literal(1)], {
      errorMap: () => ({ message: `${field.label} must be 1 (on) or 0 (off).` }),
    });
  }
  if (field.kind === 'choice') {
    return z
      .string({ invalid_type_error: checkChoice(field, undefined) ?? '' })
      .superRefine((value, ctx) => {
        const message = checkChoice(field, value);
        if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      });
  }
  return z
    .number({
      required_error: `${field.label} is required.`,
      invalid_type_error: `${field.label} must be a number.`,
    })
    .superRefine((value, ctx) => {
      const message = checkNumber(field, value);
      if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    });
}

/** A model's inputs: any subset of its fields (the rest take their defaults), nothing else. */
export function inputsSchema(model: RoiModelId) {
  const shape: Record<string, ZodTypeAny> = {};
  for (const field of getModel(model).fields(getModelContext())) {
    shape[field.key] = fieldSchema(field).optional();
  }
  return z.object(shape).strict();
}

const INPUTS = {
  attrition: inputsSchema('attrition'),
  'speed-to-lead': inputsSchema('speed-to-lead'),
  'market-sizing': inputsSchema('market-sizing'),
} as const;

/** `{ model, inputs, ...extra }` for each model, as a discriminated union on `model`. */
function withModel<T extends z.ZodRawShape>(extra: T) {
  const variant = <M extends RoiModelId>(model: M) =>
    z.object({ model: z.literal(model), inputs: INPUTS[model].default({}), ...extra }).strict();
  return z.discriminatedUnion('model', [
    variant('attrition'),
    variant('speed-to-lead'),
    variant('market-sizing'),
  ]);
}

export const modelIdSchema = z.enum(ROI_MODEL_IDS, {
  errorMap: () => ({ message: `Choose a model: ${ROI_MODEL_IDS.join(', ')}.` }),
});

export const scenarioIdSchema = z.string().trim().min(1).max(40);
export const shareTokenSchema = z.string().trim().min(1).max(100);
export const scenarioNameSchema = text('Name', 120);
export const scenarioDescriptionSchema = text('Description', 2000, 0).optional();

export const computeInputSchema = withModel({
  sensitivity: z.boolean().optional(),
  monteCarlo: z
    .object({
      trials: z.number().int().min(100).max(50_000).optional(),
      seed: z.number().int().min(0).max(4_294_967_295),
    })
    .strict()
    .optional(),
});

export const saveScenarioSchema = withModel({
  name: scenarioNameSchema,
  description: scenarioDescriptionSchema,
});

export const updateScenarioSchema = z
  .object({
    id: scenarioIdSchema,
    name: scenarioNameSchema.optional(),
    description: scenarioDescriptionSchema,
    inputs: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })
  .strict();

export const listScenariosSchema = z
  .object({
    page: z.number().int().min(1).max(10_000).optional(),
    model: modelIdSchema.optional(),
  })
  .strict();

export const compareScenariosSchema = z
  .object({
    ids: z
      .array(scenarioIdSchema)
      .min(2, 'Choose at least two scenarios to compare.')
      .max(4, 'Compare at most four scenarios at a time.'),
  })
  .strict();

export type SaveScenarioInput = z.infer<typeof saveScenarioSchema>;
export type UpdateScenarioInput = z.infer<typeof updateScenarioSchema>;
export type ComputeInput = z.infer<typeof computeInputSchema>;
