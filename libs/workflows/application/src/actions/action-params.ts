import { ActionFailure } from './action-failure';
import type { ActionContext } from './workflow-action';

/**
 * `owner` (the record's owner), `approver` (the record's approver property) or a user id, also as a
 * template (`{{event.payload.activity.to}}`: whom an approval step was handed to).
 */
export function resolveUser(who: unknown, ctx: ActionContext, param: string): string {
  const value = typeof who === 'string' ? (who.includes('{{') ? ctx.render(who) : who) : '';
  // "approvers" where the record names no list of approvers means its approver: never a user id.
  const id = value === 'owner' ? ctx.record['ownerId'] : value === 'approver' || value === 'approvers' ? ctx.record['approver'] : value;
  if (typeof id !== 'string' || !id) throw new ActionFailure(`${param}: "${value}" names nobody on this record`);
  return id;
}

export function daysFromNow(days: unknown): string | null {
  const n = Number(days);
  if (days === undefined || days === null || days === '' || !Number.isFinite(n)) return null;
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

/** A text for people as a code with parameters (`message` of create_task and send_notification). */
export interface MessageParam {
  code: string;
  params: Record<string, string>;
}

const MESSAGE_CODE = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const MESSAGE_PARAM_NAME = /^[a-z][a-zA-Z0-9]{0,39}$/;

/**
 * What is wrong with a `message` param, or null: `{ code: 'approvals.reviewQuote', params: {
 * number: '{{record.number}}' } }`, a dotted code and text params (templates).
 */
export function messageProblem(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'must be { code, params }';
  const { code, params } = value as Record<string, unknown>;
  if (typeof code !== 'string' || code.length > 100 || !MESSAGE_CODE.test(code)) return 'code must be dotted words, e.g. approvals.reviewQuote';
  if (params === undefined) return null;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return 'params must be an object of texts';
  const entries = Object.entries(params);
  if (entries.length > 20) return 'params may have at most 20 entries';
  for (const [name, text] of entries) {
    if (!MESSAGE_PARAM_NAME.test(name)) return `params.${name} is not a parameter name (letters and digits)`;
    if (typeof text !== 'string' || text.length > 2_000) return `params.${name} must be text of at most 2000 characters`;
  }
  return null;
}

/** The `message` param with its params rendered (templates), or null when the action has none. */
export function renderMessage(value: unknown, ctx: ActionContext): MessageParam | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !code) return null;
  const rendered: Record<string, string> = {};
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    for (const [name, template] of Object.entries(params as Record<string, unknown>)) rendered[name] = ctx.render(template);
  }
  return { code, params: rendered };
}
