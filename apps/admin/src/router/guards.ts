import type { Router } from 'vue-router';
import { useSessionStore } from '../modules/session/session.store';
import { safeRedirectPath } from './safe-redirect';

/** Pages need a session unless marked `meta.public`; the session is asked of the API once, then cached. */
export function installAuthGuard(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSessionStore();
    const me = await session.loadMe();
    if (to.meta.public) {
      if (to.name === 'login' && me) return safeRedirectPath(to.query.redirect) ?? { name: 'quotes' };
      return true;
    }
    if (!me) return { name: 'login', query: { redirect: to.fullPath } };
    return true;
  });
}
