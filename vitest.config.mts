// One Vitest run for the whole workspace, split into projects by kind of test:
//   unit         *.spec.ts beside the code, no I/O
//   integration  *.integration.spec.ts against real PostgreSQL and Redis
//   admin        the Vue SPA's component and store tests (happy-dom)
//   e2e          browser tests in real Chromium (apps/admin-e2e)
import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import vue from '@vitejs/plugin-vue';

const nestSwc = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'es6' },
  });

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      {
        plugins: [nestSwc()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['libs/**/*.spec.ts', 'apps/api/**/*.spec.ts', 'apps/worker/**/*.spec.ts', 'tools/**/*.spec.ts'],
          exclude: ['**/*.integration.spec.ts', '**/node_modules/**'],
          pool: 'forks',
          // Not a speed check (benchmarks are): room for property tests on a busy machine.
          testTimeout: 20_000,
        },
      },
      {
        plugins: [nestSwc()],
        test: {
          name: 'integration',
          environment: 'node',
          include: ['libs/**/*.integration.spec.ts', 'apps/api/**/*.integration.spec.ts', 'apps/worker/**/*.integration.spec.ts', 'tools/**/*.integration.spec.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'admin',
          environment: 'happy-dom',
          include: ['apps/admin/**/*.spec.ts'],
          // Whole pages rendered and driven in happy-dom: seconds each while the other projects run.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['apps/admin-e2e/**/*.e2e.spec.ts'],
          globalSetup: ['apps/admin-e2e/src/global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits for a condition in a real browser against API and worker: give it
          // seconds, not the default second, on a busy machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
