import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgresql'; url: string };
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseConfig;
  redisUrl: string;
  logLevel: LogLevel;
  /** Send the session cookie only over HTTPS. On by default in production. */
  cookieSecure: boolean;
  sessionTtlHours: number;
  /** A session ends this many hours after the login, however active. */
  sessionAbsoluteHours: number;
  /** Login attempts per account (from any address), and per client address (for any account), in a window of loginLockoutSeconds. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginLockoutSeconds: number;
  /** Addresses/CIDRs of reverse proxies whose X-Forwarded-For names the client; empty: X-Forwarded-For is ignored. */
  trustedProxies: string[];
  /** Folder of the built admin SPA, served at `/`; absent when the SPA is not built. */
  adminDist: string | null;
  /** E-mail: SMTP server (null: in-app notifications only), sender, and the app's public URL for links. */
  mail: { smtpUrl: string | null; from: string; appBaseUrl: string };
  /** How often an open live stream (GET /events/stream) checks that its session and role still hold. */
  liveStreamRecheckMs: number;
  /** Networks (CIDR) webhooks may reach although they are private, loopback or link-local; empty: none. */
  webhookAllowedNetworks: string[];
  /**
   * Signs the Approve / Request changes links of approval e-mails (HMAC-SHA256). `generated`: not
   * set, so derived from the database's location (development and tests only; production refuses it).
   */
  approvalLinks: { secret: string; generated: boolean };
  /**
   * Tests only: a file holding the time (an ISO date) that the process takes as "now", so that a
   * test can move the clock of an API or worker it started as a process. Null: the system clock.
   * Production refuses it.
   */
  clockFile: string | null;
  /** What a worker process runs and how hard. */
  worker: { relay: boolean; processors: boolean; concurrency: number; stalledAfterMs: number; ackTimeoutMs: number; retentionMs: number; queuePrefix: string; attempts: number; backoffMs: number };
}

