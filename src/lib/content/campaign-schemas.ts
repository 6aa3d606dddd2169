import { z } from 'zod';
import { PERSONA_SLUGS } from '../catalog';

/** A delay after enrolment: minutes, hours or days (`0m`, `4h`, `2d`). */
export const delaySchema = z
  .string()
  .regex(
    /^\d{1,4}[mhd]$/,
    'Write delays like 0m, 4h or 2d (minutes, hours, days after enrolment).',
  );

/** content/campaigns/<id>/campaign.yaml */
export const campaignSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    persona: z.enum(PERSONA_SLUGS),
    name: z.string().min(5).max(80),
    description: z.string().min(20),
  })
  .strict();
export type Campaign = z.infer<typeof campaignSchema>;

/**
 * The front matter of one e-mail (content/campaigns/<id>/<nn>-<name>.mdx). The subject may use
 * {firstName}, {name} and {company}; the MDX body reads `props.lead`, `props.owner`, `props.links`.
 */
export const campaignStepSchema = z
  .object({
    step: z.number().int().min(1).max(20),
    delay: delaySchema,
    subject: z.string().min(5).max(120),
    preview: z.string().min(10).max(160),
  })
  .strict();
export type CampaignStepMeta = z.infer<typeof campaignStepSchema>;

/** content/sales/team.yaml: who answers leads, for which personas, and how fast. */
export const salesTeamSchema = z
  .object({
    responseDeadlineMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    owners: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
            name: z.string().min(3),
            title: z.string().min(3),
            email: z.string().email(),
            personas: z.array(z.enum(PERSONA_SLUGS)).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type SalesTeam = z.infer<typeof salesTeamSchema>;
export type SalesOwner = SalesTeam['owners'][number];

/** Milliseconds in a delay like `2d`. */
export function delayMs(delay: string): number {
  const amount = Number(delay.slice(0, -1));
  const unit = delay.slice(-1);
  return amount * (unit === 'd' ? 86_400_000 : unit === 'h' ? 3_600_000 : 60_000);
}
