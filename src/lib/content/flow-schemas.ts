import { z } from 'zod';
import { PERSONA_SLUGS } from '../catalog';

const fieldName = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'Field names are camelCase letters and digits (companySize).');
const optionSchema = z
  .object({
    value: z.string().regex(/^[a-z0-9+]+(-[a-z0-9+]+)*$/, 'Option values are kebab-case.'),
    label: z.string().min(1).max(120),
  })
  .strict();

const base = {
  name: fieldName,
  label: z.string().min(2).max(120),
  hint: z.string().min(5).max(240).optional(),
  required: z.boolean().default(true),
  autocomplete: z.string().min(2).max(40).optional(),
};

/** The field types a flow step can ask for. Validation rules come from these definitions. */
export const flowFieldSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('text'),
      minLength: z.number().int().min(1).optional(),
      maxLength: z.number().int().min(1).max(2000).default(200),
    })
    .strict(),
  z.object({ ...base, type: z.literal('email') }).strict(),
  z.object({ ...base, type: z.literal('domain') }).strict(),
  z.object({ ...base, type: z.literal('tel') }).strict(),
  z
    .object({
      ...base,
      type: z.literal('textarea'),
      maxLength: z.number().int().min(1).max(8000).default(4000),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('number'),
      min: z.number(),
      max: z.number(),
      integer: z.boolean().default(true),
      unit: z.string().min(1).max(30).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('select'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ ...base, type: z.literal('radio'), options: z.array(optionSchema).min(2) }).strict(),
  z
    .object({
      ...base,
      type: z.literal('checkboxes'),
      options: z.array(optionSchema).min(2),
      maxSelected: z.number().int().min(1).optional(),
    })
    .strict(),
]);
export type FlowField = z.infer<typeof flowFieldSchema>;

/** A branch condition: exactly one operator. */
export const conditionSchema = z
  .object({
    field: fieldName,
    equals: z.string().optional(),
    oneOf: z.array(z.string()).min(1).optional(),
    includes: z.string().optional(),
    atLeast: z.number().optional(),
    below: z.number().optional(),
  })
  .strict()
  .refine(
    (c) =>
      [c.equals, c.oneOf, c.includes, c.atLeast, c.below].filter((v) => v !== undefined).length ===
      1,
    'A condition uses exactly one of equals, oneOf, includes, atLeast, below.',
  );
export type Condition = z.infer<typeof conditionSchema>;

export const flowStepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(3).max(80),
    description: z.string().min(10).max(400).optional(),
    fields: z.array(flowFieldSchema).min(1),
    /** Checked in order; the first match jumps forward to `goto`, otherwise the next step follows. */
    branches: z
      .array(z.object({ when: conditionSchema, goto: z.string().min(1) }).strict())
      .default([]),
  })
  .strict();
export type FlowStep = z.infer<typeof flowStepSchema>;

/** Fields every flow must collect, because completing it creates a lead from them. */
export const LEAD_FIELDS = {
  name: 'text',
  email: 'email',
  company: 'text',
  companyDomain: 'domain',
} as const;

function checkFlow(flow: { steps: FlowStep[] }, ctx: z.RefinementCtx): void {
  const ids = flow.steps.map((s) => s.id);
  const seen = new Map<string, number>();
  flow.steps.forEach((step, index) => {
    if (ids.indexOf(step.id) !== index) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'id'],
        message: `Duplicate step id "${step.id}".`,
      });
    }
    step.fields.forEach((field, f) => {
      if (seen.has(field.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'fields', f, 'name'],
          message: `Field "${field.name}" is asked twice.`,
        });
      }
      seen.set(field.name, index);
    });
    step.branches.forEach((branch, b) => {
      const target = ids.indexOf(branch.goto);
      // Branches only jump forward, so every path ends at the last step and no loop is possible.
      if (target <= index) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'branches', b, 'goto'],
          message: `"${branch.goto}" is not a later step of this flow.`,
        });
      }
      const asked = seen.get(branch.when.field);
      if (asked === undefined || asked > index) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'branches', b, 'when', 'field'],
          message: `"${branch.when.field}" is not asked in this step or an earlier one.`,
        });
      }
    });
  });
  const first = flow.steps[0];
  const last = flow.steps[flow.steps.length - 1];
  for (const [name, type] of Object.entries(LEAD_FIELDS)) {
    // The first and last steps are on every path (branches only skip forward), so a lead field there is always asked.
    const field = [first, last].flatMap((s) => s?.fields ?? []).find((f) => f.name === name);
    if (!field || field.type !== type || !field.required) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: `The first or last step must ask for "${name}" as a required ${type} field.`,
      });
    }
  }
}

/** An onboarding flow: steps of fields with optional forward branching, and what completing it says. */
export const flowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    persona: z.enum(PERSONA_SLUGS),
    title: z.string().min(5).max(80),
    intro: z.string().min(40).max(400),
    estimatedMinutes: z.number().int().min(1).max(30),
    submitLabel: z.string().min(3).max(40),
    steps: z.array(flowStepSchema).min(1).max(8),
    confirmation: z
      .object({
        title: z.string().min(5).max(80),
        body: z.string().min(40),
        nextSteps: z.array(z.string().min(10)).min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine(checkFlow);
export type Flow = z.infer<typeof flowSchema>;
