import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A redis-server of the test's own, on a free port and a temp folder, to stop, kill and restart
 * without touching the shared Redis other tests use.
 */
export interface OwnRedisServer {
  port: number;
  url: string;
  /** SIGKILL: whatever it held in memory is gone. */
  kill9(): Promise<void>;
  /** SHUTDOWN SAVE: stops after writing its data to disk, to come back with it. */
  stopSavingData(): Promise<void>;
  /** Starts again on the same port and folder (with the saved data, if any). */
  start(): Promise<void>;
  /** Stops and removes the folder. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startOwnRedisServer(): Promise<OwnRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'qa-redis-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: 'ignore',
    });
    const until = Date.now() + 10_000;
    while (!(await ping(port))) {
      if (Date.now() > until) throw new Error(`redis-server on port ${port} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const exited = () => new Promise<void>((resolve) => (child && child.exitCode === null && child.signalCode === null ? child.once('exit', () => resolve()) : resolve()));

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    async kill9() {
      const done = exited();
      child?.kill('SIGKILL');
      await done;
    },
    async stopSavingData() {
      const done = exited();
      await command(port, 'SHUTDOWN SAVE');
      await done;
    },
    async dispose() {
      const done = exited();
      child?.kill('SIGKILL');
      await done;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function ping(port: number): Promise<boolean> {
  return command(port, 'PING').then(
    (answer) => answer.startsWith('+PONG'),
    () => false,
  );
}

function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error('timeout')));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (data) => {
      answer += data.toString();
      socket.end();
    });
    socket.on('close', () => resolve(answer));
  });
}
