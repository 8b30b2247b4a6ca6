import { addProjectConfiguration, Tree, updateJson } from '@nx/devkit';

export interface ContextGeneratorSchema {
  name: string;
}

/** The layers every context has, with the tags the module-boundary rules read. */
export const CONTEXT_LAYERS = [
  { layer: 'domain', type: 'domain', platform: 'any', purpose: 'Aggregates, value objects, domain events, errors and repository ports. No framework imports.' },
  { layer: 'application', type: 'application', platform: 'node', purpose: 'Use cases: commands/<use-case>/, queries/<use-case>/, event-handlers/.' },
  { layer: 'infrastructure', type: 'infrastructure', platform: 'node', purpose: 'MikroORM mappings and repositories, adapters.' },
  { layer: 'api', type: 'api', platform: 'node', purpose: 'HTTP controllers and DTOs, queue processors, the Nest modules.' },
  { layer: 'contracts', type: 'contracts', platform: 'any', purpose: "The context's public face: integration events and query DTOs. Other contexts import only this." },
] as const;

export function contextProjectName(context: string, layer: string): string {
  return `${context}-${layer}`;
}

export async function contextGenerator(tree: Tree, options: ContextGeneratorSchema): Promise<void> {
  const context = options.name;
  if (!/^[a-z][a-z0-9-]*$/.test(context)) {
    throw new Error(`Context name "${context}" must be kebab case (a-z, 0-9, -), starting with a letter.`);
  }
  if (tree.exists(`libs/${context}`)) {
    throw new Error(`libs/${context} already exists.`);
  }
  for (const { layer, type, platform, purpose } of CONTEXT_LAYERS) {
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
    tree.write(`${root}/src/index.ts`, `// ${importPath}: ${purpose}\nexport {};\n`);
    updateJson(tree, 'tsconfig.base.json', (json) => {
      json.compilerOptions.paths ??= {};
      json.compilerOptions.paths[importPath] = [`${root}/src/index.ts`];
      json.compilerOptions.paths = Object.fromEntries(Object.entries(json.compilerOptions.paths).sort(([a], [b]) => a.localeCompare(b)));
      return json;
    });
  }
  updateJson(tree, 'tools/contexts.json', (json) => {
    json.contexts = [...new Set([...json.contexts, context])].sort();
    return json;
  });
}

export default contextGenerator;
