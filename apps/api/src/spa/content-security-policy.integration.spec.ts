import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

const ADMIN = join(__dirname, '../../../admin');

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** `<script>` elements that run code written in the page rather than loaded from a file. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attributes, body]) => !/\bsrc\s*=/.test(attributes ?? '') || (body ?? '').trim() !== '').map(([tag]) => tag);
}

describe('Content-Security-Policy: no inline script on the SPA, the buyer page or the API', () => {
  let api: ApiTestApp;
  let dist: string;

  beforeAll(async () => {
    // The SPA's own index.html, as the build serves it (the built one when there is a build).
    dist = mkdtempSync(join(tmpdir(), 'qa-csp-'));
    const built = join(ADMIN, 'dist/index.html');
    writeFileSync(join(dist, 'index.html'), readFileSync(existsSync(built) ? built : join(ADMIN, 'index.html')));
    api = await startApiTestApp({ ADMIN_DIST: dist });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const html = (url: string) => api.request({ method: 'GET', url, headers: { accept: 'text/html' } });

  it.each([
    ['the SPA', '/'],
    ["the buyer's page", '/q/AbCdEfGhIjKlMnOpQrStUvWxYz012345'],
    ['a deep link (SPA fallback)', '/quotes/0190f3c2-1111-7000-8000-000000000000'],
    ['the login page', '/login?redirect=%2Fadmin%2Fqueues'],
  ])('%s: script-src is only self', async (_what, url) => {
    const response = await html(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    const csp = directives(response.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(inlineScripts(response.body)).toEqual([]);
  });

  it.each([
    ['a buyer API answer', '/api/v1/shared-quotes/AbCdEfGhIjKlMnOpQrStUvWxYz012345'],
    ['an error', '/api/v1/nothing-here'],
    ['the OpenAPI document', '/api/docs-json'],
    ['a lookalike of the docs path', '/api/docsx'],
  ])('%s: script-src is only self', async (_what, url) => {
    const csp = directives((await api.request({ method: 'GET', url })).headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
  });

  it("allows inline script only on Swagger UI's pages, which need it", async () => {
    const docs = await html('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(directives(docs.headers['content-security-policy'])['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("the SPA's index.html, source and build, has no inline script", () => {
    for (const file of [join(ADMIN, 'index.html'), join(ADMIN, 'dist/index.html')].filter((f) => existsSync(f))) {
      const page = readFileSync(file, 'utf8');
      expect(page).toMatch(/<script\b[^>]*\bsrc=/);
      expect(inlineScripts(page)).toEqual([]);
      expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});
