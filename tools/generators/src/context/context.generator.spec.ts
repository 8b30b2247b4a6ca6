import { readJson, readProjectConfiguration, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it, beforeEach } from 'vitest';
import { contextGenerator } from './context.generator';

describe('context generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('tsconfig.base.json', JSON.stringify({ compilerOptions: { paths: {} } }));
    tree.write('tools/contexts.json', JSON.stringify({ contexts: ['quotes'] }));
  });

  it('creates the five layer libraries with scope, type and platform tags', async () => {
    await contextGenerator(tree, { name: 'invoices' });
    expect(readProjectConfiguration(tree, 'invoices-domain').tags).toEqual(['scope:invoices', 'type:domain', 'platform:any']);
    expect(readProjectConfiguration(tree, 'invoices-application').tags).toEqual(['scope:invoices', 'type:application', 'platform:node']);
    expect(readProjectConfiguration(tree, 'invoices-infrastructure').tags).toEqual(['scope:invoices', 'type:infrastructure', 'platform:node']);
    expect(readProjectConfiguration(tree, 'invoices-api').tags).toEqual(['scope:invoices', 'type:api', 'platform:node']);
    expect(readProjectConfiguration(tree, 'invoices-contracts').tags).toEqual(['scope:invoices', 'type:contracts', 'platform:any']);
    expect(tree.exists('libs/invoices/domain/src/index.ts')).toBe(true);
    expect(readJson(tree, 'libs/invoices/contracts/package.json').name).toBe('@qa/invoices-contracts');
  });

  it('registers the import paths and the context for the boundary rules', async () => {
    await contextGenerator(tree, { name: 'invoices' });
    const paths = readJson(tree, 'tsconfig.base.json').compilerOptions.paths;
    expect(paths['@qa/invoices-domain']).toEqual(['libs/invoices/domain/src/index.ts']);
    expect(readJson(tree, 'tools/contexts.json').contexts).toEqual(['invoices', 'quotes']);
  });

  it('refuses a name that is not kebab case, and an existing context', async () => {
    await expect(contextGenerator(tree, { name: 'Invoices' })).rejects.toThrow(/kebab case/);
    await contextGenerator(tree, { name: 'invoices' });
    await expect(contextGenerator(tree, { name: 'invoices' })).rejects.toThrow(/already exists/);
  });
});
