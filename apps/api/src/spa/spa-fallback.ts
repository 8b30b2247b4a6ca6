import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotFoundFallback } from '@qa/shared-http';

/**
 * History fallback for the SPA: an HTML GET outside /api and /admin that matched no file gets
 * index.html, so deep links like /quotes/123 load the app.
 */
export function spaFallback(adminDist: string | null): NotFoundFallback | undefined {
  if (!adminDist || !existsSync(join(adminDist, 'index.html'))) return undefined;
  const indexHtml = readFileSync(join(adminDist, 'index.html'));
  return (request, reply) => {
    const path = request.url.split('?')[0];
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (request.method !== 'GET' || !wantsHtml || path.startsWith('/api') || path.startsWith('/admin/')) return false;
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return true;
  };
}
