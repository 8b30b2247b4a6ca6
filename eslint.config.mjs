// Lint for the whole workspace. The module-boundary rules below are the architecture's teeth:
// see docs/architecture.md ("Boundaries") and tools/contexts.json.
import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import { readFileSync } from 'node:fs';

const { contexts } = JSON.parse(readFileSync(new URL('./tools/contexts.json', import.meta.url), 'utf8'));

/** Frameworks the domain layer (and contracts) must never import. */
const frameworks = ['@nestjs/*', '@mikro-orm/*', 'bullmq', 'ioredis', 'pg', 'better-sqlite3', 'fastify', '@fastify/*', 'knex'];
/** Contracts are the messages between contexts: they may type themselves with @nestjs/cqrs's
 *  `Query<Result>` / `Command<Result>` (so the buses return the declared result), nothing else. */
const contractFrameworks = [
  ...['common', 'core', 'platform-fastify', 'swagger', 'terminus', 'testing', 'throttler', 'config', 'bullmq'].map((p) => `@nestjs/${p}`),
  ...frameworks.filter((f) => f !== '@nestjs/*'),
];

const depConstraints = [
  // Each context may use itself, the shared libraries and other contexts' contracts — nothing else.
  ...contexts.map((context) => ({
    sourceTag: `scope:${context}`,
    onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared', 'type:contracts'],
  })),
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Layers.
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'], bannedExternalImports: frameworks },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'], bannedExternalImports: contractFrameworks },
  {
    sourceTag: 'type:application',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:application'],
    bannedExternalImports: ['@mikro-orm/*', 'bullmq', 'ioredis', 'pg', 'better-sqlite3', 'fastify', '@fastify/*', 'knex'],
  },
  { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:application', 'type:infrastructure', 'type:testing'] },
  { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:application', 'type:infrastructure', 'type:api', 'type:testing'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:application', 'type:infrastructure', 'type:testing'] },
  { sourceTag: 'type:composition', notDependOnLibsWithTags: ['type:app', 'type:e2e'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:contracts'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:contracts'] },
  // Platforms: browser code never pulls in Node-only libraries and the reverse.
  { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:any'] },
  { sourceTag: 'platform:any', onlyDependOnLibsWithTags: ['platform:any'] },
  { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:any'] },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', 'data/**', '.nx/**', 'libs/shared/api-client/src/schema.d.ts', 'tools/generators/**/files/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.mts', '**/*.vue'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
