import { PERSONA_SLUGS, SOLUTION_SLUGS } from '../../lib/catalog';
import type { Flow } from '../../lib/content/flow-schemas';
import type { Persona } from '../../lib/content/persona-schemas';
import type { Solution } from '../../lib/content/solution-schemas';

export interface ContentSet {
  personas: Persona[];
  flows: Flow[];
  solutions: Solution[];
  campaignIds: string[];
  /** Personas some sales owner covers (content/sales/team.yaml). */
  ownedPersonas: string[];
}

/** Detection values two personas must not share, or resolution would depend on file order. */
function duplicateDetections(personas: Persona[]): string[] {
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  for (const p of personas) {
    const keys = [
      ...p.detection.utmAudience.map((v) => `utm_audience "${v}"`),
      ...p.detection.utmCampaigns.map((v) => `utm_campaign "${v}"`),
      ...p.detection.referrerHosts.map((v) => `referrer host "${v}"`),
      ...p.detection.pathHints.map((v) => `path hint "${v}"`),
    ];
    for (const key of keys) {
      const owner = claimed.get(key);
      if (owner && owner !== p.slug)
        problems.push(`${key} is claimed by both ${owner} and ${p.slug}`);
      claimed.set(key, p.slug);
    }
  }
  return problems;
}

/** Problems across files that a per-file schema cannot see; empty when the content is whole. */
export function findContentProblems(set: ContentSet): string[] {
  const problems: string[] = [];
  for (const slug of PERSONA_SLUGS) {
    if (!set.personas.some((p) => p.slug === slug))
      problems.push(`persona "${slug}" has no file in content/personas/`);
  }
  for (const slug of SOLUTION_SLUGS) {
    if (!set.solutions.some((s) => s.slug === slug))
      problems.push(`solution "${slug}" has no file in content/solutions/`);
  }
  for (const p of set.personas) {
    const flow = set.flows.find((f) => f.id === p.flow);
    if (!flow)
      problems.push(
        `persona "${p.slug}" names flow "${p.flow}", which is not in content/personas/flows/`,
      );
    else if (flow.persona !== p.slug)
      problems.push(`flow "${flow.id}" belongs to ${flow.persona}, not ${p.slug}`);
    if (!set.campaignIds.includes(p.campaign))
      problems.push(
        `persona "${p.slug}" names campaign "${p.campaign}", which is not in content/campaigns/`,
      );
    // Systems integrators become partner applications; every other lead needs a sales owner.
    if (p.slug !== 'systems-integrators' && !set.ownedPersonas.includes(p.slug)) {
      problems.push(`no sales owner in content/sales/team.yaml covers persona "${p.slug}"`);
    }
  }
  const si = set.flows.find((f) => f.persona === 'systems-integrators');
  const siFields = new Set(si?.steps.flatMap((s) => s.fields.map((f) => f.name)) ?? []);
  // The systems-integrator flow also files a partner application, which needs these answers.
  for (const name of ['country', 'specialties']) {
    if (si && !siFields.has(name))
      problems.push(`flow "${si.id}" must ask "${name}" for the partner application`);
  }
  problems.push(...duplicateDetections(set.personas));
  return problems;
}

/** Throws with every problem listed, so one build run shows them all. */
export function checkContentLinks(set: ContentSet): void {
  const problems = findContentProblems(set);
  if (problems.length > 0) throw new Error(`Invalid persona content:\n- ${problems.join('\n- ')}`);
}
