// Helpers for the two quick-start commands (npm start, npm test). Plain Node, no dependencies:
// they run before `npm ci` has installed anything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const started = Date.now();

export function step(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`\x1b[36m[${seconds}s]\x1b[0m ${message}`);
}

export function fail(message) {
  console.error(`\x1b[31m✖ ${message}\x1b[0m`);
  process.exit(1);
}

/** Runs a command in the repo root with inherited output; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolvePromise(127));
  });
}

export async function runOrFail(label, command, args, options) {
  step(label);
  const code = await run(command, args, options);
  if (code !== 0) fail(`${label} failed (exit ${code})`);
}

export function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export async function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) {
    step('Dependencies are installed');
    return;
  }
  await runOrFail('Installing dependencies (npm ci; compiling better-sqlite3 takes about a minute)…', 'npm', ['ci', '--no-audit', '--no-fund']);
}

/** Sends PING over a plain socket; true when the server answers PONG. */
export function redisAnswers(url, timeoutMs = 1000) {
  const { hostname, port } = new URL(url);
  return new Promise((resolvePromise) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export function portAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => done(true));
  });
}

async function waitFor(check, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Redis at REDIS_URL, or a local redis-server started for it, or a clear way to get one. */
export async function ensureRedis(url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') {
  if (await redisAnswers(url)) {
    step(`Redis answers at ${url}`);
    return;
  }
  const { hostname, port } = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1', ''].includes(hostname);
  if (!local || !commandExists('redis-server')) {
    fail(
      `Redis does not answer at ${url}.\n  Install it and run it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis && brew services start redis),\n  or point REDIS_URL at a running Redis.`,
    );
  }
  step(`Starting redis-server on port ${port || 6379}…`);
  spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port || 6379), '--save', '', '--appendonly', 'no'], { stdio: 'inherit' });
  if (!(await waitFor(() => redisAnswers(url), 10_000))) fail(`redis-server did not start on ${url}`);
  step(`Redis answers at ${url}`);
}

/** PostgreSQL for the tests: the server of TEST_DATABASE_URL, started when it is the local cluster. */
export async function ensurePostgres(url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') {
  const { hostname, port } = new URL(url);
  const host = hostname || '127.0.0.1';
  const pgPort = Number(port || 5432);
  if (await portAnswers(host, pgPort)) {
    step(`PostgreSQL answers at ${host}:${pgPort}`);
    return;
  }
  if (existsSync('/etc/postgresql') && commandExists('pg_ctlcluster')) {
    step('Starting the local PostgreSQL cluster…');
    const version = spawnSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    if (await waitFor(() => portAnswers(host, pgPort), 20_000)) {
      step(`PostgreSQL answers at ${host}:${pgPort}`);
      return;
    }
  }
  fail(
    `PostgreSQL does not answer at ${host}:${pgPort}; the integration tests need it.\n  Install and start it (Debian/Ubuntu: sudo apt-get install postgresql), or set TEST_DATABASE_URL\n  to a server where the user may CREATE DATABASE.`,
  );
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium for the browser tests: Debian's package, installed when we are root. */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) {
    step(`Chromium found at ${CHROMIUM}`);
    return;
  }
  if (process.getuid?.() === 0 && commandExists('apt-get')) {
    await runOrFail('Installing Chromium (apt-get update)…', 'apt-get', ['update', '-qq']);
    await runOrFail('Installing Chromium (apt-get install chromium)…', 'apt-get', ['install', '-y', '-qq', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync(CHROMIUM)) return;
  }
  fail(`Chromium is missing at ${CHROMIUM}; the browser tests need it.\n  Install the Debian package: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
}

export { waitFor };
