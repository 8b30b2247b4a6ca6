#!/usr/bin/env node
// npm start: installs, migrates, seeds, builds and starts the API (serving the SPA) and the worker
// on http://localhost:3000. SQLite under ./data unless DATABASE_URL is set; Redis at REDIS_URL.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureRedis, fail, root, runOrFail, step, waitFor } from './lib.mjs';

const port = Number(process.env.PORT ?? 3000);
await ensureDependencies();
await ensureRedis();

const dist = join(root, 'apps/admin/dist/index.html');
if (!existsSync(dist) || newestMtime([join(root, 'apps/admin'), join(root, 'libs/shared/api-client')]) > statSync(dist).mtimeMs) {
  await runOrFail('Building the admin SPA (vite build)…', 'npx', ['vite', 'build', '--config', 'apps/admin/vite.config.mts', '--logLevel', 'warn']);
} else {
  step('Admin SPA build is up to date');
}
await runOrFail('Migrating the database…', process.execPath, ['tools/launcher/run-ts.cjs', 'tools/db/migrate.ts']);
// Demo users only into a database without users (never a password reset), never in production.
await runOrFail('Seeding demo data (demo users only into an empty database)…', process.execPath, ['tools/launcher/run-ts.cjs', 'tools/db/seed.ts']);

step('Starting the API and the worker…');
const children = [startProcess('api', 'apps/api/src/main.ts'), startProcess('worker', 'apps/worker/src/main.ts')];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const healthy = await waitFor(async () => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}, 60_000);
if (!healthy) {
  stop();
  fail(`The API did not become healthy on port ${port}; see the [api] lines above.`);
}
step(`Quote approvals is running at http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
step('On a database seeded by npm start, log in as admin@example.com, manager@example.com, rep@example.com or rep2@example.com, password "demo". Ctrl-C stops.');

function startProcess(name, entry) {
  const child = spawn(process.execPath, ['tools/launcher/run-ts.cjs', entry], { cwd: root, env: { LOG_LEVEL: 'warn', ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code) => {
    console.error(`[${name}] exited with code ${code}`);
    stop();
  });
  return child;
}

function newestMtime(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}
