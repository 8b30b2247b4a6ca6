/**
 * Regenerates the SPA's typed API client from the API's code:  npm run api:client
 * Writes libs/shared/api-client/openapi.json and src/schema.d.ts (openapi-typescript).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApiDocumentFromCode } from './openapi-document';

const CLIENT = resolve(__dirname, '../../libs/shared/api-client');

async function main() {
  const document = await openApiDocumentFromCode();
  writeFileSync(resolve(CLIENT, 'openapi.json'), JSON.stringify(document, null, 2) + '\n');
  execFileSync(process.execPath, [resolve(__dirname, '../../node_modules/openapi-typescript/bin/cli.js'), resolve(CLIENT, 'openapi.json'), '-o', resolve(CLIENT, 'src/schema.d.ts')], {
    stdio: 'inherit',
  });
  console.log('api-client: wrote openapi.json and src/schema.d.ts');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
