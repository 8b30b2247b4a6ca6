import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typecheckProject, type ProjectTypecheck } from './typecheck-project';

describe('typecheckProject', () => {
  let workspace: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  const checked: Record<string, ProjectTypecheck> = {};
  const errors = (projectRoot: string) =>
    checked[projectRoot]!.diagnostics.map((d) => `${relative(workspace, d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'qa-typecheck-'));
    write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, lib: ['ES2022'], types: [], baseUrl: '.', paths: { '@x/kernel': ['libs/kernel/src/index.ts'] } }, include: ['libs/**/*.ts'] }));
    write('libs/kernel/src/index.ts', 'export const answer = 42;\nexport const broken: number = "not a number";\n');
    write('libs/quotes/src/index.ts', "import { answer } from '@x/kernel';\nexport const total: number = answer;\n");
    write('libs/crm/src/index.ts', "import { answer } from '@x/kernel';\nexport const name: string = answer;\n");
    for (const project of ['libs/kernel', 'libs/quotes', 'libs/crm']) checked[project] = typecheckProject(workspace, project);
  }, 60_000);
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it("checks the project's files with the workspace compiler options", () => {
    expect(checked['libs/crm']!.files.map((f) => relative(workspace, f))).toEqual(['libs/crm/src/index.ts']);
    expect(errors('libs/crm')).toEqual(["libs/crm/src/index.ts: Type 'number' is not assignable to type 'string'."]);
  });

  it('leaves the errors of the projects it imports to their own typecheck', () => {
    expect(errors('libs/quotes')).toEqual([]);
    expect(errors('libs/kernel')).toEqual(["libs/kernel/src/index.ts: Type 'string' is not assignable to type 'number'."]);
  });

  it('has nothing to check for a project outside the tsconfig', () => {
    expect(typecheckProject(workspace, 'apps/admin')).toEqual({ files: [], diagnostics: [] });
  });
});
