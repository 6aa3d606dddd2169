import { parse } from 'yaml';
import {
  campaignSchema,
  campaignStepSchema,
  salesTeamSchema,
  type Campaign,
  type CampaignStepMeta,
  type SalesTeam,
} from '../../lib/content/campaign-schemas';
import { parseYamlFiles } from './yaml-files';

const campaignFiles = import.meta.glob<string>('/content/campaigns/*/campaign.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const stepFiles = import.meta.glob<string>('/content/campaigns/*/*.mdx', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const teamFiles = import.meta.glob<string>('/content/sales/team.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export interface CampaignStep extends CampaignStepMeta {
  campaignId: string;
  /** The MDX body, without front matter. */
  body: string;
  file: string;
}

/** Splits `---\nyaml\n---\nbody` and validates the front matter; a bad file names itself. */
export function parseCampaignStep(file: string, raw: string): CampaignStep {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw);
  if (!match) throw new Error(`Invalid content in ${file}: missing front matter`);
  const result = campaignStepSchema.safeParse(parse(match[1]!));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid content in ${file}: ${problems}`);
  }
  const campaignId = file.split('/').at(-2) ?? '';
  return { ...result.data, campaignId, body: match[2]!.trim(), file };
}

const campaigns: Campaign[] = parseYamlFiles(campaignFiles, campaignSchema);
for (const [file, campaign] of Object.entries(campaignFiles).map(
  ([f], i) => [f, campaigns[i]!] as const,
)) {
  if (file.split('/').at(-2) !== campaign.id)
    throw new Error(`Invalid content in ${file}: id must be the folder name`);
}
const steps: CampaignStep[] = Object.entries(stepFiles)
  .map(([file, raw]) => parseCampaignStep(file, raw))
  .sort((a, b) => a.step - b.step);
for (const campaign of campaigns) {
  const numbers = steps.filter((s) => s.campaignId === campaign.id).map((s) => s.step);
  if (numbers.length === 0) throw new Error(`Campaign "${campaign.id}" has no e-mails`);
  if (new Set(numbers).size !== numbers.length)
    throw new Error(`Campaign "${campaign.id}" repeats a step number`);
}
const team: SalesTeam | undefined = parseYamlFiles(teamFiles, salesTeamSchema)[0];

export function campaignIds(): string[] {
  return campaigns.map((c) => c.id);
}

/** The e-mails of a campaign, in step order. */
export function campaignSteps(id: string): CampaignStep[] {
  return steps.filter((s) => s.campaignId === id);
}

export function allCampaignSteps(): CampaignStep[] {
  return steps;
}

/** The sales team of content/sales/team.yaml. */
export function getSalesTeam(): SalesTeam {
  if (!team) throw new Error('content/sales/team.yaml is missing');
  return team;
}
