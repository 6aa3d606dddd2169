import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERSONA_SLUGS, SOLUTION_SLUGS } from '../../../src/lib/catalog';
import { personaSchema } from '../../../src/lib/content/persona-schemas';
import { sourceSchema } from '../../../src/lib/content/source-schema';
import {
  allCampaignSteps,
  campaignIds,
  getSalesTeam,
} from '../../../src/server/content/campaign-content';
import { parseCampaignStep } from '../../../src/server/content/campaign-content';
import {
  detectionRules,
  findFlowForPersona,
  listPersonas,
  listSolutions,
} from '../../../src/server/content/persona-content';
import { findContentProblems } from '../../../src/server/content/persona-links';
import { parseYamlFiles } from '../../../src/server/content/yaml-files';
import { partnerApplicationInput } from '../../../src/server/partners/application-schema';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../fixtures/content', name), 'utf8');

describe('persona content', () => {
  it('has all six personas, each with every required part', () => {
    expect(
      listPersonas()
        .map((p) => p.slug)
        .sort(),
    ).toEqual([...PERSONA_SLUGS].sort());
    for (const p of listPersonas()) {
      expect(p.hero.headline.length).toBeGreaterThan(10);
      expect(p.pains.length).toBeGreaterThanOrEqual(2);
      expect(p.proofPoints.every((f) => f.source.url.startsWith('http'))).toBe(true);
      expect(findFlowForPersona(p.slug)?.persona).toBe(p.slug);
      expect(campaignIds()).toContain(p.campaign);
    }
  });

  it('has the five solutions, each priced by an ROI model', () => {
    expect(
      listSolutions()
        .map((s) => s.slug)
        .sort(),
    ).toEqual([...SOLUTION_SLUGS].sort());
    for (const s of listSolutions())
      expect(['attrition', 'speed-to-lead', 'market-sizing']).toContain(s.roi.model);
  });

  it('cites the benchmark figures the issue names, with their sources', () => {
    const figures = [
      ...listPersonas().flatMap((p) => p.proofPoints),
      ...listSolutions().flatMap((s) => s.evidence),
    ];
    const find = (figure: string) => figures.find((f) => f.figure === figure);
    expect(find('30–45%')?.claim).toContain('QATC');
    expect(find('30–45%')?.source.publisher).toBe('Contact Center Pipeline');
    expect(find('$10k–15k')?.source.publisher).toBe('Call Centre Helper');
    expect(find('$10k–15k')?.claim).toContain('Society of Workforce Planning Professionals');
    expect(find('21×')?.source).toMatchObject({
      year: 2007,
      title: 'Lead Response Management Study',
    });
  });

  it('fails validation on a broken persona file, naming the file and the fields', () => {
    expect(() =>
      parseYamlFiles(
        { '/content/personas/broken.yaml': fixture('broken-persona.yaml') },
        personaSchema,
      ),
    ).toThrow(
      /Invalid content in \/content\/personas\/broken\.yaml: .*hero: Required.*proofPoints\.1\.source\.url: Required/,
    );
  });

  it('requires a note on vendor claims, unverified figures and undated sources', () => {
    const base = {
      title: 'A study',
      publisher: 'Someone',
      year: 2020,
      url: 'https://example.test/a',
      kind: 'study',
    };
    expect(sourceSchema.safeParse(base).success).toBe(true);
    expect(sourceSchema.safeParse({ ...base, kind: 'vendor-claim' }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...base, kind: 'unverified' }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...base, year: null }).success).toBe(false);
    expect(
      sourceSchema.safeParse({
        ...base,
        kind: 'vendor-claim',
        note: 'The vendor measured it on its own customers.',
      }).success,
    ).toBe(true);
  });

  it('finds problems across files: missing flows, campaigns and owners, shared detection rules', () => {
    const personas = listPersonas();
    const flows = personas.map((p) => findFlowForPersona(p.slug)!);
    const solutions = listSolutions();
    const ok = {
      personas,
      flows,
      solutions,
      campaignIds: campaignIds(),
      ownedPersonas: getSalesTeam().owners.flatMap((o) => o.personas),
    };
    expect(findContentProblems(ok)).toEqual([]);
    expect(
      findContentProblems({ ...ok, flows: flows.filter((f) => f.id !== 'developers') }),
    ).toContain(
      'persona "developers" names flow "developers", which is not in content/personas/flows/',
    );
    expect(findContentProblems({ ...ok, campaignIds: [] }).length).toBe(6);
    expect(findContentProblems({ ...ok, ownedPersonas: [] }).length).toBe(5);
    const [first, second, ...rest] = personas;
    const clash = {
      ...second!,
      detection: { ...second!.detection, referrerHosts: [first!.detection.referrerHosts[0]!] },
    };
    expect(findContentProblems({ ...ok, personas: [first!, clash, ...rest] }).join()).toMatch(
      /claimed by both/,
    );
  });

  it('asks systems integrators everything a partner application needs', () => {
    const flow = findFlowForPersona('systems-integrators')!;
    const names = flow.steps.flatMap((s) => s.fields.map((f) => f.name));
    for (const name of ['company', 'companyDomain', 'country', 'name', 'email', 'specialties'])
      expect(names).toContain(name);
    const options = flow.steps.flatMap((s) => s.fields).find((f) => f.name === 'specialties');
    const values = options && 'options' in options ? options.options.map((o) => o.value) : [];
    expect(
      partnerApplicationInput.safeParse({
        companyName: 'A',
        companyDomain: 'a.test',
        country: 'DE',
        contactName: 'A',
        contactEmail: 'a@a.test',
        specialties: values,
      }).success,
    ).toBe(true);
  });

  it('gives the resolver one rule per persona', () => {
    expect(
      detectionRules()
        .map((r) => r.slug)
        .sort(),
    ).toEqual([...PERSONA_SLUGS].sort());
  });
});

describe('campaign content', () => {
  it('has e-mails for every campaign, starting with one sent at enrolment', () => {
    for (const id of campaignIds()) {
      const steps = allCampaignSteps().filter((s) => s.campaignId === id);
      expect(steps.length).toBeGreaterThanOrEqual(2);
      expect(steps[0]!.delay).toBe('0m');
    }
  });

  it('refuses an e-mail without valid front matter', () => {
    expect(() => parseCampaignStep('/content/campaigns/x/01.mdx', 'Hello')).toThrow(
      /missing front matter/,
    );
    expect(() =>
      parseCampaignStep(
        '/content/campaigns/x/01.mdx',
        '---\nstep: 1\ndelay: soon\nsubject: Hello there\npreview: A preview line.\n---\nBody',
      ),
    ).toThrow(/delay: Write delays like/);
  });
});
