import { addProjectConfiguration, generateFiles, installPackagesTask, names, Tree, updateJson, type GeneratorCallback } from '@nx/devkit';
import { join } from 'node:path';

export interface ContextGeneratorSchema {
  name: string;
  /** The sample aggregate, kebab case; default: the context name without its plural "s". */
  aggregate?: string;
}

/** The layers every context has, with the tags the module-boundary rules read. */
export const CONTEXT_LAYERS = [
  { layer: 'domain', type: 'domain', platform: 'any', purpose: 'Aggregates, value objects, domain errors and repository ports. No framework imports.' },
  { layer: 'application', type: 'application', platform: 'node', purpose: 'Use cases, one folder each: commands/<use-case>/, queries/<use-case>/, reactions/<use-case>/.' },
  { layer: 'infrastructure', type: 'infrastructure', platform: 'node', purpose: 'MikroORM mappings and repositories, adapters.' },
  { layer: 'api', type: 'api', platform: 'node', purpose: 'HTTP controllers and DTOs, queue processors, the Nest modules.' },
  { layer: 'contracts', type: 'contracts', platform: 'any', purpose: 'What other contexts may know of this one: integration events and query DTOs. Other contexts import only this.' },
] as const;

const KEBAB = /^[a-z][a-z0-9-]*$/;

export function contextProjectName(context: string, layer: string): string {
  return `${context}-${layer}`;
}

/** `invoices` → `invoice`, `policies` → `policy`; a name without a plural stays as it is. */
export function singular(name: string): string {
  if (name.endsWith('ies') && name.length > 3) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s') && !name.endsWith('ss') && name.length > 1) return name.slice(0, -1);
  return name;
}

/**
 * A bounded context in the house layout: five tagged libraries, a sample aggregate (domain, with
 * its created event in contracts, mapping and repository in infrastructure), one sample use case
 * (`application/src/commands/create-<aggregate>/`: command, handler, spec) and the Nest module
 * (api). Every index.ts only re-exports. Installs afterwards, so the new packages resolve.
 */
export async function contextGenerator(tree: Tree, options: ContextGeneratorSchema): Promise<GeneratorCallback> {
  const context = options.name;
  const aggregate = options.aggregate ?? singular(context);
  for (const [label, value] of [['Context name', context], ['Aggregate name', aggregate]]) {
    if (!KEBAB.test(value)) throw new Error(`${label} "${value}" must be kebab case (a-z, 0-9, -), starting with a letter.`);
  }
  if (tree.exists(`libs/${context}`)) {
    throw new Error(`libs/${context} already exists.`);
  }
  for (const { layer, type, platform } of CONTEXT_LAYERS) {
    const root = `libs/${context}/${layer}`;
    const importPath = `@qa/${context}-${layer}`;
    addProjectConfiguration(tree, contextProjectName(context, layer), {
      root,
      sourceRoot: `${root}/src`,
      projectType: 'library',
      tags: [`scope:${context}`, `type:${type}`, `platform:${platform}`],
    });
    tree.write(
      `${root}/package.json`,
      JSON.stringify({ name: importPath, version: '0.0.0', private: true, main: './src/index.ts', types: './src/index.ts' }, null, 2) + '\n',
    );
    updateJson(tree, 'tsconfig.base.json', (json) => {
      json.compilerOptions.paths ??= {};
      json.compilerOptions.paths[importPath] = [`${root}/src/index.ts`];
      json.compilerOptions.paths = Object.fromEntries(Object.entries(json.compilerOptions.paths).sort(([a], [b]) => a.localeCompare(b)));
      return json;
    });
  }
  generateFiles(tree, join(__dirname, 'files'), `libs/${context}`, templateValues(context, aggregate));
  updateJson(tree, 'tools/contexts.json', (json) => {
    json.contexts = [...new Set([...json.contexts, context])].sort();
    return json;
  });
  // npm links the new workspace packages (@qa/<context>-<layer>) into node_modules for Vitest.
  return () => installPackagesTask(tree, true);
}

/** What the templates in ./files read. */
export function templateValues(context: string, aggregate: string) {
  const words = (name: string) => name.replace(/-/g, ' ');
  return {
    context,
    contextClass: names(context).className,
    contextProperty: names(context).propertyName,
    contextConstant: names(context).constantName,
    contextWords: words(context),
    aggregate,
    aggregateClass: names(aggregate).className,
    aggregateProperty: names(aggregate).propertyName,
    aggregateWords: words(aggregate),
    tableName: `${context}_${aggregate}`.replace(/-/g, '_'),
    purpose: Object.fromEntries(CONTEXT_LAYERS.map(({ layer, purpose }) => [layer, purpose])),
  };
}

export default contextGenerator;
