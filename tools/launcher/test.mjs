#!/usr/bin/env node
// npm test: everything, from a fresh clone. Installs what is missing, starts PostgreSQL and Redis
// when they are down, then lint, typecheck and every Vitest project (unit, integration on real
// PostgreSQL and Redis, SPA components, browser tests in real Chromium).
import { ensureChromium, ensureDependencies, ensurePostgres, ensureRedis, fail, run, step } from './lib.mjs';

await ensureDependencies();
await ensurePostgres();
await ensureRedis();
await ensureChromium();

const steps = [
  // The boundary rule reads Nx's cached project graph and silently skips itself without one.
  ['Project graph (nx, for the module-boundary lint rule)', 'npx', ['nx', 'show', 'projects']],
  ['Lint (eslint, with the module-boundary rules)', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['Typecheck (node side)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['Typecheck (admin SPA)', 'npx', ['vue-tsc', '-p', 'apps/admin/tsconfig.json', '--noEmit']],
  ['Tests (vitest: unit, integration, admin, e2e)', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
];
const failed = [];
for (const [label, command, args] of steps) {
  step(`${label}…`);
  const code = await run(command, args, { env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
  if (code !== 0) failed.push(label);
}
if (failed.length) fail(`Failed: ${failed.join('; ')}`);
step('All checks passed');
