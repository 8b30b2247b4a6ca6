import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './redis-server';

/**
 * A PostgreSQL server of the test's own (initdb in a temp folder, a free port), to stop and start
 * again mid-run without touching the shared server other tests use. Needs the server binaries
 * (Debian's postgresql package); run as root, it runs them as the `postgres` user.
 */
export interface OwnPostgresServer {
  port: number;
  /** Connection URL of the `postgres` database, user `postgres`, trust auth. */
  url: string;
  /** `pg_ctl stop -m immediate`: every connection drops at once, as in a crash. */
  stopImmediately(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes the folder. */
  dispose(): Promise<void>;
}

/** Where Debian keeps the server binaries (the newest installed major version), or null. */
export function postgresBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

export async function startOwnPostgresServer(): Promise<OwnPostgresServer> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (install the postgresql package)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'qa-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const commandArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const start = async () => {
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    const until = Date.now() + 30_000;
    while (!(await accepts(port))) {
      if (Date.now() > until) throw new Error(`postgres on port ${port} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await start();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    async stopImmediately() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    },
    async dispose() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function accepts(port: number): Promise<boolean> {
  const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

