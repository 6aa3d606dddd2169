import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Bundles the edge server (src/server/http/main.ts) to dist/edge/main.mjs, after `astro
 * build`. It goes through Vite like the pages do because the code it shares with them reads
 * content with `import.meta.glob`. Packages stay external (Vite's default for SSR builds).
 */
const ROOT = resolve(import.meta.dirname, '../../..');

export default defineConfig({
  root: ROOT,
  logLevel: 'warn',
  build: {
    ssr: resolve(ROOT, 'src/server/http/main.ts'),
    outDir: resolve(ROOT, 'dist/edge'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'main.mjs', format: 'es' } },
  },
});
