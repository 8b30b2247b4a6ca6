#!/usr/bin/env node
// npm run chaos: the full fault-injection runs (docs/operations.md, "Fault injection").
// Starts PostgreSQL and Redis when they are down (as npm test does), then runs the chaos specs
// with CHAOS_FULL=1: 12,000 fuzzed requests with a new seed, the authorisation matrix, and 50
// concurrent decisions on six quotes, and the product's processes under kill -9, PostgreSQL and
// Redis faults over 10,000 quote transitions. Arguments go to vitest; CHAOS_SEED=<n> replays a run.
import { ensurePostgres, ensureRedis, fail, run, step } from '../launcher/lib.mjs';

await ensurePostgres();
await ensureRedis();
step('Fault injection (CHAOS_FULL=1): vitest run --project integration tools/chaos …');
const code = await run('npx', ['vitest', 'run', '--project', 'integration', 'tools/chaos', ...process.argv.slice(2)], { env: { CHAOS_FULL: '1' } });
if (code !== 0) fail(`Fault injection found problems (exit ${code}); the output above names each one and the seed to replay it`);
step('Fault injection passed');
