import type { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { createMailer } from '../mail/mailer.ts';
import { csrfProtection } from '../security/csrf.ts';
import { csrfRefused } from '../security/refusals.tsx';
import type { AccountsDeps } from './accounts-deps.ts';
import { loginRoutes } from './login.routes.tsx';
import { passwordRoutes } from './password.routes.tsx';
import { profileRoutes } from './profile.routes.tsx';
import { expectedCsrfToken, sessionMiddleware } from './session.ts';
import { signupRoutes } from './signup.routes.tsx';
import { userAdminRoutes } from './user-admin.routes.ts';

/**
 * Puts accounts into the app: the session on every request, CSRF protection on every
 * state-changing request (whoever's route it is), and the account pages. Call it before
 * mounting any other route so the middleware covers them all.
 * @example mountAccounts(app, deps);
 */
export function mountAccounts(app: Hono<AppEnv>, deps: AppDeps & Partial<Pick<AccountsDeps, 'mailer' | 'pause'>>): void {
  const accountsDeps = { ...deps, mailer: deps.mailer ?? createMailer(deps.config, deps.log) };
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  // The layout's account link reads the request from here (it is rendered without one).
  app.use(contextStorage());
  app.use(sessionMiddleware(deps.db, deps.config));
  app.use(
    csrfProtection({
      trustedOrigins: (c) => [publicOrigin, new URL(c.req.url).origin],
      expectedToken: expectedCsrfToken,
      // Machine endpoints authenticate with a bearer token and read no cookies.
      exempt: (path) => path.startsWith('/internal/'),
      refuse: csrfRefused,
    }),
  );
  app.route('/', signupRoutes(accountsDeps));
  app.route('/', loginRoutes(accountsDeps));
  app.route('/', passwordRoutes(accountsDeps));
  app.route('/', profileRoutes(accountsDeps));
  app.route('/', userAdminRoutes(deps));
}
