import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The content files of one folder, read from disk. Only for code run outside Vite (tsx scripts
 * such as the bare-tRPC bench server), where `import.meta.glob` does not exist; the app and
 * the tests bundle content with `import.meta.glob` and never reach this.
 */
export function readContentFolder(folder: string, extension: string): Record<string, string> {
  const dir = resolve(import.meta.dirname, '../../../content', folder);
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith(extension))
      out[`/content/${folder}/${name}`] = readFileSync(join(dir, name), 'utf8');
  }
  return out;
}
