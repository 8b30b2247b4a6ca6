// A small wrapper around the typed client's answers for the tasks, notifications and workflows
// pages: `{ ok: true, data }` or `{ ok: false, status, error }`, so callers can tell a 403 from a
// 409 from a validation error without try/catch everywhere. `status` 0: the API was not reached.
import type { ApiError } from '@qa/shared-api-client';
import { isApiError } from './client';

export type ApiFailure = { ok: false; status: number; error: ApiError | null };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;
export type FieldProblem = { field: string; reason: string };

export async function apiResult<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<ApiResult<T>> {
  try {
    const { data, error, response } = await request;
    if (response.ok) return { ok: true, data: data as T };
    return { ok: false, status: response.status, error: isApiError(error) ? error : null };
  } catch {
    return { ok: false, status: 0, error: null };
  }
}

/** The field problems of a failed request (`details.fields` of a 400 or 422), or none. */
export function fieldProblemsOf(failure: ApiFailure): FieldProblem[] {
  const fields = failure.error?.details?.['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (entry): entry is FieldProblem => typeof entry === 'object' && entry !== null && typeof entry.field === 'string' && typeof entry.reason === 'string',
  );
}
