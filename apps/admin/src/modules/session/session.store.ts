// Session of the signed-in user. The session itself is an httpOnly cookie set by the API;
// this store only keeps who is signed in (`me`), never a token.
import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { ApiSchemas } from '@qa/shared-api-client';
import { isApiError, useApi } from '../../api/client';

export type Me = ApiSchemas['MeResponse'];
export type LoginFailure = 'invalid-credentials' | 'too-many-attempts' | 'unknown';
export type LoginResult = { ok: true; me: Me } | { ok: false; reason: LoginFailure };

function loginFailure(status: number, body: unknown): LoginFailure {
  const code = isApiError(body) ? body.code : undefined;
  if (status === 401 || code === 'AUTH.INVALID_CREDENTIALS') return 'invalid-credentials';
  if (status === 429 || code === 'AUTH.TOO_MANY_ATTEMPTS') return 'too-many-attempts';
  return 'unknown';
}

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  /** True once the API has told us whether there is a session (200 or 401 from GET /me). */
  const loaded = ref(false);
  const isAuthenticated = computed(() => me.value !== null);
  let pending: Promise<Me | null> | null = null;

  /** Asks the API who is signed in; cached after the first definite answer unless `force`. */
  function loadMe(options: { force?: boolean } = {}): Promise<Me | null> {
    if (loaded.value && !options.force) return Promise.resolve(me.value);
    pending ??= (async () => {
      try {
        const { data, response } = await useApi().GET('/api/v1/me');
        if (data) {
          me.value = data;
          loaded.value = true;
        } else {
          me.value = null;
          // 401: definitely signed out. Other failures (5xx) are retried on the next navigation.
          loaded.value = response.status === 401;
        }
      } catch {
        me.value = null;
      } finally {
        pending = null;
      }
      return me.value;
    })();
    return pending;
  }

  async function login(email: string, password: string): Promise<LoginResult> {
    try {
      const { data, error, response } = await useApi().POST('/api/v1/auth/login', { body: { email, password } });
      if (data) {
        me.value = data;
        loaded.value = true;
        return { ok: true, me: data };
      }
      return { ok: false, reason: loginFailure(response.status, error) };
    } catch {
      return { ok: false, reason: 'unknown' };
    }
  }

  async function logout(): Promise<void> {
    try {
      await useApi().POST('/api/v1/auth/logout');
    } catch {
      // The user asked to leave: forget them here even if the API could not be reached.
    } finally {
      me.value = null;
      loaded.value = true;
    }
  }

  return { me, loaded, isAuthenticated, loadMe, login, logout };
});
