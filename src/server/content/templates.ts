import { parse } from 'yaml';
import { templateSchema, type SolutionTemplate } from '../../lib/content/portal';

// The MDX bodies render through astro:content on pages; services only need the frontmatter.
function templateFiles(): Record<string, string> {
  return import.meta.glob<string>('/content/templates/*.mdx', {
    eager: true,
    query: '?raw',
    import: 'default',
  });
}

function frontmatterOf(path: string, raw: string): SolutionTemplate {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(raw);
  if (!match) throw new Error(`Invalid content in ${path}: no frontmatter`);
  const result = templateSchema.safeParse(parse(match[1] ?? ''));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid content in ${path}: ${problems}`);
  }
  return result.data;
}

const templates: SolutionTemplate[] = Object.entries(templateFiles())
  .map(([path, raw]) => frontmatterOf(path, raw))
  .sort((a, b) => a.title.localeCompare(b.title));

/** Every solution template (blueprint), by title. */
export function listTemplates(): SolutionTemplate[] {
  return templates;
}

export function findTemplate(slug: string): SolutionTemplate | undefined {
  return templates.find((t) => t.slug === slug);
}
