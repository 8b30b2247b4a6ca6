// The `redirect` query param of /login comes from the URL, so anyone can craft it.
// Only same-origin paths are followed; anything else (//evil.example, https://…, \\…) is ignored.
const PROBE_ORIGIN = 'http://same-origin.invalid';

export function safeRedirectPath(value: unknown): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  if (url.pathname === '/login') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Pages the server renders itself (Bull Board under /admin/): leaving the SPA needs a full page load. */
export function isServerPage(path: string): boolean {
  return path === '/admin' || path.startsWith('/admin/');
}
