import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodes, findSpecs, projectTargets, TYPECHECK_SCRIPT } from './project-tasks.plugin';

describe('project tasks plugin', () => {
  let workspace: string;
  const write = (path: string, content = '') => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'qa-project-tasks-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('runs the workspace Vitest config on the project folder, cached on the project and what it depends on', () => {
    const { test } = projectTargets('libs/quotes/domain', { unit: true, integration: false });
    expect(test).toEqual({
      command: 'vitest run libs/quotes/domain/',
      cache: true,
      inputs: ['default', '^production', '{workspaceRoot}/vitest.config.mts', '{workspaceRoot}/tools/launcher/run-ts.cjs', { externalDependencies: ['vitest'] }],
      outputs: [],
      metadata: { technologies: ['vitest'], description: "Runs the project's specs with the workspace's Vitest config" },
    });
  });

  it('keeps a project with integration specs from running beside other tasks', () => {
    expect(projectTargets('apps/api', { unit: true, integration: true }).test?.parallelism).toBe(false);
    expect(projectTargets('libs/quotes/domain', { unit: true, integration: false }).test).not.toHaveProperty('parallelism');
  });

  it('type-checks every project, and gives a test target only to projects with specs', () => {
    const targets = projectTargets('libs/quotes/contracts', { unit: false, integration: false });
    expect(Object.keys(targets)).toEqual(['typecheck']);
    expect(targets.typecheck?.command).toBe(`node tools/launcher/run-ts.cjs ${TYPECHECK_SCRIPT} libs/quotes/contracts`);
    expect(targets.typecheck?.cache).toBe(true);
    expect(targets.typecheck?.inputs).toEqual(['default', '^production', '{workspaceRoot}/tsconfig.json', `{workspaceRoot}/${TYPECHECK_SCRIPT}`, { externalDependencies: ['typescript'] }]);
  });

  it('finds unit and integration specs, leaving out browser tests, node_modules and nested projects', () => {
    write('apps/api/src/main.integration.spec.ts');
    write('apps/admin-e2e/src/shell.e2e.spec.ts');
    write('libs/quotes/domain/src/quote.spec.ts');
    write('libs/quotes/contracts/src/index.ts');
    write('libs/quotes/contracts/node_modules/x/x.spec.ts');
    write('tools/generators/src/context/context.generator.spec.ts');
    write('tools/chaos/fuzz.integration.spec.ts');
    expect(findSpecs(workspace, 'apps/api')).toEqual({ unit: false, integration: true });
    expect(findSpecs(workspace, 'apps/admin-e2e')).toEqual({ unit: false, integration: false });
    expect(findSpecs(workspace, 'libs/quotes/domain')).toEqual({ unit: true, integration: false });
    expect(findSpecs(workspace, 'libs/quotes/contracts')).toEqual({ unit: false, integration: false });
    expect(findSpecs(workspace, 'tools', ['tools/generators'])).toEqual({ unit: false, integration: true });
  });

  it('adds the targets to each project.json found', async () => {
    write('libs/quotes/domain/project.json', '{}');
    write('libs/quotes/domain/src/quote.spec.ts');
    write('libs/quotes/contracts/project.json', '{}');
    const [pattern, create] = createNodes;
    expect(pattern).toBe('**/project.json');
    const results = await create(['libs/quotes/domain/project.json', 'libs/quotes/contracts/project.json'], undefined, { workspaceRoot: workspace, nxJsonConfiguration: {} });
    const targets = Object.fromEntries(results.map(([file, result]) => [file, Object.keys(Object.values(result.projects ?? {})[0]?.targets ?? {})]));
    expect(targets).toEqual({ 'libs/quotes/domain/project.json': ['typecheck', 'test'], 'libs/quotes/contracts/project.json': ['typecheck'] });
  });
});
