import { loadConfig } from '@qa/shared-config';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, createApiApp } from '../../apps/api/src/bootstrap';

/** The API's OpenAPI document, built from the code (throw-away in-memory SQLite; Redis from REDIS_URL). */
export async function openApiDocumentFromCode(): Promise<OpenAPIObject> {
  const config = loadConfig({ ...process.env, DATABASE_URL: '', SQLITE_PATH: ':memory:', LOG_LEVEL: 'silent', ADMIN_DIST: '' });
  const app = await createApiApp(config);
  try {
    await app.init();
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
