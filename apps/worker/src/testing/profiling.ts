/**
 * Measuring aids for the benchmarks (tools/bench/profile-pipeline.ts), nothing the product runs:
 * a CPU profile of this process taken with the inspector, and a count of the SQL statements this
 * process sends (each `pg` query is one round trip to the database).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { Client } from 'pg';

type Query = (...args: unknown[]) => unknown;

const sqlCounts = new Map<string, number>();
let counting = false;

/** The statement, shortened to its shape: whitespace collapsed, parameters and literals kept out. */
function shapeOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat
    .replace(/'[^']*'/g, "'?'")
    .replace(/\$\d+/g, '?')
    .replace(/\b\d+\b/g, '?')
    .replace(/(\(\?(, \?)*\))(, \(\?(, \?)*\))+/g, '$1, …')
    .replace(/in \(\?(, \?)*\)/gi, 'in (…)')
    .slice(0, 160);
}

/** Counts every query of every `pg` client of this process (the ORM's pool and plain clients). */
export function countSqlStatements(): void {
  const prototype = Client.prototype as unknown as { query: Query; __counted?: boolean };
  if (prototype.__counted) return;
  prototype.__counted = true;
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    if (counting) {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '(unknown)');
      const shape = shapeOf(text);
      sqlCounts.set(shape, (sqlCounts.get(shape) ?? 0) + 1);
    }
    return original.apply(this, args);
  };
}

export function resetSqlCounts(on: boolean): void {
  sqlCounts.clear();
  counting = on;
}

export function sqlCountsSnapshot(): Record<string, number> {
  return Object.fromEntries([...sqlCounts].sort((a, b) => b[1] - a[1]));
}

/** A CPU profile of this process between `start` and `stop` (what `node --cpu-prof` records). */
export class CpuProfiler {
  private readonly session = new Session();

  private post<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return new Promise((resolve, reject) => this.session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  }

  async start(intervalUs = 500): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.post('Profiler.start');
  }

  async stop(file: string): Promise<void> {
    const { profile } = await this.post<{ profile: unknown }>('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    await this.post('Profiler.disable');
    this.session.disconnect();
  }
}

/**
 * With PROFILE_DIR set: SQL statements are counted, and SIGWINCH toggles measuring (a signal Nest's
 * shutdown hooks leave alone, and whose default action is to ignore it). The first
 * SIGWINCH starts a CPU profile and zeroes the SQL counts; the second writes
 * `<PROFILE_DIR>/<PROFILE_NAME>.cpuprofile`, `.sql.json` and `.cpu.json` (CPU time used, which
 * unlike the profile's busy time does not count time the OS gave to other processes) and prints
 * "profile written".
 */
export function profileOnSignal(): void {
  const dir = process.env['PROFILE_DIR'];
  if (!dir) return;
  const name = process.env['PROFILE_NAME'] ?? `worker-${process.pid}`;
  countSqlStatements();
  let profiler: CpuProfiler | undefined;
  let cpu = process.cpuUsage();
  process.on('SIGWINCH', () => {
    void (async () => {
      if (!profiler) {
        profiler = new CpuProfiler();
        resetSqlCounts(true);
        cpu = process.cpuUsage();
        await profiler.start();
        console.log('profile started');
        return;
      }
      const used = process.cpuUsage(cpu);
      await profiler.stop(`${dir}/${name}.cpuprofile`);
      writeFileSync(`${dir}/${name}.sql.json`, JSON.stringify(sqlCountsSnapshot(), null, 2));
      writeFileSync(`${dir}/${name}.cpu.json`, JSON.stringify({ userMs: used.user / 1000, systemMs: used.system / 1000 }));
      profiler = undefined;
      resetSqlCounts(false);
      console.log('profile written');
    })().catch((error) => console.error('profiling failed', error));
  });
}
