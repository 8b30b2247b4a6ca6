import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocumentFromCode } from './openapi-document';

describe('the typed API client', () => {
  it('was generated from the current API code (run `npm run api:client` when this fails)', async () => {
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../libs/shared/api-client/openapi.json'), 'utf8'));
    const current = JSON.parse(JSON.stringify(await openApiDocumentFromCode()));
    expect(current).toEqual(committed);
  });

  it('documents every operation with an id and the error body', async () => {
    const document = await openApiDocumentFromCode();
    const operations = Object.values(document.paths).flatMap((path) => Object.values(path as Record<string, { operationId?: string }>));
    expect(operations.length).toBeGreaterThanOrEqual(8);
    expect(operations.filter((op) => !op.operationId)).toEqual([]);
    expect(document.components?.schemas?.['ErrorResponse']).toMatchObject({
      type: 'object',
      required: ['statusCode', 'code', 'message', 'details'],
      properties: { statusCode: { type: 'number' }, code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
    });
  });
});
