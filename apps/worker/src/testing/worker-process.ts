import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../../..');

/** A test worker (relay and/or subscribers of the test ledger) in a process of its own. */
export interface WorkerProcess {
  pid: number;
  /** SIGKILL: no shutdown hooks, jobs in flight are left stalled. */
  kill9(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<void>;
  output(): string;
}

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['tools/launcher/run-ts.cjs', 'apps/worker/src/testing/test-worker.main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { pid: child.pid!, kill9: () => stopWith('SIGKILL'), stop: () => stopWith('SIGTERM'), output: () => output };
}
