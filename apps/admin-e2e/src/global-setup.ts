// Vitest globalSetup of the e2e project: builds the SPA, starts the real API (which serves it) and
// the worker (outbox relay, event subscribers, workflow engine: live events, tasks and
// notifications made by workflows) against a fresh PostgreSQL database with the demo data, and
// hands the API's URL to the tests. Nothing is mocked: the browser talks to the same API,
// database and Redis as production would. API and worker share a unique QUEUE_PREFIX, so other
// installations on the same Redis (another test run, a dev server) never take their jobs.
// E-mail goes to a real SMTP server on loopback started here; each message it receives is written
// to a folder the tests read (`inject('mailDir')`, readCapturedMails).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, startMailCapture, type MailCapture, type TestDatabase } from '@qa/shared-testing';
import { findRepoRoot } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the SMTP server the worker sends to writes each e-mail it receives (readCapturedMails). */
    mailDir: string;
  }
}

const HEALTH_TIMEOUT_MS = 60_000;
const WORKER_READY_TIMEOUT_MS = 60_000;
const PREFERRED_PORT = 3199;

/** Runs a command to completion; rejects with its output when it fails. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  if (await portIsFree(PREFERRED_PORT)) return PREFERRED_PORT;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, api: ChildProcess, apiOutput: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (api.exitCode !== null || api.signalCode !== null) {
      throw new Error(`The API exited (${api.signalCode ?? `exit ${api.exitCode}`}) before it was healthy. Output (stderr and stdout):\n${apiOutput()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${lastProblem}). API output (stderr and stdout):\n${apiOutput()}`);
}

/** Resolves once the worker has logged "worker ready" (it reached the database and Redis). */
function waitForWorker(worker: ChildProcess, isReady: () => boolean, workerOutput: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      clearInterval(poll);
      worker.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      done(new Error(`The worker exited (${signal ?? `exit ${code}`}) before it was ready. Output (stderr and stdout):\n${workerOutput()}`));
    const timer = setTimeout(
      () => done(new Error(`The worker did not log "worker ready" within ${WORKER_READY_TIMEOUT_MS / 1000} s. Output (stderr and stdout):\n${workerOutput()}`)),
      WORKER_READY_TIMEOUT_MS,
    );
    const poll = setInterval(() => {
      if (isReady()) done();
    }, 100);
    worker.once('exit', onExit);
  });
}

/** Removes this run's BullMQ keys (`<prefix>:*`) from the shared Redis. */
async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Signals the API's process group (the launcher and whatever it started), never anything else. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = findRepoRoot();
  // A build of its own per run: the API reads the folder's files when it starts, so a build into the
  // shared apps/admin/dist by another run (or `npm start`) would pull the assets from under this one.
  const adminDist = await mkdtemp(join(tmpdir(), 'qa-admin-e2e-dist-'));
  const mailDir = await mkdtemp(join(tmpdir(), 'qa-admin-e2e-mail-'));
  let database: TestDatabase | undefined;
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let mail: MailCapture | undefined;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `qa-e2e-${randomBytes(4).toString('hex')}`;

  const teardown = async () => {
    await Promise.all([stop(api), stop(worker)]);
    await mail?.close();
    await database?.drop();
    await rm(adminDist, { recursive: true, force: true });
    await rm(mailDir, { recursive: true, force: true });
    await dropQueueKeys(redisUrl, queuePrefix).catch(() => undefined);
  };

  try {
    await run('npx', ['vite', 'build', '--config', 'apps/admin/vite.config.mts', '--outDir', adminDist, '--emptyOutDir'], { cwd: root });

    database = await createTestDatabase('qa_e2e');
    const dbEnv = { DATABASE_URL: database.url };
    await run(process.execPath, ['tools/launcher/run-ts.cjs', 'tools/db/migrate.ts'], { cwd: root, env: dbEnv });
    await run(process.execPath, ['tools/launcher/run-ts.cjs', 'tools/db/seed.ts'], { cwd: root, env: dbEnv });

    mail = await startMailCapture({ dir: mailDir });
    // The API's port is known before the worker starts: the links in e-mails point at it.
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const mailEnv = { SMTP_URL: mail.url, MAIL_FROM: 'Quote approvals <no-reply@quotes.test>', APP_BASE_URL: baseUrl };

    // The worker: relays the outbox (live events too) and runs subscribers and workflow steps.
    let workerOutput = '';
    let workerReady = false;
    worker = spawn(process.execPath, ['tools/launcher/run-ts.cjs', 'apps/worker/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        ...dbEnv,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        ...mailEnv,
        // "worker ready" is logged at info.
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keepWorker = (chunk: Buffer) => {
      const joined = workerOutput + chunk.toString();
      if (joined.includes('worker ready')) workerReady = true;
      workerOutput = joined.slice(-20_000);
    };
    worker.stdout?.on('data', keepWorker);
    worker.stderr?.on('data', keepWorker);
    const workerChild = worker;
    process.once('exit', () => signalGroup(workerChild, 'SIGKILL'));

    let apiOutput = '';
    api = spawn(process.execPath, ['tools/launcher/run-ts.cjs', 'apps/api/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        ...dbEnv,
        PORT: String(port),
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        ADMIN_DIST: adminDist,
        ...mailEnv,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so teardown can stop the launcher and the API it may spawn together.
      detached: true,
    });
    // Keep the tail of what the API prints (its logger may write errors to stdout, crashes go to stderr).
    const keep = (chunk: Buffer) => {
      apiOutput = (apiOutput + chunk.toString()).slice(-20_000);
    };
    api.stdout?.on('data', keep);
    api.stderr?.on('data', keep);
    const child = api;
    process.once('exit', () => signalGroup(child, 'SIGKILL'));

    await Promise.all([waitForHealth(`${baseUrl}/api/health`, api, () => apiOutput), waitForWorker(workerChild, () => workerReady, () => workerOutput)]);
    project.provide('baseUrl', baseUrl);
    project.provide('mailDir', mailDir);
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }

  return teardown;
}
