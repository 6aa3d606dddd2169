// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import mdx from '@astrojs/mdx';

export default defineConfig({
  output: 'server',
  // The product card fixes the top level, so static files live under src/.
  publicDir: './src/public',
  // Astro renders pages behind our own server (src/server/http/main.ts), which owns the
  // request policy, static files, compression and the process lifecycle.
  adapter: node({ mode: 'middleware' }),
  integrations: [react(), mdx()],
  security: {
    // The edge server applies the one request policy (src/server/http/request-policy.ts) and
    // refuses hosts outside PUBLIC_ORIGIN and ALLOWED_HOSTS, read at run time; so Astro checks
    // no origin itself and accepts whatever host reached it (a pattern without hostname matches all).
    checkOrigin: false,
    allowedDomains: [{}],
  },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  vite: {
    ssr: {
      // Native and Node-only modules stay outside the server bundle.
      external: ['better-sqlite3', 'pg', '@node-rs/argon2', 'nodemailer'],
    },
  },
});
