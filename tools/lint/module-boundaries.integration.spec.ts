import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

// The rule reads Nx's cached project graph, and skips itself (a warning, no error) without one:
// on a fresh clone that would make every case below pass for the wrong reason.
beforeAll(() => {
  execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
}, 120_000);

/**
 * Lints a piece of code as if it were the file at `path` (an existing file, so Nx knows its project),
 * with the workspace's real ESLint config. The file itself is not touched.
 */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries (lint)', () => {
  it('fails when a domain library imports NestJS', async () => {
    const errors = await boundaryErrors('libs/quotes/domain/src/index.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(errors.join('\n')).toMatch(/@nestjs\/common/);
  });

  it('fails when a domain library imports MikroORM or BullMQ', async () => {
    expect(await boundaryErrors('libs/identity/domain/src/index.ts', "import { EntityManager } from '@mikro-orm/core';\nexport type X = EntityManager;\n")).not.toEqual([]);
    expect(await boundaryErrors('libs/identity/domain/src/index.ts', "import { Queue } from 'bullmq';\nexport type X = Queue;\n")).not.toEqual([]);
  });

  it('lets a contract type itself with @nestjs/cqrs and nothing else of NestJS or the ORM', async () => {
    expect(await boundaryErrors('libs/quotes/contracts/src/index.ts', "import { Query } from '@nestjs/cqrs';\nexport class Q extends Query<number> {}\n")).toEqual([]);
    expect((await boundaryErrors('libs/quotes/contracts/src/index.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n")).join('\n')).toMatch(/@nestjs\/common/);
    expect((await boundaryErrors('libs/quotes/contracts/src/index.ts', "import { EntityManager } from '@mikro-orm/core';\nexport type X = EntityManager;\n")).join('\n')).toMatch(/@mikro-orm\/core/);
  });

  it('keeps @nestjs/cqrs out of the domain', async () => {
    expect((await boundaryErrors('libs/quotes/domain/src/index.ts', "import { Query } from '@nestjs/cqrs';\nexport class Q extends Query<number> {}\n")).join('\n')).toMatch(/@nestjs\/cqrs/);
  });

  it("fails when a context imports another context's internals", async () => {
    const errors = await boundaryErrors('libs/quotes/application/src/index.ts', "import { User } from '@qa/identity-domain';\nexport type X = User;\n");
    expect(errors.join('\n')).toMatch(/scope:quotes|tags/);
  });

  it("allows a context to import another context's contracts", async () => {
    expect(await boundaryErrors('libs/quotes/application/src/index.ts', "import type { UserSummary } from '@qa/identity-contracts';\nexport type X = UserSummary;\n")).toEqual([]);
  });

  it('fails when the browser app imports a Node-only library', async () => {
    expect(await boundaryErrors('apps/admin/src/main.ts', "import { loadConfig } from '@qa/shared-config';\nexport const x = loadConfig;\n")).not.toEqual([]);
  });
});
