import { withoutWriteOnlyParams, WRITE_ONLY_PARAMS, type WorkflowActionSpec } from '@qa/workflows-domain';
import { randomBytes } from 'node:crypto';

/** The action whose params carry a signing secret. */
export const WEBHOOK_ACTION_KEY = 'send_webhook';

export { withoutWriteOnlyParams, WRITE_ONLY_PARAMS };

/** A signing secret the server made, shown once: in the answer that created or rotated it. */
export interface IssuedSecret {
  /** Index of the (first) action that uses it. */
  actionIndex: number;
  /** Names the secret in the workflow (kept in the action's params; not secret). */
  secretId: string;
  secret: string;
}

/** 256 random bits, URL-safe, with a readable prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function newSecretId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * Gives each webhook action of a workflow being saved its signing secret, which no client sets:
 * an action naming (by `secretId`) a secret the workflow already has keeps it (so edits, reorders
 * and copies of an action keep signing as before); one naming none, or one in `rotate`, gets a new
 * secret of 256 random bits, returned in `issued` so the answer can show it once. A `secret`
 * given in the params is ignored.
 */
export function assignWebhookSecrets(
  actions: readonly WorkflowActionSpec[],
  previous: readonly WorkflowActionSpec[],
  rotate: ReadonlySet<string> = new Set(),
): { actions: WorkflowActionSpec[]; issued: IssuedSecret[] } {
  const known = new Map<string, string>();
  for (const action of previous) {
    const { secretId, secret } = action.params ?? {};
    if (action.key === WEBHOOK_ACTION_KEY && typeof secretId === 'string' && typeof secret === 'string' && secret) known.set(secretId, secret);
  }
  const issued: IssuedSecret[] = [];
  const rotated = new Map<string, string>();
  const result = actions.map((action, actionIndex) => {
    if (action.key !== WEBHOOK_ACTION_KEY) return action;
    const params = { ...(action.params ?? {}) };
    const secretId = typeof params['secretId'] === 'string' ? params['secretId'] : '';
    const kept = secretId && !rotate.has(secretId) ? known.get(secretId) : undefined;
    if (kept) return { ...action, params: { ...params, secret: kept } };
    // A rotated secret shared by copies of an action is rotated once, for all of them.
    const again = secretId ? rotated.get(secretId) : undefined;
    if (again) return { ...action, params: { ...params, secret: again } };
    const id = secretId && rotate.has(secretId) ? secretId : newSecretId();
    const secret = newWebhookSecret();
    if (secretId && rotate.has(secretId)) rotated.set(secretId, secret);
    issued.push({ actionIndex, secretId: id, secret });
    return { ...action, params: { ...params, secretId: id, secret } };
  });
  return { actions: result, issued };
}
