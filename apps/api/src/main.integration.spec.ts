import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

describe('starting the API with a wrong configuration', () => {
  it('stops at once with one line per wrong setting, naming it', () => {
    const result = spawnSync(process.execPath, ['tools/launcher/run-ts.cjs', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', REDIS_URL: 'http://nope', LOG_LEVEL: 'chatty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain('PORT must be a whole number from 1 to 65535; got "eighty"');
    expect(result.stderr).toContain('REDIS_URL must look like redis://host:6379; got "http://nope"');
    expect(result.stderr).toContain('LOG_LEVEL must be one of');
    expect(result.stderr).toContain('docs/operations.md');
  });
});
