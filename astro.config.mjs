// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import mdx from '@astrojs/mdx';

/**
 * Hosts the app may be served on. Astro 5.18 ignores the Host header unless it matches
 * `security.allowedDomains`, and then builds `url.origin` from "localhost" without a port,
 * which makes its own origin check refuse same-origin form posts. The list is fixed at build
 * time, so `npm start` rebuilds when PUBLIC_ORIGIN or ALLOWED_HOSTS change.
 */
function allowedDomains() {
  const origin = new URL(process.env.PUBLIC_ORIGIN ?? 'http://localhost:4321');
  const hosts = new Set([origin.hostname]);
  for (const host of (process.env.ALLOWED_HOSTS ?? '').split(',')) {
    if (host.trim()) hosts.add(host.trim());
  }
  // Local development and the test suites reach the server by either loopback name.
  if (hosts.has('localhost') || hosts.has('127.0.0.1')) {
    hosts.add('localhost');
    hosts.add('127.0.0.1');
  }
  return [...hosts].map((hostname) => ({ hostname }));
}

export default defineConfig({
  output: 'server',
  // The product card fixes the top level, so static files live under src/.
  publicDir: './src/public',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), mdx()],
  security: {
    checkOrigin: true,
    allowedDomains: allowedDomains(),
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
