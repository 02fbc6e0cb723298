import type { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { csrfProtection } from '../security/csrf.ts';
import type { FormCarry } from '../security/form-carry.ts';
import { csrfRefusal } from '../security/refusals.tsx';
import { loginRoutes } from './login.routes.tsx';
import { passwordRoutes } from './password.routes.tsx';
import { profileRoutes } from './profile.routes.tsx';
import { expectedCsrfToken, formToken, sessionMiddleware } from './session.ts';
import { signupRoutes } from './signup.routes.tsx';
import { userAdminRoutes } from './user-admin.routes.ts';

/**
 * Puts accounts into the app: the session on every request, CSRF protection on every
 * state-changing request (whoever's route it is), and the account pages. Call it before
 * mounting any other route so the middleware covers them all. `carry` names the long forms whose
 * input a refused form (a session that ended meanwhile) keeps through signing in again.
 * @example mountAccounts(app, deps, formCarry(carriedForms));
 */
export function mountAccounts(app: Hono<AppEnv>, deps: ContributionDeps, carry: FormCarry): void {
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  // The layout's account link reads the request from here (it is rendered without one).
  app.use(contextStorage());
  app.use(sessionMiddleware(deps.db));
  app.use(
    csrfProtection({
      trustedOrigins: (c) => [publicOrigin, new URL(c.req.url).origin],
      expectedToken: expectedCsrfToken,
      // Machine endpoints authenticate with a bearer token and read no cookies; a mail's one-click
      // unsubscribe (RFC 8058) is posted by the mail program, its signed token being the proof.
      // OAI-PMH harvesters may POST their (read-only) requests as forms, with no session.
      exempt: (path) => path.startsWith('/internal/') || /^\/unsubscribe\/[^/]+$/.test(path) || path === '/oai',
      refuse: csrfRefusal(carry, (c) => formToken(c, deps.config)),
    }),
  );
  app.route('/', signupRoutes(deps));
  app.route('/', loginRoutes(deps, carry));
  app.route('/', passwordRoutes(deps));
  app.route('/', profileRoutes(deps));
  app.route('/', userAdminRoutes(deps));
}
