import { removeQueueKeys, startAppProcess, TEST_REDIS_URL, waitUntil, waitUntilQuiet, type Activity, type AppProcess, type QuietOptions } from '@qa/shared-testing';
import { FileClock } from '@qa/shared-kernel';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiTestApp, type ApiTestApp } from './api-test-app';

export interface ApiWithWorkerOptions {
  /** Names the run's queue prefix: `qa-<name>-<random>`, so runs sharing Redis never meet. */
  name: string;
  /** Demo users (password `demo`) to log in at start, e.g. `['rep', 'manager']`. */
  users: string[];
  /** `later`: the test starts the worker itself, with `startWorker()` (default: with the API). */
  worker?: 'with-api' | 'later';
  /**
   * The time API and worker start at (ISO): both then take "now" from a file the test moves with
   * `setClock` / `advanceClock` (a FileClock; CLOCK_FILE for the worker process). Not given: the system clock.
   */
  clockStart?: string;
  /** More settings for the worker process (e.g. OUTBOX_ACK_TIMEOUT_MS). */
  workerEnv?: Record<string, string>;
}

type Response = Awaited<ReturnType<ApiTestApp['request']>>;

/**
 * The product as it runs: the API (in this process, requests injected into Fastify) and the
 * worker in a process of its own, on a fresh migrated PostgreSQL database and the shared Redis
 * under a queue prefix of the run's own. Call `start()` in beforeAll and `stop()` in afterAll;
 * `cookies` and `ids` hold each logged-in user's session cookie and id, by the name before
 * `@example.com`.
 */
export class ApiWithWorker {
  readonly queuePrefix: string;
  readonly cookies: Record<string, string> = {};
  readonly ids: Record<string, string> = {};
  private started?: ApiTestApp;
  private workerProcess?: AppProcess;

  constructor(private readonly options: ApiWithWorkerOptions) {
    this.queuePrefix = `qa-${options.name}-${randomBytes(3).toString('hex')}`;
  }

  get api(): ApiTestApp {
    if (!this.started) throw new Error('the API is not started: call start() in beforeAll');
    return this.started;
  }

  get worker(): AppProcess {
    if (!this.workerProcess) throw new Error('the worker is not started');
    return this.workerProcess;
  }

  private clockFile?: string;

  async start(): Promise<void> {
    if (this.options.clockStart) {
      this.clockFile = join(mkdtempSync(join(tmpdir(), 'qa-clock-')), 'now');
      writeFileSync(this.clockFile, new Date(this.options.clockStart).toISOString());
    }
    this.started = await startApiTestApp({ QUEUE_PREFIX: this.queuePrefix, JOB_BACKOFF_MS: '100' }, { clock: this.clockFile ? new FileClock(this.clockFile) : undefined });
    await this.api.seedDemoUsers();
    if ((this.options.worker ?? 'with-api') === 'with-api') await this.startWorker();
    for (const who of this.options.users) await this.logIn(who);
  }

  /** The worker in its own process, as in production (once; later calls return it). */
  async startWorker(): Promise<AppProcess> {
    this.workerProcess ??= await startAppProcess(
      'apps/worker/src/main.ts',
      {
        DATABASE_URL: this.api.database.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: this.queuePrefix,
        LOG_LEVEL: 'info',
        JOB_BACKOFF_MS: '100',
        ...(this.clockFile ? { CLOCK_FILE: this.clockFile } : {}),
        ...this.options.workerEnv,
      },
      'worker ready',
    );
    return this.workerProcess;
  }

  /** The worker's process ended (kill -9 in a fault test): `startWorker()` starts a new one. */
  forgetWorker(): void {
    this.workerProcess = undefined;
  }

  /** The time API and worker take as now (with `clockStart`). */
  now(): Date {
    if (!this.clockFile) throw new Error('no clock to read: give clockStart');
    return new FileClock(this.clockFile).now();
  }

  /** Moves the clock of API and worker to `at` (with `clockStart`). */
  setClock(at: Date | string): void {
    if (!this.clockFile) throw new Error('no clock to move: give clockStart');
    writeFileSync(this.clockFile, new Date(at).toISOString());
  }

  /** Moves the clock of API and worker on by `ms` (with `clockStart`). */
  advanceClock(ms: number): void {
    this.setClock(new Date(this.now().getTime() + ms));
  }

  /** Stops whatever started, drops the database and removes the run's keys from Redis. */
  async stop(): Promise<void> {
    await this.workerProcess?.stop();
    await this.started?.close();
    await removeQueueKeys(this.queuePrefix);
  }

  /** Logs `<who>@example.com` in; their cookie and id go into `cookies` and `ids`. */
  async logIn(who: string, password = 'demo'): Promise<void> {
    this.cookies[who] = await this.api.logIn(`${who}@example.com`, password);
    this.ids[who] = (await this.call(who, 'GET', '/api/v1/me')).json<{ id: string }>().id;
  }

  /** A request as `who` (their session cookie), through the API's whole HTTP stack. */
  call = (who: string, method: string, url: string, payload?: unknown): Promise<Response> =>
    this.api.request({ method, url, payload: payload as never, headers: { cookie: this.cookies[who] } });

  /** A deal of `owner` (1,000.00 EUR, contract sent) at a shared company `<name> BV` the admin adds; returns its id. */
  async createDeal(name: string, owner = 'rep'): Promise<string> {
    const company = await this.call('admin', 'POST', '/api/v1/crm/companies', { name: `${name} BV` });
    if (company.statusCode !== 201) throw new Error(`company ${name} BV: ${company.statusCode} ${company.body}`);
    const deal = await this.call(owner, 'POST', '/api/v1/crm/deals', { name, amount: '1000.00', currency: 'EUR', stage: 'contract_sent', companyId: company.json<{ id: string }>().id });
    if (deal.statusCode !== 201) throw new Error(`deal ${name}: ${deal.statusCode} ${deal.body}`);
    return deal.json<{ id: string }>().id;
  }

  /**
   * Until the worker has installed the approval workflows (it does so on the first save of the approval
   * settings): a quote submitted before then gets no review task.
   */
  async approvalWorkflowsInstalled(): Promise<void> {
    await waitUntil(
      async () =>
        (await this.call('admin', 'GET', '/api/v1/workflows')).json<{ items: Array<{ name: string; enabled: boolean }> }>().items.some((w) => w.name === 'When quotes need approval' && w.enabled),
      { timeoutMs: 20_000, describe: () => 'the approval workflows are installed' },
    );
  }

  /** Until the outbox, the run's queues and the workflow runs have nothing left to do (see waitUntilQuiet). */
  waitUntilQuiet(options: Partial<QuietOptions> = {}): Promise<Activity> {
    return waitUntilQuiet({ database: this.api.database.url, queuePrefix: this.queuePrefix, timeoutMs: 30_000, ...options });
  }
}
