import type { Role } from '../db/schema.ts';

/** The signed-in person, as every request after the session middleware sees them. */
export interface SessionAccount {
  userId: number;
  email: string;
  name: string;
  role: Role;
  locale: string;
  /** Hashed id of the session row (the cookie holds the secret). */
  sessionId: string;
  /** Token the session's forms carry against cross-site requests. */
  csrfToken: string;
}

// Request variables of the accounts area, visible to every handler through c.get().
declare module 'hono' {
  interface ContextVariableMap {
    account?: SessionAccount;
    /** Token of an anonymous visitor's forms (sign-in, sign-up), from the pre-session cookie. */
    anonCsrf?: string;
  }
}
