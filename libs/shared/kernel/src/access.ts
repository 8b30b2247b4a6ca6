/** The roles a user can have. Shared vocabulary: every context's endpoints declare which may call them. */
export const ROLES = ['rep', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling: the authenticated user behind a request or a job. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** How the caller proved who they are. */
  via: 'session' | 'api-token';
}
