/** The session cookie's name. httpOnly, SameSite=Strict, path /; Secure when COOKIE_SECURE. */
export const SESSION_COOKIE = 'qa_session';

export abstract class SessionCookieSettings {
  abstract readonly secure: boolean;
}