/** Every setting, its default and what it means: the single place operators read (docs/operations.md copies it). */
export const SETTINGS = {
  NODE_ENV: 'development | production | test (default development)',
  HOST: 'address the API listens on (default 0.0.0.0)',
  PORT: 'port of the API and the SPA (default 3000)',
  DATABASE_URL: 'postgres://user:pass@host:5432/db — use PostgreSQL; unset means embedded SQLite',
  SQLITE_PATH: 'SQLite file when DATABASE_URL is unset (default ./data/quote-approvals.sqlite; :memory: for a throw-away one)',
  REDIS_URL: 'redis://host:port for BullMQ and rate limits (default redis://127.0.0.1:6379)',
  LOG_LEVEL: `${LOG_LEVELS.join(' | ')} (default info)`,
  COOKIE_SECURE: 'true | false: session cookie only over HTTPS (default true in production)',
  SESSION_TTL_HOURS: 'hours a session lives without use (default 12)',
  SESSION_ABSOLUTE_HOURS: 'hours after the login a session ends however active (default 24)',
  LOGIN_MAX_FAILURES: 'failed logins per account, from any address, before a lock-out (default 5)',
  LOGIN_MAX_FAILURES_PER_ADDRESS: 'failed logins per client address, for any account, before a lock-out (default 50)',
  LOGIN_LOCKOUT_SECONDS: 'length of the lock-out (default 900)',
  TRUSTED_PROXIES: 'comma-separated addresses or CIDRs of reverse proxies allowed to name the client in X-Forwarded-For (default: none, the header is ignored)',
  ADMIN_DIST: 'folder of the built SPA (default apps/admin/dist when it exists)',
  SMTP_URL: 'smtp://user:pass@host:587 to send notifications by e-mail too (default: unset, in-app only)',
  MAIL_FROM: 'sender of notification e-mails (default "Quote approvals <no-reply@localhost>")',
  APP_BASE_URL: 'public URL of the app, for links in e-mails (default http://localhost:<PORT>)',
  APPROVAL_LINK_SECRET:
    'at least 32 random characters signing the Approve / Request changes links of approval e-mails (e.g. `openssl rand -base64 48`); required in production (default elsewhere: derived from the database location)',
  CLOCK_FILE: 'tests only: a file with an ISO time the process takes as now (moved by the test); production refuses it (default: unset, the system clock)',
  QUEUE_PREFIX: 'prefix of every BullMQ key in Redis (default qa); separates installations sharing one Redis',
  WORKER_RELAY: 'true | false: this worker runs an outbox relay (default true)',
  WORKER_PROCESSORS: 'true | false: this worker runs the event subscribers (default true)',
  WORKER_CONCURRENCY: 'deliveries handled at once per subscriber queue (default 16)',
  WORKER_LOCK_MS: 'a job whose worker died is taken up by another after about this long (default 30000)',
  OUTBOX_ACK_TIMEOUT_MS: 'republish an event not acknowledged by every subscriber, and queue again a workflow step overdue, after this long (default 30000)',
  JOB_ATTEMPTS: 'attempts of an event delivery or workflow step before it stays failed (default 6)',
  JOB_BACKOFF_MS: 'first retry delay of a failed job; doubles each attempt (default 500)',
  OUTBOX_RETENTION_HOURS: 'keep delivered events this long before removing them (default 168)',
  LIVE_STREAM_RECHECK_MS: 'an open live-event stream re-checks its session, user and role this often, and ends when they no longer hold (default 5000)',
  WEBHOOK_ALLOWED_NETWORKS: 'comma-separated CIDR networks (e.g. 10.20.0.0/16,fd12::/16) webhooks may reach although private, loopback or link-local (default: none)',
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws one ConfigError listing every problem found. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const str = (name: keyof typeof SETTINGS, fallback: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? fallback : value.trim();
  };
  const int = (name: keyof typeof SETTINGS, fallback: number, min: number, max: number) => {
    const raw = str(name, String(fallback));
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: keyof typeof SETTINGS, fallback: boolean) => {
    const raw = str(name, String(fallback)).toLowerCase();
    if (raw !== 'true' && raw !== 'false') {
      problems.push(`${name} must be true or false; got "${raw}"`);
      return fallback;
    }
    return raw === 'true';
  };
  const oneOf = <T extends string>(name: keyof typeof SETTINGS, allowed: readonly T[], fallback: T): T => {
    const raw = str(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}; got "${raw}"`);
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');

  let database: DatabaseConfig;
  const databaseUrl = str('DATABASE_URL', '');
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\/[^/]+\/[^/?#]+/.test(databaseUrl)) {
      problems.push(`DATABASE_URL must look like postgres://user:password@host:5432/database; got "${redact(databaseUrl)}"`);
    }
    database = { kind: 'postgresql', url: databaseUrl };
  } else {
    const sqlitePath = str('SQLITE_PATH', 'data/quote-approvals.sqlite');
    database = { kind: 'sqlite', path: sqlitePath === ':memory:' ? sqlitePath : resolve(cwd, sqlitePath) };
  }

  const redisUrl = str('REDIS_URL', 'redis://127.0.0.1:6379');
  if (!/^[a-z0-9-]{1,32}$/.test(str('QUEUE_PREFIX', 'qa'))) problems.push(`QUEUE_PREFIX must be 1 to 32 of a-z, 0-9 and -; got "${str('QUEUE_PREFIX', 'qa')}"`);
  if (!/^rediss?:\/\/[^/]+/.test(redisUrl)) {
    problems.push(`REDIS_URL must look like redis://host:6379; got "${redact(redisUrl)}"`);
  }

  const smtpUrl = str('SMTP_URL', '');
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) problems.push(`SMTP_URL must look like smtp://user:pass@host:587; got "${redact(smtpUrl)}"`);
  const adminDist = str('ADMIN_DIST', '');
  const trustedProxies = str('TRUSTED_PROXIES', '').split(',').map((p) => p.trim()).filter(Boolean);
  for (const proxy of trustedProxies) {
    if (cidr(proxy) === null) problems.push(`TRUSTED_PROXIES must list IP addresses or CIDRs (e.g. 10.0.0.0/8, 127.0.0.1); got "${proxy}"`);
  }
  const webhookAllowedNetworks = str('WEBHOOK_ALLOWED_NETWORKS', '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const network = cidr(entry);
      if (!network) problems.push(`WEBHOOK_ALLOWED_NETWORKS must list networks like 10.20.0.0/16 or fd12::/16, separated by commas; got "${entry}"`);
      return network;
    })
    .filter((network): network is string => network !== null);
  const approvalLinkSecret = str('APPROVAL_LINK_SECRET', '');
  if (approvalLinkSecret && approvalLinkSecret.length < 32) problems.push(`APPROVAL_LINK_SECRET must be at least 32 characters (e.g. openssl rand -base64 48); got ${approvalLinkSecret.length}`);
  const config: AppConfig = {
    env: nodeEnv,
    host: str('HOST', '0.0.0.0'),
    port: int('PORT', 3000, 1, 65535),
    database,
    redisUrl,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 24, 1, 24 * 90),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginMaxFailuresPerAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100_000),
    loginLockoutSeconds: int('LOGIN_LOCKOUT_SECONDS', 900, 1, 86_400),
    trustedProxies,
    adminDist: adminDist ? resolve(cwd, adminDist) : null,
    liveStreamRecheckMs: int('LIVE_STREAM_RECHECK_MS', 5_000, 50, 300_000),
    webhookAllowedNetworks,
    approvalLinks: approvalLinkSecret ? { secret: approvalLinkSecret, generated: false } : { secret: developmentLinkSecret(database), generated: true },
    clockFile: str('CLOCK_FILE', '') || null,
    mail: {
      smtpUrl: smtpUrl || null,
      from: str('MAIL_FROM', 'Quote approvals <no-reply@localhost>'),
      appBaseUrl: str('APP_BASE_URL', `http://localhost:${str('PORT', '3000')}`).replace(/\/$/, ''),
    },
    worker: {
      relay: bool('WORKER_RELAY', true),
      processors: bool('WORKER_PROCESSORS', true),
      concurrency: int('WORKER_CONCURRENCY', 16, 1, 1000),
      stalledAfterMs: int('WORKER_LOCK_MS', 30_000, 1_000, 3_600_000),
      ackTimeoutMs: int('OUTBOX_ACK_TIMEOUT_MS', 30_000, 100, 3_600_000),
      retentionMs: int('OUTBOX_RETENTION_HOURS', 168, 1, 24 * 365) * 3_600_000,
      queuePrefix: str('QUEUE_PREFIX', 'qa'),
      attempts: int('JOB_ATTEMPTS', 6, 1, 100),
      backoffMs: int('JOB_BACKOFF_MS', 500, 10, 3_600_000),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The approval links' secret when none is set: the same in every process of one installation (the
 * worker signs, the API checks) and different between installations, but anyone who knows where
 * the database is can compute it, so production refuses it (productionConfigProblems).
 */
