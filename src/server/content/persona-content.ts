import type { PersonaSlug, SolutionSlug } from '../../lib/catalog';
import { flowSchema, type Flow } from '../../lib/content/flow-schemas';
import { personaSchema, type Persona } from '../../lib/content/persona-schemas';
import { solutionSchema, type Solution } from '../../lib/content/solution-schemas';
import type { DetectionRule } from '../../lib/personas/types';
import { campaignIds, getSalesTeam } from './campaign-content';
import { checkContentLinks } from './persona-links';
import { parseYamlFiles } from './yaml-files';

// Bundled at build time (and by Vitest), like the product catalogue.
const personaFiles = import.meta.glob<string>('/content/personas/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const flowFiles = import.meta.glob<string>('/content/personas/flows/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const solutionFiles = import.meta.glob<string>('/content/solutions/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});

const personas = parseYamlFiles(personaFiles, personaSchema).sort((a, b) => a.order - b.order);
const flows = parseYamlFiles(flowFiles, flowSchema);
const solutions = parseYamlFiles(solutionFiles, solutionSchema).sort((a, b) => a.order - b.order);

// A persona that points at a missing flow, campaign or solution stops the build here, because
// the prerendered pages import this module.
checkContentLinks({
  personas,
  flows,
  solutions,
  campaignIds: campaignIds(),
  ownedPersonas: getSalesTeam().owners.flatMap((o) => o.personas),
});

/** Every persona, in display order. */
export function listPersonas(): Persona[] {
  return personas;
}

export function findPersona(slug: string | null | undefined): Persona | undefined {
  return personas.find((p) => p.slug === slug);
}

/** The persona for a slug the caller knows is valid (a resolved persona, a route param checked earlier). */
export function getPersona(slug: PersonaSlug): Persona {
  const persona = findPersona(slug);
  if (!persona) throw new Error(`content/personas/${slug}.yaml is missing`);
  return persona;
}

export function listSolutions(): Solution[] {
  return solutions;
}

export function findSolution(slug: string | null | undefined): Solution | undefined {
  return solutions.find((s) => s.slug === slug);
}

export function getSolution(slug: SolutionSlug): Solution {
  const solution = findSolution(slug);
  if (!solution) throw new Error(`content/solutions/${slug}.yaml is missing`);
  return solution;
}

/** The onboarding flow at /start/<slug>, by persona slug. */
export function findFlowForPersona(slug: string | null | undefined): Flow | undefined {
  const persona = findPersona(slug);
  return persona ? flows.find((f) => f.id === persona.flow) : undefined;
}

// Built once: the persona middleware reads them on every request.
const rules: DetectionRule[] = personas.map((p) => ({ slug: p.slug, ...p.detection }));

/** The detection rules of every persona, for the resolver. */
export function detectionRules(): readonly DetectionRule[] {
  return rules;
}
