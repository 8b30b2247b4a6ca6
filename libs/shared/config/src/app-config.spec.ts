import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

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
