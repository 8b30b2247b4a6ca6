import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import * as ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typecheckProject } from '../project-tasks/typecheck-project';
import { contextGenerator } from './context.generator';

const workspaceRoot = resolve(__dirname, '../../../..');

// The generated context, written under tmp/ in this workspace (so its imports of @nestjs/* and
// @qa/shared-* resolve), then tested and type-checked as the repository's own code is.
describe('a generated context', () => {
  let dir: string;
  let files: string[];
  const paths = (context: string) =>
    Object.fromEntries(['domain', 'application', 'infrastructure', 'api', 'contracts'].map((layer) => [`@qa/${context}-${layer}`, join(dir, `libs/${context}/${layer}/src/index.ts`)]));

  beforeAll(async () => {
    const tree: Tree = createTreeWithEmptyWorkspace();
    tree.write('tsconfig.base.json', JSON.stringify({ compilerOptions: { paths: {} } }));
    tree.write('tools/contexts.json', JSON.stringify({ contexts: [] }));
    await contextGenerator(tree, { name: 'invoices' });
    mkdirSync(join(workspaceRoot, 'tmp'), { recursive: true });
    dir = mkdtempSync(join(workspaceRoot, 'tmp', 'context-generator-'));
    files = [];
    for (const { path, content } of tree.listChanges()) {
      if (!path.startsWith('libs/invoices/') || !content) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
      if (path.endsWith('.ts')) files.push(join(dir, path));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes its own specs', async () => {
    writeFileSync(
      join(dir, 'vitest.config.mts'),
      [
        "import swc from 'unplugin-swc';",
        'export default {',
        "  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'es6' } })],",
        `  resolve: { alias: ${JSON.stringify(paths('invoices'))} },`,
        "  test: { include: ['libs/**/*.spec.ts'], environment: 'node' },",
        '};',
      ].join('\n'),
    );
    const vitest = join(workspaceRoot, 'node_modules/vitest/vitest.mjs');
    const results = join(dir, 'results.json');
    await promisify(execFile)(process.execPath, [vitest, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mts'), '--reporter=json', `--outputFile=${results}`], { cwd: workspaceRoot });
    const report = JSON.parse(readFileSync(results, 'utf8')) as { testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[] };
    const outcomes = report.testResults.flatMap((file) => file.assertionResults.map((test) => [relative(dir, file.name), test.fullName, test.status]));
    expect(outcomes.sort()).toEqual([
      ['libs/invoices/application/src/commands/create-invoice/create-invoice.handler.spec.ts', 'CreateInvoiceHandler saves a new invoice created now and answers its id', 'passed'],
      ['libs/invoices/application/src/commands/create-invoice/create-invoice.handler.spec.ts', 'CreateInvoiceHandler saves nothing when the name is blank', 'passed'],
      ['libs/invoices/domain/src/invoice.spec.ts', 'Invoice is created with a trimmed name, recording a created event', 'passed'],
      ['libs/invoices/domain/src/invoice.spec.ts', 'Invoice refuses a blank name', 'passed'],
    ]);
  });

  it('type-checks with the workspace compiler options', () => {
    const base = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const rooted = Object.fromEntries(Object.entries(base.compilerOptions.paths).map(([name, [path]]) => [name, [join(workspaceRoot, path!)]]));
    const generated = Object.fromEntries(Object.entries(paths('invoices')).map(([name, path]) => [name, [path]]));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(workspaceRoot, 'tsconfig.json'), compilerOptions: { paths: { ...rooted, ...generated } }, include: ['libs/**/*.ts'], exclude: [] }));
    const { files: checked, diagnostics } = typecheckProject(dir, 'libs/invoices');
    expect(checked.sort()).toEqual(files.sort());
    expect(diagnostics.map((d) => `${relative(dir, d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)).toEqual([]);
  });

  it('passes the workspace lint rules', async () => {
    const results = await new ESLint({ cwd: workspaceRoot, ignore: false }).lintFiles(files);
    expect(results.flatMap((result) => result.messages.map((m) => `${relative(dir, result.filePath)}:${m.line} ${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(results).toHaveLength(17);
  });
});
