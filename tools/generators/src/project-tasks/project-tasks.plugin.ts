import { createNodesFromFiles, type CreateNodes, type TargetConfiguration } from '@nx/devkit';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The script behind every inferred `typecheck` target (workspace-relative). */
export const TYPECHECK_SCRIPT = 'tools/generators/src/project-tasks/typecheck-project.ts';

/** The specs a project has: `*.spec.ts` (unit) and `*.integration.spec.ts` (on real PostgreSQL and Redis). */
export interface ProjectSpecs {
  unit: boolean;
  integration: boolean;
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);

/**
 * `test` and `typecheck` for every project (lint comes from @nx/eslint/plugin).
 *
 * The workspace has one Vitest config and one tsconfig.json for the Node side, and `npm test`
 * runs them whole. These targets run the same two on one project's files, from the workspace
 * root, so a project's tests run exactly as under `npm test`:
 * - `test`: `vitest run <root>/` (unit and integration specs), for projects that have specs;
 *   never beside another task when the project has integration specs, as the Vitest config runs
 *   those one file at a time;
 * - `typecheck`: tsconfig.json's compiler options on the project's files (TYPECHECK_SCRIPT).
 * Both cached: they rerun when the project, a project it depends on, or the config changes.
 */
export const createNodes: CreateNodes = [
  '**/project.json',
  (configFiles, options, context) => {
    const roots = configFiles.map((file) => dirname(file));
    return createNodesFromFiles(
      (file, _options, { workspaceRoot }) => {
        const root = dirname(file);
        const nested = roots.filter((other) => other !== root && other.startsWith(`${root}/`));
        return { projects: { [root]: { targets: projectTargets(root, findSpecs(workspaceRoot, root, nested)) } } };
      },
      configFiles,
      options,
      context,
    );
  },
];

export function projectTargets(root: string, specs: ProjectSpecs): Record<string, TargetConfiguration> {
  const typecheck: TargetConfiguration = {
    command: `node tools/launcher/run-ts.cjs ${TYPECHECK_SCRIPT} ${root}`,
    cache: true,
    inputs: ['default', '^production', '{workspaceRoot}/tsconfig.json', `{workspaceRoot}/${TYPECHECK_SCRIPT}`, { externalDependencies: ['typescript'] }],
    outputs: [],
    metadata: { technologies: ['typescript'], description: "Type-checks the project's files with tsconfig.json" },
  };
  if (!specs.unit && !specs.integration) return { typecheck };
  const test: TargetConfiguration = {
    command: `vitest run ${root}/`,
    cache: true,
    inputs: ['default', '^production', '{workspaceRoot}/vitest.config.mts', '{workspaceRoot}/tools/launcher/run-ts.cjs', { externalDependencies: ['vitest'] }],
    outputs: [],
    ...(specs.integration ? { parallelism: false } : {}),
    metadata: { technologies: ['vitest'], description: "Runs the project's specs with the workspace's Vitest config" },
  };
  return { typecheck, test };
}

/** The specs in a project's folder, without the projects nested in it (`*.e2e.spec.ts` belong to the `e2e` target). */
export function findSpecs(workspaceRoot: string, root: string, nestedRoots: readonly string[] = []): ProjectSpecs {
  const specs: ProjectSpecs = { unit: false, integration: false };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(workspaceRoot, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !nestedRoots.includes(path)) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.integration.spec.ts')) specs.integration = true;
      else if (entry.isFile() && entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.e2e.spec.ts')) specs.unit = true;
    }
  };
  walk(root);
  return specs;
}
