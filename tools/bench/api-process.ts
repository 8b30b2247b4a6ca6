// The API as its own process, as production runs it, for the API benchmark.
import { waitUntil } from '@qa/shared-testing';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface ApiProcess {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts apps/api/src/main.ts as production runs it. Its log goes to a file, not through a pipe
 * into this process: at info it writes a line per request, which this process would have to read
 * while it measures.
 */
export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const logFile = join(tmpdir(), `qa-bench-api-${process.pid}.log`);
  const log = openSync(logFile, 'w');
  const profile = [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`] : []),
    ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, [...profile, 'tools/launcher/run-ts.cjs', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitUntil(
    async () => {
      if (gone) throw new Error(`the API exited:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
      return readFileSync(logFile, 'utf8').includes('API listening');
    },
    { timeoutMs: 120_000, intervalMs: 200 },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    logFile,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      if (process.env.BENCH_API_NODE_ARGS) console.log(`API log (with its node flags' output): ${logFile}`);
      else rmSync(logFile, { force: true });
    },
  };
}

export async function logIn(api: ApiProcess, email: string, password: string): Promise<string> {
  const response = await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`login of ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('qa_session='));
  if (!cookie) throw new Error(`login of ${email}: no session cookie`);
  return cookie.split(';')[0];
}
