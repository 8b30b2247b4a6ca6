/**
 * Summarises a V8 CPU profile (.cpuprofile, as `node --cpu-prof` or the inspector writes it) by
 * package: self time (the function on top of the stack) and total time (the package anywhere on
 * the stack), as shares of the samples in which the process was not idle.
 *
 *   node tools/launcher/run-ts.cjs tools/bench/profile-summary.ts /tmp/prof/worker.cpuprofile
 *
 * Total time follows synchronous stacks only: time spent waiting for the database or Redis is
 * idle, not attributed to the caller.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Share {
  name: string;
  ms: number;
  percent: number;
}
export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  /** Busy share of the wall time (one core = 100 %). */
  cpuPercent: number;
  selfByPackage: Share[];
  totalByPackage: Share[];
  topSelfFunctions: Share[];
  topTotalOwnFunctions: Share[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** The package (or our lib) a frame belongs to. */
export function packageOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (SPECIAL.has(functionName)) return functionName;
  if (!url) return 'V8 builtins (JSON, RegExp, …)';
  if (url.startsWith('node:')) return 'node core';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    if (name.startsWith('@mikro-orm/')) return 'MikroORM';
    if (name === 'pg' || name.startsWith('pg-') || name === 'postgres-array' || name === 'postgres-date') return 'pg';
    if (name === 'ioredis' || name === 'redis-parser' || name.startsWith('@ioredis/') || name === 'cluster-key-slot' || name === 'denque') return 'ioredis';
    if (name.startsWith('@nestjs/')) return 'NestJS';
    if (name === 'tarn') return 'knex';
    return name;
  }
  const own = url.match(/\/(libs\/[^/]+\/[^/]+|libs\/[^/]+|apps\/[^/]+|tools\/[^/]+)\//);
  if (own) return `ours: ${own[1]}`;
  return 'other';
}

function functionLabel(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(libs|apps|tools)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

export function summarise(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stackCache = new Map<number, { packages: Set<string>; own: Set<string> }>();
  const stackOf = (id: number): { packages: Set<string>; own: Set<string> } => {
    const cached = stackCache.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const up = parent.has(id) ? stackOf(parent.get(id)!) : { packages: new Set<string>(), own: new Set<string>() };
    const pkg = packageOf(node.callFrame);
    const result = { packages: new Set(up.packages).add(pkg), own: pkg.startsWith('ours:') ? new Set(up.own).add(functionLabel(node.callFrame)) : up.own };
    stackCache.set(id, result);
    return result;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const selfFn = new Map<string, number>();
  const totalOwn = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i])!;
    const pkg = packageOf(node.callFrame);
    if (pkg === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    add(self, pkg, us);
    add(selfFn, SPECIAL.has(node.callFrame.functionName) ? pkg : `${functionLabel(node.callFrame)} [${pkg}]`, us);
    const stack = stackOf(node.id);
    for (const p of stack.packages) add(total, p, us);
    for (const f of stack.own) add(totalOwn, f, us);
  }
  const shares = (map: Map<string, number>, limit = Infinity): Share[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), percent: Math.round((1000 * us) / busy) / 10 }));
  const wall = busy + idle;
  return {
    wallMs: Math.round(wall / 1000),
    busyMs: Math.round(busy / 1000),
    cpuPercent: Math.round((100 * busy) / wall),
    selfByPackage: shares(self),
    totalByPackage: shares(total).filter((s) => !s.name.startsWith('(')),
    topSelfFunctions: shares(selfFn, top),
    topTotalOwnFunctions: shares(totalOwn, top),
  };
}

export function summaryMarkdown(title: string, s: ProfileSummary): string {
  const rows = (list: Share[]) => list.map((x) => `| ${x.name.replace(/\|/g, '\\|')} | ${x.percent} % | ${x.ms} |`).join('\n');
  return [
    `#### ${title}: ${s.busyMs} ms busy of ${s.wallMs} ms (${s.cpuPercent} % of one core)`,
    '',
    '| self time by package | share of busy | ms |',
    '| --- | --- | --- |',
    rows(s.selfByPackage),
    '',
    '| total time by package (anywhere on the stack) | share of busy | ms |',
    '| --- | --- | --- |',
    rows(s.totalByPackage),
    '',
    '| top functions by self time | share of busy | ms |',
    '| --- | --- | --- |',
    rows(s.topSelfFunctions),
    '',
    '| our functions by total time | share of busy | ms |',
    '| --- | --- | --- |',
    rows(s.topTotalOwnFunctions),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  for (const file of process.argv.slice(2)) {
    console.log(summaryMarkdown(file, summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile)) + '\n');
  }
}