function developmentLinkSecret(database: DatabaseConfig): string {
  const location = database.kind === 'postgresql' ? database.url : database.path;
  return createHash('sha256').update(`quote-approvals approval links\n${location}`).digest('base64url');
}

/** `address/prefix` (or a bare address: one host) as a normalised CIDR, or null when it is not one. */
function cidr(entry: string): string | null {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  return Number.isInteger(bits) && bits >= 0 && bits <= max ? `${address}/${bits}` : null;
}

/** Passwords nobody should run production with (they ship in examples and docs). */
const DEFAULT_SECRETS = new Set(['postgres', 'password', 'secret', 'changeme', 'demo', 'admin', 'redis']);

/**
 * What production refuses to start with, beyond a valid configuration: secrets left at an
 * example value, and a session cookie that travels over plain HTTP. Empty in other environments.
 */
export function productionConfigProblems(config: AppConfig): string[] {
  if (config.env !== 'production') return [];
  const problems: string[] = [];
  const password = (url: string) => {
    try {
      return decodeURIComponent(new URL(url).password);
    } catch {
      return '';
    }
  };
  const isDefault = (url: string | null) => url !== null && DEFAULT_SECRETS.has(password(url).toLowerCase());
  if (config.database.kind === 'postgresql' && isDefault(config.database.url)) {
    problems.push('DATABASE_URL has a default password (postgres, password, …): give the database user a strong one');
  }
  if (isDefault(config.redisUrl)) problems.push('REDIS_URL has a default password: choose a strong one');
  if (isDefault(config.mail.smtpUrl)) problems.push('SMTP_URL has a default password: use the real one of your mail account');
  if (config.approvalLinks.generated) problems.push('APPROVAL_LINK_SECRET is not set: set it to at least 32 random characters (openssl rand -base64 48), the same for the API and the worker');
  if (config.clockFile) problems.push('CLOCK_FILE is for tests (it sets the time the app takes as now): unset it');
  if (!config.cookieSecure) problems.push('COOKIE_SECURE=false would send session cookies over plain HTTP: serve the app over HTTPS and leave COOKIE_SECURE unset (true)');
  return problems;
}

/** Hides the password in a connection URL before it is printed. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

/** Loads the configuration, or prints every problem in a form people can act on and exits with 1. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nSee docs/operations.md ("Configuration") for every setting.`);
      process.exit(1);
    }
    throw error;
  }
}
