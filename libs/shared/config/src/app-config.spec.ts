import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, productionConfigProblems } from './app-config';

describe('loadConfig', () => {
  it('defaults to embedded SQLite under ./data and local Redis', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.database).toEqual({ kind: 'sqlite', path: '/srv/app/data/quote-approvals.sqlite' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.cookieSecure).toBe(false);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/quotes' });
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgres://u:p@db:5432/quotes' });
  });

  it('makes the session cookie secure in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
  });

  it('lists every wrong setting in one error, naming each and hiding passwords', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://u:secret@x/y', LOG_LEVEL: 'loud', COOKIE_SECURE: 'yes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT must be a whole number from 1 to 65535; got "eighty"/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must look like postgres:\/\//);
    expect(problems.join('\n')).not.toContain('secret');
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/COOKIE_SECURE must be true or false/);
  });
});

describe('identity settings', () => {
  it('reads the absolute session lifetime, the per-address login limit and the trusted proxies', () => {
    const config = loadConfig({ SESSION_ABSOLUTE_HOURS: '8', LOGIN_MAX_FAILURES_PER_ADDRESS: '30', TRUSTED_PROXIES: ' 10.0.0.1, 192.168.0.0/16,2001:db8::/32 ' });
    expect(config).toMatchObject({ sessionAbsoluteHours: 8, loginMaxFailuresPerAddress: 30, trustedProxies: ['10.0.0.1', '192.168.0.0/16', '2001:db8::/32'] });
    expect(loadConfig({})).toMatchObject({ sessionAbsoluteHours: 24, loginMaxFailuresPerAddress: 50, trustedProxies: [] });
  });

  it('refuses a trusted proxy that is not an address or CIDR', () => {
    for (const proxy of ['loopback', '10.0.0.0/33', '10.0.0.1/8/1', '*']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: proxy }), proxy).toThrow(/TRUSTED_PROXIES must list IP addresses or CIDRs/);
    }
  });
});

const LINK_SECRET = 'k3Vq8Zp1-long-enough-link-signing-secret';

describe('productionConfigProblems', () => {
  it('refuses a test clock (CLOCK_FILE) in production only', () => {
    const secure = { DATABASE_URL: 'postgres://quotes:x7-Long-Secret@db:5432/quotes', APPROVAL_LINK_SECRET: LINK_SECRET, CLOCK_FILE: '/tmp/now' };
    expect(loadConfig(secure).clockFile).toBe('/tmp/now');
    expect(productionConfigProblems(loadConfig({ NODE_ENV: 'production', ...secure }))).toEqual(['CLOCK_FILE is for tests (it sets the time the app takes as now): unset it']);
    expect(loadConfig({}).clockFile).toBeNull();
  });

  it('names default passwords and an insecure cookie in production, and nothing elsewhere', () => {
    const risky = {
      DATABASE_URL: 'postgres://quotes:postgres@db:5432/quotes',
      REDIS_URL: 'redis://:ChangeMe@redis:6379',
      SMTP_URL: 'smtp://mailer:password@mail:587',
      COOKIE_SECURE: 'false',
      APPROVAL_LINK_SECRET: LINK_SECRET,
    };
    const problems = productionConfigProblems(loadConfig({ NODE_ENV: 'production', ...risky }));
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/DATABASE_URL has a default password/);
    expect(problems.join('\n')).toMatch(/REDIS_URL has a default password/);
    expect(problems.join('\n')).toMatch(/SMTP_URL has a default password/);
    expect(problems.join('\n')).toMatch(/COOKIE_SECURE=false/);
    expect(problems.join('\n')).not.toMatch(/postgres@|ChangeMe|password@/);
    expect(productionConfigProblems(loadConfig(risky))).toEqual([]);
    expect(productionConfigProblems(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://quotes:x7-Long-Secret@db:5432/quotes', APPROVAL_LINK_SECRET: LINK_SECRET }))).toEqual([]);
  });

  it('signs approval links with APPROVAL_LINK_SECRET: at least 32 characters, derived per database elsewhere, required in production', () => {
    expect(loadConfig({ APPROVAL_LINK_SECRET: LINK_SECRET }).approvalLinks).toEqual({ secret: LINK_SECRET, generated: false });
    expect(() => loadConfig({ APPROVAL_LINK_SECRET: 'short' })).toThrow(/APPROVAL_LINK_SECRET must be at least 32 characters/);
    // Not set: the API and the worker of one database agree; another database gets another secret.
    const one = loadConfig({ DATABASE_URL: 'postgres://quotes:x@db:5432/one' }).approvalLinks;
    expect(one.generated).toBe(true);
    expect(one.secret).toHaveLength(43);
    expect(loadConfig({ DATABASE_URL: 'postgres://quotes:x@db:5432/one' }).approvalLinks.secret).toBe(one.secret);
    expect(loadConfig({ DATABASE_URL: 'postgres://quotes:x@db:5432/two' }).approvalLinks.secret).not.toBe(one.secret);
    expect(productionConfigProblems(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://quotes:x7-Long-Secret@db:5432/quotes' }))).toEqual([
      'APPROVAL_LINK_SECRET is not set: set it to at least 32 random characters (openssl rand -base64 48), the same for the API and the worker',
    ]);
  });

  it('reads the live-stream recheck interval and the networks webhooks may reach, refusing what is not a network', () => {
    expect(loadConfig({})).toMatchObject({ liveStreamRecheckMs: 5_000, webhookAllowedNetworks: [] });
    expect(loadConfig({ LIVE_STREAM_RECHECK_MS: '250', WEBHOOK_ALLOWED_NETWORKS: ' 10.20.0.0/16, fd12::/16 ,192.168.1.5 ' })).toMatchObject({
      liveStreamRecheckMs: 250,
      webhookAllowedNetworks: ['10.20.0.0/16', 'fd12::/16', '192.168.1.5/32'],
    });
    let error: unknown;
    try {
      loadConfig({ LIVE_STREAM_RECHECK_MS: '0', WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/33,intranet,10.0.0.0/8/1' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/LIVE_STREAM_RECHECK_MS must be a whole number from 50/);
    for (const entry of ['10.0.0.0/33', 'intranet', '10.0.0.0/8/1']) expect(problems).toContain(`WEBHOOK_ALLOWED_NETWORKS must list networks like 10.20.0.0/16 or fd12::/16, separated by commas; got "${entry}"`);
  });
});
