import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../../..');

export interface AppProcess {
  pid: number;
  output(): string;
  /** SIGTERM and wait (SIGKILL after 10 s). */
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/**
 * Starts one of the apps (e.g. apps/worker/src/main.ts) as its own process, as production runs it,
 * and resolves once its output contains `readyText`.
 */
export async function startAppProcess(entry: string, env: Record<string, string>, readyText: string, timeoutMs = 60_000): Promise<AppProcess> {
  const child = spawn(process.execPath, ['tools/launcher/run-ts.cjs', entry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      // Never leave a half-started process behind (it would hold ports, connections and CPU).
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not get ready:\n${output.slice(-3000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  return { pid: child.pid!, output: () => output, stop: () => stopWith('SIGTERM'), kill9: () => stopWith('SIGKILL') };
}
