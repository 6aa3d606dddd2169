import { parse } from 'yaml';
import type { ZodTypeAny, z } from 'zod';

/**
 * Parses YAML files bundled with `import.meta.glob(…, { query: '?raw' })` against a schema.
 * A bad file stops the process with the file and the field named, like the build does.
 */
export function parseYamlFiles<S extends ZodTypeAny>(
  files: Record<string, string>,
  schema: S,
): z.output<S>[] {
  return Object.entries(files).map(([path, raw]) => {
    const result = schema.safeParse(parse(raw));
    if (!result.success) {
      const problems = result.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      throw new Error(`Invalid content in ${path}: ${problems}`);
    }
    return result.data;
  });
}
