import { pathToFileURL } from 'node:url';
/**
 * `npm start`: builds when needed, starts the edge server (src/server/http/main.ts), waits until it has migrated the database
 * (and created the demo data), then prints the address and the demo logins.
 */
import { DEMO_USERS } from '../../../db/seed/demo-users';
import { loadConfig } from '../config';
import { buildIfStale } from './build-if-stale';

process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '4321';
const config = loadConfig();
const entry = buildIfStale();
const { main } = (await import(pathToFileURL(entry).href)) as { main: () => Promise<void> };
await main();

const local = `http://${process.env.HOST === '0.0.0.0' ? 'localhost' : process.env.HOST}:${process.env.PORT}`;
const deadline = Date.now() + 120_000;
let health: { ok: boolean; db: string } | undefined;
while (Date.now() < deadline) {
  try {
    const response = await fetch(`${local}/api/health`);
    if (response.ok) {
      health = (await response.json()) as { ok: boolean; db: string };
      break;
    }
  } catch {
    // Not listening yet.
  }
  await new Promise((r) => setTimeout(r, 250));
}
if (!health) {
  console.error(`Chasm did not become healthy at ${local}; see the errors above.`);
  process.exit(1);
}

const lines = [
  '',
  `  Chasm is running at ${config.publicOrigin === 'http://localhost:4321' ? `http://localhost:${process.env.PORT}` : config.publicOrigin}  (database: ${health.db})`,
];
if (config.shouldSeedDemo) {
  lines.push(
    '',
    `  Demo logins (password: ${config.demoPassword === 'chasm-demo' ? 'chasm-demo' : 'the DEMO_PASSWORD you set'}):`,
  );
  for (const user of DEMO_USERS) lines.push(`    ${user.email.padEnd(22)} ${user.role}`);
}
lines.push('', '  Press Ctrl+C to stop.', '');
console.log(lines.join('\n'));
