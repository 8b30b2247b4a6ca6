// Runs a TypeScript entry point with SWC (decorator metadata and tsconfig paths included):
//   node tools/launcher/run-ts.cjs apps/api/src/main.ts
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
require('@swc-node/register');
const [, , entry, ...rest] = process.argv;
if (!entry) {
  console.error('usage: node tools/launcher/run-ts.cjs <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...rest];
require(path.resolve(entry));
